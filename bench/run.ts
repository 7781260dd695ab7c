/**
 * `npm run bench [-- name ...]`: runs the benchmarks (all, or those named)
 * against DynamoDB Local and fauxqs, and prints one line each. Method and
 * results: docs/BENCHMARKS.md.
 */
// Set before the handlers' modules load: their logger reads it once.
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';

const BENCHMARKS: Record<string, () => Promise<string[]>> = {
  sweep: async () => (await import('./sweep.ts')).benchSweep(),
  stats: async () => (await import('./stats.ts')).benchStats(),
};

const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
for (const name of names.length > 0 ? names : Object.keys(BENCHMARKS)) {
  console.error(`${name}…`);
  for (const line of await BENCHMARKS[name]!()) console.log(line);
}
