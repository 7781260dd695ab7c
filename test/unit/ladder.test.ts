import { describe, expect, it } from 'vitest';
import { clockDue, type Case } from '../../functions/domain/case.ts';
import { applyDue, noticeAnswering, type DueOutcome } from '../../functions/domain/ladder.ts';
import { acceptanceSchema, decideAcceptance, evaluate, replyToCase } from '../../functions/domain/lifecycle.ts';
import { addMs, clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import { demoChain, routedDemoCase, ONE_STEP } from '../support/domain.ts';

const DAY = 86_400_000;
const T0 = '2026-05-04T00:00:00.000Z';
const at = (days: number) => addMs(T0, days * DAY);
const clock = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP });
const chain = demoChain('330726');

const routedCase = () => routedDemoCase(T0, clock);

/** Applies rungs at the times they fall due, until the ladder ends. */
function climb(subject: Case): DueOutcome[] {
  const rungs: DueOutcome[] = [];
  for (let current = subject; current.due && rungs.length < 20; ) {
    const rung = applyDue(current, { now: current.due.at, clock, chain });
    if (!rung) break;
    rungs.push(rung);
    current = rung.change.case;
  }
  return rungs;
}

describe('the escalation ladder of a case nobody accepts', () => {
  const rungs = climb(routedCase());
  const steps = rungs.map((r) => ({ action: r.change.entry.action, level: r.change.case.level, at: r.change.entry.at, to: r.notice?.to.map((t) => `${t.unit}/${t.role}`) }));

  it('warns the office three days before the deadline, supervises at it, then climbs a level at a time to a critical alert at the top', () => {
    expect(steps).toEqual([
      { action: 'deadline_warning', level: 'county', at: at(12), to: ['330726/clerk'] },
      { action: 'supervised', level: 'county', at: at(15), to: ['330726/clerk', '330726/supervisor'] },
      { action: 'escalated', level: 'city', at: at(18), to: ['330700/supervisor', '330700/leader', '330726/clerk'] },
      { action: 'escalated', level: 'province', at: at(23), to: ['330000/supervisor', '330000/leader', '330726/clerk'] },
      { action: 'critical_alert', level: 'province', at: at(28), to: ['330000/leader', '330000/supervisor', '330726/clerk'] },
    ]);
  });

  it('stops climbing at the top: one critical alert, no due time after it', () => {
    const top = rungs.at(-1)!.change.case;
    expect(top).toMatchObject({ criticalAt: at(28), due: null, escalationCount: 2, status: 'received' });
    expect(applyDue(top, { now: at(100), clock, chain })).toBeUndefined();
  });

  it('tells the petitioner of supervision and escalation, not of the internal warning or alert', () => {
    expect(rungs.map((r) => r.change.entry.timeline?.event ?? null)).toEqual([null, 'supervised', 'escalated', 'escalated', null]);
  });

  it('records each rung once, in a history entry naming the due it answered', () => {
    expect(new Set(rungs.map((r) => r.change.entry.version)).size).toBe(rungs.length);
    const history = rungs.map((r) => r.change.entry);
    const second = rungs[1]!;
    expect(noticeAnswering(history, 'acceptance', at(15))).toEqual(second.notice);
    expect(noticeAnswering(history, 'acceptance', at(99))).toBeUndefined();
  });

  it('puts no personal data in notices', () => {
    const sent = JSON.stringify(rungs.map((r) => r.notice));
    for (const secret of ['张三', '13800138000', '11010519491231002X', '楼顶漏水']) expect(sent).not.toContain(secret);
  });
});

describe('due times', () => {
  it('does nothing before the due time, for routing, or for a finished case', () => {
    const subject = routedCase();
    expect(applyDue(subject, { now: at(11), clock, chain })).toBeUndefined();
    expect(applyDue({ ...subject, due: { stage: 'routing', at: T0 } }, { now: at(1), clock, chain })).toBeUndefined();
    expect(applyDue({ ...subject, status: 'closed' }, { now: at(20), clock, chain })).toBeUndefined();
  });

  it('starts a clock at supervision when its warning time has passed', () => {
    expect(clockDue('handling', at(2), at(0), clock)).toEqual({ stage: 'handling', at: at(2), rung: 'supervision' });
    expect(clockDue('handling', at(60), at(0), clock)).toEqual({ stage: 'handling', at: at(57), rung: 'warning' });
  });

  it('starts a fresh ladder for the handling clock once accepted, warning the lead unit', () => {
    const accepted = decideAcceptance(routedCase(), acceptanceSchema.parse({ decision: 'accept' }), {
      staff: { sub: 'c', unit: '330726', roles: ['clerk'] },
      now: at(5),
      clock,
    }).case;
    const warning = applyDue(accepted, { now: at(62), clock, chain });
    expect(warning?.notice).toMatchObject({ kind: 'warning', stage: 'handling', to: [{ unit: '330726:housing', role: 'handler' }] });
  });

  it('closes a replied case when the review window passes without a request', () => {
    const staff = { sub: 'h', unit: '330726:housing', roles: ['handler' as const, 'clerk' as const] };
    const accepted = decideAcceptance(routedCase(), acceptanceSchema.parse({ decision: 'accept' }), { staff: { ...staff, unit: '330726' }, now: at(1), clock }).case;
    const replied = replyToCase(accepted, { opinion: '已处理' }, { staff, now: at(10), clock }).case;
    const closed = applyDue(replied, { now: at(40), clock, chain });
    expect(closed?.change.case).toMatchObject({ status: 'closed', due: null });
    expect(closed?.change.entry.timeline?.event).toBe('closed_after_window');
    // Rated satisfied before the window ends: closed already, and nothing is due.
    expect(applyDue(evaluate(replied, { rating: 'satisfied' }, at(11)).case, { now: at(40), clock, chain })).toBeUndefined();
  });
});
