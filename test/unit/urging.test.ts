import { describe, expect, it } from 'vitest';
import { clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import { Problem } from '../../functions/domain/problem.ts';
import { runningClock, urge } from '../../functions/domain/urging.ts';
import { refusal, registeredDemoCase, routedDemoCase } from '../support/domain.ts';

const NOW = '2026-03-02T02:00:00.000Z';
const clock = clockOf(DEFAULT_POLICY);

describe('urging (催办)', () => {
  it('tells the office whose acceptance clock runs, and allows the next after urgeInterval', () => {
    const routed = routedDemoCase(NOW, clock);
    const urging = urge(routed, { note: '请尽快' }, { now: NOW, clock });
    expect(urging.change.case).toMatchObject({ urgeCount: 1, lastUrgedAt: NOW, version: routed.version + 1 });
    expect(urging.change.entry).toMatchObject({ action: 'urged', detail: { stage: 'acceptance', note: '请尽快' }, timeline: { event: 'urged' } });
    expect(urging.notice).toMatchObject({ kind: 'urge', stage: 'acceptance', to: [{ unit: '330726', role: 'clerk' }], deadline: routed.acceptanceDueAt });
    expect(urging.nextAllowedAt).toBe('2026-03-09T02:00:00.000Z');
  });

  it('is too soon within the interval, with the seconds left; the interval scales with TIME_SCALE like every limit', () => {
    const urged = urge(routedDemoCase(NOW, clock), {}, { now: NOW, clock }).change.case;
    const oneSecondEarly = new Date(Date.parse(NOW) + 7 * 86_400_000 - 1000).toISOString();
    let problem: Problem | undefined;
    try {
      urge(urged, {}, { now: oneSecondEarly, clock });
    } catch (error) {
      problem = error as Problem;
    }
    expect(problem).toMatchObject({ kind: 'too_many_requests', retryAfter: 1 });

    const demo = clockOf(DEFAULT_POLICY, 86_400);
    const fast = urge(routedDemoCase(NOW, demo), {}, { now: NOW, clock: demo });
    expect(fast.nextAllowedAt).toBe('2026-03-02T02:00:07.000Z');
  });

  it('finds no clock running before routing, after the reply and once finished', () => {
    expect(runningClock(registeredDemoCase(NOW, clock))).toBeNull();
    const routed = routedDemoCase(NOW, clock);
    expect(runningClock(routed)).toBe('acceptance');
    expect(runningClock({ ...routed, status: 'accepted' })).toBe('handling');
    expect(runningClock({ ...routed, status: 'accepted', due: { stage: 'receipt', at: NOW } })).toBe('receipt');
    expect(runningClock({ ...routed, status: 'under_review' })).toBe('review');
    // At the top of the ladder the due time is gone, but the clock still runs.
    expect(runningClock({ ...routed, due: null, criticalAt: NOW })).toBe('acceptance');
    for (const status of ['replied', 'closed', 'final', 'not_accepted', 'forwarded'] as const) {
      expect(refusal(() => urge({ ...routed, status }, {}, { now: NOW, clock }))).toBe('conflict');
    }
  });
});
