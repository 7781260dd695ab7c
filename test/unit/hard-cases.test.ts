import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { next, type Case } from '../../functions/domain/case.ts';
import { contributionOf } from '../../functions/domain/figures.ts';
import { isHardCaseCandidate, ownershipSchema, progressOfOwned, repeatNotice, takeOwnership, targetState, type Ownership } from '../../functions/domain/hard-cases.ts';
import { acceptanceSchema, decideAcceptance, evaluate, replyToCase, type Acting } from '../../functions/domain/lifecycle.ts';
import { addMs, clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import type { Staff } from '../../functions/domain/staff.ts';
import { refusal, routedDemoCase, staffOf as staff, ONE_STEP } from '../support/domain.ts';

const DAY = 86_400_000;
// Midnight China time, so that day n is one China day after day n-1.
const T0 = '2026-03-01T16:00:00.000Z';
const at = (days: number) => addMs(T0, days * DAY);
const clock = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP });
const AFTER = clock.hardCaseAfter;

const countyLeader = staff('330726', 'leader');
const acting = (who: Staff, days: number): Acting => ({ staff: who, now: at(days), clock });

const accepted = (): Case => decideAcceptance(routedDemoCase(T0, clock), acceptanceSchema.parse({ decision: 'accept' }), acting(staff('330726', 'clerk'), 1)).case;
const escalated = (subject: Case, times: number): Case => ({ ...subject, escalationCount: subject.escalationCount + times });
const naming = (targetDate = '2026-07-31', name = '李明') => ownershipSchema.parse({ leader: { name, title: '副县长' }, plan: '约谈物业，督促维修', targetDate });
const owned = () => takeOwnership(accepted(), naming(), acting(countyLeader, 91)).case;

describe('the candidate rule', () => {
  it('hardCaseAfter defaults to 90 days, scaled like every limit', () => {
    expect(AFTER).toBe(90 * DAY);
    expect(clockOf({ ...DEFAULT_POLICY, ...ONE_STEP }, 86_400).hardCaseAfter).toBe(90_000);
  });

  it('an open case turns hard when open hardCaseAfter, not a moment before', () => {
    const subject = accepted();
    expect(isHardCaseCandidate(subject, addMs(at(90), -1), AFTER)).toBe(false);
    expect(isHardCaseCandidate(subject, at(90), AFTER)).toBe(true);
  });

  it('or when escalated twice, however young', () => {
    expect(isHardCaseCandidate(escalated(accepted(), 1), at(2), AFTER)).toBe(false);
    expect(isHardCaseCandidate(escalated(accepted(), 2), at(2), AFTER)).toBe(true);
  });

  it('a finished case is never a candidate', () => {
    const closed = { ...escalated(accepted(), 3), status: 'closed' as const };
    expect(isHardCaseCandidate(closed, at(400), AFTER)).toBe(false);
  });

  it('is monotonic in time and in escalations', () => {
    fc.assert(
      fc.property(fc.nat({ max: 400 }), fc.nat({ max: 400 }), fc.nat({ max: 5 }), fc.nat({ max: 5 }), (d1, d2, e1, e2) => {
        const [early, late] = [Math.min(d1, d2), Math.max(d1, d2)];
        const [fewer, more] = [Math.min(e1, e2), Math.max(e1, e2)];
        if (isHardCaseCandidate(escalated(accepted(), fewer), at(early), AFTER)) {
          expect(isHardCaseCandidate(escalated(accepted(), more), at(late), AFTER)).toBe(true);
        }
      }),
    );
  });
});

describe('the target-kept rule', () => {
  const ownership = (finishedAt: string | null): Ownership => ({
    leader: { name: '李明', title: '副县长' },
    plan: 'p',
    targetDate: '2026-07-31',
    unit: '330726',
    at: at(91),
    by: 'leader',
    finishedAt,
  });
  // The end of 2026-07-31, China time.
  const lastMoment = '2026-07-31T15:59:59.999Z';

  it('open: the target day has not passed (China time)', () => {
    expect(targetState(ownership(null), lastMoment)).toBe('open');
    expect(targetState(ownership(null), addMs(lastMoment, 1))).toBe('missed');
  });

  it('kept when the case finished by the end of the target day, missed after', () => {
    expect(targetState(ownership(lastMoment), '2027-01-01T00:00:00.000Z')).toBe('kept');
    expect(targetState(ownership(addMs(lastMoment, 1)), '2027-01-01T00:00:00.000Z')).toBe('missed');
  });

  it('a finished case is judged by when it finished, whenever it is read', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * DAY }), fc.integer({ min: 0, max: 400 * DAY }), (finished, read) => {
        const finishedAt = addMs(T0, finished);
        const state = targetState(ownership(finishedAt), addMs(finishedAt, read));
        expect(state).toBe(finishedAt <= lastMoment ? 'kept' : 'missed');
      }),
    );
  });

  it('a change that finishes an owned case keeps the time; later changes keep the first', () => {
    const replied = replyToCase(owned(), { opinion: '已维修。' }, acting(staff('330726:housing', 'handler'), 100)).case;
    expect(replied.ownership?.finishedAt).toBeNull();
    const closed = evaluate(replied, { rating: 'satisfied' }, at(101)).case;
    expect(closed.ownership?.finishedAt).toBe(at(101));
    const later = next(closed, {}, { at: at(120), actor: 'x', action: 'y', detail: {} }).case;
    expect(later.ownership?.finishedAt).toBe(at(101));
  });
});

describe('ownership', () => {
  it('a leader of the office names the owner, plan and target: in the history and the petitioner is told', () => {
    const { case: subject, entry } = takeOwnership(accepted(), naming(), acting(countyLeader, 91));
    expect(subject.ownership).toEqual({ ...naming(), unit: '330726', at: at(91), by: countyLeader.sub, finishedAt: null });
    expect(entry).toMatchObject({ action: 'owned', detail: { leader: { name: '李明' }, targetDate: '2026-07-31' }, timeline: { event: 'owned' } });
  });

  it('a leader of an office above may name one too; an escalated young case is a candidate', () => {
    const { case: subject } = takeOwnership(escalated(accepted(), 2), naming(), acting(staff('330700', 'leader'), 5));
    expect(subject.ownership?.unit).toBe('330700');
  });

  it('a second naming replaces the first, and the history names both', () => {
    const { case: subject, entry } = takeOwnership(owned(), naming('2026-08-31', '王强'), acting(countyLeader, 95));
    expect(subject.ownership).toMatchObject({ leader: { name: '王强' }, targetDate: '2026-08-31' });
    expect(entry).toMatchObject({ action: 'ownership_replaced', detail: { previous: { leader: { name: '李明' }, targetDate: '2026-07-31' } } });
  });

  it('refuses out of turn (409): not hard yet, finished, the same naming again', () => {
    expect(refusal(() => takeOwnership(accepted(), naming(), acting(countyLeader, 30)))).toBe('conflict');
    expect(refusal(() => takeOwnership({ ...owned(), status: 'closed' }, naming('2026-08-31'), acting(countyLeader, 95)))).toBe('conflict');
    expect(refusal(() => takeOwnership(owned(), naming(), acting(countyLeader, 95)))).toBe('conflict');
  });

  it('refuses the wrong role or unit (403): a clerk, a department leader, a township office leader', () => {
    expect(refusal(() => takeOwnership(accepted(), naming(), acting(staff('330726', 'clerk'), 91)))).toBe('forbidden');
    expect(refusal(() => takeOwnership(accepted(), naming(), acting(staff('330726:housing', 'leader'), 91)))).toBe('forbidden');
    expect(refusal(() => takeOwnership(accepted(), naming(), acting(staff('330726001', 'leader'), 91)))).toBe('forbidden');
  });

  it('refuses bad input (400): a target day passed, a date that is not one, no leader', () => {
    expect(refusal(() => takeOwnership(accepted(), naming('2026-05-30'), acting(countyLeader, 91)))).toBe('invalid');
    expect(ownershipSchema.safeParse({ ...naming(), targetDate: '2026-02-30' }).success).toBe(false);
    expect(ownershipSchema.safeParse({ plan: 'p', targetDate: '2026-07-31' }).success).toBe(false);
  });

  it('counts in the stats while open, and no longer once finished', () => {
    expect(contributionOf(accepted()).hardCases).toBeUndefined();
    expect(contributionOf(owned()).hardCases).toBe(1);
    expect(contributionOf({ ...owned(), status: 'closed' }).hardCases).toBeUndefined();
  });
});

describe('the responsibility list and repeats', () => {
  it("progress is the history's latest staff actions, newest first", () => {
    const entry = (version: number, actor: string, action: string) => ({ version, at: at(version), actor, action, detail: {} });
    const history = [entry(1, 'petitioner', 'registered'), entry(2, 'system:routing', 'routed'), entry(3, 'clerk', 'accepted'), entry(4, 'system:deadlines', 'deadline_warning'), entry(5, 'leader', 'owned')];
    expect(progressOfOwned(history)).toEqual([
      { at: at(5), actor: 'leader', action: 'owned' },
      { at: at(3), actor: 'clerk', action: 'accepted' },
    ]);
  });

  it("a repeat's notice goes to the owner's unit and names the owner", () => {
    const subject = owned();
    const change = next(subject, { repeatCount: 1 }, { at: at(92), actor: 'petitioner', action: 'repeat', detail: {} });
    expect(repeatNotice(subject, subject.ownership!, change)).toMatchObject({
      kind: 'repeat',
      caseId: subject.id,
      version: change.case.version,
      to: [{ unit: '330726', role: 'leader' }],
      owner: { name: '李明', title: '副县长' },
      at: at(92),
    });
  });
});
