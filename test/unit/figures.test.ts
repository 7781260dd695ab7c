import { describe, expect, it } from 'vitest';
import { recordRepeat, type Case } from '../../functions/domain/case.ts';
import { applyRouting, decideRouting } from '../../functions/domain/routing.ts';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { contributionOf, difference, figuresOf, periodOf, sum } from '../../functions/domain/figures.ts';
import { applyDue } from '../../functions/domain/ladder.ts';
import { acceptanceSchema, decideAcceptance, evaluate, replyToCase } from '../../functions/domain/lifecycle.ts';
import { addMs, clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import type { Role } from '../../functions/domain/staff.ts';
import { category, demoChain, registeredDemoCase, routedDemoCase, ONE_STEP } from '../support/domain.ts';

const DAY = 86_400_000;
const T0 = '2026-06-01T02:00:00.000Z';
const at = (days: number) => addMs(T0, days * DAY);
const clock = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP });
const staff = (unit: string, role: Role) => ({ staff: { sub: role, unit, roles: [role] }, clock });
const CATEGORIES = ['housing', 'land'];

const routed = () => routedDemoCase(T0, clock);
const acceptOn = (subject: Case, day: number) => decideAcceptance(subject, acceptanceSchema.parse({ decision: 'accept' }), { ...staff('330726', 'clerk'), now: at(day) }).case;
const replyOn = (subject: Case, day: number) => replyToCase(subject, { opinion: '已处理' }, { ...staff('330726:housing', 'handler'), now: at(day) }).case;
/** Lets the ladder run to its supervision rung: the clock now running is overdue. */
function overdue(subject: Case): Case {
  let current = subject;
  while (current.due && current.due.rung !== 'escalation') current = applyDue(current, { now: current.due.at, clock, chain: demoChain('330726') })!.change.case;
  return current;
}
const figures = (...cases: Case[]) => figuresOf(sum(cases.map(contributionOf)), CATEGORIES);

describe('the three rates on hand-made cases', () => {
  it('are null while nothing counts yet', () => {
    expect(figures()).toMatchObject({ received: 0, timelyAcceptanceRate: null, onTimeClosureRate: null, satisfactionRate: null });
    expect(figures(routed())).toMatchObject({ received: 1, timelyAcceptanceRate: null, onTimeClosureRate: null, satisfactionRate: null });
  });

  it('count a decision within the limit as timely, and one after it as late', () => {
    expect(figures(acceptOn(routed(), 3)).timelyAcceptanceRate).toBe(1);
    expect(figures(acceptOn(routed(), 3), acceptOn(routed(), 16)).timelyAcceptanceRate).toBe(0.5);
  });

  it('count an undecided case past its deadline against the timely rate, but not a pending one not yet due', () => {
    expect(figures(acceptOn(routed(), 3), routed()).timelyAcceptanceRate).toBe(1);
    const late = overdue(routed());
    expect(figures(acceptOn(routed(), 3), late)).toMatchObject({ timelyAcceptanceRate: 0.5, overdue: 1 });
    // Decided late at last: no longer overdue, counted late.
    expect(figures(acceptOn(routed(), 3), acceptOn(late, 20))).toMatchObject({ timelyAcceptanceRate: 0.5, overdue: 0 });
  });

  it('count replies within the handling limit as on time, and unanswered cases past it against the rate', () => {
    const accepted = acceptOn(routed(), 1);
    expect(figures(replyOn(accepted, 30)).onTimeClosureRate).toBe(1);
    expect(figures(replyOn(accepted, 30), replyOn(accepted, 70)).onTimeClosureRate).toBe(0.5);
    expect(figures(replyOn(accepted, 30), overdue(accepted)).onTimeClosureRate).toBe(0.5);
    expect(figures(replyOn(accepted, 30), accepted).onTimeClosureRate).toBe(1);
  });

  it('count satisfied and basically satisfied over all ratings', () => {
    const replied = replyOn(acceptOn(routed(), 1), 10);
    const rated = (rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied') => evaluate(replied, { rating }, at(11)).case;
    expect(figures(rated('satisfied'), rated('basically_satisfied'), rated('dissatisfied'), replied)).toMatchObject({ satisfactionRate: 0.6667 });
  });
});

describe('volumes and structure', () => {
  it('count cases by channel, category and status, and repeat, collective and over-level cases', () => {
    const repeat = { ...routed(), repeatCount: 2 };
    const collective = { ...routed(), collective: true, overLevel: true, category: 'land', channel: 'visit' as const };
    expect(figures(repeat, collective, acceptOn(routed(), 2))).toMatchObject({
      received: 3,
      byChannel: { online: 2, visit: 1, letter: 0 },
      byCategory: { housing: 2, land: 1 },
      byStatus: { received: 2, accepted: 1, closed: 0 },
      repeat: 2,
      collective: 1,
      overLevel: 1,
    });
  });
});

describe('differences', () => {
  it('add up, change after change, to the contribution of the case as it ends', () => {
    const steps = [routed()];
    steps.push(acceptOn(steps.at(-1)!, 2));
    steps.push(replyOn(steps.at(-1)!, 20));
    steps.push(evaluate(steps.at(-1)!, { rating: 'satisfied' }, at(21)).case);
    const applied = sum([difference(undefined, steps[0]!), ...steps.slice(1).map((after, i) => difference(steps[i], after))]);
    const final = contributionOf(steps.at(-1)!);
    expect(Object.fromEntries(Object.entries(applied).filter(([, v]) => v !== 0))).toEqual(final);
  });

  it('count nothing while a case awaits routing (a repeat included), and all of it once routed', () => {
    const registered = registeredDemoCase(T0, clock);
    const repeated = recordRepeat(registered, { now: at(0.01), channel: 'visit', actor: 'petitioner' }).case;
    expect(contributionOf(registered)).toEqual({});
    expect(difference(undefined, registered)).toEqual({});
    expect(difference(registered, repeated)).toEqual({});
    const routedCase = applyRouting(repeated, decideRouting(repeated, demoChain('330726001001'), category('housing')), at(0.02), clock)!.case;
    expect(difference(repeated, routedCase)).toEqual(contributionOf(routedCase));
    expect(contributionOf(routedCase)).toMatchObject({ received: 1, repeat: 1, 'status:received': 1 });
  });

  it('are empty for a change the figures do not see', () => {
    const subject = routed();
    expect(difference(subject, { ...subject, version: subject.version + 1, title: 'x' })).toEqual({});
  });
});

describe('days and periods', () => {
  it('count a case on its day in China Standard Time', () => {
    expect(chinaDay('2026-03-01T15:59:59.000Z')).toBe('2026-03-01');
    expect(chinaDay('2026-03-01T16:00:00.000Z')).toBe('2026-03-02');
  });

  it('name a week by its Monday and a month by its first day', () => {
    expect(periodOf('2026-11-22', 'week')).toBe('2026-11-16');
    expect(periodOf('2026-11-16', 'week')).toBe('2026-11-16');
    expect(periodOf('2026-11-22', 'month')).toBe('2026-11-01');
  });
});
