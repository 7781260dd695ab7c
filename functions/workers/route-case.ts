import type { SQSRecord } from 'aws-lambda';
import type { Case } from '../domain/case.ts';
import { applyRouting, decideRouting } from '../domain/routing.ts';
import { parseRouteCase } from '../queues/routing.ts';
import { config } from '../shared/config.ts';
import { errorSummary, logger } from '../shared/logger.ts';
import { METRIC } from '../shared/metric-names.ts';
import { count } from '../shared/metrics.ts';
import { retryWhileStale, STALE } from '../shared/retry.ts';
import { queueConsumer } from '../shared/worker.ts';
import { getCase, saveChange } from '../store/cases.ts';
import { groupByText } from '../services/group-by-text.ts';
import { getCategory, getRegionChain } from '../store/reference.ts';
import { now } from '../shared/clock.ts';

// Another change may land between the read and the write; routing reads again and retries.
const ATTEMPTS = 3;

/**
 * Routes one case: puts it in its matter group, if any
 * (services/group-by-text.ts), then decides the office that must accept it
 * and the lead unit it proposes. Grouped first, so that a case shown routed
 * is one the next case of its matter finds; but a grouping that fails does
 * not hold routing up: the case is routed, and the message fails so that its
 * redelivery groups it. Idempotent: a case already grouped and routed is left
 * as it is.
 */
export async function routeOne(record: SQSRecord): Promise<void> {
  const { caseId } = parseRouteCase(record.body);
  const received = await getCase(caseId);
  if (!received) throw new Error(`case ${caseId} does not exist`);
  let groupingFailed: unknown;
  try {
    if ((await groupByText(received)) === 'grouped') logger.info('case put in a matter group', { caseId });
  } catch (error) {
    groupingFailed = error;
    logger.error('case not grouped: routed first, grouped when the message comes again', { caseId, error: errorSummary(error) });
  }
  // Grouping writes nothing of the case item: the case read for it is routed, and read again only when another change came first.
  let read: Case | undefined = received;
  await retryWhileStale(ATTEMPTS, () => new Error(`case ${caseId} kept changing while it was routed`), async () => {
    const subject = read ?? (await getCase(caseId));
    read = undefined;
    if (!subject) throw new Error(`case ${caseId} does not exist`);
    const [chain, category] = await Promise.all([getRegionChain(subject.regionCode), getCategory(subject.category)]);
    if (!chain || !category) throw new Error(`case ${caseId} names reference data that does not exist`);
    const change = applyRouting(subject, decideRouting(subject, chain, category), now(), config.clock);
    if (!change) return;
    if ((await saveChange(subject, change)) !== 'saved') return STALE;
    count(METRIC.casesRouted);
    logger.info('case routed', { caseId, office: change.case.office, overLevel: change.case.overLevel });
  });
  if (groupingFailed !== undefined) throw groupingFailed;
}

export const handler = queueConsumer(routeOne);
