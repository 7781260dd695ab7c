/**
 * The deadline machinery on the emulators, with the clock compressed
 * (TIME_SCALE=864000: a policy day lasts 0.1 s, the acceptance clock 1.5 s,
 * the handling clock 6 s, the bound of paused time 1 s).
 */
import { DeleteMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { sweep } from '../../functions/services/sweep.ts';
import { getCaseWithHistory } from '../../functions/store/cases.ts';
import { bearer, postJson, submission, useTestSystem } from '../support/emulators.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const system = useTestSystem({ TIME_SCALE: '864000', POLICY: JSON.stringify({ maxPaused: 'P10D', phoneVerification: false, signForReceipt: false, approveExtensions: false, replySignOff: false }) });

let phoneSeq = 13_200_000_000;

async function routedCase(): Promise<{ id: string; accessCode: string }> {
  const response = await system.api('/v1/cases', postJson(submission({ petitioner: { name: '卫十五', phone: String(++phoneSeq) } })));
  const created = (await response.json()) as { id: string; accessCode: string };
  await system.consume('routing', await system.receive('routing', 10, 5));
  return created;
}

/** One round of what runs on a schedule and on the queues: the sweep, then the workers. */
async function tick(): Promise<void> {
  await sweep();
  await system.deliverDeadlines(0.2);
}

const actions = async (id: string) => (await getCaseWithHistory(id))!.history.sort((a, b) => a.version - b.version).map((h) => h.action);

/** Waits until the case's next due time has come, and receives the deadline check the sweep then sends. */
async function dueCheck(id: string): Promise<Message[]> {
  const { case: subject } = (await getCaseWithHistory(id))!;
  await sleep(Math.max(0, Date.parse(subject.due!.at) - Date.now()) + 20);
  await sweep();
  const checks = (await system.receive('deadline', 100, 1)).filter((m) => m.Body?.includes(id));
  expect(checks).toHaveLength(1);
  return checks;
}

describe('a case nobody accepts', () => {
  it('is warned about, supervised, escalated to the city and the province, then raises one critical alert; each rung once', async () => {
    const { id, accessCode } = await routedCase();
    for (let i = 0; i < 60 && !(await actions(id)).includes('critical_alert'); i++) {
      await tick();
      await sleep(100);
    }
    for (let i = 0; i < 5; i++) await tick();
    expect(await actions(id)).toEqual(['registered', 'routed', 'deadline_warning', 'supervised', 'escalated', 'escalated', 'critical_alert']);

    const progress = (await (await system.api(`/v1/cases/${id}/progress`, { headers: { 'x-access-code': accessCode } })).json()) as any;
    expect(progress.level).toBe('province');
    expect(progress.timeline.map((t: { event: string }) => t.event)).toEqual(['received', 'routed', 'supervised', 'escalated', 'escalated']);

    const staffView = (await (await system.api(`/v1/cases/${id}`, { headers: bearer(await system.token('330000', 'leader')) })).json()) as any;
    expect(staffView).toMatchObject({ level: 'province', escalationCount: 2, criticalAt: expect.any(String), status: 'received' });

    const provinceNotices = (await (await system.api('/v1/notices', { headers: bearer(await system.token('330000', 'leader')) })).json()) as any;
    const forCase = provinceNotices.items.filter((n: { caseId: string }) => n.caseId === id).map((n: { kind: string }) => n.kind);
    expect(forCase.sort()).toEqual(['critical', 'escalation']);
    expect(provinceNotices.items.find((n: { kind: string; caseId: string }) => n.caseId === id && n.kind === 'critical').roles).toEqual(['leader', 'supervisor']);
    const officeNotices = (await (await system.api('/v1/notices', { headers: bearer(await system.token('330726', 'clerk')) })).json()) as any;
    expect(officeNotices.items.filter((n: { caseId: string }) => n.caseId === id).map((n: { kind: string }) => n.kind).sort()).toEqual(
      ['critical', 'escalation', 'escalation', 'supervision', 'warning'].sort(),
    );
  });
});

describe('deadline messages', () => {
  it('change nothing when delivered twice, or late after the case moved on; the notice is recorded once', async () => {
    const { id } = await routedCase();
    const [check] = await dueCheck(id);
    await system.consume('deadline', [check!]);
    const once = await getCaseWithHistory(id);
    expect(once!.history.map((h) => h.action)).toContain('deadline_warning');

    // The same message again, and a made-up late one for a due time the case no longer has.
    const late = { ...check!, MessageId: 'late', Body: check!.Body!.replace(/"dueAt":"[^"]+"/, '"dueAt":"2020-01-01T00:00:00.000Z"') };
    expect(await system.consume('deadline', [check!, late])).toEqual({ batchItemFailures: [] });
    expect(await getCaseWithHistory(id)).toEqual(once);

    // The duplicate sent its rung's notice again; recording it twice leaves one.
    await system.consume('notification', await system.receive('notification', 100, 1));
    const notices = (await (await system.api('/v1/notices?limit=200', { headers: bearer(await system.token('330726', 'clerk')) })).json()) as any;
    expect(notices.items.filter((n: { caseId: string; kind: string }) => n.caseId === id && n.kind === 'warning')).toHaveLength(1);
  });

  it('lose nothing when one is lost between the sweep\'s send and the worker\'s write: the next sweep sends it again', async () => {
    const { id } = await routedCase();
    const [lost] = await dueCheck(id);
    await system.sqs.send(new DeleteMessageCommand({ QueueUrl: system.queues.deadline.url, ReceiptHandle: lost!.ReceiptHandle }));
    expect(await actions(id)).not.toContain('deadline_warning');

    await sweep();
    const again = (await system.receive('deadline', 100, 1)).filter((m) => m.Body?.includes(id));
    expect(again).toHaveLength(1);
    await system.consume('deadline', again);
    expect(await actions(id)).toContain('deadline_warning');
  });

  it('never escalate a finished case', async () => {
    const { id } = await routedCase();
    const decided = await system.api(`/v1/cases/${id}/acceptance`, postJson({ decision: 'not_accept', reason: '不属于信访事项' }, bearer(await system.token('330726', 'clerk'))));
    expect(decided.status).toBe(200);
    await sleep(3500);
    for (let i = 0; i < 3; i++) await tick();
    expect(await actions(id)).toEqual(['registered', 'routed', 'not_accepted']);
  });

  it('are left for the next sweep when time runs short: a sweep stops before its timeout', async () => {
    const { id } = await routedCase();
    await sleep(1_300);
    let left = 70_000;
    // The first page read, then the time is up: what is not reached stays in the index for the next sweep.
    const short = await sweep({ remainingMs: () => (left -= 55_000) });
    expect(short.complete).toBe(false);
    const full = await sweep();
    expect(full.complete).toBe(true);
    expect(full.due).toBeGreaterThan(0);
    await system.consume('deadline', await system.receive('deadline', 100, 1));
    expect(await actions(id)).toContain('deadline_warning');
  });

  it('end in the dead-letter path as failures when they are not deadline checks', async () => {
    const poison = { MessageId: 'poison', ReceiptHandle: 'poison', Body: '{"kind":"deadline-check"}' };
    expect(await system.consume('deadline', [poison])).toEqual({ batchItemFailures: [{ itemIdentifier: 'poison' }] });
  });
});

describe('the handling clock', () => {
  const clerk = async () => bearer(await system.token('330726', 'clerk'));
  const handler = async () => bearer(await system.token('330726:housing', 'handler'));
  async function acceptedCase(): Promise<string> {
    const { id } = await routedCase();
    expect((await system.api(`/v1/cases/${id}/acceptance`, postJson({ decision: 'accept' }, await clerk()))).status).toBe(200);
    return id;
  }

  it('warns an idle case after half its limit; a note moves the idle entry forward, so the sweep reads it only when it is due', async () => {
    const id = await acceptedCase();
    const idleAt = async () => Date.parse((await getCaseWithHistory(id))!.case.idleAt!);
    const first = await idleAt();
    await sleep(1_000);
    const noted = await system.api(`/v1/cases/${id}/progress-notes`, postJson({ note: '已约现场查看', visibleToPetitioner: false }, await handler()));
    expect(noted.status).toBe(200);
    const moved = await idleAt();
    expect(moved - first).toBeGreaterThanOrEqual(1_000);
    // When it was first due, nothing is due: the note moved the idle entry to half the limit (3 s) after itself.
    await sleep(Math.max(0, first + 200 - Date.now()));
    await tick();
    expect(await actions(id)).not.toContain('idle_warning');
    await sleep(Math.max(0, moved + 200 - Date.now()));
    await tick();
    expect(await actions(id)).toEqual(['registered', 'routed', 'accepted', 'progress_noted', 'idle_warning']);
  });

  it('warns a silent co-unit before the deadline of its task (7 working days: 0.7 s), then supervises it; each rung once, told to the co-unit', async () => {
    const id = await acceptedCase();
    const asked = await system.api(`/v1/cases/${id}/co-handling`, postJson({ unit: '330726:civil_affairs', request: '请提出意见' }, await handler()));
    expect(asked.status).toBe(201);
    const { dueAt } = (await asked.json()) as { dueAt: string };
    expect(Date.parse(dueAt) - Date.parse((await getCaseWithHistory(id))!.case.coHandling[0]!.askedAt)).toBe(700);
    for (let i = 0; i < 20 && !(await actions(id)).includes('co_handling_supervised'); i++) {
      await tick();
      await sleep(100);
    }
    for (let i = 0; i < 3; i++) await tick();
    // (The idle warning may come too, 3 s after the request.)
    expect((await actions(id)).filter((action) => action.startsWith('co_handling'))).toEqual(['co_handling_asked', 'co_handling_warning', 'co_handling_supervised']);
    const { case: subject } = (await getCaseWithHistory(id))!;
    expect(subject.coHandling[0]).toMatchObject({ due: null, supervisedAt: expect.any(String), opinion: null });
    // The case's own clock has not moved.
    expect(subject.due).toMatchObject({ stage: 'handling', rung: 'warning' });
    const notices = (await (await system.api('/v1/notices', { headers: bearer(await system.token('330726:civil_affairs', 'handler')) })).json()) as any;
    expect(notices.items.filter((n: { caseId: string }) => n.caseId === id).map((n: { kind: string; stage: string }) => [n.kind, n.stage]).sort()).toEqual([
      ['supervision', 'coHandling'],
      ['warning', 'coHandling'],
    ]);
  });

  it('ends a pause at the bound of paused time (scaled like every limit); the deadline moves by the bound, and the case is not paused again', async () => {
    const id = await acceptedCase();
    const deadline = (await getCaseWithHistory(id))!.case.handlingDueAt!;
    expect((await system.api(`/v1/cases/${id}/pauses`, postJson({ reason: 'awaiting_materials', note: '等待补充材料' }, await handler()))).status).toBe(200);
    const supervisor = bearer(await system.token('330726', 'supervisor'));
    expect((await system.api(`/v1/cases/${id}/pauses/1/approval`, postJson({ approve: true }, supervisor))).status).toBe(200);
    await sleep(1_100);
    await tick();
    const { case: subject, history } = (await getCaseWithHistory(id))!;
    expect(history.find((entry) => entry.action === 'pause_ended')).toMatchObject({ actor: 'system:deadlines', detail: { pausedMs: 1_000 } });
    expect(Date.parse(subject.handlingDueAt!) - Date.parse(deadline)).toBe(1_000);
    expect(subject.due).toMatchObject({ stage: 'handling' });
    const again = await system.api(`/v1/cases/${id}/pauses`, postJson({ reason: 'hearing', note: '听证' }, await handler()));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { detail: string }).detail).toContain('maxPaused');
  });
});
