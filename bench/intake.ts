/**
 * Intake's overhead over one bare PutItem: the submitCase handler, invoked in
 * this process with the API Gateway (payload 2.0) event it gets on AWS,
 * against a PutItem of a copy of the case item it writes (same size, same
 * index entries), to the same DynamoDB Local table, in the same run, at the
 * same concurrency. Prints `intake: throughput_ratio=X latency_ratio=Y`
 * (intake ÷ bare, for requests per second and for the median latency).
 *
 * In-process, not over HTTP: a bare put has no HTTP hop either, so the ratio
 * is the handler's own cost (validation, reference reads, the transaction,
 * the routing message), not the local API Gateway's.
 *
 * On stderr: the raw figures, what one intake transaction writes, and the
 * same transaction replayed bare, and the routing message sent alone, to
 * show where the time goes.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient, TransactWriteItemsCommand, type AttributeValue, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { QueueName } from '../functions/queues/names.ts';
import { queueUrlEnv } from '../functions/shared/env.ts';
import { apiEvent } from '../lib/local/api-gateway.ts';
import { localSigningKey, localTokenCheck, type LocalSigningKey } from '../lib/local/identity.ts';
import { LocalLambdas } from '../lib/local/lambda.ts';
import { ensureTable, ensureTopics } from '../lib/local/provision.ts';
import { environmentOf, FUNCTIONS, type FunctionName } from '../lib/wiring.ts';

const TABLE = 'bench-intake';

/**
 * Modules that load the metrics emitter are imported only after this is set:
 * it reads the variable once, and its EMF records go to stdout, which
 * carries the benchmark's one line.
 */
export function quietMetrics(): void {
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** DynamoDB's item size rules: names and values in UTF-8 bytes, numbers about half their digits, 3 bytes per map or list and 1 per element. */
export function itemBytes(item: Record<string, AttributeValue>): number {
  const value = (v: AttributeValue): number => {
    if (v.S !== undefined) return Buffer.byteLength(v.S);
    if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|e.*$/gi, '').replace(/^0+/, '').length / 2) + 1;
    if (v.B !== undefined) return v.B.length;
    if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
    if (v.L !== undefined) return 3 + v.L.reduce((sum, e) => sum + 1 + value(e), 0);
    if (v.M !== undefined) return 3 + Object.entries(v.M).reduce((sum, [k, e]) => sum + 1 + Buffer.byteLength(k) + value(e), 0);
    if (v.SS !== undefined) return v.SS.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
    if (v.NS !== undefined) return v.NS.reduce((sum, n) => sum + value({ N: n }), 0);
    return 0;
  };
  return Object.entries(item).reduce((sum, [name, v]) => sum + Buffer.byteLength(name) + value(v), 0);
}

/** The event API Gateway (HTTP API, payload 2.0) hands the function for POST /v1/cases. */
const submitEvent = (body: unknown) =>
  apiEvent({
    method: 'POST',
    url: new URL('http://localhost/v1/cases'),
    routeKey: 'POST /v1/cases',
    headers: { 'content-type': 'application/json', host: 'localhost' },
    body: Buffer.from(JSON.stringify(body)),
  });

/** The i-th submission: its own phone, so no two are the same matter (none is a repeat). */
export const submission = (i: number) => ({
  channel: 'online',
  category: 'housing',
  title: '楼顶漏水三个月无人处理',
  content: '城南社区3幢楼顶漏水，物业不予处理。',
  regionCode: '330726001001',
  petitioner: { name: '张三', phone: `139${String(i).padStart(8, '0')}` },
});

/**
 * The table, the topics, the reference data and every function's environment
 * on the emulators `onEmulators` started (its queues are in the environment
 * already); answers the loaded functions and the key staff tokens are signed with.
 */
export async function benchSystem(table: string): Promise<{ lambdas: LocalLambdas; signingKey: LocalSigningKey }> {
  await ensureTable(new DynamoDBClient({}), table);
  const topics = await ensureTopics(new SNSClient({}), table);
  const signingKey = await localSigningKey();
  const tokens = localTokenCheck(signingKey);
  const queueUrl = (queue: QueueName) => process.env[queueUrlEnv(queue)]!;
  for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
    Object.assign(process.env, environmentOf(name, { tableName: table, queueUrl, topicArn: (topic) => topics[topic], tokens }));
  }
  const lambdas = new LocalLambdas();
  await lambdas.load();
  await lambdas.invoke('seedReferenceData', { RequestType: 'Create' });
  return { lambdas, signingKey };
}

export interface Run {
  ms: number;
  latencies: number[];
}

/**
 * `count` calls of `one`, `concurrency` in flight at all times, none started
 * after `seconds`: the wall time and each call's latency, in ms.
 */
export async function drive(count: number, concurrency: number, one: (i: number) => Promise<unknown>, seconds = Infinity): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && performance.now() < until) {
        const i = next++;
        const t = performance.now();
        await one(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { ms: performance.now() - started, latencies };
}

const rate = (run: Run) => run.latencies.length / (run.ms / 1000);
const describe = (run: Run) => `${rate(run).toFixed(0)} req/s, median ${median(run.latencies).toFixed(1)} ms`;

type Transaction = { TransactItems: TransactWriteItem[] };

/**
 * Watches the store's client: counts the transactions sent and those
 * cancelled by a conflict (which the store tries again), and keeps the first
 * one as it went on the wire, to show what intake writes.
 */
function watchTransactions(client: { middlewareStack: DynamoDBClient['middlewareStack'] }) {
  const watched: { tried: number; conflicts: number; first?: Transaction } = { tried: 0, conflicts: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      watched.tried++;
      if (!watched.first) {
        const body = (args.request as { body: string | Uint8Array }).body;
        watched.first = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body)) as Transaction;
      }
      try {
        return await next(args);
      } catch (error) {
        const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
        if (reasons.some((reason) => reason.Code === 'TransactionConflict')) watched.conflicts++;
        throw error;
      }
    },
    { step: 'finalizeRequest', name: 'benchWatchTransactions' },
  );
  return watched;
}

/** Each write of a transaction: its kind, its key's prefix, and for a put the item's size. */
const writesOf = (transaction: Transaction) =>
  transaction.TransactItems.map((write) => {
    const [kind, detail] = Object.entries(write)[0] as [string, { Item?: Record<string, AttributeValue>; Key?: Record<string, AttributeValue> }];
    const pk = (detail.Item ?? detail.Key)?.pk?.S ?? '';
    return `${kind} ${pk.split('#')[0]}${detail.Item ? ` (${itemBytes(detail.Item)} B)` : ''}`;
  }).join(', ');

/** The same transaction again with fresh keys for its puts (of the same length, so the same sizes): its conditions hold. */
function replayed(transaction: Transaction): Transaction {
  const fresh = (pk: string) => pk.replace(/#(.*)$/, (_, rest: string) => `#${randomUUID().replaceAll('-', '').repeat(4).slice(0, rest.length)}`);
  const items = transaction.TransactItems.map((write) =>
    write.Put ? { Put: { ...write.Put, Item: { ...write.Put.Item, pk: { S: fresh(write.Put.Item!.pk!.S!) } } } } : write,
  );
  return { TransactItems: items };
}

export async function benchIntake(count = 2_000, concurrency = 8, rounds = 4): Promise<string[]> {
  quietMetrics();
  const { onEmulators } = await import('./cases.ts');
  const { documents } = await import('../functions/store/client.ts');
  return onEmulators(async () => {
    const { lambdas } = await benchSystem(TABLE);
    let phone = 0;
    const intake = async () => {
      const result = (await lambdas.invoke('submitCase', submitEvent(submission(phone++)))) as APIGatewayProxyStructuredResultV2;
      if (result.statusCode !== 201) throw new Error(`intake answered ${result.statusCode}: ${result.body}`);
      return JSON.parse(result.body ?? '{}') as { id: string };
    };

    // The bare put writes a copy of a case item intake wrote, under a new key of the same length.
    const { id } = await intake();
    const { Item: caseItem } = await documents.send(new GetCommand({ TableName: TABLE, Key: { pk: `CASE#${id}`, sk: 'CASE' } }));
    if (!caseItem) throw new Error(`case ${id} was not written`);
    const bare = () => documents.send(new PutCommand({ TableName: TABLE, Item: { ...caseItem, pk: `CASE#${randomUUID()}` } }));

    // Warm up both (this process's JIT and sockets, DynamoDB Local's JIT), then
    // alternate rounds, so that both meet the same table size and heap.
    await drive(500, concurrency, bare);
    await drive(500, concurrency, intake);
    const transactions = watchTransactions(documents);
    const measured: Record<'bare' | 'intake', Run> = { bare: { ms: 0, latencies: [] }, intake: { ms: 0, latencies: [] } };
    for (let round = 0; round < rounds; round++) {
      const runs = { bare: await drive(count / rounds, concurrency, bare), intake: await drive(count / rounds, concurrency, intake) };
      for (const name of ['bare', 'intake'] as const) {
        measured[name].ms += runs[name].ms;
        measured[name].latencies.push(...runs[name].latencies);
      }
      console.error(`  round ${round + 1}/${rounds}: bare ${describe(runs.bare)}; intake ${describe(runs.intake)}`);
    }
    console.error(`  bare put: ${describe(measured.bare)} (${count} puts of a ${itemBytes(transactions.first!.TransactItems[0]!.Put!.Item!)} B case item)`);
    console.error(`  intake:   ${describe(measured.intake)} (${count} cases)`);
    console.error(`  one intake transaction: ${writesOf(transactions.first!)}`);
    console.error(`  ${transactions.tried} intake transactions sent for ${count} cases, ${transactions.conflicts} cancelled by a conflict`);

    // Where the time goes (a quarter as many each): intake's transaction alone, then its routing message.
    const alone = await drive(count / 4, concurrency, () => documents.send(new TransactWriteItemsCommand(replayed(transactions.first!))));
    console.error(`  the same transaction alone (${transactions.first!.TransactItems.length} writes): ${describe(alone)}`);
    const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
    const message = { QueueUrl: process.env[queueUrlEnv('routing')], Entries: [{ Id: '0', MessageBody: JSON.stringify({ kind: 'route-case', caseId: id }) }] };
    console.error(`  the routing message alone (fauxqs, in this process): ${describe(await drive(count / 4, concurrency, () => sqs.send(new SendMessageBatchCommand(message))))}`);
    sqs.destroy();
    // Against the first figure: how much the machine drifted during the run.
    console.error(`  bare put again: ${describe(await drive(count / 4, concurrency, bare))}`);

    const throughputRatio = rate(measured.intake) / rate(measured.bare);
    const latencyRatio = median(measured.intake.latencies) / median(measured.bare.latencies);
    return [`intake: throughput_ratio=${throughputRatio.toFixed(2)} latency_ratio=${latencyRatio.toFixed(2)}`];
  });
}
