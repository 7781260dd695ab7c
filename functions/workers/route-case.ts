import type { SQSRecord } from 'aws-lambda';
import { applyRouting, decideRouting } from '../domain/routing.ts';
import { parseRouteCase } from '../queues/routing.ts';
import { config } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
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
 * Routes one case: decides the office that must accept it and the lead unit it
 * proposes, then puts it in its matter group, if any (services/group-by-text.ts).
 * Idempotent: a case already routed and grouped is left as it is.
 */
export async function routeOne(record: SQSRecord): Promise<void> {
  const { caseId } = parseRouteCase(record.body);
  const routed = await retryWhileStale(ATTEMPTS, () => new Error(`case ${caseId} kept changing while it was routed`), async () => {
    const subject = await getCase(caseId);
    if (!subject) throw new Error(`case ${caseId} does not exist`);
    const [chain, category] = await Promise.all([getRegionChain(subject.regionCode), getCategory(subject.category)]);
    if (!chain || !category) throw new Error(`case ${caseId} names reference data that does not exist`);
    const change = applyRouting(subject, decideRouting(subject, chain, category), now(), config.clock);
    if (!change) return subject;
    if ((await saveChange(subject, change)) !== 'saved') return STALE;
    count(METRIC.casesRouted);
    logger.info('case routed', { caseId, office: change.case.office, overLevel: change.case.overLevel });
    return change.case;
  });
  // After routing, and again on a redelivery (which finds it done): a case routed but not yet grouped is grouped then.
  const grouping = await groupByText(routed);
  if (grouping === 'grouped') logger.info('case put in a matter group', { caseId });
}

export const handler = queueConsumer(routeOne);
