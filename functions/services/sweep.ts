import { deadlineCheckSender } from '../queues/deadlines.ts';
import { routeCaseSender } from '../queues/routing.ts';
import { petitionerMessageSender } from '../queues/petitioner-messages.ts';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { sum } from '../domain/figures.ts';
import { METRIC } from '../shared/metric-names.ts';
import { logger } from '../shared/logger.ts';
import { count, metrics } from '../shared/metrics.ts';
import { readTotals } from '../store/figures.ts';
import { childRegions } from '../store/reference.ts';
import { listDue, type DueCase, type DueMessage } from '../store/due.ts';
import { ALL_DUE_SHARDS } from '../store/keys.ts';
import { now as clockNow } from '../shared/clock.ts';

const sendRouteCase = routeCaseSender();
const sendDeadlineChecks = deadlineCheckSender();
const sendMessages = petitionerMessageSender();

const PAGE = 500;
/** Stop reading with this much time left: the sends of the last page must still fit. */
const RESERVE_MS = 10_000;

/** What one sweep found due and sent on, and what reading it cost. */
export interface SweepResult {
  due: number;
  routing: number;
  deadlineChecks: number;
  /** Messages to petitioners sent again: their first send did not happen in time. */
  messages: number;
  /** Items the queries read (DynamoDB's ScannedCount): the sweep's cost grows with this. */
  itemsRead: number;
  capacityUnits: number;
  /** False when time ran short and the rest of a large backlog waits for the next sweep. */
  complete: boolean;
}

export interface SweepOptions {
  now?: string;
  /** Time left before the function must return (Lambda's context). */
  remainingMs?: () => number;
}

/** Open cases past their deadline now, all provinces: the provinces' running totals (one read each). */
async function overdueBacklog(): Promise<number> {
  const provinces = await childRegions(undefined);
  const totals = await Promise.all(provinces.map((province) => readTotals(province.code)));
  return sum(totals).overdue ?? 0;
}

/** Sends on one page of due cases, lost routing to the routing queue, every legal clock to the deadline queue, and messages to petitioners not sent in time to their queue. */
async function sendOn(due: DueCase[], messages: DueMessage[]): Promise<{ routing: number; deadlineChecks: number; messages: number }> {
  const routing = due.filter((entry) => entry.stage === 'routing').map((entry) => entry.caseId);
  const checks = due
    .filter((entry) => entry.stage !== 'routing')
    .map((entry) => ({ caseId: entry.caseId, stage: entry.stage as Exclude<DueCase['stage'], 'routing'>, dueAt: entry.at, ...(entry.ref !== null && { ref: entry.ref }) }));
  await Promise.all([sendRouteCase(routing), sendDeadlineChecks(checks), sendMessages(messages.map((message) => ({ kind: 'case-message', ...message })))]);
  return { routing: routing.length, deadlineChecks: checks.length, messages: messages.length };
}

/**
 * Reads every case whose due time has come from the sparse due index, shard
 * by shard, and sends each on: one message per due case. It reads only what
 * is due (the index is keyed by due time) and never scans. What it cannot
 * reach before its time runs out, the next sweep finds: due entries stay in
 * the index until a worker moves them.
 */
export async function sweep(options: SweepOptions = {}): Promise<SweepResult> {
  const now = options.now ?? clockNow();
  const remaining = options.remainingMs ?? (() => Number.POSITIVE_INFINITY);
  const result: SweepResult = { due: 0, routing: 0, deadlineChecks: 0, messages: 0, itemsRead: 0, capacityUnits: 0, complete: true };
  shards: for (const shard of ALL_DUE_SHARDS) {
    let start: Record<string, unknown> | undefined;
    do {
      if (remaining() < RESERVE_MS) {
        result.complete = false;
        break shards;
      }
      const page = await listDue(shard, now, PAGE, start);
      const sent = await sendOn(page.due, page.messages);
      result.due += page.due.length;
      result.messages += sent.messages;
      result.routing += sent.routing;
      result.deadlineChecks += sent.deadlineChecks;
      result.itemsRead += page.itemsRead;
      result.capacityUnits += page.capacityUnits;
      start = page.next;
    } while (start);
  }
  const overdue = await overdueBacklog();
  // The gauge every sweep, zero included: the backlog alarm needs a point each interval.
  metrics.addMetric(METRIC.overdueBacklog, MetricUnit.Count, overdue);
  count(METRIC.dueFound, result.due);
  if (result.complete) count(METRIC.sweepsCompleted);
  logger.info('sweep done', { ...result, overdue });
  return result;
}
