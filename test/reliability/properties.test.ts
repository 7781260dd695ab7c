/**
 * Properties of the domain, over inputs fast-check makes up: whatever the
 * sequence of actions on a case, its history, its clock and its counters
 * stay right.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, isOpen, type Case, type Change } from '../../functions/domain/case.ts';
import { contributionOf, difference, sum } from '../../functions/domain/figures.ts';
import { durationMs } from '../../functions/domain/duration.ts';
import { applyDue } from '../../functions/domain/ladder.ts';
import { acceptanceSchema, decideAcceptance, evaluate, extendHandling, giveReviewOpinion, replyToCase, requestReview } from '../../functions/domain/lifecycle.ts';
import { matterFingerprint } from '../../functions/domain/petitioner.ts';
import { addMs, clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import { Problem } from '../../functions/domain/problem.ts';
import type { Role } from '../../functions/domain/staff.ts';
import { isUnitWithin } from '../../functions/domain/units.ts';
import { demoChain, FINGERPRINT_KEY, ONE_STEP, routedDemoCase } from '../support/domain.ts';

// The walks act in one step (no receipt, no sign-off): test/unit/receipt.test.ts and sign-off.test.ts hold the steps.
const clock = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP });
const T0 = '2026-04-01T00:00:00.000Z';
const staff = (unit: string, role: Role) => ({ sub: role, unit, roles: [role] });
const chain = demoChain('330726');

type Step = (subject: Case, now: string) => Change | undefined;

/** Every action a case can meet, each refused (a Problem) or applied. */
const STEPS: Record<string, Step> = {
  accept: (c, now) => decideAcceptance(c, acceptanceSchema.parse({ decision: 'accept' }), { staff: staff('330726', 'clerk'), now, clock }),
  refuse: (c, now) => decideAcceptance(c, acceptanceSchema.parse({ decision: 'not_accept', reason: 'r' }), { staff: staff('330726', 'clerk'), now, clock }),
  extend: (c, now) => extendHandling(c, { days: 10, reason: 'r' }, { staff: staff('330726:housing', 'handler'), now, clock }),
  reply: (c, now) => replyToCase(c, { opinion: 'o' }, { staff: staff('330726:housing', 'handler'), now, clock }),
  satisfied: (c, now) => evaluate(c, { rating: 'satisfied' }, now),
  dissatisfied: (c, now) => evaluate(c, { rating: 'dissatisfied' }, now),
  review: (c, now) => requestReview(c, { reason: 'r' }, { now, clock, above: chain.slice(1) }),
  opinion: (c, now) => giveReviewOpinion(c, { opinion: 'o', upheld: true }, { staff: staff('330000', 'supervisor'), now, clock }),
  due: (c, now) => applyDue(c, { now, clock, chain })?.change,
};

// The steps that move a case on come up more often, and time moves in short steps, so that
// walks reach review and re-review (with their windows still open) as well as every refusal.
const FORWARD = ['accept', 'reply', 'review', 'opinion'];
const step = fc.oneof(
  { arbitrary: fc.constantFrom(...FORWARD), weight: 3 },
  { arbitrary: fc.constantFrom(...Object.keys(STEPS)), weight: 2 },
);
const walk = fc.array(fc.record({ step, days: fc.integer({ min: 0, max: 12 }) }), { maxLength: 30 });

describe('a case, whatever is done to it', () => {
  it('keeps a gapless history, a status of the API, one due time only while open, and counters that add up', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(walk, (steps) => {
        let subject = routedDemoCase(T0, clock);
        let now = T0;
        const history = [subject.version];
        const deltas = [contributionOf(subject)];
        for (const { step, days } of steps) {
          now = addMs(now, days * 86_400_000);
          let change: Change | undefined;
          try {
            change = STEPS[step]!(subject, now);
          } catch (error) {
            if (!(error instanceof Problem)) throw error;
            expect(['invalid', 'forbidden', 'conflict']).toContain(error.kind);
          }
          if (!change) continue;
          expect(change.case.version).toBe(subject.version + 1);
          expect(change.entry.version).toBe(change.case.version);
          deltas.push(difference(subject, change.case));
          history.push(change.case.version);
          subject = change.case;
          reached.add(subject.status);
          expect(CASE_STATUSES).toContain(subject.status);
          if (!isOpen(subject.status)) expect(subject.due).toBeNull();
        }
        expect(history).toEqual(history.map((_, i) => history[0]! + i));
        const counted = Object.fromEntries(Object.entries(sum(deltas)).filter(([, v]) => v !== 0));
        expect(counted).toEqual(contributionOf(subject));
      }),
      // A fixed seed: the same thousand walks every run, so that the coverage below is not left to chance.
      { numRuns: 1000, seed: 20_261_122 },
    );
    // The walks do travel the lifecycle, not only bounce off refusals.
    for (const status of ['accepted', 'not_accepted', 'replied', 'under_review', 'under_rereview', 'closed', 'final']) expect(reached).toContain(status);
  });

  it('never goes back to a clock it left, and never climbs past the province', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), (rungs) => {
        let subject = routedDemoCase(T0, clock);
        for (let i = 0; i < rungs && subject.due; i++) subject = applyDue(subject, { now: subject.due.at, clock, chain })!.change.case;
        expect(['county', 'city', 'province']).toContain(subject.level);
        expect(subject.escalationCount).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('values', () => {
  it('read back every ISO-8601 duration of weeks, days, hours, minutes and seconds', () => {
    fc.assert(
      fc.property(fc.nat(52), fc.nat(400), fc.nat(48), fc.nat(120), fc.nat(120), (w, d, h, m, s) => {
        fc.pre(w + d + h + m + s > 0);
        expect(durationMs(`P${w}W${d}DT${h}H${m}M${s}S`)).toBe(((((w * 7 + d) * 24 + h) * 60 + m) * 60 + s) * 1000);
      }),
    );
  });

  it('recognise the same phone however it is written', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), fc.constantFrom('', '+86', '+86 ', '86-'), (phone, prefix) => {
        expect(matterFingerprint({ phone: `${prefix}${phone}` }, 'land', '330726', FINGERPRINT_KEY)).toBe(matterFingerprint({ phone }, 'land', '330726', FINGERPRINT_KEY));
      }),
    );
  });

  it('nest units as their codes nest: every unit is within itself and its ancestors, never within a sibling', () => {
    const codes = ['330726001001', '330726001', '330726', '330700', '330000'];
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.constantFrom('', ':housing', ':land'), (code, department) => {
        const unit = `${code}${department}`;
        expect(isUnitWithin(unit, unit)).toBe(true);
        for (const ancestor of codes.slice(codes.indexOf(code))) expect(isUnitWithin(unit, ancestor)).toBe(true);
        expect(isUnitWithin(unit, '330782')).toBe(false);
      }),
    );
  });
});
