import type { SQSRecord } from 'aws-lambda';
import { dueOf } from '../domain/case.ts';
import { applyDueEntry, noticeAnswering } from '../domain/ladder.ts';
import { parseDeadlineMessage, type DeadlineCheck } from '../queues/deadlines.ts';
import { recountCalendarPage } from '../services/calendar-recount.ts';
import { noticeSender } from '../queues/notices.ts';
import { config } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { METRIC } from '../shared/metric-names.ts';
import { countBy } from '../shared/metrics.ts';
import { retryWhileStale, STALE } from '../shared/retry.ts';
import { queueConsumer } from '../shared/worker.ts';
import { getCaseWithHistory, saveChange } from '../store/cases.ts';
import { getRegionChain } from '../store/reference.ts';
import { now } from '../shared/clock.ts';

// Another change may land between the read and the write; the check reads again and retries.
const ATTEMPTS = 3;

const sendNotices = noticeSender();

/**
 * Applies the rung a deadline check was sent for, once. The case is read
 * again and changed only if it still has the due time the sweep found, with
 * a write conditional on its version: a duplicate, late or stale message
 * changes nothing. A message that finds its rung applied already sends that
 * rung's notice again (the notifier records each notice once), so a crash
 * between the write and the notice loses nothing.
 */
async function checkDeadline({ caseId, stage, dueAt, ...check }: DeadlineCheck): Promise<void> {
  const ref = check.ref ?? null;
  await retryWhileStale(ATTEMPTS, () => new Error(`case ${caseId} kept changing while its deadline was checked`), async () => {
    const found = await getCaseWithHistory(caseId);
    if (!found) throw new Error(`case ${caseId} does not exist`);
    const subject = found.case;
    if (dueOf(subject, stage, ref)?.at !== dueAt) {
      const notice = noticeAnswering(found.history, stage, dueAt, ref);
      if (notice) await sendNotices([notice]);
      logger.info('deadline check already answered or stale', { caseId, stage, resent: notice !== undefined });
      return;
    }
    const chain = await getRegionChain(subject.office ?? subject.regionCode);
    if (!chain) throw new Error(`case ${caseId} names a region that does not exist`);
    const context = { now: now(), clock: config.clock, chain };
    const rung = applyDueEntry(subject, { stage, ref }, context);
    if (!rung) return;
    if ((await saveChange(subject, rung.change)) !== 'saved') return STALE;
    if (rung.notice) {
      await sendNotices([rung.notice]);
      countBy(METRIC.deadlineRungs, 'rung', rung.notice.kind);
    }
    logger.info('deadline rung applied', { caseId, stage, action: rung.change.entry.action, supervisingLevel: rung.change.case.level });
  });
}

/** A deadline check, or a page of the recount after a calendar year was replaced. */
export async function onDeadlineMessage(record: SQSRecord): Promise<void> {
  const message = parseDeadlineMessage(record.body);
  await (message.kind === 'calendar-recount' ? recountCalendarPage(message) : checkDeadline(message));
}

export const handler = queueConsumer(onDeadlineMessage);
