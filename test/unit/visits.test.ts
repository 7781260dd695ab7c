import { describe, expect, it } from 'vitest';
import type { Case } from '../../functions/domain/case.ts';
import { decideRouting } from '../../functions/domain/routing.ts';
import { visitContributionOf, visitSummaryOf, sum } from '../../functions/domain/figures.ts';
import { rankHotspots } from '../../functions/domain/hotspots.ts';
import { applyDue } from '../../functions/domain/ladder.ts';
import { evaluate, replyToCase } from '../../functions/domain/lifecycle.ts';
import { addMs, clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import type { Role } from '../../functions/domain/staff.ts';
import { announceVisit, cancelVisit, receiveAtVisit, receptionSchema, rescheduleVisit, visitSchema, type Visit } from '../../functions/domain/visits.ts';
import { DEMO_REGIONS } from '../../functions/reference/demo.ts';
import { category, demoChain, FINGERPRINT_KEY, refusal, ONE_STEP } from '../support/domain.ts';

const DAY = 86_400_000;
const T0 = '2026-09-01T00:00:00.000Z';
const at = (days: number) => addMs(T0, days * DAY);
const clock = clockOf({ ...DEFAULT_POLICY, ...ONE_STEP });
const staff = (unit: string, role: Role) => ({ sub: `${role}@${unit}`, unit, roles: [role] });
const leader = staff('330726', 'leader');

const visitInput = (startsAt = at(5)) =>
  visitSchema.parse({
    leader: { name: '王明', title: '县委书记' },
    regionCode: '330726',
    startsAt,
    venue: '浦江县信访局接待大厅',
    departments: ['330726:housing', '330726:land'],
  });
const announced = () => announceVisit(visitInput(), 'v1', { staff: leader, now: T0, clock });


describe('announcing a visit', () => {
  it('announces it at once, with its departments', () => {
    expect(announced()).toMatchObject({ status: 'announced', startsAt: at(5), announcedAt: T0, departments: ['330726:housing', '330726:land'], version: 1 });
  });

  it('refuses one less than the notice period ahead (400), from a handler (403), or outside the office (400)', () => {
    expect(refusal(() => announceVisit(visitInput(at(2)), 'v', { staff: leader, now: T0, clock }))).toBe('invalid');
    expect(refusal(() => announceVisit(visitInput(), 'v', { staff: staff('330726', 'handler'), now: T0, clock }))).toBe('forbidden');
    expect(refusal(() => announceVisit(visitInput(), 'v', { staff: staff('330782', 'leader'), now: T0, clock }))).toBe('invalid');
  });

  it('reschedules with the same notice, keeping what it was; cancels with a reason; neither once started', () => {
    const moved = rescheduleVisit(announced(), { startsAt: at(9), reason: '与会议冲突' }, { staff: leader, now: at(1), clock });
    expect(moved).toMatchObject({ startsAt: at(9), version: 2, changes: [{ kind: 'rescheduled', reason: '与会议冲突', was: { startsAt: at(5) } }] });
    expect(refusal(() => rescheduleVisit(announced(), { startsAt: at(3), reason: 'x' }, { staff: leader, now: at(1), clock }))).toBe('invalid');
    const cancelled = cancelVisit(announced(), { reason: '台风' }, { staff: leader, now: at(1), clock });
    expect(cancelled.status).toBe('cancelled');
    expect(refusal(() => rescheduleVisit(cancelled, { startsAt: at(9), reason: 'x' }, { staff: leader, now: at(1), clock }))).toBe('conflict');
    expect(refusal(() => cancelVisit(announced(), { reason: 'x' }, { staff: leader, now: at(6), clock }))).toBe('conflict');
  });
});

function receive(visit: Visit, outcome: 'resolved_on_spot' | 'assigned' | 'determined', overrides: Record<string, unknown> = {}): Case {
  const input = receptionSchema.parse({
    persons: 2,
    petitioner: { name: '李四', phone: '13900001111' },
    category: 'housing',
    title: '安置房质量问题',
    content: '安置房墙体开裂',
    regionCode: '330726001001',
    outcome,
    ...(outcome === 'assigned' ? { leadUnit: '330726:housing', responsibleLeader: '王副县长' } : { resolution: '当场协调物业维修' }),
    ...overrides,
  });
  const routing = decideRouting({ addressedTo: null }, demoChain(input.regionCode), category(input.category));
  return receiveAtVisit(visit, input, { id: `c-${outcome}`, staff: leader, now: at(5), clock, accessCodeHash: 'h', routing, fingerprintKey: FINGERPRINT_KEY }).case;
}

describe('receptions at a visit', () => {
  const visit = announced();

  it('resolved on the spot: closed at once with the resolution as its answer, which the petitioner may still rate', () => {
    const resolved = receive(visit, 'resolved_on_spot');
    expect(resolved).toMatchObject({ channel: 'leader_visit', status: 'closed', due: null, holdsMatter: false, visit: { id: 'v1', outcome: 'resolved_on_spot' } });
    expect(resolved.reply?.opinion).toBe('当场协调物业维修');
    expect(evaluate(resolved, { rating: 'satisfied' }, at(6)).case.evaluations).toHaveLength(1);
  });

  it('assigned: accepted at once with its lead unit and responsible leader, the handling clock running, and its idle clock', () => {
    const assigned = receive(visit, 'assigned');
    expect(assigned).toMatchObject({ status: 'accepted', leadUnit: '330726:housing', responsibleLeader: '王副县长', handlingDueAt: at(65), due: { stage: 'handling' }, idleAt: at(35) });
    expect(receive(visit, 'determined').idleAt).toBeNull();
  });

  it('determined: the determination given as an answer, the review window open', () => {
    expect(receive(visit, 'determined')).toMatchObject({ status: 'replied', due: { stage: 'reviewWindow', at: at(35) } });
  });

  it('counts a batch of five or more persons as collective', () => {
    expect(receive(visit, 'assigned', { persons: 5 }).collective).toBe(true);
  });

  it.each([
    ['an assigned matter without a lead unit', { outcome: 'assigned', responsibleLeader: 'x' }, 'leadUnit'],
    ['an assigned matter without a responsible leader', { outcome: 'assigned', leadUnit: '330726:housing' }, 'responsibleLeader'],
    ['a resolution missing', { outcome: 'determined' }, 'resolution'],
  ])('refuses %s (400)', (_, body, path) => {
    const result = receptionSchema.safeParse({ persons: 1, petitioner: { name: 'a', phone: '13900001111' }, category: 'housing', title: 't', content: 'c', regionCode: '330726', ...body });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('refuses receptions before the visit starts, at a cancelled visit, and from outside its region', () => {
    const early = announceVisit(visitInput(at(10)), 'v2', { staff: leader, now: T0, clock });
    expect(refusal(() => receive(early, 'assigned'))).toBe('conflict');
    expect(refusal(() => receive(cancelVisit(early, { reason: 'x' }, { staff: leader, now: T0, clock }), 'assigned'))).toBe('conflict');
    expect(refusal(() => receive(visit, 'assigned', { regionCode: '330782001001' }))).toBe('invalid');
  });
});

describe('the visit-day figures', () => {
  const visit = announced();
  const handler = { staff: staff('330726:housing', 'handler'), clock };

  it('count batches, persons and outcomes, and follow the assigned matters to their landing', () => {
    const onTime = replyToCase(receive(visit, 'assigned'), { opinion: '已解决' }, { ...handler, now: at(20) }).case;
    const closed = evaluate(onTime, { rating: 'satisfied' }, at(21)).case;
    let late = receive(visit, 'assigned', { persons: 7 });
    while (late.due && late.due.rung !== 'escalation') late = applyDue(late, { now: late.due.at, clock, chain: demoChain('330726') })!.change.case;
    const cases = [receive(visit, 'resolved_on_spot'), receive(visit, 'determined'), closed, late];
    expect(visitSummaryOf(sum(cases.map(visitContributionOf)))).toEqual({
      batches: 4,
      persons: 13,
      resolvedOnSpot: 1,
      assigned: 2,
      determined: 1,
      assignedClosed: 1,
      assignedOnTime: 1,
      assignedOverdue: 1,
    });
  });

  it("tell the visit office's leader when an assigned matter escalates", () => {
    let subject = receive(visit, 'assigned');
    const notices = [];
    for (let i = 0; i < 4 && subject.due; i++) {
      const rung = applyDue(subject, { now: subject.due.at, clock, chain: demoChain('330726') })!;
      notices.push(rung.notice!);
      subject = rung.change.case;
    }
    const escalation = notices.find((n) => n.kind === 'escalation')!;
    expect(escalation.to).toContainEqual({ unit: '330726', role: 'leader' });
  });
});

describe('hotspots', () => {
  const region = (code: string) => DEMO_REGIONS.find((r) => r.code === code)!;

  it('rank by cases per 10,000 inhabitants, weighted up by overdue and repeat petitions', () => {
    const ranked = rankHotspots(
      [
        { region: region('330726001'), counters: { received: 98, overdue: 0, repeat: 0 } },
        { region: region('330726109'), counters: { received: 14, overdue: 7, repeat: 0 } },
        { region: region('330726101'), counters: { received: 56, overdue: 0, repeat: 28 } },
        { region: region('330726102'), counters: {} },
      ],
      10,
    );
    expect(ranked.map((h) => h.code)).toEqual(['330726109', '330726101', '330726001', '330726102']);
    // 大畈乡: 14 cases, 7,000 people: 20 per 10k; half overdue: score 30.
    expect(ranked[0]).toEqual({ code: '330726109', name: '大畈乡', volume: 14, per10k: 20, overdue: 7, repeat: 0, urges: 0, score: 30 });
    expect(ranked.at(-1)).toMatchObject({ volume: 0, score: 0 });
    expect(rankHotspots([{ region: region('330726001'), counters: { received: 1 } }], 0)).toEqual([]);
  });
});
