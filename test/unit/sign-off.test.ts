import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Case } from '../../functions/domain/case.ts';
import { contributionOf } from '../../functions/domain/figures.ts';
import { acceptanceSchema, decideAcceptance, extendHandling, replyToCase, type Acting } from '../../functions/domain/lifecycle.ts';
import { clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import { approveExtension, approveReply } from '../../functions/domain/sign-off.ts';
import type { Staff } from '../../functions/domain/staff.ts';
import { dayAfterT0 as at, refusal, routedDemoCase, staffOf as staff, T0, ONE_STEP } from '../support/domain.ts';

const clock = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP, approveExtensions: true, replySignOff: true });

const clerk = staff('330726', 'clerk');
const handler = staff('330726:housing', 'handler');
const leader = staff('330726:housing', 'leader');
const acting = (who: Staff, days: number): Acting => ({ staff: who, now: at(days), clock });

// Accepted at day 1: the handling deadline is day 61.
const accepted = (): Case => decideAcceptance(routedDemoCase(T0, clock), acceptanceSchema.parse({ decision: 'accept' }), acting(clerk, 1)).case;
const requested = () => extendHandling(accepted(), { days: 20, reason: '需现场勘查' }, acting(handler, 10)).case;
const drafted = (days = 10) => replyToCase(accepted(), { opinion: '已督促物业维修。' }, acting(handler, days)).case;

describe('extension approval', () => {
  it("a handler's request is pending and counts as the one extension; the deadline stays", () => {
    const { case: subject, entry } = extendHandling(accepted(), { days: 20, reason: '需现场勘查' }, acting(handler, 10));
    expect(subject.extension).toMatchObject({ days: 20, status: 'pending', by: handler.sub, decision: null });
    expect(subject.handlingDueAt).toBe(at(61));
    expect(entry).toMatchObject({ action: 'extension_requested' });
    expect(entry.timeline).toBeUndefined();
    expect(refusal(() => extendHandling(subject, { days: 5, reason: 'again' }, acting(handler, 11)))).toBe('conflict');
  });

  it("the lead unit's leader approves: the deadline moves and the petitioner is told", () => {
    const { case: subject, entry } = approveExtension(requested(), { approve: true }, acting(leader, 12));
    expect(subject.extension).toMatchObject({ status: 'approved', decision: { approve: true, by: leader.sub, at: at(12) } });
    expect(subject.handlingDueAt).toBe(at(81));
    expect(subject.due).toEqual({ stage: 'handling', at: at(78), rung: 'warning' });
    expect(entry).toMatchObject({ action: 'extended', detail: { requestedBy: handler.sub }, timeline: { event: 'extended' } });
    expect(refusal(() => approveExtension(subject, { approve: true }, acting(leader, 13)))).toBe('conflict');
  });

  it('refused, the deadline stays and no other extension may be asked', () => {
    const { case: subject, entry } = approveExtension(requested(), { approve: false, reason: '可按期办结' }, acting(leader, 12));
    expect(subject.extension).toMatchObject({ status: 'refused', decision: { approve: false, reason: '可按期办结' } });
    expect(subject.handlingDueAt).toBe(at(61));
    expect(entry).toMatchObject({ action: 'extension_refused' });
    expect(refusal(() => extendHandling(subject, { days: 5, reason: 'again' }, acting(handler, 13)))).toBe('conflict');
  });

  it("a leader's own request is granted at once", () => {
    const { case: subject } = extendHandling(accepted(), { days: 10, reason: '复杂' }, acting(leader, 10));
    expect(subject.extension).toMatchObject({ status: 'approved', by: leader.sub, decision: { by: leader.sub } });
    expect(subject.handlingDueAt).toBe(at(71));
  });

  it('refuses a handler (403), another unit (403), and approving with nothing pending (409)', () => {
    expect(refusal(() => approveExtension(requested(), { approve: true }, acting(handler, 12)))).toBe('forbidden');
    expect(refusal(() => approveExtension(requested(), { approve: true }, acting(staff('330726:land', 'leader'), 12)))).toBe('forbidden');
    expect(refusal(() => approveExtension(accepted(), { approve: true }, acting(leader, 12)))).toBe('conflict');
  });

  it('refuses approving your own request (409)', () => {
    const both = staff('330726:housing', 'handler', 'leader');
    const pending = { ...accepted(), extension: { days: 5, reason: 'x', at: at(2), by: both.sub, status: 'pending' as const, decision: null } };
    expect(refusal(() => approveExtension(pending, { approve: true }, acting(both, 3)))).toBe('conflict');
  });
});

describe('reply sign-off', () => {
  it("a handler's reply is a draft: the case stays accepted, the handling clock runs, the petitioner sees nothing yet", () => {
    const { case: subject, entry } = replyToCase(accepted(), { opinion: '已督促物业维修。' }, acting(handler, 10));
    expect(subject).toMatchObject({ status: 'accepted', reply: null, replyDraft: { opinion: '已督促物业维修。', by: handler.sub, at: at(10) } });
    expect(subject.due?.stage).toBe('handling');
    expect(entry).toMatchObject({ action: 'reply_drafted' });
    expect(entry.timeline).toBeUndefined();
    expect(refusal(() => replyToCase(subject, { opinion: '再拟' }, acting(handler, 11)))).toBe('conflict');
  });

  it('released, the petitioner has the reply and the notice of the right to review; the release counts for on-time closure', () => {
    const { case: subject, entry } = approveReply(drafted(55), { approve: true }, acting(leader, 65));
    expect(subject).toMatchObject({ status: 'replied', replyDraft: null, reply: { opinion: '已督促物业维修。', by: handler.sub, signedOffBy: leader.sub, at: at(65) } });
    expect(subject.due).toEqual({ stage: 'reviewWindow', at: at(95) });
    expect(entry.timeline?.note).toContain('已督促物业维修。');
    expect(entry.timeline?.note).toContain('30日内');
    expect(entry.timeline?.note).toContain('复查');
    // Drafted on day 55, within the limit (day 61), released on day 65: late.
    expect(contributionOf(subject)['handling:late']).toBe(1);
    expect(contributionOf(subject)['handling:onTime']).toBeUndefined();
  });

  it('sent back, the draft is gone and the handler drafts again', () => {
    const { case: subject, entry } = approveReply(drafted(), { approve: false, comment: '请补充维修时限' }, acting(leader, 11));
    expect(subject).toMatchObject({ status: 'accepted', replyDraft: null, reply: null });
    expect(entry).toMatchObject({ action: 'reply_sent_back', detail: { comment: '请补充维修时限' } });
    expect(replyToCase(subject, { opinion: '已维修，十日内完工。' }, acting(handler, 12)).case.replyDraft?.opinion).toBe('已维修，十日内完工。');
  });

  it("a leader's reply is released at once, with the notice", () => {
    const { case: subject, entry } = replyToCase(accepted(), { opinion: '已维修。' }, acting(leader, 10));
    expect(subject.status).toBe('replied');
    expect(subject.reply).not.toHaveProperty('signedOffBy');
    expect(entry.timeline?.note).toContain('复查');
  });

  it('refuses a handler (403), another unit (403), nothing to sign off (409), your own draft (409)', () => {
    expect(refusal(() => approveReply(drafted(), { approve: true }, acting(handler, 11)))).toBe('forbidden');
    expect(refusal(() => approveReply(drafted(), { approve: true }, acting(staff('330726:land', 'leader'), 11)))).toBe('forbidden');
    expect(refusal(() => approveReply(accepted(), { approve: true }, acting(leader, 11)))).toBe('conflict');
    const both = staff('330726:housing', 'handler', 'leader');
    const own = { ...accepted(), replyDraft: { opinion: 'x', at: at(2), by: both.sub } };
    expect(refusal(() => approveReply(own, { approve: true }, acting(both, 3)))).toBe('conflict');
  });

  it('property: on-time closure follows the release, whatever the draft time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 0, max: 30 }), (draftDay, wait) => {
        const released = approveReply(drafted(draftDay), { approve: true }, acting(leader, draftDay + wait)).case;
        const onTime = at(draftDay + wait) <= (released.handlingDueAt as string);
        return contributionOf(released)[onTime ? 'handling:onTime' : 'handling:late'] === 1;
      }),
    );
  });
});
