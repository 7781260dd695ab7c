import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Case } from '../../functions/domain/case.ts';
import { contributionOf, figuresOf } from '../../functions/domain/figures.ts';
import { applyDue } from '../../functions/domain/ladder.ts';
import { acceptanceSchema, decideAcceptance, extendHandling, replyToCase, type Acting } from '../../functions/domain/lifecycle.ts';
import { checkPolicyOverrides, clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import { decideReceipt, reassignmentSchema, receiptSchema, ruleOnReturn } from '../../functions/domain/receipt.ts';
import type { Staff } from '../../functions/domain/staff.ts';
import { dayAfterT0 as at, demoChain, refusal, routedDemoCase, staffOf as staff, T0, ONE_STEP } from '../support/domain.ts';

const DAY = 86_400_000;
const clock = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP, signForReceipt: true });

const clerk = staff('330726', 'clerk');
const housingClerk = staff('330726:housing', 'clerk');
const handler = staff('330726:housing', 'handler');
const acting = (who: Staff, days: number): Acting => ({ staff: who, now: at(days), clock });

const accepted = (): Case => decideAcceptance(routedDemoCase(T0, clock), acceptanceSchema.parse({ decision: 'accept' }), acting(clerk, 1)).case;
const sign = receiptSchema.parse({ decision: 'sign' });
const giveBack = receiptSchema.parse({ decision: 'return', reason: '系物业合同纠纷，不属本单位职责', suggestedUnit: '330726:civil_affairs' });
const returned = () => decideReceipt(accepted(), giveBack, acting(housingClerk, 2)).case;

describe("the policy's switches", () => {
  it('are on by default, turned off with false, and refuse anything but a boolean', () => {
    expect(clockOf(DEFAULT_POLICY)).toMatchObject({ signForReceipt: true, approveExtensions: true, replySignOff: true, receipt: 2 * DAY });
    expect(clockOf({ ...DEFAULT_POLICY, ...ONE_STEP })).toMatchObject({ signForReceipt: false, approveExtensions: false, replySignOff: false });
    expect(checkPolicyOverrides({ signForReceipt: false, receipt: 'P3D' })).toEqual({ signForReceipt: false, receipt: 'P3D' });
    expect(() => checkPolicyOverrides({ replySignOff: 'yes' })).toThrow(/replySignOff must be true or false/);
    expect(() => checkPolicyOverrides({ receipt: true })).toThrow(/receipt must be a positive ISO-8601 duration/);
  });
});

describe('sign for receipt', () => {
  it('asks the lead unit to sign within the receipt window, on the ladder', () => {
    const subject = accepted();
    expect(subject.receipt).toEqual({ unit: '330726:housing', assignedAt: at(1), dueAt: at(3), insisted: false, signedAt: null, signedBy: null });
    // The window is shorter than the warning: its first rung is supervision at its end.
    expect(subject.due).toEqual({ stage: 'receipt', at: at(3), rung: 'supervision' });
  });

  it('signs once; the handling clock takes over and the petitioner is told', () => {
    const { case: subject, entry } = decideReceipt(accepted(), sign, acting(handler, 2));
    expect(subject.receipt).toMatchObject({ signedAt: at(2), signedBy: handler.sub });
    expect(subject.due).toEqual({ stage: 'handling', at: at(58), rung: 'warning' });
    expect(entry).toMatchObject({ action: 'signed', timeline: { event: 'signed' } });
    expect(refusal(() => decideReceipt(subject, sign, acting(handler, 2)))).toBe('conflict');
    expect(refusal(() => decideReceipt(subject, giveBack, acting(handler, 2)))).toBe('conflict');
  });

  it('keeps the lead unit from acting before it signs (409), and lets it after', () => {
    expect(refusal(() => replyToCase(accepted(), { opinion: '已处理' }, acting(handler, 2)))).toBe('conflict');
    expect(refusal(() => extendHandling(accepted(), { days: 5, reason: '复杂' }, acting(handler, 2)))).toBe('conflict');
    expect(refusal(() => replyToCase(returned(), { opinion: '已处理' }, acting(handler, 2)))).toBe('conflict');
    const signed = decideReceipt(accepted(), sign, acting(handler, 2)).case;
    expect(replyToCase(signed, { opinion: '已处理' }, acting(handler, 3)).case.status).toBe('replied');
  });

  it('asks no receipt when the policy does not', () => {
    const subject = decideAcceptance(routedDemoCase(T0, clock), acceptanceSchema.parse({ decision: 'accept' }), { staff: clerk, now: at(1), clock: clockOf({ ...DEFAULT_POLICY, ...ONE_STEP }) }).case;
    expect(subject.receipt).toBeNull();
    expect(subject.due?.stage).toBe('handling');
    expect(refusal(() => decideReceipt(subject, sign, acting(handler, 2)))).toBe('conflict');
  });

  it('refuses another unit (403), the office (403) and a supervisor of the unit (403)', () => {
    expect(refusal(() => decideReceipt(accepted(), sign, acting(staff('330726:land', 'handler'), 2)))).toBe('forbidden');
    expect(refusal(() => decideReceipt(accepted(), sign, acting(clerk, 2)))).toBe('forbidden');
    expect(refusal(() => decideReceipt(accepted(), sign, acting(staff('330726:housing', 'supervisor'), 2)))).toBe('forbidden');
  });

  it('supervises and escalates a unit that neither signs nor returns', () => {
    const supervised = applyDue(accepted(), { now: at(3), clock, chain: demoChain('330726') })!;
    expect(supervised.notice).toMatchObject({ kind: 'supervision', stage: 'receipt', deadline: at(3) });
    expect(supervised.notice?.to).toEqual([{ unit: '330726:housing', role: 'clerk' }, { unit: '330726', role: 'supervisor' }]);
    expect(supervised.change.case.due).toEqual({ stage: 'receipt', at: at(6), rung: 'escalation' });
  });
});

describe('return and the ruling', () => {
  it('returns within the window with reasons and a suggested unit; the office has it', () => {
    const { case: subject, entry } = decideReceipt(accepted(), giveBack, acting(housingClerk, 2));
    expect(subject.returns).toEqual([
      { unit: '330726:housing', reason: giveBack.reason, suggestedUnit: '330726:civil_affairs', at: at(2), by: housingClerk.sub, ruling: null },
    ]);
    expect(subject.leadUnit).toBe('330726:housing');
    expect(subject.due?.stage).toBe('handling');
    expect(entry).toMatchObject({ action: 'returned' });
    expect(entry.timeline).toBeUndefined();
    expect(refusal(() => decideReceipt(subject, sign, acting(handler, 2)))).toBe('conflict');
  });

  it('refuses a return after the window (409) and one without reasons (400)', () => {
    expect(refusal(() => decideReceipt(accepted(), giveBack, acting(housingClerk, 3.5)))).toBe('conflict');
    expect(receiptSchema.safeParse({ decision: 'return' }).success).toBe(false);
    expect(receiptSchema.safeParse({ decision: 'sign', suggestedUnit: '330726:land' }).success).toBe(false);
  });

  it('reassigns: the new unit gets its own window, the returning unit leaves the case', () => {
    const ruling = reassignmentSchema.parse({ ruling: 'reassign', leadUnit: '330726:civil_affairs', reason: '属民政职责' });
    const { case: subject, entry } = ruleOnReturn(returned(), ruling, acting(clerk, 2.5));
    expect(subject.leadUnit).toBe('330726:civil_affairs');
    expect(subject.receipt).toMatchObject({ unit: '330726:civil_affairs', assignedAt: at(2.5), dueAt: at(4.5), insisted: false, signedAt: null });
    expect(subject.returns[0]?.ruling).toMatchObject({ ruling: 'reassign', leadUnit: '330726:civil_affairs', by: clerk.sub });
    expect(subject.due).toEqual({ stage: 'receipt', at: at(4.5), rung: 'supervision' });
    expect(entry).toMatchObject({ action: 'reassigned', timeline: { event: 'reassigned' } });
    expect(refusal(() => decideReceipt(subject, sign, acting(handler, 3)))).toBe('forbidden');
    expect(decideReceipt(subject, sign, acting(staff('330726:civil_affairs', 'clerk'), 3)).case.receipt?.signedAt).toBe(at(3));
  });

  it('insists: the unit holds the case as signed for, and acts on it', () => {
    const { case: subject, entry } = ruleOnReturn(returned(), reassignmentSchema.parse({ ruling: 'insist', reason: '属住建职责' }), acting(clerk, 2.5));
    expect(subject.leadUnit).toBe('330726:housing');
    expect(subject.receipt).toMatchObject({ insisted: true, signedAt: at(2.5), signedBy: clerk.sub });
    expect(subject.due?.stage).toBe('handling');
    expect(entry).toMatchObject({ action: 'return_refused' });
    expect(refusal(() => decideReceipt(subject, giveBack, acting(housingClerk, 3)))).toBe('conflict');
    expect(refusal(() => decideReceipt(subject, sign, acting(housingClerk, 3)))).toBe('conflict');
    expect(replyToCase(subject, { opinion: '已维修' }, acting(handler, 3)).case.status).toBe('replied');
  });

  it('refuses a ruling with nothing to rule on (409), by a department (403), outside the office (400), to the same unit (400)', () => {
    const insist = reassignmentSchema.parse({ ruling: 'insist', reason: 'x' });
    expect(refusal(() => ruleOnReturn(accepted(), insist, acting(clerk, 2)))).toBe('conflict');
    expect(refusal(() => ruleOnReturn(returned(), insist, acting(staff('330726:housing', 'leader'), 2)))).toBe('forbidden');
    expect(refusal(() => ruleOnReturn(returned(), insist, acting(staff('330726', 'handler'), 2)))).toBe('forbidden');
    expect(refusal(() => ruleOnReturn(returned(), reassignmentSchema.parse({ ruling: 'reassign', leadUnit: '330782:housing', reason: 'x' }), acting(clerk, 2)))).toBe('invalid');
    expect(refusal(() => ruleOnReturn(returned(), reassignmentSchema.parse({ ruling: 'reassign', leadUnit: '330726:housing', reason: 'x' }), acting(clerk, 2)))).toBe('invalid');
    expect(reassignmentSchema.safeParse({ ruling: 'reassign', reason: 'x' }).success).toBe(false);
    expect(reassignmentSchema.safeParse({ ruling: 'insist', leadUnit: '330726:land', reason: 'x' }).success).toBe(false);
    // A city office above may rule too.
    expect(ruleOnReturn(returned(), insist, acting(staff('330700', 'supervisor'), 2)).case.receipt?.insisted).toBe(true);
  });

  it('counts returns per unit', () => {
    const reassigned = ruleOnReturn(returned(), reassignmentSchema.parse({ ruling: 'reassign', leadUnit: '330726:land', reason: 'x' }), acting(clerk, 2)).case;
    const again = decideReceipt(reassigned, giveBack, acting(staff('330726:land', 'clerk'), 3)).case;
    const counters = contributionOf(again);
    expect(counters).toMatchObject({ returned: 2, 'returned:330726:housing': 1, 'returned:330726:land': 1 });
    expect(figuresOf(counters, [])).toMatchObject({ returned: 2, returnedByUnit: { '330726:housing': 1, '330726:land': 1 } });
  });

  it('property: whatever the times, a return is accepted exactly within the window', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 10, noNaN: true }), (days) => {
        const subject = accepted();
        const within = at(days) <= (subject.receipt?.dueAt as string);
        if (!within) return refusal(() => decideReceipt(subject, giveBack, acting(housingClerk, days))) === 'conflict';
        return decideReceipt(subject, giveBack, acting(housingClerk, days)).case.returns.length === 1;
      }),
    );
  });
});
