/**
 * The sweep reads only what is due: items read per sweep ÷ cases due ≤ 1.05,
 * whatever the number of open cases. Loads open cases into DynamoDB Local
 * (about 1% of them due), runs one sweep with ReturnConsumedCapacity, and
 * prints `sweep: open=N due=M items_read=K ratio=R`; then again with ten times
 * fewer open cases.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { applyRouting, decideRouting, registerCase, type Case } from '../functions/domain/case.ts';
import { submissionSchema } from '../functions/domain/intake.ts';
import { clockOf, DEFAULT_POLICY } from '../functions/domain/policy.ts';
import { chainOf } from '../functions/domain/regions.ts';
import { DEFAULT_CATEGORIES, DEMO_REGIONS } from '../functions/reference/demo.ts';
import { sweep } from '../functions/schedules/sweep-deadlines.ts';
import { putCases } from '../functions/store/cases.ts';
import { queueUrlEnv } from '../functions/shared/env.ts';
import { startDynamoDb, startSqs, useEmulators } from '../lib/local/emulators.ts';
import { ensureQueues, ensureTable } from '../lib/local/provision.ts';

const DAY = 86_400_000;
const clock = clockOf(DEFAULT_POLICY);
const regions = new Map(DEMO_REGIONS.map((region) => [region.code, region]));
const villages = DEMO_REGIONS.filter((region) => region.level === 'village');
const submission = submissionSchema.parse({
  channel: 'online',
  category: 'housing',
  title: '基准测试',
  content: '基准测试用的信访事项。',
  regionCode: '330726001001',
  petitioner: { name: '测试', phone: '13800000000' },
});

/**
 * `count` routed cases received over the last 30 days; about `dueShare` of
 * them have a due time (their acceptance warning) that has come.
 */
function openCases(count: number, dueShare: number, now: number): Case[] {
  const warningAfterReceipt = clock.acceptance - clock.warningBefore;
  return Array.from({ length: count }, (_, i) => {
    const due = i % Math.round(1 / dueShare) === 0;
    // Due: received just long enough ago for the warning to have come; not due: received recently.
    const receivedAt = new Date(now - (due ? warningAfterReceipt + 60_000 : (i % 11) * DAY * 0.9 + 60_000)).toISOString();
    const village = villages[i % villages.length]!;
    const registered = registerCase(
      { ...submission, regionCode: village.code, petitioner: { name: '测试', phone: `138${String(i).padStart(8, '0')}` } },
      { id: randomUUID(), now: receivedAt, clock, accessCodeHash: 'bench', routingRetryMs: 120_000, actor: 'bench' },
    ).case;
    const chain = chainOf(village, (code) => regions.get(code));
    return applyRouting(registered, decideRouting(registered, chain, DEFAULT_CATEGORIES[0]!), receivedAt, clock)!.case;
  });
}

async function measure(open: number): Promise<string> {
  const table = `bench-sweep-${open}`;
  await ensureTable(new DynamoDBClient({}), table);
  process.env.TABLE_NAME = table;
  const now = Date.now();
  const cases = openCases(open, 0.01, now);
  const dueCount = cases.filter((subject) => subject.due && Date.parse(subject.due.at) <= now).length;
  const started = Date.now();
  const loaders = 8;
  await Promise.all(Array.from({ length: loaders }, (_, n) => putCases(cases.filter((_, i) => i % loaders === n))));
  console.error(`  loaded ${open} open cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const result = await sweep({ now: new Date(now).toISOString() });
  if (result.due !== dueCount) throw new Error(`the sweep found ${result.due} due cases, ${dueCount} are due`);
  const ratio = result.itemsRead / Math.max(1, result.due);
  return `sweep: open=${open} due=${result.due} items_read=${result.itemsRead} ratio=${ratio.toFixed(3)} read_units=${result.capacityUnits.toFixed(1)}`;
}

export async function benchSweep(sizes = [100_000, 10_000]): Promise<string[]> {
  // 100,000 cases and their index entries want more than the default small heap.
  process.env.JAVA_TOOL_OPTIONS ??= '-Xmx1g';
  const [dynamo, sqs] = await Promise.all([startDynamoDb(), startSqs()]);
  try {
    useEmulators({ dynamoDb: dynamo.endpoint, sqs: sqs.endpoint });
    const queues = await ensureQueues(new SQSClient({ useQueueUrlAsEndpoint: false }), 'bench');
    process.env[queueUrlEnv('routing')] = queues.routing.url;
    process.env[queueUrlEnv('deadline')] = queues.deadline.url;
    const lines = [];
    for (const size of sizes) lines.push(await measure(size));
    return lines;
  } finally {
    await Promise.all([dynamo.stop(), sqs.stop()]);
  }
}
