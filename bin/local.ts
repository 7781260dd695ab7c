/**
 * `npm start`: the whole system on this machine. No AWS account, no Docker.
 *
 * Settings (environment): see lib/local/settings.ts; a setting that is not
 * valid stops the start with a message naming it.
 */
import { resolve } from 'node:path';
import { localSettings } from '../lib/local/settings.ts';
import { startLocalRuntime } from '../lib/local/runtime.ts';

function refuse(error: Error): never {
  console.error(`The local runtime could not start: ${error.message}`);
  process.exit(error.name === 'ConfigError' ? 2 : 1);
}

let settings: ReturnType<typeof localSettings>;
try {
  settings = localSettings(process.env, resolve(import.meta.dirname, '..'));
} catch (error) {
  refuse(error as Error);
}
const { dataDir, timeScale, sweepIntervalSeconds } = settings;

const log = (line: string) => console.log(`[local] ${line}`);

const runtime = await startLocalRuntime({ ...settings, log }).catch(refuse);

// Imported once the runtime has set the environment the store reads. Before the banner: tools wait for it.
const { runMigrations } = await import('../functions/migrations/run-migrations.ts');
await runMigrations().catch(async (error: Error) => {
  console.error(`A data migration failed: ${error.message}`);
  await runtime.stop();
  process.exit(1);
});

console.log(`
Petitions is running locally${runtime.fresh ? ' (fresh system: demo reference data loaded)' : ''}.

  Pages           ${runtime.apiUrl}/         the petitioner's pages, in Chinese
  API             ${runtime.apiUrl}          try: curl ${runtime.apiUrl}/v1/health
  API reference   ${runtime.apiUrl}/v1/docs  (the document: /v1/openapi.json)
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
