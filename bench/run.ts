/**
 * `npm run bench [-- name ...]`: runs the benchmarks (all, or those named)
 * against DynamoDB Local and fauxqs, and prints one line each. Method and
 * results: docs/BENCHMARKS.md.
 *
 * Each benchmark runs in a process of its own: the handlers' SDK clients keep
 * the endpoint of the first emulators they meet, and a benchmark starts its own.
 */
import { spawnSync } from 'node:child_process';

const BENCHMARKS: Record<string, () => Promise<string[]>> = {
  sweep: async () => (await import('./sweep.ts')).benchSweep(),
  stats: async () => (await import('./stats.ts')).benchStats(),
  intake: async () => (await import('./intake.ts')).benchIntake(),
  bundle: async () => (await import('./bundle.ts')).benchBundle(),
  e2e: async () => (await import('./e2e.ts')).benchE2e(),
  capacity: async () => (await import('./e2e.ts')).benchCapacity(),
  matters: async () => (await import('./matters.ts')).benchMatters(),
  pages: async () => (await import('./pages.ts')).benchPages(),
};

const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}

if (names.length === 1) {
  // Set before the handlers' modules load: their logger and metrics read these once.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  console.error(`${names[0]}…`);
  for (const line of await BENCHMARKS[names[0]!]!()) console.log(line);
} else {
  let failed = false;
  for (const name of names.length > 0 ? names : Object.keys(BENCHMARKS)) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, name], { stdio: 'inherit' });
    failed ||= run.status !== 0;
  }
  process.exit(failed ? 1 : 0);
}
