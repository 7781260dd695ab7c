/**
 * The idle warning: a case whose handling clock runs and on which nobody has
 * acted (a note, an action, a task) for half the handling limit is flagged
 * to the lead unit before it is late. Every action on the case restarts the
 * idle clock; the warning is its own due entry, beside the case's next due time.
 */
import { type Case, type Change } from './case.ts';
import { addMs, type Clock } from './policy.ts';

/** Whether the lead unit's handling clock runs: accepted, signed for (when a receipt is asked), and not paused. */
export function handlingClockRuns(subject: Case): boolean {
  const signed = subject.receipt === null || subject.receipt.signedAt !== null;
  return subject.status === 'accepted' && signed && subject.handlingDueAt !== null && subject.due?.stage !== 'pause';
}

/**
 * When the idle warning falls due after an action at `now`: half the handling
 * limit on, while the handling clock runs; `null` when it does not, or when
 * the deadline comes first (the ladder warns then).
 */
export function idleAfter(subject: Case, now: string, clock: Clock): string | null {
  if (!handlingClockRuns(subject)) return null;
  const at = addMs(now, clock.handling / 2);
  return at < (subject.handlingDueAt as string) ? at : null;
}

/** The change with the idle clock restarted by the action it records. */
export function withIdleClock(change: Change, { now, clock }: { now: string; clock: Clock }): Change {
  return { ...change, case: { ...change.case, idleAt: idleAfter(change.case, now, clock) } };
}
