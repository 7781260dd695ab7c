import { recountDeadlines, recountFrom } from '../domain/recount-deadlines.ts';
import { calendarRecountSender, type CalendarRecount } from '../queues/deadlines.ts';
import { now } from '../shared/clock.ts';
import { logger } from '../shared/logger.ts';
import { retryWhileStale, STALE } from '../shared/retry.ts';
import { getCase, saveChange } from '../store/cases.ts';
import { listDueFrom } from '../store/due.ts';
import { ALL_DUE_SHARDS } from '../store/keys.ts';
import { calendarClock } from './calendar-clock.ts';

const sendCalendarRecounts = calendarRecountSender();

/** Cases counted per message: each is read and, when a deadline moves, written. */
const PAGE = 25;
const ATTEMPTS = 3;

/**
 * After a calendar year is replaced: one message per due shard starts the
 * recount, which goes on page by page, each page a message of its own, so no
 * request and no message waits on the whole table.
 */
export async function startCalendarRecount(year: number): Promise<void> {
  await sendCalendarRecounts(ALL_DUE_SHARDS.map((shard) => ({ year, shard })));
}

/**
 * Counts again the deadlines of one page of open cases due from the first
 * day the year may move (the due index, never a scan), with the calendar in
 * force now, and sends the next page on. Each case is written on its version;
 * one that changed meanwhile is read again. Repeating a page moves nothing twice.
 */
export async function recountCalendarPage(message: CalendarRecount): Promise<void> {
  const at = now();
  const clock = await calendarClock(at);
  const page = await listDueFrom(message.shard, recountFrom(message.year, clock), PAGE, message.position);
  let moved = 0;
  // A case's idle entry moves with its actions, not with the calendar. A co-handling task's entry finds its case
  // (whose tasks are all recounted with it): a case found twice in a page moves nothing the second time.
  for (const caseId of new Set(page.due.filter((entry) => entry.stage !== 'idle').map((entry) => entry.caseId))) {
    await retryWhileStale(ATTEMPTS, () => new Error(`case ${caseId} kept changing while its deadlines were recounted`), async () => {
      const subject = await getCase(caseId);
      const change = subject && recountDeadlines(subject, { now: at, clock, year: message.year });
      if (!subject || !change) return;
      if ((await saveChange(subject, change)) !== 'saved') return STALE;
      moved++;
    });
  }
  if (page.next) await sendCalendarRecounts([{ year: message.year, shard: message.shard, position: page.next as Record<string, string> }]);
  logger.info('calendar recount page', { year: message.year, shard: message.shard, read: page.due.length, moved, last: page.next === undefined });
}
