/**
 * `npm run recount [-- --fix]`: recomputes every counter of the figures from
 * the cases and reports any difference (exit 1 if there is one); `--fix`
 * rewrites the counters that differ. Against the running local system
 * (`npm start`, found through DATA_DIR), or a deployed table: set TABLE_NAME
 * and the AWS credentials and region.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { RUNTIME_FILE } from '../lib/local/runtime.ts';
import { LOCAL_AWS } from '../lib/local/emulators.ts';

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
const fix = process.argv.includes('--fix');

if (!process.env.TABLE_NAME) {
  const dataDir = resolve(process.env.DATA_DIR || resolve(import.meta.dirname, '..', '.local'));
  let running: { dynamoDbEndpoint: string; tableName: string };
  try {
    running = JSON.parse(await readFile(join(dataDir, RUNTIME_FILE), 'utf8'));
  } catch {
    console.error(`No running local system in ${dataDir}: start it with npm start, or set TABLE_NAME (and AWS credentials) for a deployed table.`);
    process.exit(2);
  }
  Object.assign(process.env, {
    TABLE_NAME: running.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: running.dynamoDbEndpoint,
    AWS_REGION: LOCAL_AWS.region,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.secretAccessKey,
  });
}

const { recount } = await import('../functions/services/recount.ts');
const result = await recount({ fix });
console.log(`recount: cases=${result.cases} region_days=${result.regionDays} differences=${result.differences.length}${fix ? ' (fixed)' : ''}`);
for (const d of result.differences.slice(0, 50)) console.log(`  ${d.region} ${d.day} ${d.counter}: stored ${d.stored}, expected ${d.expected}`);
if (result.differences.length > 50) console.log(`  … and ${result.differences.length - 50} more`);
process.exit(result.differences.length > 0 && !fix ? 1 : 0);
