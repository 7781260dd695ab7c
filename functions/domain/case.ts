import type { KeyObject } from 'node:crypto';
import { COLLECTIVE_HEADCOUNT, type Channel, type Petitioner, type Submission } from './intake.ts';
import type { Ownership } from './hard-cases.ts';
import { matterFingerprint } from './petitioner.ts';
import { addMs, deadlineAfter, type Clock } from './policy.ts';
import type { RegionLevel } from './regions.ts';

export const CASE_STATUSES = [
  'received',
  'accepted',
  'not_accepted',
  'forwarded',
  'replied',
  'under_review',
  'under_rereview',
  'closed',
  'final',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The statuses after which nothing more happens to a case: it leaves the due index and its matter is released. */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['not_accepted', 'forwarded', 'closed', 'final'];
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((status) => !FINISHED_STATUSES.includes(status));

export function isOpen(status: CaseStatus): boolean {
  return !FINISHED_STATUSES.includes(status);
}

/**
 * Which clock a due time belongs to. `idle` (the idle warning) and
 * `coHandling` (a co-handling task's clock) are due entries of their own
 * beside the case's one next due time (see {@link sideDues}); `pause` is the
 * bound of a running pause, which stands in for the handling clock while it runs.
 */
export const DUE_STAGES = ['routing', 'acceptance', 'receipt', 'handling', 'reviewWindow', 'review', 'idle', 'pause', 'coHandling'] as const;
export type DueStage = (typeof DUE_STAGES)[number];

/** The rungs of the escalation ladder a legal clock climbs when nobody acts. */
export const RUNGS = ['warning', 'supervision', 'escalation'] as const;
export type Rung = (typeof RUNGS)[number];

/** The one next due time every open case carries (the sweep's index), and for a legal clock the rung it brings. */
export interface Due {
  stage: DueStage;
  at: string;
  rung?: Rung;
}

/** A case (信访事项) as the system keeps it. */
export interface Case {
  id: string;
  /** The number people read and say (see case-number.ts), given as the case is written; `null` for a case taken in before 1.1. */
  caseNumber: string | null;
  channel: Channel;
  category: string;
  title: string;
  content: string;
  regionCode: string;
  /** Where the matter was brought, when the petitioner named a level: over-level detection. */
  addressedTo: string | null;
  headcount: number;
  collective: boolean;
  petitioners: Petitioner[];
  accessCodeHash: string;
  /** Links repeat petitions to this case; see {@link matterFingerprint}. */
  matterFingerprint: string;
  status: CaseStatus;
  receivedAt: string;
  acceptanceDueAt: string;
  repeatCount: number;
  overLevel: boolean;
  /** The petition office that must decide on acceptance; set by routing. */
  office: string | null;
  /** The lead unit routing proposes; acceptance assigns it by default. */
  proposedLeadUnit: string | null;
  leadUnit: string | null;
  coUnits: string[];
  responsibleLeader: string | null;
  /** The lead unit's sign for receipt (签收) the assignment asks for; `null` when none is asked (the policy's switch, or a case from before it). */
  receipt: Receipt | null;
  /** The lead units' returns (退回), each with the office's ruling once given; in order. */
  returns: Return[];
  /** The region level now supervising the case; set by routing, raised by escalation and review. */
  level: RegionLevel | null;
  acceptance: Acceptance | null;
  /** Reply within this, from acceptance (moved by an extension). */
  handlingDueAt: string | null;
  extension: Extension | null;
  reply: Reply | null;
  /** A handler's reply awaiting the lead unit's leader's sign-off; released, it becomes the reply. */
  replyDraft: Opinion | null;
  /** Review (复查) and re-review (复核), in order. */
  reviews: ReviewRound[];
  evaluations: Evaluation[];
  /** How many times the case climbed a level, over all its clocks (hard cases climb often). */
  escalationCount: number;
  /** When the ladder reached the top and raised its critical alert; it climbs no further. */
  criticalAt: string | null;
  /** How many times the petitioner urged it (催办), and when last. */
  urgeCount: number;
  lastUrgedAt: string | null;
  /** Whether it holds its matter fingerprint (repeats join it); a case taken at a leader's visit does not, nor a possible repeat. */
  holdsMatter: boolean;
  /**
   * The open case of the same matter that an unproven caller's submission
   * may repeat (staff only): it was registered as a case of its own, since
   * the caller may learn nothing of another case; staff may merge it.
   */
  possibleRepeatOf?: string | null;
  /** The leader's visit (下访) it was received at, and what the leader decided there. */
  visit: VisitLink | null;
  /** The owning leader (包案) of a hard case, with the plan and target; `null` while nobody owns it. */
  ownership: Ownership | null;
  due: Due | null;
  /** When the idle warning falls due: half the handling limit after the last action, while the handling clock runs (its own due entry). */
  idleAt: string | null;
  /** How many idle warnings the case got. */
  idleWarnings: number;
  /** The pauses (中止) the lead unit asked for, in order; at most one pending or running. */
  pauses: Pause[];
  /** The co-handling tasks (协办) the lead unit asked other units for, in order. */
  coHandling: CoHandlingTask[];
  /** Grows with every change; every write is conditional on it. */
  version: number;
}

export const RECEPTION_OUTCOMES = ['resolved_on_spot', 'assigned', 'determined'] as const;
export type ReceptionOutcome = (typeof RECEPTION_OUTCOMES)[number];

export interface VisitLink {
  id: string;
  /** The region of the visit: its office's leader hears of the case's escalations. */
  regionCode: string;
  outcome: ReceptionOutcome;
}

export type AcceptanceDecision = 'accept' | 'not_accept' | 'forward';

export interface Acceptance {
  decision: AcceptanceDecision;
  at: string;
  by: string;
  reason: string | null;
  forwardTo: string | null;
}

/** The assignment of a case to its lead unit, which signs for it or returns it within its window. */
export interface Receipt {
  unit: string;
  assignedAt: string;
  /** The window to sign or return; its clock climbs the ladder. */
  dueAt: string;
  /** The office insisted on this unit after a return: the unit holds the case as signed for, by the ruling. */
  insisted: boolean;
  signedAt: string | null;
  signedBy: string | null;
}

export const RULINGS = ['reassign', 'insist'] as const;
export type Ruling = (typeof RULINGS)[number];

/** A lead unit's return of a case it holds is not its own, and the office's ruling on it. */
export interface Return {
  unit: string;
  reason: string;
  suggestedUnit: string | null;
  at: string;
  by: string;
  ruling: { ruling: Ruling; leadUnit: string; reason: string; at: string; by: string } | null;
}

export const PAUSE_REASONS = ['hearing', 'appraisal', 'awaiting_materials', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
export const PAUSE_STATUSES = ['pending', 'refused', 'running', 'ended'] as const;

/** A pause of the handling clock (时限中止): asked for by the lead unit, approved by the office, ended by either. */
export interface Pause {
  /** Its number in the case, from 1: the `{pauseId}` of its routes. */
  id: string;
  reason: PauseReason;
  note: string;
  requestedAt: string;
  requestedBy: string;
  status: (typeof PAUSE_STATUSES)[number];
  decision: { approve: boolean; reason: string | null; at: string; by: string } | null;
  /** The rung the handling clock was waiting for when the pause started: it waits for it again, moved by the paused time. */
  heldRung: Rung | null;
  endedAt: string | null;
  /** Who ended it; `system:deadlines` when it reached the bound (`maxPaused`). */
  endedBy: string | null;
  /** The time it stopped the clock: the deadline moved by this. */
  pausedMs: number | null;
}

/**
 * A co-handling task (协办): the lead unit asks another unit for its opinion,
 * by a deadline of its own. Open until the co-unit gives its opinion or the
 * lead unit closes it with a reason; an open task holds the reply back.
 */
export interface CoHandlingTask {
  /** Its number in the case, from 1: the `{taskId}` of its routes. */
  id: string;
  unit: string;
  request: string;
  /** The days the request named (counted as the policy's `coHandling` counts them); `null` for the policy's own limit. */
  days: number | null;
  askedAt: string;
  askedBy: string;
  /** The co-unit's deadline. */
  dueAt: string;
  /** The task clock's next rung: the warning before `dueAt`, the supervision at it; `null` once supervised or settled. */
  due: { at: string; rung: 'warning' | 'supervision' } | null;
  /** When the deadline passed without an opinion and the co-unit was supervised. */
  supervisedAt: string | null;
  opinion: { opinion: string; at: string; by: string } | null;
  closure: { reason: string; at: string; by: string } | null;
}

export const EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const;

export interface Extension {
  days: number;
  reason: string;
  at: string;
  by: string;
  /** A handler's request waits for the lead unit's leader; a leader's own is approved at once. */
  status: (typeof EXTENSION_STATUSES)[number];
  decision: { approve: boolean; reason: string | null; at: string; by: string } | null;
}

/** A written opinion: the lead unit's reply (答复意见) or a review's opinion (复查、复核意见). */
export interface Opinion {
  opinion: string;
  at: string;
  by: string;
}

/** The reply as released to the petitioner: by whom it was drafted and, under sign-off, who signed it off. */
export interface Reply extends Opinion {
  signedOffBy?: string;
}

export type ReviewStage = 'review' | 'rereview';

export interface ReviewRound {
  stage: ReviewStage;
  /** The petition office that reviews: one level above the one that answered. */
  office: string;
  requestedAt: string;
  reason: string;
  dueAt: string;
  opinion: (Opinion & { upheld: boolean }) | null;
}

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** The petitioner's rating of one answer. */
export interface Evaluation {
  rating: Rating;
  comment: string | null;
  at: string;
  /** Which answer it rates: the reply, or a review round's opinion. */
  of: 'reply' | ReviewStage;
}

/** What the petitioner may see of a history entry. */
export interface TimelineEvent {
  event: string;
  note: string;
}

/** One append-only entry of a case's history, written with the change it records. */
export interface HistoryEntry {
  /** The case version this entry produced: orders the history and makes each entry unique. */
  version: number;
  at: string;
  actor: string;
  action: string;
  /** Staff-facing detail; never identity numbers or phones. */
  detail: Record<string, unknown>;
  timeline?: TimelineEvent;
}

/** A case after one change, with the history entry that records it. */
export interface Change {
  case: Case;
  entry: HistoryEntry;
}

/** What one change records: who, what, the staff-facing detail and what the petitioner sees. */
export interface ChangeRecord {
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  timeline?: TimelineEvent;
}

/** An owned case's ownership after a change to `status` at `at`: when it finishes, the time is kept; else unchanged. */
export function ownershipAfter(ownership: Ownership | null, status: CaseStatus, at: string): Ownership | null {
  return ownership && ownership.finishedAt === null && !isOpen(status) ? { ...ownership, finishedAt: at } : ownership;
}

/** The case after `patch`, one version on, with the history entry that records it. */
export function next(subject: Case, patch: Partial<Case>, record: ChangeRecord): Change {
  const version = subject.version + 1;
  const changed = { ...subject, ...patch, version };
  // An owned case keeps when it finished: its owner's target is judged by it.
  return { case: { ...changed, ownership: ownershipAfter(changed.ownership, changed.status, record.at) }, entry: { version, ...record } };
}

export interface Registration {
  id: string;
  now: string;
  clock: Clock;
  accessCodeHash: string;
  /** When to route the case again if its routing message is lost. Operational, not a legal clock. */
  routingRetryMs: number;
  actor: string;
  /** Keys the matter fingerprint: see {@link matterFingerprint}. */
  fingerprintKey: KeyObject;
}

/** Registers a new case: status `received`, the acceptance clock started. */
export function registerCase(submission: Submission, registration: Registration): Change {
  const { id, now, clock, accessCodeHash, routingRetryMs, actor } = registration;
  const petitioner = submission.petitioner;
  const registered: Case = {
    id,
    // The store numbers it as it writes it: the number is the next of its series then.
    caseNumber: null,
    channel: submission.channel,
    category: submission.category,
    title: submission.title,
    content: submission.content,
    regionCode: submission.regionCode,
    addressedTo: submission.addressedTo ?? null,
    headcount: submission.headcount,
    collective: submission.headcount >= COLLECTIVE_HEADCOUNT,
    petitioners: [petitioner],
    accessCodeHash,
    matterFingerprint: matterFingerprint(petitioner, submission.category, submission.regionCode, registration.fingerprintKey),
    status: 'received',
    receivedAt: now,
    acceptanceDueAt: deadlineAfter(now, 'acceptance', clock),
    repeatCount: 0,
    overLevel: false,
    office: null,
    proposedLeadUnit: null,
    leadUnit: null,
    coUnits: [],
    responsibleLeader: null,
    receipt: null,
    returns: [],
    level: null,
    acceptance: null,
    handlingDueAt: null,
    extension: null,
    reply: null,
    replyDraft: null,
    reviews: [],
    evaluations: [],
    escalationCount: 0,
    criticalAt: null,
    urgeCount: 0,
    lastUrgedAt: null,
    holdsMatter: true,
    visit: null,
    ownership: null,
    due: { stage: 'routing', at: addMs(now, routingRetryMs) },
    idleAt: null,
    idleWarnings: 0,
    pauses: [],
    coHandling: [],
    version: 1,
  };
  return {
    case: registered,
    entry: {
      version: 1,
      at: now,
      actor,
      action: 'registered',
      detail: { channel: registered.channel, category: registered.category, headcount: registered.headcount },
      timeline: { event: 'received', note: '您的信访事项已登记，将在法定期限内告知是否受理。' },
    },
  };
}

/** The same petitioner raised the same open matter again (重复访): it joins the case and is counted; `merged`, the possible repeat staff merged into it. */
export function recordRepeat(open: Case, at: { now: string; channel: Channel; actor: string; merged?: string }): Change {
  const repeatCount = open.repeatCount + 1;
  return next(open, { repeatCount }, {
    at: at.now,
    actor: at.actor,
    action: 'repeat',
    detail: { channel: at.channel, repeatCount, ...(at.merged !== undefined && { merged: at.merged }) },
    timeline: { event: 'repeat', note: '您再次反映的同一事项已并入本件办理。' },
  });
}

/**
 * An unproven caller's submission of a matter that `openCaseId` holds open:
 * a case of its own, which takes no matter, marked for staff as a possible
 * repeat of the open one.
 */
export function asPossibleRepeat(registration: Change, openCaseId: string): Change {
  return {
    case: { ...registration.case, holdsMatter: false, possibleRepeatOf: openCaseId },
    entry: { ...registration.entry, detail: { ...registration.entry.detail, possibleRepeatOf: openCaseId } },
  };
}

/** The petitioner recovered access with a verified phone: a new access code, and the old one stops working. */
export function resetAccessCode(subject: Case, at: { now: string; accessCodeHash: string }): Change {
  return next(subject, { accessCodeHash: at.accessCodeHash }, { at: at.now, actor: 'petitioner', action: 'access_code_reset', detail: {} });
}

/** Staff merge a possible repeat into the open case it repeats: it closes as merged (the open case counts it in the same write, {@link recordRepeat}). */
export function mergeRepeat(repeat: Case, open: Case, at: { now: string; actor: string }): Change {
  if (repeat.possibleRepeatOf !== open.id) throw new Error(`case ${repeat.id} is no possible repeat of ${open.id}`);
  return next(repeat, { status: 'closed', due: null, possibleRepeatOf: null }, {
    at: at.now,
    actor: at.actor,
    action: 'merged',
    detail: { into: open.id },
    timeline: { event: 'merged', note: '本件与在办的同一事项合并办理。' },
  });
}

/**
 * The first due time of a legal clock running to `deadline`: its warning, or
 * the deadline itself (supervision) when the warning time has passed already.
 */
export function clockDue(stage: DueStage, deadline: string, now: string, clock: Clock): Due {
  const warningAt = addMs(deadline, -clock.warningBefore);
  return warningAt > now ? { stage, at: warningAt, rung: 'warning' } : { stage, at: deadline, rung: 'supervision' };
}

/** The idle warning's due time, while the case is being handled (the store keeps it as a due entry of its own). */
export function idleDue(subject: Case): Due | null {
  return subject.idleAt !== null && subject.status === 'accepted' ? { stage: 'idle', at: subject.idleAt } : null;
}

/**
 * A due time with an entry of its own in the due index, beside the case's one
 * next due time; `ref` tells the entries of one stage apart (a task's id).
 */
export interface SideDue extends Due {
  ref: string | null;
}

/** Whether a co-handling task waits for its opinion: neither answered nor closed. */
export const isTaskOpen = (task: CoHandlingTask): boolean => task.opinion === null && task.closure === null;

/** The case's side due times: its idle warning, and the next rung of each open co-handling task's clock. */
export function sideDues(subject: Case): SideDue[] {
  const idle = idleDue(subject);
  const tasks = subject.status === 'accepted' ? subject.coHandling.filter((task) => isTaskOpen(task) && task.due !== null) : [];
  return [
    ...(idle ? [{ ...idle, ref: null }] : []),
    ...tasks.map((task): SideDue => ({ stage: 'coHandling', ...(task.due as NonNullable<CoHandlingTask['due']>), ref: task.id })),
  ];
}

/** The due time of `stage` (and `ref`) the case has now: one of its side due times, or its one next due time. */
export function dueOf(subject: Case, stage: DueStage, ref: string | null = null): Due | null {
  if (stage === 'idle' || stage === 'coHandling') {
    const side = sideDues(subject).find((due) => due.stage === stage && due.ref === ref);
    if (!side) return null;
    const { ref: _ref, ...due } = side;
    return due;
  }
  return subject.due?.stage === stage ? subject.due : null;
}

/** The latest written opinion (the reply or a review's) and which it is; `undefined` before the reply. */
export function latestOpinion(subject: Case): { opinion: Opinion; of: Evaluation['of'] } | undefined {
  const reviewed = subject.reviews.findLast((round) => round.opinion !== null);
  if (reviewed?.opinion) return { opinion: reviewed.opinion, of: reviewed.stage };
  return subject.reply ? { opinion: subject.reply, of: 'reply' } : undefined;
}

/** The deadline of the clock the case's due time belongs to: the receipt window, or the legal deadline. */
export function clockDeadline(subject: Case): string | null {
  return subject.due?.stage === 'receipt' ? (subject.receipt?.dueAt ?? null) : legalDueAt(subject);
}

/**
 * The legal deadline the case is running against now: acceptance, the reply,
 * the petitioner's review window, or the review opinion; `null` once finished.
 */
export function legalDueAt(subject: Case): string | null {
  switch (subject.status) {
    case 'received':
      return subject.acceptanceDueAt;
    case 'accepted':
      return subject.handlingDueAt;
    case 'under_review':
    case 'under_rereview':
      return subject.reviews.at(-1)?.dueAt ?? null;
    case 'replied':
      return subject.due?.stage === 'reviewWindow' ? subject.due.at : null;
    default:
      return null;
  }
}

/** The units a case belongs to: its office (or, before routing, its region), lead and co-units, units asked to co-handle, reviewing offices. */
export function unitsOf(subject: Case): string[] {
  const asked = subject.coHandling.map((task) => task.unit);
  return [subject.office ?? subject.regionCode, subject.leadUnit, ...subject.coUnits, ...asked, ...subject.reviews.map((r) => r.office)].filter(
    (unit): unit is string => unit !== null,
  );
}
