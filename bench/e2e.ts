/**
 * Two benchmarks of the whole system: `e2e` (below) and `capacity` (further
 * down: one case's whole life, metered).
 *
 * End to end on the local runtime: starts it in this process (DynamoDB Local,
 * fauxqs, the API on a free loopback port, the queue consumers), submits
 * cases over HTTP at a fixed concurrency, then follows each case's progress
 * until routing has answered it. Prints `e2e: p50_ms=A p99_ms=B` of the
 * time from sending the submission to the case's `routed` entry.
 *
 * The end is the `at` of the `routed` entry in the petitioner's timeline
 * (the routing worker's clock, which is this process's): polling only
 * collects it, so its interval does not add to the figure.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { QueueName } from '../functions/queues/names.ts';
import { queueUrlEnv } from '../functions/shared/env.ts';
import { isCasePk } from '../functions/store/keys.ts';
import { recordOf } from '../lib/local/event-sources.ts';
import { signStaffToken } from '../lib/local/identity.ts';
import type { LocalLambdas } from '../lib/local/lambda.ts';
import type { LocalRuntime } from '../lib/local/runtime.ts';
import { FUNCTIONS, QUEUES, TABLE_SCHEMA, type FunctionName } from '../lib/wiring.ts';
import { budgetLine, median } from './budget.ts';
import { benchSystem, drive, itemBytes, quietMetrics, submission } from './intake.ts';

interface Submitted {
  id: string;
  accessCode: string;
  sentAt: number;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

/** The API on 127.0.0.1 (the runtime names it `localhost`, which may resolve to ::1 first). */
const loopback = (runtime: LocalRuntime) => runtime.apiUrl.replace('//localhost:', '//127.0.0.1:');

async function submit(api: string, i: number): Promise<Submitted> {
  const sentAt = Date.now();
  const response = await fetch(`${api}/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(submission(i)),
  });
  const body = (await response.json()) as { id: string; accessCode: string };
  if (response.status !== 201) throw new Error(`intake answered ${response.status}: ${JSON.stringify(body)}`);
  return { id: body.id, accessCode: body.accessCode, sentAt };
}

/** When the case's timeline says it was routed (ms since the epoch), or undefined while it is not. */
async function routedAt(api: string, subject: Submitted): Promise<number | undefined> {
  const response = await fetch(`${api}/v1/cases/${subject.id}/progress`, { headers: { 'x-access-code': subject.accessCode } });
  if (response.status !== 200) throw new Error(`progress answered ${response.status}`);
  const { timeline } = (await response.json()) as { timeline: Array<{ at: string; event: string }> };
  const routed = timeline.find((entry) => entry.event === 'routed');
  return routed ? Date.parse(routed.at) : undefined;
}

/** Polls the cases not yet routed, `concurrency` at a time, until all are or `seconds` have passed; answers each one's latency. */
async function followUntilRouted(api: string, cases: Submitted[], concurrency: number, seconds: number): Promise<Map<string, number>> {
  const latencies = new Map<string, number>();
  const until = Date.now() + seconds * 1000;
  while (latencies.size < cases.length && Date.now() < until) {
    const waiting = cases.filter((subject) => !latencies.has(subject.id));
    await drive(waiting.length, concurrency, async (i) => {
      const subject = waiting[i]!;
      const at = await routedAt(api, subject);
      if (at !== undefined) latencies.set(subject.id, at - subject.sentAt);
    });
    if (latencies.size < cases.length) await sleep(250);
  }
  return latencies;
}

export async function benchE2e(count = 500, concurrency = 10, seconds = 60): Promise<string[]> {
  quietMetrics();
  const { startLocalRuntime } = await import('../lib/local/runtime.ts');
  // The benchmark submits as anonymous petitioners without a verified phone.
  process.env.POLICY = JSON.stringify({ ...JSON.parse(process.env.POLICY ?? '{}'), phoneVerification: false });
  const runtime = await startLocalRuntime({ port: 0, timeScale: 1, sweepIntervalSeconds: 3600 });
  try {
    const api = loopback(runtime);
    let phone = 0;
    // A few cases first, not counted: the first requests meet cold code paths.
    const warmUp: Submitted[] = [];
    await drive(20, concurrency, async () => warmUp.push(await submit(api, phone++)));
    await followUntilRouted(api, warmUp, concurrency, seconds);

    const cases: Submitted[] = [];
    const run = await drive(count, concurrency, async () => cases.push(await submit(api, phone++)), seconds);
    console.error(`  submitted ${cases.length} cases in ${(run.ms / 1000).toFixed(1)} s (${(cases.length / (run.ms / 1000)).toFixed(0)}/s, intake median ${median(run.latencies).toFixed(0)} ms)`);
    const latencies = await followUntilRouted(api, cases, concurrency, seconds);
    const unrouted = cases.length - latencies.size;
    if (latencies.size === 0) throw new Error('no case was routed');
    const values = [...latencies.values()];
    console.error(`  routed ${latencies.size} of ${cases.length}${unrouted > 0 ? ` (${unrouted} not within ${seconds} s, left out)` : ''}; intake to routed: min ${Math.min(...values)} ms, max ${Math.max(...values)} ms`);
    const routedSpan = Math.max(...cases.map((c) => c.sentAt + (latencies.get(c.id) ?? 0))) - Math.min(...cases.map((c) => c.sentAt));
    console.error(`  routing: ${latencies.size} cases in ${(routedSpan / 1000).toFixed(1)} s from the first submission (${(latencies.size / (routedSpan / 1000)).toFixed(0)}/s)`);
    // Growing from the first tenth to the last means routing fell behind intake; flat means a fixed delay.
    const tenths = Array.from({ length: 10 }, (_, t) => cases.slice((t * cases.length) / 10, ((t + 1) * cases.length) / 10));
    console.error(`  p50 by tenth of the submissions, in order: ${tenths.map((part) => median(part.flatMap((c) => latencies.get(c.id) ?? []))).join(', ')} ms`);
    return [`e2e: p50_ms=${percentile(values, 50)} p99_ms=${percentile(values, 99)}`];
  } finally {
    await runtime.stop();
  }
}

/*
 * Capacity: one case's whole life, metered. `npm run bench -- capacity` runs
 * the lifecycle through the handlers (the API over loopback HTTP, the workers
 * invoked with the SQS events Lambda would build) on DynamoDB Local, twice:
 * intake → routed → accepted → replied → rated satisfied; and the same with
 * the acceptance clock left to run out first, up the whole escalation ladder.
 * Prints `capacity: write_units=W write_units_with_ladder=L usd_per_million=U`
 * (per case; the plain lifecycle's cost per million cases) and its budget
 * line: the goal of half the 106 units measured when it was set. On stderr,
 * the units by step and by kind of item, and the counters' alternatives.
 *
 * DynamoDB Local reports capacity, but not what AWS charges for transactions
 * (2 units per KB per item), so writes are counted from the items themselves:
 * every write the store sends is caught on the wire, the items it touches are
 * read just before and just after it (by another client, not counted), and
 * each costs ceil(larger image / 1 KB) units, twice that in a transaction, plus
 * 1 unit per KB for each index entry it puts or removes (2 when its index key
 * moves). Reads are DynamoDB Local's own ConsumedCapacity, which it reports.
 */

/** A step whose DynamoDB requests are not counted: the sweep (per minute, not per case) and the benchmark's own look at the case. */
const UNCOUNTED = 'uncounted';
const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand']);

type Image = Record<string, AttributeValue> | undefined;
type Key = Record<string, AttributeValue>;

interface Tally {
  tableUnits: number;
  indexUnits: number;
  readUnits: number;
  itemWrites: number;
  messages: number;
  /** Notices delivered: each is one SNS publish. */
  notices: number;
  invocations: Array<{ fn: FunctionName; ms: number }>;
  apiRequests: number;
  /** The lifecycle step under way, and the write units of each: item writes, table units, index units, and the items written by key prefix. */
  step: string;
  steps: Map<string, [number, number, number, Map<string, number>]>;
  /** Table and index write units by kind of item (CASE/CASE, FIGURES...), and each kind's item writes. */
  kinds: Map<string, { writes: number; units: number }>;
}

const emptyTally = (): Tally => ({ tableUnits: 0, indexUnits: 0, readUnits: 0, itemWrites: 0, messages: 0, notices: 0, invocations: [], apiRequests: 0, step: '', steps: new Map(), kinds: new Map() });
const kilobytes = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** An item's entry in an index, as DynamoDB keeps it (the table's keys, the index's, the projected attributes, 100 bytes of overhead), or none. */
function indexEntry(image: Image, index: (typeof TABLE_SCHEMA.indexes)[number]): { key: string; bytes: number; body: string } | undefined {
  if (!image?.[index.partitionKey] || !image[index.sortKey]) return undefined;
  const names = [TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey, index.partitionKey, index.sortKey, ...index.include];
  const entry = Object.fromEntries(names.filter((name) => image[name] !== undefined).map((name) => [name, image[name]!]));
  return { key: JSON.stringify([image[index.partitionKey], image[index.sortKey]]), bytes: itemBytes(entry) + 100, body: JSON.stringify(entry) };
}

/** What one item write costs: table units (doubled in a transaction) and index units. */
function writeCost(before: Image, after: Image, transactional: boolean): { table: number; index: number } {
  const table = kilobytes(Math.max(before ? itemBytes(before) : 0, after ? itemBytes(after) : 0)) * (transactional ? 2 : 1);
  let index = 0;
  for (const definition of TABLE_SCHEMA.indexes) {
    const [was, is] = [indexEntry(before, definition), indexEntry(after, definition)];
    if (was && is && was.key === is.key) index += was.body === is.body ? 0 : kilobytes(Math.max(was.bytes, is.bytes));
    else index += (was ? kilobytes(was.bytes) : 0) + (is ? kilobytes(is.bytes) : 0);
  }
  return { table, index };
}

type WireWrite = { Put?: { Item: Key }; Update?: { Key: Key }; Delete?: { Key: Key }; ConditionCheck?: unknown };

/** The keys of the items a write request touches, and whether it is a transaction. */
function touched(command: string, body: Record<string, unknown>): { keys: Key[]; transactional: boolean } | undefined {
  const keyOf = (item: Key): Key => ({ [TABLE_SCHEMA.partitionKey]: item[TABLE_SCHEMA.partitionKey]!, [TABLE_SCHEMA.sortKey]: item[TABLE_SCHEMA.sortKey]! });
  if (command === 'PutItemCommand') return { keys: [keyOf(body.Item as Key)], transactional: false };
  if (command === 'UpdateItemCommand' || command === 'DeleteItemCommand') return { keys: [body.Key as Key], transactional: false };
  if (command === 'TransactWriteItemsCommand') {
    const writes = body.TransactItems as WireWrite[];
    return { keys: writes.flatMap((w) => (w.Put ? [keyOf(w.Put.Item)] : w.Update ? [w.Update.Key] : w.Delete ? [w.Delete.Key] : [])), transactional: true };
  }
  if (command === 'BatchWriteItemCommand') {
    const requests = Object.values(body.RequestItems as Record<string, Array<{ PutRequest?: { Item: Key }; DeleteRequest?: { Key: Key } }>>).flat();
    return { keys: requests.map((r) => (r.PutRequest ? keyOf(r.PutRequest.Item) : r.DeleteRequest!.Key)), transactional: false };
  }
  return undefined;
}

/** Meters the store's client into `tally()`'s current tally (none: not counted). */
function meter(client: { middlewareStack: DynamoDBClient['middlewareStack'] }, table: string, tally: () => Tally | undefined): void {
  const images = new DynamoDBClient({});
  const read = (keys: Key[]) =>
    Promise.all(keys.map(async (Key) => (await images.send(new GetItemCommand({ TableName: table, Key, ConsistentRead: true }))).Item));
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const current = tally();
      const request = args.request as { body?: string | Uint8Array };
      if (!current || current.step === UNCOUNTED || request.body === undefined) return next(args);
      const body = JSON.parse(typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body)) as Record<string, unknown>;
      const writes = touched(context.commandName ?? '', body);
      if (!writes) return next(args);
      const before = await read(writes.keys);
      const result = await next(args);
      const after = await read(writes.keys);
      writes.keys.forEach((key, i) => {
        const cost = writeCost(before[i], after[i], writes.transactional);
        current.tableUnits += cost.table;
        current.indexUnits += cost.index;
        current.itemWrites++;
        const [items, table, index, kinds] = current.steps.get(current.step) ?? [0, 0, 0, new Map<string, number>()];
        // The key's prefix: CASE/HISTORY, FIGURES, NOTICES...
        const [pk, sk] = [key[TABLE_SCHEMA.partitionKey]?.S ?? '', key[TABLE_SCHEMA.sortKey]?.S ?? ''];
        const kind = isCasePk(pk) ? `CASE/${sk.split('#')[0]}` : pk.split('#')[0]!;
        current.steps.set(current.step, [items + 1, table + cost.table, index + cost.index, kinds.set(kind, (kinds.get(kind) ?? 0) + 1)]);
        const ofKind = current.kinds.get(kind) ?? { writes: 0, units: 0 };
        current.kinds.set(kind, { writes: ofKind.writes + 1, units: ofKind.units + cost.table + cost.index });
      });
      return result;
    },
    { step: 'finalizeRequest', name: 'benchMeterWrites' },
  );
  // Reads: DynamoDB Local's ConsumedCapacity is asked for and added up.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const current = tally();
      if (!current || current.step === UNCOUNTED || !READS.has(context.commandName ?? '')) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> }).ConsumedCapacity;
      current.readUnits += [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      return result;
    },
    { step: 'initialize', name: 'benchMeterReads' },
  );
}

/** What the lifecycle needs: the functions, the API, staff tokens, the queues. */
interface Lifecycle {
  lambdas: LocalLambdas;
  api: string;
  tokens: { clerk: string; handler: string; leader: string };
  sqs: SQSClient;
  getCase: (id: string) => Promise<{ due: unknown } | undefined>;
  sweep: () => Promise<unknown>;
}

/** Invokes a function as Lambda would, timed. */
async function invoke(system: Lifecycle, tally: Tally, fn: FunctionName, event: unknown): Promise<unknown> {
  const started = performance.now();
  const result = await system.lambdas.invoke(fn, event);
  tally.invocations.push({ fn, ms: performance.now() - started });
  return result;
}

/** Plays the event source mapping once: what is in the queue goes to its consumer as one batch, then is deleted. */
async function consume(system: Lifecycle, tally: Tally, queue: QueueName): Promise<number> {
  const url = process.env[queueUrlEnv(queue)]!;
  // fauxqs is in this process and every send has returned before this: no need to wait for messages.
  const { Messages = [] } = await system.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
  if (Messages.length === 0) return 0;
  const consumer = QUEUES.find((q) => q.name === queue)!.consumer;
  const result = (await invoke(system, tally, consumer, { Records: Messages.map((m) => recordOf(m, `arn:aws:sqs:us-east-1:000000000000:${queue}`)) })) as {
    batchItemFailures?: unknown[];
  };
  if (result.batchItemFailures?.length) throw new Error(`${consumer} failed ${result.batchItemFailures.length} messages`);
  await system.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
  tally.messages += Messages.length;
  if (queue === 'notification') tally.notices += Messages.length;
  return Messages.length;
}

/** One API request over loopback HTTP (the local API Gateway invokes the function). */
async function call(system: Lifecycle, tally: Tally, path: string, body: unknown, headers: Record<string, string>, expected: number): Promise<Record<string, string>> {
  const started = performance.now();
  const response = await fetch(`${system.api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const answer = (await response.json()) as Record<string, string>;
  if (response.status !== expected) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
  tally.apiRequests++;
  tally.invocations.push({ fn: path === '/v1/cases' ? 'submitCase' : 'caseActions', ms: performance.now() - started });
  return answer;
}

/**
 * Runs the handlers of this process on a clock `timeScale` times faster, as
 * functions started with that TIME_SCALE: they read their settings once, when
 * functions/shared/config.ts loads (as on Lambda), so setting the variable
 * later changes nothing; their one config is replaced instead, parsed the
 * same way.
 */
async function scaleTime(timeScale: number): Promise<void> {
  const [{ config }, { parseConfig }] = await Promise.all([import('../functions/shared/config.ts'), import('../functions/shared/env.ts')]);
  Object.assign(config, parseConfig({ ...process.env, TIME_SCALE: String(timeScale) }));
}

/**
 * One case from intake to a satisfied rating; with `ladder`, its acceptance
 * clock runs out first (a policy day lasting 100 ms) and the sweep, the
 * escalation worker and the notifier take it up every rung to the critical alert.
 */
async function lifecycle(system: Lifecycle, tally: Tally, phone: number, ladder: boolean): Promise<void> {
  if (ladder) await scaleTime(864_000);
  tally.step = 'intake';
  const { id, accessCode } = await call(system, tally, '/v1/cases', submission(phone), {}, 201);
  tally.step = 'routed';
  if ((await consume(system, tally, 'routing')) !== 1) throw new Error('intake sent no routing message');
  if (ladder) {
    tally.step = 'ladder';
    const until = Date.now() + 30_000;
    for (;;) {
      if (Date.now() > until) throw new Error('the ladder did not finish within 30 s');
      // The sweep's reads are counted per minute, not per case (docs/BENCHMARKS.md, Sweep).
      tally.step = UNCOUNTED;
      if (!(await system.getCase(id!))?.due) break;
      await system.sweep();
      tally.step = 'ladder';
      while ((await consume(system, tally, 'deadline')) > 0 || (await consume(system, tally, 'notification')) > 0);
    }
    tally.step = 'ladder';
    while ((await consume(system, tally, 'notification')) > 0);
    await scaleTime(1);
  }
  tally.step = 'accepted';
  await call(system, tally, `/v1/cases/${id}/acceptance`, { decision: 'accept', responsibleLeader: '王副县长' }, { authorization: `Bearer ${system.tokens.clerk}` }, 200);
  // The units' steps, as deployed: the lead unit signs for the case, a handler drafts the reply, its leader releases it.
  tally.step = 'signed for';
  await call(system, tally, `/v1/cases/${id}/receipt`, { decision: 'sign' }, { authorization: `Bearer ${system.tokens.handler}` }, 200);
  tally.step = 'reply drafted';
  await call(system, tally, `/v1/cases/${id}/reply`, { opinion: '已督促物业维修屋面。' }, { authorization: `Bearer ${system.tokens.handler}` }, 200);
  tally.step = 'replied';
  await call(system, tally, `/v1/cases/${id}/reply/approval`, { approve: true }, { authorization: `Bearer ${system.tokens.leader}` }, 200);
  tally.step = 'rated satisfied';
  await call(system, tally, `/v1/cases/${id}/evaluation`, { rating: 'satisfied' }, { 'x-access-code': accessCode! }, 200);
}

/** The plain lifecycle's write units when the goal (docs/ARCHITECTURE.md) was set: it asks for half. */
const HALVING_FROM = 106;

/**
 * The counters' write units of a metered lifecycle, as kept now and under the
 * alternatives weighed in docs/BENCHMARKS.md (Capacity), from the same
 * FIGURES writes: each counted change updates 6 counter items (5 regions of
 * the chain and the province's totals), transactionally, each under 1 KB.
 * - `rollup`, at best: only the county's day item and the province's
 *   totals, the city's and the province's days summed from their counties
 *   when read, the villages' and townships' counts in the county item, which
 *   is charged here as if it stayed under 1 KB (it would not: a lower bound);
 * - `async-1`, `async-10`: counted outside the transaction by a consumer of
 *   the table's changes (standard writes), with 1 or 10 changes to the same
 *   items per batch.
 */
function counterAlternatives(tally: Tally): Record<string, { counters: number; total: number }> {
  const figures = tally.kinds.get('FIGURES') ?? { writes: 0, units: 0 };
  const rest = tally.tableUnits + tally.indexUnits - figures.units;
  const perItem = figures.writes === 0 ? 0 : figures.units / figures.writes;
  const alternatives = {
    now: figures.units,
    rollup: (figures.writes / 6) * 2 * perItem,
    'async-1': figures.units / 2,
    'async-10': figures.units / 2 / 10,
  };
  return Object.fromEntries(Object.entries(alternatives).map(([name, counters]) => [name, { counters: Math.round(counters), total: Math.round(rest + counters) }]));
}

/** Published on-demand prices, us-east-1, as of 2026-11-22 (USD per request or unit); SNS: standard topic publishes. */
const PRICES = {
  writeUnit: 0.625 / 1e6,
  readUnit: 0.125 / 1e6,
  sqsRequest: 0.4 / 1e6,
  snsPublish: 0.5 / 1e6,
  lambdaRequest: 0.2 / 1e6,
  lambdaGbSecond: 0.0000133334,
  apiRequest: 1.0 / 1e6,
};

/** Dollars per million cases of one lifecycle: units from the metered run, invocations and their durations from the unmetered one. */
function costPerMillion(units: Tally, timed: Tally): Record<string, number> {
  const gbSeconds = timed.invocations.reduce((sum, { fn, ms }) => sum + (Math.ceil(ms) / 1000) * (FUNCTIONS[fn].memoryMb / 1024), 0);
  const cost = {
    dynamoDbWrites: (units.tableUnits + units.indexUnits) * PRICES.writeUnit,
    dynamoDbReads: units.readUnits * PRICES.readUnit,
    // Each message: sent, received, deleted (at low traffic, one message a batch).
    sqs: timed.messages * 3 * PRICES.sqsRequest,
    sns: timed.notices * PRICES.snsPublish,
    lambda: timed.invocations.length * PRICES.lambdaRequest + gbSeconds * PRICES.lambdaGbSecond,
    apiGateway: timed.apiRequests * PRICES.apiRequest,
  };
  return Object.fromEntries(Object.entries(cost).map(([k, v]) => [k, v * 1e6]));
}

export async function benchCapacity(): Promise<string[]> {
  quietMetrics();
  const { onEmulators } = await import('./cases.ts');
  const { documents } = await import('../functions/store/client.ts');
  const { getCase } = await import('../functions/store/cases.ts');
  const { sweep } = await import('../functions/services/sweep.ts');
  const { serveApi } = await import('../lib/local/api-gateway.ts');
  return onEmulators(async () => {
    const table = 'bench-capacity';
    const { lambdas, signingKey } = await benchSystem(table);
    const server = await serveApi(lambdas, 0, () => undefined);
    const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
    try {
      const system: Lifecycle = {
        lambdas,
        api: server.url.replace('//localhost:', '//127.0.0.1:'),
        tokens: {
          clerk: await signStaffToken(signingKey, { sub: 'clerk@330726', unit: '330726', roles: ['clerk'] }),
          handler: await signStaffToken(signingKey, { sub: 'handler@330726:housing', unit: '330726:housing', roles: ['handler'] }),
          leader: await signStaffToken(signingKey, { sub: 'leader@330726:housing', unit: '330726:housing', roles: ['leader'] }),
        },
        sqs,
        getCase,
        sweep: () => sweep(),
      };
      let metering: Tally | undefined;
      meter(documents, table, () => metering);
      // Unmetered first (warms the reference caches and the code, and times the invocations), then metered.
      const timed = { plain: emptyTally(), ladder: emptyTally() };
      await lifecycle(system, emptyTally(), 0, false);
      await lifecycle(system, timed.plain, 1, false);
      await lifecycle(system, timed.ladder, 2, true);
      const units = { plain: emptyTally(), ladder: emptyTally() };
      for (const [name, phone] of [['plain', 3], ['ladder', 4]] as const) {
        metering = units[name];
        await lifecycle(system, units[name], phone, name === 'ladder');
        metering = undefined;
      }
      for (const name of ['plain', 'ladder'] as const) {
        const [u, t] = [units[name], timed[name]];
        console.error(
          `  ${name}: ${u.itemWrites} item writes, ${u.tableUnits} table + ${u.indexUnits} index write units, ${u.readUnits} read units; ` +
            `${t.apiRequests} API requests, ${t.invocations.length} invocations (${t.invocations.map((i) => `${i.fn} ${Math.ceil(i.ms)} ms`).join(', ')}), ${t.messages} messages`,
        );
        for (const [step, [items, table, index, kinds]] of u.steps) {
          console.error(`    ${step}: ${items} item writes (${[...kinds].map(([k, n]) => `${k} ×${n}`).join(', ')}), ${table} table + ${index} index units`);
        }
        const cost = costPerMillion(u, t);
        const total = Object.values(cost).reduce((a, b) => a + b, 0);
        console.error(`  ${name}: USD per million cases: ${Object.entries(cost).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}; total ${total.toFixed(2)}`);
      }
      const total = (t: Tally) => t.tableUnits + t.indexUnits;
      const usd = (name: 'plain' | 'ladder') => Object.values(costPerMillion(units[name], timed[name])).reduce((a, b) => a + b, 0);
      for (const name of ['plain', 'ladder'] as const) {
        console.error(`  ${name} by kind: ${[...units[name].kinds].map(([kind, { writes, units: u }]) => `${kind} ${writes} writes ${u} units`).join(', ')}`);
        for (const [alternative, figures] of Object.entries(counterAlternatives(units[name]))) {
          console.error(`    counters ${alternative}: ${figures.counters} units, ${figures.total} per case`);
        }
      }
      const goal = Math.floor(HALVING_FROM / 2);
      return [
        `capacity: write_units=${total(units.plain)} write_units_with_ladder=${total(units.ladder)} usd_per_million=${usd('plain').toFixed(2)}`,
        budgetLine('capacity', [{ name: 'write_units', value: total(units.plain), limit: { max: goal } }]),
      ];
    } finally {
      sqs.destroy();
      await server.close();
    }
  });
}
