/**
 * Hard cases (包案): long-open or repeatedly escalated cases are candidates
 * for a named owning leader (包案领导) with a plan and a target date; the
 * owned cases make the responsibility list leaders are judged by (积案化解),
 * each with whether its target was kept, and a repeat on an owned matter is
 * told to its owner.
 */
import { chinaDay } from './calendar.ts';
import { isOpen, next, type Case, type Change, type HistoryEntry } from './case.ts';
import { day, longText, text } from './fields.ts';
import type { Acting } from './lifecycle.ts';
import type { Notice } from './ladder.ts';
import { addMs } from './policy.ts';
import { conflict, invalid, Problem } from './problem.ts';
import { requireOfficeStaff, requireRole } from './staff.ts';
import { isUnitWithin } from './units.ts';
import * as z from './zod.ts';

/** Escalated this often, a case is a candidate however young it is. */
export const HARD_CASE_ESCALATIONS = 2;

export const ownershipSchema = z.strictObject({
  leader: z.strictObject({ name: text(50), title: text(100) }),
  plan: longText(4000),
  targetDate: day,
});
export type OwnershipInput = z.infer<typeof ownershipSchema>;

/** The owning leader of a hard case, the plan and the target date, and who recorded them. */
export interface Ownership {
  leader: { name: string; title: string };
  plan: string;
  /** The day (China time) by which the case is to be settled. */
  targetDate: string;
  /** The unit of the office that named the owner: repeats on the matter are told there. */
  unit: string;
  at: string;
  by: string;
  /** When the case finished (settled or otherwise ended); `null` while it is open. */
  finishedAt: string | null;
}

/** Whether the target was kept: settled by the target day, not (missed), or still open with the day to come. */
export const TARGET_STATES = ['kept', 'missed', 'open'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

/** When a case received at `receivedAt` turns hard by age. */
export const hardByAgeAt = (receivedAt: string, hardCaseAfter: number): string => addMs(receivedAt, hardCaseAfter);

/** A candidate for ownership: open, and open longer than `hardCaseAfter` (ms) or escalated twice or more. */
export function isHardCaseCandidate(subject: Case, now: string, hardCaseAfter: number): boolean {
  return isOpen(subject.status) && (hardByAgeAt(subject.receivedAt, hardCaseAfter) <= now || subject.escalationCount >= HARD_CASE_ESCALATIONS);
}

/** Whether an owned case kept its target at `now`: finished by the end of the target day (China time), or not. */
export function targetState(ownership: Ownership, now: string): TargetState {
  if (ownership.finishedAt !== null) return chinaDay(ownership.finishedAt) <= ownership.targetDate ? 'kept' : 'missed';
  return chinaDay(now) > ownership.targetDate ? 'missed' : 'open';
}

/**
 * A leader (or admin) of the case's office or an office above names the
 * owning leader, the plan and the target. A second naming replaces the first
 * (the history keeps both): an owner may change, a plan be revised; the same
 * naming again is refused (409), so a retry changes nothing.
 */
export function takeOwnership(subject: Case, input: OwnershipInput, { staff, now, clock }: Acting): Change {
  requireRole(staff, 'name the owner of a hard case', 'leader');
  requireOfficeStaff(staff, 'Naming the owner of a hard case');
  const office = subject.office ?? subject.regionCode;
  if (!isUnitWithin(office, staff.unit)) {
    throw new Problem('forbidden', 'Not allowed', `Only a leader of the case's office ${office} or of an office above it may name its owner.`);
  }
  if (!isOpen(subject.status)) throw conflict(`The case is ${subject.status}: a finished case is not owned.`);
  const before = subject.ownership;
  if (before === null && !isHardCaseCandidate(subject, now, clock.hardCaseAfter)) {
    throw conflict(`The case is not a hard case: it turns hard when open since ${hardByAgeAt(subject.receivedAt, clock.hardCaseAfter)} or escalated ${HARD_CASE_ESCALATIONS} times.`);
  }
  if (input.targetDate < chinaDay(now)) throw invalid('The target date has passed.', [{ path: 'targetDate', message: `must be ${chinaDay(now)} or later` }]);
  if (before && before.leader.name === input.leader.name && before.leader.title === input.leader.title && before.plan === input.plan && before.targetDate === input.targetDate) {
    throw conflict('The case is owned already by this leader, with this plan and target.');
  }
  const ownership: Ownership = { ...input, unit: staff.unit, at: now, by: staff.sub, finishedAt: null };
  return next(subject, { ownership }, {
    at: now,
    actor: staff.sub,
    action: before ? 'ownership_replaced' : 'owned',
    detail: {
      leader: input.leader,
      targetDate: input.targetDate,
      ...(before && { previous: { leader: before.leader, targetDate: before.targetDate } }),
    },
    timeline: { event: 'owned', note: `本事项已由${input.leader.title}包案化解。` },
  });
}

/** How many of the latest staff actions the responsibility list shows as progress. */
export const PROGRESS_ACTIONS = 5;

/** Staff actions of the history, newest first: the system's rungs and the petitioner's own steps are not progress. */
export function progressOfOwned(history: HistoryEntry[]): Array<{ at: string; actor: string; action: string }> {
  return history
    .filter((entry) => entry.actor !== 'petitioner' && !entry.actor.startsWith('system:'))
    .sort((a, b) => b.version - a.version)
    .slice(0, PROGRESS_ACTIONS)
    .map(({ at, actor, action }) => ({ at, actor, action }));
}

/** An owned case on the responsibility list, under its ownership. */
export function responsibilityOf(subject: Case, ownership: Ownership, history: HistoryEntry[], now: string) {
  const { id, title, category, regionCode, status, level, receivedAt, escalationCount, office, leadUnit } = subject;
  const { leader, plan, targetDate, at, finishedAt } = ownership;
  return {
    id,
    title,
    category,
    regionCode,
    status,
    level,
    receivedAt,
    escalationCount,
    office,
    leadUnit,
    owner: leader,
    plan,
    targetDate,
    ownedAt: at,
    finishedAt,
    target: targetState(ownership, now),
    progress: progressOfOwned(history),
  };
}

/** The notice of a repeat (`change`) on a matter under `ownership`: to the owner's unit, naming the owner. */
export function repeatNotice(subject: Case, ownership: Ownership, change: Change): Notice {
  return {
    kind: 'repeat',
    caseId: subject.id,
    version: change.case.version,
    stage: subject.due?.stage ?? null,
    level: subject.level,
    deadline: null,
    to: [{ unit: ownership.unit, role: 'leader' }],
    at: change.entry.at,
    owner: ownership.leader,
  };
}
