/**
 * Deadlines counted again when the statutory calendar of a year changes
 * (PUT /v1/calendar/{year}): each legal deadline an open case runs against is
 * counted afresh from the event that started it, with the calendar now in force.
 */
import { clockDue, latestOpinion, legalDueAt, next, type Case, type Change, type DueStage } from './case.ts';
import { endOfChinaDay } from './calendar.ts';
import { recountTasks } from './co-handling.ts';
import { pausedMsOf } from './pauses.ts';
import { addMs, deadlineAfter, extendDeadline, type Clock } from './policy.ts';

/** The legal deadline of the clock running now, counted afresh, with the patch that records it. */
function recounted(subject: Case, clock: Clock): { stage: DueStage; deadline: string; patch: Partial<Case> } | undefined {
  switch (subject.status) {
    case 'received': {
      const deadline = deadlineAfter(subject.receivedAt, 'acceptance', clock);
      return { stage: 'acceptance', deadline, patch: { acceptanceDueAt: deadline } };
    }
    case 'accepted': {
      if (!subject.acceptance) return undefined;
      const counted = deadlineAfter(subject.acceptance.at, 'handling', clock);
      const extended = subject.extension?.status === 'approved' ? extendDeadline(counted, subject.extension.days, clock) : counted;
      // The pauses that ended moved it by their paused time; a running one moves it when it ends.
      const deadline = addMs(extended, pausedMsOf(subject));
      return { stage: 'handling', deadline, patch: { handlingDueAt: deadline } };
    }
    case 'under_review':
    case 'under_rereview': {
      const round = subject.reviews.at(-1);
      if (!round) return undefined;
      const deadline = deadlineAfter(round.requestedAt, 'reviewOpinion', clock);
      return { stage: 'review', deadline, patch: { reviews: [...subject.reviews.slice(0, -1), { ...round, dueAt: deadline }] } };
    }
    case 'replied': {
      const latest = latestOpinion(subject);
      if (!latest || subject.due?.stage !== 'reviewWindow') return undefined;
      const deadline = deadlineAfter(latest.opinion.at, 'reviewRequestWindow', clock);
      return { stage: 'reviewWindow', deadline, patch: { due: { stage: 'reviewWindow', at: deadline } } };
    }
    default:
      return undefined;
  }
}

/**
 * The case with its running deadline counted by the calendar in force, or
 * `undefined` when nothing moves. The ladder's next rung follows the new
 * deadline, unless the ladder climbs already (supervised and past its
 * grace): a deadline that has passed and been acted on stays passed.
 */
export function recountDeadlines(subject: Case, { now, clock, year }: { now: string; clock: Clock; year: number }): Change | undefined {
  const found = recounted(subject, clock);
  // The co-handling tasks' clocks run beside the case's: each is counted afresh too.
  const coHandling = recountTasks(subject, now, clock);
  const tasksMoved = JSON.stringify(coHandling) !== JSON.stringify(subject.coHandling);
  const tasks = tasksMoved ? { coHandling } : {};
  if (!found) return tasksMoved ? next(subject, tasks, { at: now, actor: 'system:calendar', action: 'deadline_recounted', detail: { year, stage: 'coHandling' } }) : undefined;
  const { stage, deadline, patch } = found;
  const due = subject.due;
  const ladder = due?.stage === stage && stage !== 'reviewWindow' && due.rung !== 'escalation' ? { due: clockDue(stage, deadline, now, clock) } : {};
  const moved = deadline !== legalDueAt(subject) || (ladder.due !== undefined && (ladder.due.at !== due?.at || ladder.due.rung !== due?.rung));
  if (!moved && !tasksMoved) return undefined;
  return next(subject, { ...patch, ...ladder, ...tasks }, { at: now, actor: 'system:calendar', action: 'deadline_recounted', detail: { year, stage, deadline } });
}

/**
 * The earliest due time a change of `year`'s calendar may move: the warning
 * before a deadline on its first day. Deadlines before it end before the year
 * and count none of its days.
 */
export function recountFrom(year: number, clock: Clock): string {
  return addMs(endOfChinaDay(`${year - 1}-12-31`), -clock.warningBefore);
}
