/**
 * Urging (催办): the petitioner presses a case that is slow. The unit whose
 * legal clock is running hears of it by a notice, the history and the
 * petitioner's timeline record it, and the figures count it; the petitioner
 * may urge again once the policy's `urgeInterval` has passed.
 */
import { clockDeadline, next, type Case, type Change, type DueStage } from './case.ts';
import { text } from './fields.ts';
import { actingUnit, type Notice } from './ladder.ts';
import { addMs, type Clock } from './policy.ts';
import { conflict, tooSoon } from './problem.ts';
import * as z from './zod.ts';

export const urgeSchema = z.strictObject({ note: z.optional(text(500)) });
export type UrgeInput = z.infer<typeof urgeSchema>;

/**
 * The legal clock running on a case, by its state: `null` while it awaits
 * routing, while the reply waits on the petitioner, and once it is finished.
 * (A case the ladder took to the top has no due time left, but its clock runs.)
 */
export function runningClock(subject: Case): DueStage | null {
  switch (subject.status) {
    case 'received':
      return subject.office === null ? null : 'acceptance';
    case 'accepted':
      return subject.due?.stage === 'receipt' ? 'receipt' : 'handling';
    case 'under_review':
    case 'under_rereview':
      return 'review';
    default:
      return null;
  }
}

/** An urge as applied: the change to save, the notice to send, and when the petitioner may urge again. */
export interface Urging {
  change: Change;
  notice: Notice;
  nextAllowedAt: string;
}

/**
 * The petitioner urges the case: refused (409) when no unit's clock is
 * running on it, and (429, with the seconds to wait) within `urgeInterval`
 * of the last urge.
 */
export function urge(subject: Case, input: UrgeInput, at: { now: string; clock: Clock }): Urging {
  const stage = runningClock(subject);
  if (stage === null) {
    const why = subject.status === 'replied' ? 'it has been answered and waits on your evaluation or review request' : subject.office === null ? 'it is still being routed to an office' : 'it is finished';
    throw conflict(`No unit is handling the case now: ${why}. Nothing was urged.`);
  }
  if (subject.lastUrgedAt !== null) {
    const allowedAt = addMs(subject.lastUrgedAt, at.clock.urgeInterval);
    if (allowedAt > at.now) {
      throw tooSoon(`The case was urged at ${subject.lastUrgedAt}; it may be urged again from ${allowedAt}.`, Math.ceil((Date.parse(allowedAt) - Date.parse(at.now)) / 1000));
    }
  }
  const to = actingUnit(subject, stage);
  const change = next(
    subject,
    { urgeCount: subject.urgeCount + 1, lastUrgedAt: at.now },
    {
      at: at.now,
      actor: 'petitioner',
      action: 'urged',
      detail: { stage, unit: to.unit, ...(input.note !== undefined && { note: input.note }) },
      timeline: { event: 'urged', note: '您已催办，承办单位已收到催办通知。' },
    },
  );
  const notice: Notice = {
    kind: 'urge',
    caseId: subject.id,
    version: change.case.version,
    stage,
    level: subject.level,
    deadline: clockDeadline(subject),
    to: [to],
    at: at.now,
  };
  change.entry.detail.notice = notice;
  return { change, notice, nextAllowedAt: addMs(at.now, at.clock.urgeInterval) };
}
