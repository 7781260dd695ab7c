/**
 * `npm start`: the whole system on this machine. No AWS account, no Docker.
 *
 * Settings (environment): PORT (3000), DATA_DIR (.local/ in the checkout),
 * TIME_SCALE (1), SWEEP_INTERVAL_SECONDS (60).
 */
import { resolve } from 'node:path';
import { startLocalRuntime } from '../lib/local/runtime.ts';

function setting(name: string, fallback: number, check: (value: number) => boolean, rule: string): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!check(value)) {
    console.error(`${name}=${raw} is not valid: ${rule}.`);
    process.exit(2);
  }
  return value;
}

const port = setting('PORT', 3000, (v) => Number.isInteger(v) && v >= 0 && v < 65536, 'a port number');
const timeScale = setting('TIME_SCALE', 1, (v) => Number.isFinite(v) && v > 0, 'a positive number');
const sweepIntervalSeconds = setting('SWEEP_INTERVAL_SECONDS', 60, (v) => Number.isFinite(v) && v > 0, 'a positive number of seconds');
const dataDir = resolve(process.env.DATA_DIR || resolve(import.meta.dirname, '..', '.local'));

const log = (line: string) => console.log(`[local] ${line}`);

const runtime = await startLocalRuntime({ port, dataDir, timeScale, sweepIntervalSeconds, log }).catch((error: Error) => {
  console.error(`The local runtime could not start: ${error.message}`);
  process.exit(1);
});

// Imported once the runtime has set the environment the store reads. Before the banner: tools wait for it.
const { runMigrations } = await import('../functions/migrations/run-migrations.ts');
await runMigrations().catch(async (error: Error) => {
  console.error(`A data migration failed: ${error.message}`);
  await runtime.stop();
  process.exit(1);
});

console.log(`
Petitions is running locally${runtime.fresh ? ' (fresh system: demo reference data loaded)' : ''}.

  API             ${runtime.apiUrl}          try: curl ${runtime.apiUrl}/v1/health
  DynamoDB Local  ${runtime.dynamoDbEndpoint}    table "${runtime.tableName}", kept in ${dataDir}
  SQS (fauxqs)    ${runtime.sqsEndpoint}    queues: ${Object.keys(runtime.queues).join(', ')} (in memory)
  Schedules       every ${sweepIntervalSeconds} s     time scale: ${timeScale}x (a policy day lasts ${(86400 / timeScale).toFixed(3)} s)

Ctrl-C stops everything.
`);

let stoppingSince: number | undefined;
async function shutdown(signal: string) {
  if (stoppingSince !== undefined) {
    // npm and tsx relay the terminal's Ctrl-C too: only a second press, later, forces the exit.
    if (Date.now() - stoppingSince < 1000) return;
    console.log('Stopping at once.');
    process.exit(130);
  }
  stoppingSince = Date.now();
  console.log(`\n${signal}: stopping…`);
  await runtime.stop();
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
