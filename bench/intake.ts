/**
 * Intake's overhead over the least its contract needs: the submitCase
 * handler, invoked in this process with the API Gateway (payload 2.0) event
 * it gets on AWS, against a bare TransactWriteItems of the two items intake
 * must write all or nothing (the case and its matter fingerprint, copies of
 * those intake wrote: same sizes, same index entries), and, for reference,
 * against a bare PutItem of the case item; to the same DynamoDB Local table,
 * in the same run, at the same concurrency, after a warm-up whose rounds
 * agree. Prints `intake: vs_transaction_throughput=X vs_transaction_latency=Y
 * vs_put_throughput=X2 vs_put_latency=Y2` (intake ÷ bare, for requests per
 * second and for the median latency) and its budget line.
 *
 * In-process, not over HTTP: the bare writes have no HTTP hop either, so the
 * ratio is the handler's own cost (validation, reference reads, the
 * transaction, the routing message), not the local API Gateway's. fauxqs runs
 * in a process of its own: on AWS, SQS's work is not the function's.
 *
 * On stderr: the warm-up and each round, the raw figures, what one intake
 * transaction writes, and the routing message sent alone.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localSender, OUTBOX_FILE } from '../lib/local/runtime.ts';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient, PutItemCommand, TransactWriteItemsCommand, type AttributeValue, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { QueueName } from '../functions/queues/names.ts';
import { queueUrlEnv } from '../functions/shared/env.ts';
import { casePk, isCasePk, isMatterPk } from '../functions/store/keys.ts';
import { apiEvent } from '../lib/local/api-gateway.ts';
import { localDeploymentSecret } from '../lib/local/deployment-secret.ts';
import { localSigningKey, localTokenCheck, type LocalSigningKey } from '../lib/local/identity.ts';
import { LocalLambdas } from '../lib/local/lambda.ts';
import { ensureTable, ensureTopics } from '../lib/local/provision.ts';
import { environmentOf, FUNCTIONS, type FunctionName } from '../lib/wiring.ts';
import { DEFAULT_CATEGORIES } from '../functions/reference/demo.ts';
import { budgetLine, median, warmUp } from './budget.ts';
import { COUNTY_VILLAGES, PROVINCE_REGIONS, villageOfCase } from './province.ts';

const TABLE = 'bench-intake';

/**
 * Modules that load the metrics emitter are imported only after this is set:
 * it reads the variable once, and its EMF records go to stdout, which
 * carries the benchmark's one line.
 */
export function quietMetrics(): void {
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
}

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
export const submitEvent = (body: unknown) =>
  apiEvent({
    method: 'POST',
    url: new URL('http://localhost/v1/cases'),
    routeKey: 'POST /v1/cases',
    headers: { 'content-type': 'application/json', host: 'localhost' },
    body: Buffer.from(JSON.stringify(body)),
  });

/** The i-th submission: its own phone, so no two are the same matter (none is a repeat); in a Pujiang village unless told. */
export const submission = (i: number, regionCode = '330726001001') => ({
  channel: 'online',
  category: 'housing',
  title: '楼顶漏水三个月无人处理',
  content: '城南社区3幢楼顶漏水，物业不予处理。',
  regionCode,
  petitioner: { name: '张三', phone: `139${String(i).padStart(8, '0')}` },
});

/**
 * The table, the topics, the reference data and every function's environment
 * on the emulators `onEmulators` started (its queues are in the environment
 * already); answers the loaded functions and the key staff tokens are signed with.
 */
export async function benchSystem(table: string): Promise<{ lambdas: LocalLambdas; signingKey: LocalSigningKey; secret: { value: string } }> {
  await ensureTable(new DynamoDBClient({}), table);
  const topics = await ensureTopics(new SNSClient({}), table);
  const signingKey = await localSigningKey();
  const tokens = localTokenCheck(signingKey);
  const secret = { value: await localDeploymentSecret() };
  const queueUrl = (queue: QueueName) => process.env[queueUrlEnv(queue)]!;
  const sender = localSender(join(await mkdtemp(join(tmpdir(), 'petitions-bench-')), OUTBOX_FILE));
  for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
    // No attachment is uploaded here: the bucket is named only so that every function starts.
    Object.assign(process.env, environmentOf(name, { tableName: table, bucketName: table, queueUrl, topicArn: (topic) => topics[topic], tokens, secret, sender }));
  }
  // The benchmarks submit as anonymous petitioners without a verified phone.
  process.env.POLICY = JSON.stringify({ ...JSON.parse(process.env.POLICY ?? '{}'), phoneVerification: false });
  const lambdas = new LocalLambdas();
  await lambdas.load();
  await lambdas.invoke('seedReferenceData', { RequestType: 'Create' });
  return { lambdas, signingKey, secret };
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
 * Watches the store's client: counts the requests sent by command, the
 * transactions cancelled by a conflict and those refused on a condition (a
 * case number another case took first; the store tries both again), and keeps
 * the first transaction as it went on the wire, to show what intake writes.
 */
function watchTransactions(client: { middlewareStack: DynamoDBClient['middlewareStack'] }) {
  const watched = { tried: 0, conflicts: 0, refused: 0, sent: new Map<string, number>(), first: undefined as Transaction | undefined };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      watched.sent.set(context.commandName ?? '?', (watched.sent.get(context.commandName ?? '?') ?? 0) + 1);
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
        else if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) watched.refused++;
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
  const { putReferenceData } = await import('../functions/store/reference.ts');
  return onEmulators(async () => {
    const { lambdas } = await benchSystem(TABLE);
    // Cases spread over a province's counties, as real ones arrive: not all queued on one county's number counter.
    await putReferenceData(PROVINCE_REGIONS, DEFAULT_CATEGORIES);
    const transactions = watchTransactions(documents);
    let phone = 0;
    const intake = async () => {
      const i = phone++;
      const result = (await lambdas.invoke('submitCase', submitEvent(submission(i, villageOfCase(i))))) as APIGatewayProxyStructuredResultV2;
      if (result.statusCode !== 201) throw new Error(`intake answered ${result.statusCode}: ${result.body}`);
      return JSON.parse(result.body ?? '{}') as { id: string };
    };

    // The bare sides replay what the first intake wrote, under new keys of the same length (so the
    // same sizes and index entries), from a client of their own: no document marshalling, and not
    // watched. The transaction is the contract's least: the case and its matter, all or nothing.
    const { id } = await intake();
    const first = transactions.first!;
    const contract = {
      TransactItems: first.TransactItems.filter((write) => {
        const pk = write.Put?.Item?.pk?.S ?? '';
        return isCasePk(pk) || isMatterPk(pk);
      }),
    };
    if (contract.TransactItems.length !== 2) throw new Error(`intake's transaction has no case and matter puts: ${writesOf(first)}`);
    const bareClient = new DynamoDBClient({});
    const caseItem = contract.TransactItems[0]!.Put!.Item!;
    const sides = {
      transaction: () => bareClient.send(new TransactWriteItemsCommand(replayed(contract))),
      intake,
      put: () => bareClient.send(new PutItemCommand({ TableName: TABLE, Item: { ...caseItem, pk: { S: casePk(randomUUID()) } } })),
    };
    type Side = keyof typeof sides;
    const SIDES = Object.keys(sides) as Side[];
    const roundOf = async (size: number) => {
      const runs = {} as Record<Side, Run>;
      for (const side of SIDES) runs[side] = await drive(size, concurrency, sides[side]);
      return runs;
    };

    // Warm up every side (this process's JIT and sockets, DynamoDB Local's JIT) until the rounds
    // agree, then alternate measured rounds, so that all meet the same table size and heap.
    // Intake's JIT takes longer to settle than a bare write's: a higher cap than the default.
    const warm = await warmUp(
      async () => {
        const runs = await roundOf(250);
        return Object.fromEntries(SIDES.map((side) => [side, rate(runs[side])])) as Record<Side, number>;
      },
      { cap: 20 },
    );
    console.error(`  warm-up: ${warm.rounds} rounds of 250 each, ${warm.agreed ? 'the last two within 10%' : 'stopped at the cap before two rounds agreed'}`);
    const sentBefore = transactions.tried;
    const requestsBefore = new Map(transactions.sent);
    const measured = Object.fromEntries(SIDES.map((side) => [side, { ms: 0, latencies: [] as number[] }])) as Record<Side, Run>;
    for (let round = 0; round < rounds; round++) {
      const runs = await roundOf(count / rounds);
      for (const side of SIDES) {
        measured[side].ms += runs[side].ms;
        measured[side].latencies.push(...runs[side].latencies);
      }
      console.error(`  round ${round + 1}/${rounds}: ${SIDES.map((side) => `${side} ${describe(runs[side])}`).join('; ')}`);
    }
    console.error(`  bare transaction: ${describe(measured.transaction)} (${count} of ${writesOf(contract)})`);
    console.error(`  intake:           ${describe(measured.intake)} (${count} cases)`);
    console.error(`  bare put:         ${describe(measured.put)} (${count} puts of the ${itemBytes(caseItem)} B case item)`);
    console.error(`  one intake transaction: ${writesOf(first)}`);
    const perCase = [...transactions.sent].map(([command, sent]) => `${command.replace(/Command$/, '')} ${((sent - (requestsBefore.get(command) ?? 0)) / count).toFixed(2)}`);
    console.error(`  DynamoDB requests per intake (measured rounds): ${perCase.join(', ')}; and one SQS SendMessageBatch (the routing message)`);
    console.error(
      `  ${transactions.tried - sentBefore} intake transactions sent for ${count} cases in ${COUNTY_VILLAGES.length} counties; ` +
        `in the whole run ${transactions.conflicts} cancelled by a conflict, ${transactions.refused} refused on a condition (a number taken first)`,
    );

    // Where the time goes (a quarter as many): intake's routing message alone.
    const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
    const message = { QueueUrl: process.env[queueUrlEnv('routing')], Entries: [{ Id: '0', MessageBody: JSON.stringify({ kind: 'route-case', caseId: id }) }] };
    console.error(`  the routing message alone (fauxqs, in a process of its own): ${describe(await drive(count / 4, concurrency, () => sqs.send(new SendMessageBatchCommand(message))))}`);
    sqs.destroy();
    bareClient.destroy();

    const against = (side: Side) => ({
      throughput: rate(measured.intake) / rate(measured[side]),
      latency: median(measured.intake.latencies) / median(measured[side].latencies),
    });
    const [transaction, put] = [against('transaction'), against('put')];
    return [
      `intake: vs_transaction_throughput=${transaction.throughput.toFixed(2)} vs_transaction_latency=${transaction.latency.toFixed(2)} ` +
        `vs_put_throughput=${put.throughput.toFixed(2)} vs_put_latency=${put.latency.toFixed(2)}`,
      budgetLine('intake', [
        { name: 'vs_transaction_throughput', value: Number(transaction.throughput.toFixed(2)), limit: { min: 0.85 } },
        { name: 'vs_transaction_latency', value: Number(transaction.latency.toFixed(2)), limit: { max: 1.2 } },
      ]),
    ];
  }, { sqsApart: true });
}
