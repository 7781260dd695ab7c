/**
 * What the handlers write to their logs (structured JSON, with correlation
 * ids, and EMF metrics) for a workload full of personal data: none of it may
 * appear. Logs at DEBUG and metrics on, for this file only, set before the
 * handlers load (their logger reads the level once): vi.hoisted runs before
 * the imports, which load the logger.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
  process.env.TIME_SCALE = '864000';
});
import { idNumber } from '../support/domain.ts';
import { bearer, postJson, submission, testSystem, type TestSystem } from '../support/emulators.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const PETITIONER = { name: '欧阳二十一', phone: '13912345678', idNumber: idNumber('33072619851212123') };
const SECRETS = [PETITIONER.name, PETITIONER.phone, PETITIONER.idNumber, '13912340000', '诸葛二十二'];

let system: TestSystem;
const captured: string[] = [];
const writes = { stdout: process.stdout.write, stderr: process.stderr.write };

beforeAll(async () => {
  // Captured, not echoed: at DEBUG the handlers say a great deal.
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: string | Uint8Array) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
  }
  system = await testSystem();
});
afterAll(async () => {
  process.stdout.write = writes.stdout;
  process.stderr.write = writes.stderr;
  await system.close();
});


describe('logs and metrics', () => {
  it('carry no identity number, phone or name, whatever the workload', async () => {
    // The handlers' clock stands still until the petitioner has asked for review, so that
    // the decision and the reply are on time however slow the machine (a policy day is 0.1 s).
    vi.useFakeTimers({ toFake: ['Date'] });
    const clerk = await system.token('330726', 'clerk');
    const handler = await system.token('330726:housing', 'handler');
    const online = await system.api('/v1/cases', postJson(submission({ petitioner: PETITIONER, content: `我的电话是${PETITIONER.phone}` })));
    const { id, accessCode } = (await online.json()) as { id: string; accessCode: string };
    // Bad input full of personal data, a staff registration, a repeat, a wrong access code.
    await system.api('/v1/cases', postJson({ channel: 'fax', petitioner: PETITIONER }));
    await system.api('/v1/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"petitioner":{"phone":"${PETITIONER.phone}"` });
    await system.api('/v1/cases', postJson(submission({ channel: 'letter', petitioner: { name: '诸葛二十二', phone: '13912340000' } }), bearer(clerk)));
    await system.api('/v1/cases', postJson(submission({ petitioner: PETITIONER })));
    await system.api(`/v1/cases/${id}/progress`, { headers: { 'x-access-code': 'WRONG-CODE-0000' } });
    await system.consume('routing', await system.receive('routing', 100, 2));

    await system.api(`/v1/cases/${id}/acceptance`, postJson({ decision: 'accept' }, bearer(clerk)));
    // An urge with personal data in its note, and one too soon.
    for (let i = 0; i < 2; i++) await system.api(`/v1/cases/${id}/urge`, postJson({ note: `${PETITIONER.name}催办，电话${PETITIONER.phone}` }, { 'x-access-code': accessCode }));
    await system.api(`/v1/cases/${id}/reply`, postJson({ opinion: `已电话联系${PETITIONER.name}` }, bearer(handler)));
    await system.api(`/v1/cases/${id}/evaluation`, postJson({ rating: 'dissatisfied', comment: PETITIONER.phone }, { 'x-access-code': accessCode }));
    await system.api(`/v1/cases/${id}/review-request`, postJson({ reason: `${PETITIONER.name}不服` }, { 'x-access-code': accessCode }));
    vi.useRealTimers();

    // Let the other case's clocks run out (a policy day is 0.1 s): the ladder, its notices, the sweep's gauge.
    for (let i = 0; i < 12; i++) {
      await system.lambdas.invoke('sweepDeadlines', {});
      await system.deliverDeadlines(0.1);
      await sleep(200);
    }

    const output = captured.join('');
    for (const secret of SECRETS) expect(output, `"${secret}" was logged`).not.toContain(secret);

    // The logs are there, structured, with correlation ids; the metrics too.
    const lines = output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((l) => l.message === 'case registered')).toMatchObject({ level: 'INFO', service: 'petitions', caseId: id, correlationId: expect.any(String) });
    expect(lines.some((l) => l.message === 'deadline rung applied')).toBe(true);
    const metricNames = new Set(
      lines.flatMap((l) => ((l._aws as { CloudWatchMetrics?: Array<{ Metrics: Array<{ Name: string }> }> } | undefined)?.CloudWatchMetrics ?? []).flatMap((m) => m.Metrics.map((x) => x.Name))),
    );
    for (const name of ['CasesReceived', 'CasesRouted', 'DecisionsTimely', 'RepliesOnTime', 'Ratings', 'DeadlineRungs', 'OverdueBacklog', 'SweepsCompleted', 'DueFound']) {
      expect(metricNames, `metric ${name}`).toContain(name);
    }
  }, 60_000);
});
