import { describe, expect, it } from 'vitest';
import {
  acceptanceSchema,
  canSee,
  decideAcceptance,
  evaluate,
  extendHandling,
  giveReviewOpinion,
  replyToCase,
  requestReview,
  type Acting,
} from '../../functions/domain/lifecycle.ts';
import { clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import type { Staff } from '../../functions/domain/staff.ts';
import { isUnitWithin, levelOfCode, subtreePrefix } from '../../functions/domain/units.ts';
import { dayAfterT0 as at, demoChain, refusal, routedDemoCase, staffOf as staff, T0, ONE_STEP } from '../support/domain.ts';

const clock = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP });

const clerk = staff('330726', 'clerk');
const handler = staff('330726:housing', 'handler');
const citySupervisor = staff('330700', 'supervisor');
const provinceSupervisor = staff('330000', 'supervisor');
const acting = (who: Staff, days: number): Acting => ({ staff: who, now: at(days), clock });

const routedCase = () => routedDemoCase(T0, clock);

const accepted = (days = 1) =>
  decideAcceptance(routedCase(), acceptanceSchema.parse({ decision: 'accept', responsibleLeader: '王副县长' }), acting(clerk, days)).case;
const replied = () => replyToCase(accepted(), { opinion: '已督促物业维修。' }, acting(handler, 10)).case;
const above = demoChain('330726').slice(1);


describe('units and scope', () => {
  it('reads the level from the shape of a GB/T 2260 code', () => {
    expect(['330000', '330700', '330726', '330726001', '330726001001'].map(levelOfCode)).toEqual([
      'province',
      'city',
      'county',
      'township',
      'village',
    ]);
    expect(subtreePrefix('330700')).toBe('3307');
  });

  it.each([
    ['330726001:land', '330726', true],
    ['330726:housing', '330700', true],
    ['330726', '330726:housing', false],
    ['330726001:housing', '330726:housing', true],
    ['330726001:land', '330726:housing', false],
    ['330782', '330726', false],
    ['330726', '330726001', false],
  ])('%s within %s: %s', (unit, scope, within) => {
    expect(isUnitWithin(unit, scope)).toBe(within);
  });

  it('lets staff see cases of their unit and below, and nothing of another county', () => {
    const subject = accepted();
    expect(canSee(clerk, subject)).toBe(true);
    expect(canSee(staff('330700', 'leader'), subject)).toBe(true);
    expect(canSee(handler, subject)).toBe(true);
    expect(canSee(staff('330782', 'clerk'), subject)).toBe(false);
    expect(canSee(staff('330726:land', 'handler'), subject)).toBe(false);
  });
});

describe('acceptance', () => {
  it('accepts with the proposed lead unit and starts the 60-day handling clock', () => {
    const { case: subject, entry } = decideAcceptance(routedCase(), acceptanceSchema.parse({ decision: 'accept', coUnits: ['330726001'] }), acting(clerk, 2));
    expect(subject).toMatchObject({
      status: 'accepted',
      leadUnit: '330726:housing',
      coUnits: ['330726001'],
      handlingDueAt: at(62),
      // The handling clock's first rung: the warning three days before its deadline.
      due: { stage: 'handling', at: at(59), rung: 'warning' },
      acceptance: { decision: 'accept', by: clerk.sub, at: at(2) },
    });
    expect(entry).toMatchObject({ action: 'accepted', actor: clerk.sub, timeline: { event: 'accepted' } });
  });

  it('does not accept with a reason the petitioner is told, and leaves the due index', () => {
    const { case: subject, entry } = decideAcceptance(routedCase(), acceptanceSchema.parse({ decision: 'not_accept', reason: '不属于信访事项' }), acting(clerk, 3));
    expect(subject).toMatchObject({ status: 'not_accepted', due: null });
    expect(entry.timeline?.note).toContain('不属于信访事项');
  });

  it('forwards to a competent unit', () => {
    const { case: subject } = decideAcceptance(routedCase(), acceptanceSchema.parse({ decision: 'forward', forwardTo: '330726:public_security' }), acting(clerk, 3));
    expect(subject).toMatchObject({ status: 'forwarded', acceptance: { forwardTo: '330726:public_security' }, due: null });
  });

  it.each([
    ['not accepting without a reason', { decision: 'not_accept' }, 'reason'],
    ['forwarding without a unit', { decision: 'forward' }, 'forwardTo'],
    ['a lead unit with a refusal', { decision: 'not_accept', reason: 'x', leadUnit: '330726:land' }, 'leadUnit'],
    ['a malformed unit', { decision: 'accept', leadUnit: 'housing' }, 'leadUnit'],
  ])('refuses %s (400)', (_, body, path) => {
    const result = acceptanceSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('refuses a handler (403), a department (403), a lead unit outside the office (400) and a second decision (409)', () => {
    const accept = acceptanceSchema.parse({ decision: 'accept' });
    expect(refusal(() => decideAcceptance(routedCase(), accept, acting(staff('330726', 'handler'), 1)))).toBe('forbidden');
    expect(refusal(() => decideAcceptance(routedCase(), accept, acting(staff('330726:housing', 'clerk'), 1)))).toBe('forbidden');
    expect(refusal(() => decideAcceptance(routedCase(), acceptanceSchema.parse({ decision: 'accept', leadUnit: '330782:housing' }), acting(clerk, 1)))).toBe('invalid');
    expect(refusal(() => decideAcceptance(accepted(), accept, acting(clerk, 2)))).toBe('conflict');
  });
});

describe('extension', () => {
  it('moves the handling deadline once, with the reason told to the petitioner', () => {
    const { case: subject, entry } = extendHandling(accepted(), { days: 30, reason: '涉及多部门' }, acting(handler, 20));
    expect(subject.handlingDueAt).toBe(at(91));
    expect(subject.due).toEqual({ stage: 'handling', at: at(88), rung: 'warning' });
    expect(entry.timeline?.note).toContain('涉及多部门');
    expect(refusal(() => extendHandling(subject, { days: 1, reason: 'again' }, acting(handler, 21)))).toBe('conflict');
  });

  it('refuses after the deadline (409), beyond the policy (400), and from anyone but the lead unit (403)', () => {
    expect(refusal(() => extendHandling(accepted(), { days: 5, reason: 'late' }, acting(handler, 62)))).toBe('conflict');
    const shortPolicy = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP, maxExtension: 'P10D' });
    expect(refusal(() => extendHandling(accepted(), { days: 11, reason: 'long' }, { staff: handler, now: at(5), clock: shortPolicy }))).toBe('invalid');
    expect(refusal(() => extendHandling(accepted(), { days: 5, reason: 'x' }, acting(staff('330726:land', 'handler'), 5)))).toBe('forbidden');
    expect(refusal(() => extendHandling(accepted(), { days: 5, reason: 'x' }, acting(staff('330726:housing', 'clerk'), 5)))).toBe('forbidden');
  });
});

describe('reply and evaluation', () => {
  it('replies and opens the 30-day review window', () => {
    const subject = replied();
    expect(subject).toMatchObject({ status: 'replied', reply: { opinion: '已督促物业维修。', by: handler.sub }, due: { stage: 'reviewWindow', at: at(40) } });
  });

  it('refuses a reply before acceptance or twice (409)', () => {
    expect(refusal(() => replyToCase(routedCase(), { opinion: 'x' }, acting(handler, 1)))).toBe('conflict');
    expect(refusal(() => replyToCase(replied(), { opinion: 'x' }, acting(handler, 11)))).toBe('conflict');
  });

  it.each(['satisfied', 'basically_satisfied'] as const)('closes the case when %s', (rating) => {
    const { case: subject } = evaluate(replied(), { rating }, at(12));
    expect(subject).toMatchObject({ status: 'closed', due: null, evaluations: [{ rating, of: 'reply' }] });
  });

  it('keeps the case open when dissatisfied, and takes one rating per answer', () => {
    const { case: subject, entry } = evaluate(replied(), { rating: 'dissatisfied', comment: '没修好' }, at(12));
    expect(subject.status).toBe('replied');
    expect(entry.timeline?.note).toContain('复查');
    expect(refusal(() => evaluate(subject, { rating: 'satisfied' }, at(13)))).toBe('conflict');
  });

  it('refuses a rating before any answer (409)', () => {
    expect(refusal(() => evaluate(accepted(), { rating: 'satisfied' }, at(5)))).toBe('conflict');
  });
});

describe('review, re-review and finality (三级终结)', () => {
  const underReview = () => requestReview(replied(), { reason: '不服答复' }, { now: at(20), clock, above }).case;

  it('sends a review to the next level up, which now supervises', () => {
    const subject = underReview();
    expect(subject).toMatchObject({ status: 'under_review', level: 'city', due: { stage: 'review', at: at(47), rung: 'warning' } });
    expect(subject.reviews).toEqual([{ stage: 'review', office: '330700', requestedAt: at(20), reason: '不服答复', dueAt: at(50), opinion: null }]);
  });

  it('refuses a review after the 30-day window (409)', () => {
    expect(refusal(() => requestReview(replied(), { reason: 'late' }, { now: at(41), clock, above }))).toBe('conflict');
  });

  it('lets only the reviewing office give the opinion, as a supervisor', () => {
    expect(refusal(() => giveReviewOpinion(underReview(), { opinion: 'x', upheld: true }, acting(clerk, 21)))).toBe('forbidden');
    expect(refusal(() => giveReviewOpinion(underReview(), { opinion: 'x', upheld: true }, acting(staff('330726', 'supervisor'), 21)))).toBe('forbidden');
    expect(giveReviewOpinion(underReview(), { opinion: 'x', upheld: true }, acting(provinceSupervisor, 21)).case.status).toBe('replied');
  });

  it('walks review, re-review one level higher, and then is final', () => {
    const reviewed = giveReviewOpinion(underReview(), { opinion: '维持原答复', upheld: true }, acting(citySupervisor, 30)).case;
    expect(reviewed).toMatchObject({ status: 'replied', due: { stage: 'reviewWindow', at: at(60) } });

    const rereview = requestReview(reviewed, { reason: '仍不服' }, { now: at(35), clock, above }).case;
    expect(rereview).toMatchObject({ status: 'under_rereview', level: 'province', reviews: [{ stage: 'review' }, { stage: 'rereview', office: '330000' }] });
    expect(refusal(() => giveReviewOpinion(rereview, { opinion: 'x', upheld: true }, acting(citySupervisor, 40)))).toBe('forbidden');

    const final = giveReviewOpinion(rereview, { opinion: '维持', upheld: true }, acting(provinceSupervisor, 40));
    expect(final.case).toMatchObject({ status: 'final', due: null });
    expect(final.entry.timeline?.note).toContain('终结');
    expect(refusal(() => requestReview(final.case, { reason: 'again' }, { now: at(41), clock, above }))).toBe('conflict');
    // A rating of the final opinion is recorded; the matter stays final.
    expect(evaluate(final.case, { rating: 'dissatisfied' }, at(41)).case.status).toBe('final');
  });

  it('refuses review where there is no level above', () => {
    expect(refusal(() => requestReview(replied(), { reason: 'x' }, { now: at(20), clock, above: [] }))).toBe('conflict');
  });
});
