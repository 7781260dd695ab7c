/**
 * Pauses of the handling clock (时限中止): time for a hearing (听证), an
 * appraisal (鉴定) or the petitioner's materials does not count against the
 * lead unit. The unit asks, a supervisor or leader of the petition office
 * approves; while the pause runs the clock and the ladder stand still (the
 * case's due time is the pause's bound instead), and at its end the deadline
 * and the ladder's next rung move by the paused time. The paused time of a
 * case is bounded (`maxPaused`): a pause that reaches the bound ends there.
 * The petitioner is told of both ends.
 */
import { chinaDay } from './calendar.ts';
import { next, PAUSE_REASONS, type Case, type Change, type Due, type Pause, type PauseReason } from './case.ts';
import { longText } from './fields.ts';
import { idleAfter } from './idle.ts';
import { requireHandling, requireStatus, type Acting } from './lifecycle.ts';
import { addMs, type Clock } from './policy.ts';
import { conflict, notFound, Problem } from './problem.ts';
import { isOfficeStaff, requireRole, type Staff } from './staff.ts';
import { isUnitWithin } from './units.ts';
import * as z from './zod.ts';

export const pauseRequestSchema = z.strictObject({ reason: z.enum(PAUSE_REASONS), note: longText(2000) });
export const pauseApprovalSchema = z.strictObject({ approve: z.boolean(), reason: z.optional(longText(2000)) });
export const pauseEndSchema = z.strictObject({ note: z.optional(longText(2000)) });

/** What the petitioner is told the pause is for. */
export const REASON_NAMES: Record<PauseReason, string> = {
  hearing: '需要举行听证',
  appraisal: '需要鉴定',
  awaiting_materials: '需要您补充材料',
  other: '出现需要中止的情形',
};

/** The pause asked for or running now, if any: a case has one at a time. */
export function openPause(subject: Case): Pause | undefined {
  return subject.pauses.find((pause) => pause.status === 'pending' || pause.status === 'running');
}

/** The time the case's pauses stopped its clock, in all (the pauses that ended). */
export function pausedMsOf(subject: Case): number {
  return subject.pauses.reduce((total, pause) => total + (pause.pausedMs ?? 0), 0);
}

/** Refuses (409) a pause of a case whose allowed paused time is used up or whose deadline has passed. */
function requirePausable(subject: Case, now: string, clock: Clock): number {
  if (now > (subject.handlingDueAt as string)) throw conflict('The handling deadline has passed: a pause cannot stop a clock that has run out.');
  const left = clock.maxPaused - pausedMsOf(subject);
  if (left <= 0) {
    throw conflict(`The case has been paused for ${Math.round(pausedMsOf(subject) / clock.day)} days in all, the most the policy allows (maxPaused): it cannot be paused again.`);
  }
  return left;
}

function pauseOf(subject: Case, pauseId: string): Pause {
  const pause = subject.pauses.find((candidate) => candidate.id === pauseId);
  if (!pause) throw notFound(`The case has no pause ${pauseId}.`);
  return pause;
}

const withPause = (subject: Case, pause: Pause): Pause[] => subject.pauses.map((candidate) => (candidate.id === pause.id ? pause : candidate));

/** The lead unit asks for a pause, with the reason and a note; it waits for the office's approval. */
export function requestPause(subject: Case, input: z.infer<typeof pauseRequestSchema>, { staff, now, clock }: Acting): Change {
  requireHandling(subject, staff, 'ask for a pause', 'be paused');
  const open = openPause(subject);
  if (open) throw conflict(`Pause ${open.id} is ${open.status} already: a case has one pause at a time.`);
  requirePausable(subject, now, clock);
  const pause: Pause = {
    id: String(subject.pauses.length + 1),
    reason: input.reason,
    note: input.note,
    requestedAt: now,
    requestedBy: staff.sub,
    status: 'pending',
    decision: null,
    heldRung: null,
    endedAt: null,
    endedBy: null,
    pausedMs: null,
  };
  return next(subject, { pauses: [...subject.pauses, pause] }, {
    at: now,
    actor: staff.sub,
    action: 'pause_requested',
    detail: { pauseId: pause.id, reason: input.reason, note: input.note },
  });
}

/** Refuses (403) anyone but a member of the case's petition office or of one above it. */
function requireOffice(staff: Staff, subject: Case, action: string): void {
  if (!isOfficeStaff(staff) || subject.office === null || !isUnitWithin(subject.office, staff.unit)) {
    throw new Problem('forbidden', 'Not allowed', `Only the petition office ${subject.office} (or one above it) may ${action}.`);
  }
}

/**
 * A supervisor or leader of the office approves a pending pause (it starts
 * now: the clock stands still until it ends or reaches the bound) or refuses it.
 */
export function decidePause(subject: Case, input: z.infer<typeof pauseApprovalSchema>, { staff, now, clock }: Acting, pauseId: string): Change {
  requireRole(staff, 'approve a pause', 'supervisor', 'leader');
  requireOffice(staff, subject, 'approve a pause');
  requireStatus(subject, ['accepted'], 'have a pause approved');
  const pause = pauseOf(subject, pauseId);
  if (pause.status !== 'pending') throw conflict(`Pause ${pause.id} was decided already: it is ${pause.status}.`);
  const decision = { approve: input.approve, reason: input.reason ?? null, at: now, by: staff.sub };
  if (!input.approve) {
    return next(subject, { pauses: withPause(subject, { ...pause, status: 'refused', decision }) }, {
      at: now,
      actor: staff.sub,
      action: 'pause_refused',
      detail: { pauseId: pause.id, reason: input.reason ?? null },
    });
  }
  const left = requirePausable(subject, now, clock);
  const heldRung = subject.due?.stage === 'handling' ? (subject.due.rung ?? null) : null;
  return next(
    subject,
    {
      pauses: withPause(subject, { ...pause, status: 'running', decision, heldRung }),
      // The pause's bound stands in for the clock's next rung: the ladder is still, and the sweep ends the pause there.
      due: { stage: 'pause', at: addMs(now, left) },
      idleAt: null,
    },
    {
      at: now,
      actor: staff.sub,
      action: 'paused',
      detail: { pauseId: pause.id, reason: pause.reason, until: addMs(now, left) },
      timeline: { event: 'paused', note: `因${REASON_NAMES[pause.reason]}，本事项的办理期限自${chinaDay(now)}起中止计算，中止情形消除后恢复计算，届时将告知您。` },
    },
  );
}

/**
 * The running pause ends at `now`, or at its bound if that came first: the
 * deadline moves by the paused time, and the ladder waits for the rung it
 * was waiting for, moved with it.
 */
function resume(subject: Case, pause: Pause, { actor, now, clock, detail }: { actor: string; now: string; clock: Clock; detail: Record<string, unknown> }): Change {
  const startedAt = (pause.decision as NonNullable<Pause['decision']>).at;
  const bound = subject.due?.stage === 'pause' ? subject.due.at : now;
  const endedAt = now < bound ? now : bound;
  const pausedMs = Date.parse(endedAt) - Date.parse(startedAt);
  const handlingDueAt = addMs(subject.handlingDueAt as string, pausedMs);
  const due: Due =
    pause.heldRung === 'warning'
      ? { stage: 'handling', at: addMs(handlingDueAt, -clock.warningBefore), rung: 'warning' }
      : { stage: 'handling', at: handlingDueAt, rung: 'supervision' };
  const resumed = { ...subject, handlingDueAt, due, pauses: withPause(subject, { ...pause, status: 'ended', endedAt, endedBy: actor, pausedMs }) };
  return next(subject, { handlingDueAt, due, pauses: resumed.pauses, idleAt: idleAfter(resumed, now, clock) }, {
    at: now,
    actor,
    action: 'pause_ended',
    detail: { pauseId: pause.id, pausedMs, handlingDueAt, ...detail },
    timeline: { event: 'resumed', note: `本事项自${chinaDay(endedAt)}起恢复计算办理期限，办理期限顺延至${chinaDay(handlingDueAt)}。` },
  });
}

/** The lead unit (handler or leader) or the office (clerk, supervisor or leader) ends a running pause. */
export function endPause(subject: Case, input: z.infer<typeof pauseEndSchema>, { staff, now, clock }: Acting, pauseId: string): Change {
  if (staff.unit === subject.leadUnit || staff.roles.includes('admin')) requireRole(staff, 'end a pause', 'handler', 'leader');
  else {
    requireOffice(staff, subject, 'end a pause');
    requireRole(staff, 'end a pause', 'clerk', 'supervisor', 'leader');
  }
  requireStatus(subject, ['accepted'], 'have a pause ended');
  const pause = pauseOf(subject, pauseId);
  if (pause.status === 'pending') throw conflict(`Pause ${pause.id} has not started: the office approves or refuses it first.`);
  if (pause.status !== 'running') throw conflict(`Pause ${pause.id} is ${pause.status}: only a running pause can be ended.`);
  return resume(subject, pause, { actor: staff.sub, now, clock, detail: { note: input.note ?? null } });
}

/** The running pause reached the bound of the case's paused time: it ends there (the sweep, on the pause's due time). */
export function endPauseAtBound(subject: Case, { now, clock }: { now: string; clock: Clock }): Change | undefined {
  const pause = subject.pauses.find((candidate) => candidate.status === 'running');
  return pause && resume(subject, pause, { actor: 'system:deadlines', now, clock, detail: { bound: 'maxPaused' } });
}
