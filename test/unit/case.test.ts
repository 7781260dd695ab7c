import { describe, expect, it } from 'vitest';
import { recordRepeat, registerCase, type Registration } from '../../functions/domain/case.ts';
import { applyRouting, decideRouting } from '../../functions/domain/routing.ts';
import { progressOf } from '../../functions/domain/views.ts';
import { caseNumberOf, numberSeriesOf } from '../../functions/domain/case-number.ts';
import { submissionSchema, type Submission } from '../../functions/domain/intake.ts';
import { clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import { category, demoChain, FINGERPRINT_KEY, idNumber } from '../support/domain.ts';

const NOW = '2026-03-01T08:00:00.000Z';

function submission(overrides: Partial<Submission> = {}): Submission {
  return submissionSchema.parse({
    channel: 'online',
    category: 'housing',
    title: '楼顶漏水',
    content: '楼顶漏水三个月无人处理',
    regionCode: '330726001001',
    petitioner: { name: '张三', phone: '13800138000', idNumber: idNumber() },
    ...overrides,
  });
}

const registration: Registration = {
  id: 'case-1',
  now: NOW,
  clock: clockOf(DEFAULT_POLICY),
  accessCodeHash: 'hash',
  routingRetryMs: 120_000,
  actor: 'petitioner',
  fingerprintKey: FINGERPRINT_KEY,
};

describe('registering a case', () => {
  it('receives it, starts the 15-day acceptance clock and waits for routing', () => {
    const { case: registered, entry } = registerCase(submission(), registration);
    expect(registered).toMatchObject({
      id: 'case-1',
      status: 'received',
      receivedAt: NOW,
      acceptanceDueAt: '2026-03-16T08:00:00.000Z',
      version: 1,
      repeatCount: 0,
      collective: false,
      office: null,
      level: null,
      due: { stage: 'routing', at: '2026-03-01T08:02:00.000Z' },
    });
    expect(entry).toMatchObject({ version: 1, action: 'registered', actor: 'petitioner', timeline: { event: 'received' } });
  });

  it('scales the acceptance clock with the time scale', () => {
    const { case: registered } = registerCase(submission(), { ...registration, clock: clockOf(DEFAULT_POLICY, 86_400) });
    expect(registered.acceptanceDueAt).toBe('2026-03-01T08:00:15.000Z');
  });

  it('counts five or more people as a collective case', () => {
    expect(registerCase(submission({ headcount: 4 }), registration).case.collective).toBe(false);
    expect(registerCase(submission({ headcount: 5 }), registration).case.collective).toBe(true);
  });

  it('keeps no identity number or phone in its history', () => {
    const { entry } = registerCase(submission(), registration);
    const recorded = JSON.stringify(entry);
    expect(recorded).not.toContain(idNumber());
    expect(recorded).not.toContain('13800138000');
    expect(recorded).not.toContain('张三');
  });
});

describe('a repeat petition', () => {
  it('joins the open case, counts it and records it in the timeline', () => {
    const open = registerCase(submission(), registration).case;
    const { case: joined, entry } = recordRepeat(open, { now: NOW, channel: 'online', actor: 'petitioner' });
    expect(joined.repeatCount).toBe(1);
    expect(joined.version).toBe(2);
    expect(entry).toMatchObject({ version: 2, action: 'repeat', timeline: { event: 'repeat' } });
    expect(recordRepeat(joined, { now: NOW, channel: 'online', actor: 'petitioner' }).case.repeatCount).toBe(2);
  });
});

describe('routing', () => {
  const route = (regionCode: string, categoryCode: string, addressedTo: string | null = null) =>
    decideRouting({ addressedTo }, demoChain(regionCode), category(categoryCode));

  it('sends a county matter from a village to the county office and its department', () => {
    const routing = route('330726001001', 'housing');
    expect(routing.office.code).toBe('330726');
    expect(routing.proposedLeadUnit).toBe('330726:housing');
    expect(routing.overLevel).toBe(false);
  });

  it('keeps a township matter in the township (大事不出镇)', () => {
    const routing = route('330726101201', 'land');
    expect(routing.office.code).toBe('330726101');
    expect(routing.proposedLeadUnit).toBe('330726101:land');
  });

  it('keeps a small matter in the village, led by the village office itself (小事不出村)', () => {
    const routing = route('330726001002', 'other');
    expect(routing.office.code).toBe('330726001002');
    expect(routing.proposedLeadUnit).toBe('330726001002');
  });

  it('leaves a case filed above the handling level where it was filed', () => {
    const routing = route('330726', 'land');
    expect(routing.office.code).toBe('330726');
    expect(routing.proposedLeadUnit).toBe('330726:land');
  });

  it('recognises a case brought above the responsible level as over-level and routes it down', () => {
    const routing = route('330726001001', 'housing', '330000');
    expect(routing.office.code).toBe('330726');
    expect(routing.overLevel).toBe(true);
    expect(route('330726001001', 'housing', '330726').overLevel).toBe(false);
    expect(route('330726001001', 'housing', '330726001').overLevel).toBe(false);
  });

  it('is applied once: the office, the proposed lead unit and the level are set, the acceptance clock becomes due', () => {
    const registered = registerCase(submission({ addressedTo: '330700' }), registration).case;
    const routing = decideRouting(registered, demoChain('330726001001'), category('housing'));
    const change = applyRouting(registered, routing, '2026-03-01T08:00:01.000Z', registration.clock);
    expect(change?.case).toMatchObject({
      office: '330726',
      proposedLeadUnit: '330726:housing',
      level: 'county',
      overLevel: true,
      status: 'received',
      version: 2,
      // The acceptance clock's first rung: the warning three days before its deadline.
      due: { stage: 'acceptance', at: '2026-03-13T08:00:00.000Z', rung: 'warning' },
    });
    expect(change?.entry).toMatchObject({ version: 2, action: 'routed', actor: 'system:routing', timeline: { event: 'routed' } });
    expect(applyRouting(change!.case, routing, NOW, registration.clock)).toBeUndefined();
  });
});

describe("the petitioner's progress view", () => {
  it('shows the timeline in order, without personal data or internal detail', () => {
    const registered = registerCase(submission(), registration);
    const routed = applyRouting(registered.case, decideRouting(registered.case, demoChain('330726001001'), category('housing')), NOW, registration.clock)!;
    const internal = { version: 3, at: NOW, actor: 'clerk-1', action: 'note', detail: { text: '内部意见' } };
    const progress = progressOf(routed.case, [internal, routed.entry, registered.entry]);
    expect(progress).toEqual({
      id: 'case-1',
      caseNumber: null,
      status: 'received',
      level: 'county',
      dueAt: registered.case.acceptanceDueAt,
      timeline: [
        { at: NOW, event: 'received', note: registered.entry.timeline!.note },
        { at: NOW, event: 'routed', note: routed.entry.timeline!.note },
      ],
    });
    const shown = JSON.stringify(progress);
    for (const secret of ['张三', '13800138000', idNumber(), '内部意见', 'hash', 'proposedLeadUnit']) expect(shown).not.toContain(secret);
  });
});

describe('case numbers', () => {
  it('number a case in its county and its year in China: the last evening of the year in UTC is already the next', () => {
    expect(numberSeriesOf({ regionCode: '330726001001', receivedAt: '2026-06-01T08:00:00.000Z' })).toEqual({ county: '330726', year: '2026' });
    expect(numberSeriesOf({ regionCode: '330726', receivedAt: '2026-12-31T16:30:00.000Z' })).toEqual({ county: '330726', year: '2027' });
  });

  it('are six digits of sequence, and more after the millionth', () => {
    expect(caseNumberOf({ county: '330726', year: '2026' }, 123)).toBe('330726-2026-000123');
    expect(caseNumberOf({ county: '330726', year: '2026' }, 1_234_567)).toBe('330726-2026-1234567');
  });

  it('are given by the store: a case is registered without one', () => {
    expect(registerCase(submission(), registration).case.caseNumber).toBeNull();
  });
});
