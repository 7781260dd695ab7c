/**
 * The case lifecycle under the 信访工作条例: acceptance, the handling clock
 * and its one extension, the reply, the petitioner's rating, review and
 * re-review, and finality. Each step is a pure function from a case to a
 * {@link Change}, or a refusal: 400 (bad input), 403 (wrong role), 409 (the
 * case's state forbids it).
 */
import {
  clockDue,
  isTaskOpen,
  latestOpinion,
  next,
  RATINGS,
  unitsOf,
  type AcceptanceDecision,
  type Case,
  type CaseStatus,
  type Change,
  type Extension,
  type Opinion,
  type Receipt,
  type ReviewStage,
} from './case.ts';
import { deadlineAfter, extendDeadline, type Clock } from './policy.ts';
import { conflict, invalid, Problem } from './problem.ts';
import type { Region } from './regions.ts';
import { hasRole, isOfficeStaff, requireOfficeStaff, requireRole, requireUnitsWithin, type Role, type Staff } from './staff.ts';
import { isUnitWithin } from './units.ts';
import { longText, text, unitId } from './fields.ts';
import * as z from './zod.ts';


/** Fields that belong to one decision only: naming one with another decision is a mistake worth telling. */
type DecisionField = 'leadUnit' | 'coUnits' | 'responsibleLeader' | 'forwardTo';
const onlyWith = (decision: AcceptanceDecision, field: DecisionField) =>
  z.refine<{ decision: AcceptanceDecision } & Partial<Record<DecisionField, unknown>>>((input) => input[field] === undefined || input.decision === decision, {
    message: `only with the decision "${decision}"`,
    path: [field],
  });

export const acceptanceSchema = z
  .strictObject({
    decision: z.enum(['accept', 'not_accept', 'forward']),
    reason: z.optional(longText(2000)),
    leadUnit: z.optional(unitId),
    coUnits: z.optional(z.array(unitId).check(z.maxLength(10))),
    responsibleLeader: z.optional(text(100)),
    forwardTo: z.optional(unitId),
  })
  .check(
    z.refine((input) => input.decision !== 'not_accept' || input.reason !== undefined, {
      message: 'a decision not to accept must give the reason the petitioner is told',
      path: ['reason'],
    }),
    z.refine((input) => input.decision !== 'forward' || input.forwardTo !== undefined, {
      message: 'name the competent unit the case is forwarded to',
      path: ['forwardTo'],
    }),
    onlyWith('accept', 'leadUnit'),
    onlyWith('accept', 'coUnits'),
    onlyWith('accept', 'responsibleLeader'),
    onlyWith('forward', 'forwardTo'),
  );
export type AcceptanceInput = z.infer<typeof acceptanceSchema>;

export const extensionSchema = z.strictObject({ days: z.number().check(z.int(), z.minimum(1), z.maximum(30)), reason: longText(2000) });
export const replySchema = z.strictObject({ opinion: longText(10_000) });
export const evaluationSchema = z.strictObject({ rating: z.enum(RATINGS), comment: z.optional(longText(2000)) });
export const reviewRequestSchema = z.strictObject({ reason: longText(2000) });
export const reviewOpinionSchema = z.strictObject({ opinion: longText(10_000), upheld: z.boolean() });

/** A member of staff acting now, under the legal clock in force. */
export interface Acting {
  staff: Staff;
  now: string;
  clock: Clock;
}

/** The assignment of a case to `unit` now: its window to sign or return opens. */
export function receiptFor(unit: string, { now, clock }: { now: string; clock: Clock }): Receipt {
  return { unit, assignedAt: now, dueAt: deadlineAfter(now, 'receipt', clock), insisted: false, signedAt: null, signedBy: null };
}

/** Whether the case is one of the staff member's unit or of a unit below it: else it is not theirs to see (404). */
export function canSee(staff: Staff, subject: Case): boolean {
  return unitsOf(subject).some((unit) => isUnitWithin(unit, staff.unit));
}

export function requireStatus(subject: Case, allowed: CaseStatus[], action: string): void {
  if (!allowed.includes(subject.status)) throw conflict(`The case is ${subject.status}: it cannot ${action} now.`);
}

/** The lead unit acts on its case; an admin may act for it. */
export function requireLeadUnit(staff: Staff, subject: Case, action: string): void {
  if (staff.unit !== subject.leadUnit && !staff.roles.includes('admin')) {
    throw new Problem('forbidden', 'Not allowed', `Only the lead unit ${subject.leadUnit} may ${action}.`);
  }
}

/** The lead unit acts on a case only once it has signed for it (签收), when a receipt is asked. */
export function requireSigned(subject: Case, action: string): void {
  if (subject.receipt === null || subject.receipt.signedAt !== null) return;
  if (subject.returns.at(-1)?.ruling === null) throw conflict(`The case was returned to the office, which has not ruled yet: the lead unit cannot ${action} now.`);
  throw conflict(`The lead unit ${subject.receipt.unit} has not signed for the case yet: sign for it (POST …/receipt) before you ${action}.`);
}

/**
 * Who handles an accepted case: staff of its lead unit (an admin for it) in
 * one of `roles`, once the unit has signed for it. `action` names the act in
 * the refusals ("ask for a pause"), `becoming` what the case would undergo
 * ("be paused").
 */
export function requireHandling(subject: Case, staff: Staff, action: string, becoming: string, roles: readonly Role[] = ['handler', 'leader']): void {
  requireRole(staff, action, ...roles);
  requireStatus(subject, ['accepted'], becoming);
  requireLeadUnit(staff, subject, action);
  requireSigned(subject, action);
}

/** Nothing moves the handling clock while a pause stops it (an extension granted, a reply released): the pause is ended first. */
export function requireNotPaused(subject: Case, action: string): void {
  const running = subject.pauses.find((pause) => pause.status === 'running');
  if (running) throw conflict(`The handling clock is paused (pause ${running.id}): end the pause (POST …/pauses/${running.id}/end) before you ${action}.`);
}

/** Refuses (409) to release the reply while a co-handling task is open. */
export function requireTasksSettled(subject: Case, action: string): void {
  const open = subject.coHandling.filter(isTaskOpen);
  if (open.length === 0) return;
  const ids = open.map((task) => `${task.id} (${task.unit})`).join(', ');
  throw conflict(`Co-handling task ${ids} is open: wait for the opinion, or close it with a reason (POST …/co-handling/{taskId}/closure), before you ${action}.`);
}

/** The petition office decides: accept (and assign the lead unit), not accept (with the reason), or forward. */
export function decideAcceptance(subject: Case, input: AcceptanceInput, { staff, now, clock }: Acting): Change {
  requireRole(staff, 'decide on acceptance', 'clerk');
  requireOfficeStaff(staff, 'Deciding on acceptance');
  requireStatus(subject, ['received'], 'be decided on');
  const decided = { at: now, by: staff.sub, reason: input.reason ?? null };
  if (input.decision === 'not_accept') {
    return next(subject, { status: 'not_accepted', acceptance: { ...decided, decision: 'not_accept', forwardTo: null }, due: null }, {
      at: now,
      actor: staff.sub,
      action: 'not_accepted',
      detail: { reason: input.reason },
      timeline: { event: 'not_accepted', note: `不予受理。理由：${input.reason}` },
    });
  }
  if (input.decision === 'forward') {
    const forwardTo = input.forwardTo as string;
    return next(subject, { status: 'forwarded', acceptance: { ...decided, decision: 'forward', forwardTo }, due: null }, {
      at: now,
      actor: staff.sub,
      action: 'forwarded',
      detail: { forwardTo, reason: input.reason ?? null },
      timeline: { event: 'forwarded', note: '本事项已转送有权处理的机关办理。' },
    });
  }
  const leadUnit = input.leadUnit ?? subject.proposedLeadUnit;
  if (leadUnit === null) {
    throw invalid('Routing has not proposed a lead unit yet: name one.', [{ path: 'leadUnit', message: 'required until the case is routed' }]);
  }
  const coUnits = [...new Set(input.coUnits ?? [])].filter((unit) => unit !== leadUnit);
  requireUnitsWithin(staff, [['leadUnit', leadUnit], ...coUnits.map((unit, i): [string, string] => [`coUnits.${i}`, unit])], 'Units must be the deciding office or below it.');
  const handlingDueAt = deadlineAfter(now, 'handling', clock);
  const receipt = clock.signForReceipt ? receiptFor(leadUnit, { now, clock }) : null;
  return next(
    subject,
    {
      status: 'accepted',
      acceptance: { ...decided, decision: 'accept', forwardTo: null },
      leadUnit,
      coUnits,
      responsibleLeader: input.responsibleLeader ?? null,
      receipt,
      handlingDueAt,
      due: receipt ? clockDue('receipt', receipt.dueAt, now, clock) : clockDue('handling', handlingDueAt, now, clock),
    },
    {
      at: now,
      actor: staff.sub,
      action: 'accepted',
      detail: { leadUnit, coUnits, responsibleLeader: input.responsibleLeader ?? null, handlingDueAt },
      timeline: { event: 'accepted', note: '您的信访事项已受理，承办单位将在法定期限内书面答复。' },
    },
  );
}

/** Once, for a complex case, before the handling deadline: at most the policy's extension; a handler's waits for approval when the policy says so. */
export function extendHandling(subject: Case, input: { days: number; reason: string }, { staff, now, clock }: Acting): Change {
  requireHandling(subject, staff, 'ask for an extension', 'be extended');
  if (subject.extension !== null) throw conflict('The case was extended already: the regulation allows one extension.');
  const handlingDueAt = subject.handlingDueAt as string;
  if (now > handlingDueAt) throw conflict('The handling deadline has passed: it can no longer be extended.');
  const maxDays = Math.floor(clock.maxExtension / clock.day);
  if (input.days > maxDays) throw invalid('The extension is too long.', [{ path: 'days', message: `at most ${maxDays} days` }]);
  const requested = { days: input.days, reason: input.reason, at: now, by: staff.sub, decision: null };
  if (clock.approveExtensions && !hasRole(staff, 'leader')) {
    return next(subject, { extension: { ...requested, status: 'pending' } }, {
      at: now,
      actor: staff.sub,
      action: 'extension_requested',
      detail: { days: input.days, reason: input.reason },
    });
  }
  return grantExtension({ ...subject, extension: { ...requested, status: 'pending' } }, { approve: true }, { staff, now, clock });
}

/** The decision on a pending extension: granted, the deadline moves by its days and the petitioner is told why; refused, it stays. */
export function grantExtension(subject: Case, input: { approve: boolean; reason?: string | undefined }, { staff, now, clock }: Acting): Change {
  const extension = subject.extension as Extension;
  const decision = { approve: input.approve, reason: input.reason ?? null, at: now, by: staff.sub };
  if (input.approve) requireNotPaused(subject, 'grant an extension');
  if (!input.approve) {
    return next(subject, { extension: { ...extension, status: 'refused', decision } }, {
      at: now,
      actor: staff.sub,
      action: 'extension_refused',
      detail: { days: extension.days, reason: input.reason ?? null },
    });
  }
  const extendedTo = extendDeadline(subject.handlingDueAt as string, extension.days, clock);
  return next(
    subject,
    { extension: { ...extension, status: 'approved', decision }, handlingDueAt: extendedTo, due: clockDue('handling', extendedTo, now, clock) },
    {
      at: now,
      actor: staff.sub,
      action: 'extended',
      detail: { days: extension.days, reason: extension.reason, handlingDueAt: extendedTo, ...(extension.by !== staff.sub && { requestedBy: extension.by }) },
      timeline: { event: 'extended', note: `因情况复杂，办理期限延长${extension.days}日。理由：${extension.reason}` },
    },
  );
}

/** Every released reply tells the petitioner of the right to ask for review (复查), and within what. */
const REVIEW_NOTICE = '如不服，可自收到本答复意见之日起30日内向上一级机关申请复查。';

/** The lead unit's written reply (答复); under sign-off a handler's is a draft until the unit's leader releases it. */
export function replyToCase(subject: Case, input: { opinion: string }, { staff, now, clock }: Acting): Change {
  requireHandling(subject, staff, 'reply', 'be replied to');
  if (subject.replyDraft !== null) throw conflict('A draft reply awaits the leader\'s sign-off: it is released or sent back first.');
  if (clock.replySignOff && !hasRole(staff, 'leader')) {
    return next(subject, { replyDraft: { opinion: input.opinion, at: now, by: staff.sub } }, { at: now, actor: staff.sub, action: 'reply_drafted', detail: {} });
  }
  return releaseReply(subject, { opinion: input.opinion, at: now, by: staff.sub }, { staff, now, clock });
}

/** The reply released to the petitioner: the handling clock stops and the petitioner's review window opens. */
export function releaseReply(subject: Case, draft: Opinion, { staff, now, clock }: Acting): Change {
  requireNotPaused(subject, 'release the reply');
  requireTasksSettled(subject, 'release the reply');
  const signedOff = draft.by !== staff.sub;
  return next(
    subject,
    {
      status: 'replied',
      reply: { opinion: draft.opinion, at: now, by: draft.by, ...(signedOff && { signedOffBy: staff.sub }) },
      replyDraft: null,
      due: { stage: 'reviewWindow', at: deadlineAfter(now, 'reviewRequestWindow', clock) },
    },
    {
      at: now,
      actor: staff.sub,
      action: 'replied',
      detail: signedOff ? { draftedBy: draft.by } : {},
      timeline: { event: 'replied', note: `答复意见：${draft.opinion}${REVIEW_NOTICE}` },
    },
  );
}

const RATING_NAMES = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } as const;

/**
 * The petitioner rates the latest answer, once. Satisfied or basically
 * satisfied closes the case; dissatisfied leaves the way to review open.
 */
export function evaluate(subject: Case, input: { rating: keyof typeof RATING_NAMES; comment?: string | undefined }, now: string): Change {
  const latest = latestOpinion(subject);
  // A closed case may still be rated: one resolved on the spot at a leader's visit closes with its answer unrated.
  if (!latest || !['replied', 'final', 'closed'].includes(subject.status)) throw conflict(`The case is ${subject.status}: there is no answer to rate now.`);
  if (subject.evaluations.some((evaluation) => evaluation.of === latest.of)) throw conflict('This answer has been rated already.');
  const content = input.rating !== 'dissatisfied';
  const closes = content && subject.status === 'replied';
  return next(
    subject,
    {
      evaluations: [...subject.evaluations, { rating: input.rating, comment: input.comment ?? null, at: now, of: latest.of }],
      ...(closes && { status: 'closed' as const, due: null }),
    },
    {
      at: now,
      actor: 'petitioner',
      action: 'evaluated',
      detail: { rating: input.rating, of: latest.of },
      timeline: {
        event: 'evaluated',
        note:
          `您的评价：${RATING_NAMES[input.rating]}。` +
          (closes ? '本件已办结。' : content || subject.status === 'final' ? '' : '如不服，可在收到意见之日起30日内申请复查或复核。'),
      },
    },
  );
}

const STAGE_NAMES: Record<ReviewStage, string> = { review: '复查', rereview: '复核' };

/**
 * The petitioner asks the next level up to review the answer: review (复查)
 * of the reply, re-review (复核) of the review opinion, each within the window.
 *
 * @param above - the regions above the case's office, nearest first
 */
export function requestReview(subject: Case, input: { reason: string }, { now, clock, above }: { now: string; clock: Clock; above: Region[] }): Change {
  if (subject.status === 'final') throw conflict('The matter is final after re-review (三级终结): it is not reviewed again.');
  requireStatus(subject, ['replied'], 'be reviewed');
  const latest = latestOpinion(subject);
  if (!latest) throw conflict('There is no answer to review.');
  if (now > deadlineAfter(latest.opinion.at, 'reviewRequestWindow', clock)) throw conflict('The window to ask for review has passed.');
  const stage: ReviewStage = latest.of === 'reply' ? 'review' : 'rereview';
  const office = above[stage === 'review' ? 0 : 1];
  if (!office) throw conflict('There is no higher level to review this case.');
  const dueAt = deadlineAfter(now, 'reviewOpinion', clock);
  return next(
    subject,
    {
      status: stage === 'review' ? 'under_review' : 'under_rereview',
      reviews: [...subject.reviews, { stage, office: office.code, requestedAt: now, reason: input.reason, dueAt, opinion: null }],
      level: office.level,
      due: clockDue('review', dueAt, now, clock),
    },
    {
      at: now,
      actor: 'petitioner',
      action: `${stage}_requested`,
      detail: { office: office.code, reason: input.reason, dueAt },
      timeline: { event: `${stage}_requested`, note: `已申请${STAGE_NAMES[stage]}，由${office.name}办理。` },
    },
  );
}

/** The reviewing office's opinion. After re-review the matter is final. */
export function giveReviewOpinion(subject: Case, input: { opinion: string; upheld: boolean }, { staff, now, clock }: Acting): Change {
  requireRole(staff, 'give a review opinion', 'supervisor');
  requireStatus(subject, ['under_review', 'under_rereview'], 'be given a review opinion');
  const round = subject.reviews.at(-1)!;
  if (!isOfficeStaff(staff) || !isUnitWithin(round.office, staff.unit)) {
    throw new Problem('forbidden', 'Not allowed', `Only the reviewing office ${round.office} may give this opinion.`);
  }
  const final = round.stage === 'rereview';
  const reviews = [...subject.reviews.slice(0, -1), { ...round, opinion: { opinion: input.opinion, upheld: input.upheld, at: now, by: staff.sub } }];
  return next(
    subject,
    {
      reviews,
      status: final ? 'final' : 'replied',
      due: final ? null : { stage: 'reviewWindow', at: deadlineAfter(now, 'reviewRequestWindow', clock) },
    },
    {
      at: now,
      actor: staff.sub,
      action: `${round.stage}_opinion`,
      detail: { office: round.office, upheld: input.upheld },
      timeline: {
        event: `${round.stage}_opinion`,
        note: `${STAGE_NAMES[round.stage]}意见（${input.upheld ? '维持原处理意见' : '撤销或变更原处理意见'}）：${input.opinion}` + (final ? '本事项已终结。' : ''),
      },
    },
  );
}
