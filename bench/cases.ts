/** Demo cases for the benchmarks, made by the domain's own functions, and the emulators they run on. */
import { spawn } from 'node:child_process';
import { createSecretKey, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { registerCase, type Case } from '../functions/domain/case.ts';
import { applyRouting, decideRouting } from '../functions/domain/routing.ts';
import { submissionSchema } from '../functions/domain/intake.ts';
import { clockOf, DEFAULT_POLICY } from '../functions/domain/policy.ts';
import { chainOf } from '../functions/domain/regions.ts';
import { DEFAULT_CATEGORIES, DEMO_REGIONS } from '../functions/reference/demo.ts';
import { queueUrlEnv } from '../functions/shared/env.ts';
import { putCases } from '../functions/store/cases.ts';
import { freePort, LOCAL_AWS, startDynamoDb, startSqs, useEmulators, type Emulator } from '../lib/local/emulators.ts';
import { ensureQueues } from '../lib/local/provision.ts';

export const clock = clockOf(DEFAULT_POLICY);
// Bulk-loaded cases are never looked up by matter: any key will do.
const FINGERPRINT_KEY = createSecretKey(Buffer.alloc(32, 1));
const regions = new Map(DEMO_REGIONS.map((region) => [region.code, region]));

/** The codes of a demo region's chain, the region first. */
export const demoChainCodes = (code: string) => chainOf(regions.get(code)!, (c) => regions.get(c)).map((region) => region.code);
export const PUJIANG_VILLAGES = DEMO_REGIONS.filter((region) => region.level === 'village' && region.code.startsWith('330726'));
const submission = submissionSchema.parse({
  channel: 'online',
  category: 'housing',
  title: '基准测试',
  content: '基准测试用的信访事项。',
  regionCode: '330726001001',
  petitioner: { name: '测试', phone: '13800000000' },
});

/** A routed case from the i-th Pujiang village, received at `receivedAt`. */
export function benchCase(i: number, receivedAt: string): Case {
  const village = PUJIANG_VILLAGES[i % PUJIANG_VILLAGES.length]!;
  const registered = registerCase(
    { ...submission, regionCode: village.code, petitioner: { name: '测试', phone: `138${String(i).padStart(8, '0')}` } },
    { id: randomUUID(), now: receivedAt, clock, accessCodeHash: 'bench', routingRetryMs: 120_000, actor: 'bench', fingerprintKey: FINGERPRINT_KEY },
  ).case;
  const chain = chainOf(village, (code) => regions.get(code));
  return applyRouting(registered, decideRouting(registered, chain, DEFAULT_CATEGORIES[0]!), receivedAt, clock)!.case;
}

/** Writes cases with 8 loaders in parallel; answers the seconds it took. */
export async function load(cases: Case[]): Promise<number> {
  const started = Date.now();
  const loaders = 8;
  await Promise.all(Array.from({ length: loaders }, (_, n) => putCases(cases.filter((_, i) => i % loaders === n))));
  return (Date.now() - started) / 1000;
}

/**
 * fauxqs in a node process of its own, for a benchmark that times this
 * process's work: on AWS, SQS's work is not done by the function's CPU.
 */
async function startSqsApart(): Promise<Emulator> {
  const port = await freePort();
  const code = `const { startFauxqs } = await import('fauxqs');
    await startFauxqs({ port: ${port}, logger: false, defaultRegion: '${LOCAL_AWS.region}' });
    console.log('ready');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: resolve(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const [chunk] = (await Promise.race([once(child.stdout, 'data'), once(child, 'exit')])) as [Buffer | number];
  if (!Buffer.isBuffer(chunk) || !chunk.toString().includes('ready')) throw new Error('fauxqs did not start in a process of its own');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      process.removeListener('exit', kill);
      child.kill('SIGTERM');
    },
  };
}

/**
 * Runs `work` against fresh emulators (a large heap for DynamoDB Local), with
 * the queues of the wiring; with `sqsApart`, fauxqs runs in a process of its own.
 */
export async function onEmulators<T>(work: () => Promise<T>, { sqsApart = false } = {}): Promise<T> {
  process.env.JAVA_TOOL_OPTIONS ??= '-Xmx1g';
  const [dynamo, sqs] = await Promise.all([startDynamoDb(), sqsApart ? startSqsApart() : startSqs()]);
  try {
    useEmulators({ dynamoDb: dynamo.endpoint, sqs: sqs.endpoint });
    const queues = await ensureQueues(new SQSClient({ useQueueUrlAsEndpoint: false }), 'bench');
    for (const [name, queue] of Object.entries(queues)) process.env[queueUrlEnv(name)] = queue.url;
    return await work();
  } finally {
    await Promise.all([dynamo.stop(), sqs.stop()]);
  }
}
