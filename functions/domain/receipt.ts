/**
 * Sign for receipt, or return (签收/退回), and the office's ruling on a
 * return: a lead unit that holds a case is not its own says so within its
 * window, with its reasons, and the office reassigns the case or insists.
 * Returns are counted per unit (cases that bounce, 工单在天上飞).
 */
import { clockDue, next, RULINGS, type Case, type Change } from './case.ts';
import { longText, unitId } from './fields.ts';
import { receiptFor, requireLeadUnit, requireStatus, type Acting } from './lifecycle.ts';
import { conflict, invalid, Problem } from './problem.ts';
import { isOfficeStaff, requireRole, requireUnitsWithin } from './staff.ts';
import { isUnitWithin } from './units.ts';
import * as z from './zod.ts';

export const receiptSchema = z.strictObject({ decision: z.enum(['sign', 'return']), reason: z.optional(longText(2000)), suggestedUnit: z.optional(unitId) }).check(
  z.refine((input) => input.decision !== 'return' || input.reason !== undefined, { message: 'a return must give its reasons', path: ['reason'] }),
  z.refine((input) => input.decision === 'return' || input.suggestedUnit === undefined, { message: 'only with the decision "return"', path: ['suggestedUnit'] }),
);
export type ReceiptInput = z.infer<typeof receiptSchema>;

export const reassignmentSchema = z.strictObject({ ruling: z.enum(RULINGS), leadUnit: z.optional(unitId), reason: longText(2000) }).check(
  z.refine((input) => input.ruling !== 'reassign' || input.leadUnit !== undefined, { message: 'name the unit the case is reassigned to', path: ['leadUnit'] }),
  z.refine((input) => input.ruling === 'reassign' || input.leadUnit === undefined, { message: 'only with the ruling "reassign"', path: ['leadUnit'] }),
);
export type ReassignmentInput = z.infer<typeof reassignmentSchema>;

/** The return the office has not ruled on yet, if any. */
export function pendingReturn(subject: Case) {
  const last = subject.returns.at(-1);
  return last && last.ruling === null ? last : undefined;
}

/**
 * The lead unit signs for the case, or returns it to the office with its
 * reasons, once, within its window.
 */
export function decideReceipt(subject: Case, input: ReceiptInput, { staff, now, clock }: Acting): Change {
  requireRole(staff, 'sign for or return a case', 'clerk', 'handler');
  requireStatus(subject, ['accepted'], 'be signed for or returned');
  requireLeadUnit(staff, subject, 'sign for or return the case');
  const receipt = subject.receipt;
  if (receipt === null) throw conflict('No receipt is asked of this case: the lead unit handles it as assigned.');
  if (pendingReturn(subject)) throw conflict('The case was returned already: the office has not ruled on it yet.');
  if (receipt.signedAt !== null) throw conflict(`The case was signed for already, at ${receipt.signedAt}.`);
  if (input.decision === 'sign') {
    return next(
      subject,
      { receipt: { ...receipt, signedAt: now, signedBy: staff.sub }, due: clockDue('handling', subject.handlingDueAt as string, now, clock) },
      {
        at: now,
        actor: staff.sub,
        action: 'signed',
        detail: { unit: receipt.unit, assignedAt: receipt.assignedAt },
        timeline: { event: 'signed', note: '承办单位已签收，正在办理。' },
      },
    );
  }
  if (now > receipt.dueAt) throw conflict(`The window to return the case ended at ${receipt.dueAt}: sign for it and handle it.`);
  const returned = { unit: receipt.unit, reason: input.reason as string, suggestedUnit: input.suggestedUnit ?? null, at: now, by: staff.sub, ruling: null };
  return next(
    subject,
    // The handling clock runs on while the office rules: the regulation's limit is the petitioner's, not the units'.
    { returns: [...subject.returns, returned], due: clockDue('handling', subject.handlingDueAt as string, now, clock) },
    { at: now, actor: staff.sub, action: 'returned', detail: { unit: returned.unit, reason: returned.reason, suggestedUnit: returned.suggestedUnit } },
  );
}

/**
 * The office rules on a return: reassign the case to another unit (its own
 * window to sign opens), or insist that the unit handles it (it holds the
 * case as signed for, and may not return it again).
 */
export function ruleOnReturn(subject: Case, input: ReassignmentInput, { staff, now, clock }: Acting): Change {
  requireRole(staff, 'rule on a return', 'clerk', 'supervisor', 'leader');
  if (!isOfficeStaff(staff) || subject.office === null || !isUnitWithin(subject.office, staff.unit)) {
    throw new Problem('forbidden', 'Not allowed', `Only the petition office ${subject.office} (or one above it) may rule on a return.`);
  }
  requireStatus(subject, ['accepted'], 'be reassigned');
  const returned = pendingReturn(subject);
  if (!returned) throw conflict('There is no return to rule on: the lead unit has not returned the case.');
  const leadUnit = input.ruling === 'reassign' ? (input.leadUnit as string) : returned.unit;
  if (input.ruling === 'reassign') {
    if (leadUnit === returned.unit) throw invalid('Reassign the case to another unit, or insist.', [{ path: 'leadUnit', message: `${leadUnit} returned the case` }]);
    requireUnitsWithin(staff, [['leadUnit', leadUnit]], 'Units must be the ruling office or below it.');
  }
  // Insisting binds the unit to the case as if it had signed: the office's ruling ends the bouncing.
  const receipt =
    input.ruling === 'insist'
      ? { ...receiptFor(leadUnit, { now, clock }), insisted: true, signedAt: now, signedBy: staff.sub }
      : receiptFor(leadUnit, { now, clock });
  const ruling = { ruling: input.ruling, leadUnit, reason: input.reason, at: now, by: staff.sub };
  return next(
    subject,
    {
      leadUnit,
      coUnits: subject.coUnits.filter((unit) => unit !== leadUnit),
      receipt,
      returns: [...subject.returns.slice(0, -1), { ...returned, ruling }],
      due: receipt.signedAt === null ? clockDue('receipt', receipt.dueAt, now, clock) : clockDue('handling', subject.handlingDueAt as string, now, clock),
    },
    {
      at: now,
      actor: staff.sub,
      action: input.ruling === 'reassign' ? 'reassigned' : 'return_refused',
      detail: { from: returned.unit, leadUnit, reason: input.reason },
      ...(input.ruling === 'reassign' && { timeline: { event: 'reassigned', note: '已重新确定本事项的承办单位。' } }),
    },
  );
}
