/**
 * Progress notes, the idle warning and pauses (中止), on the emulators, with
 * the units' steps on. The handlers' clock is Date, moved by fake timers
 * instead of sleeping; tokens are issued again after a move (they are checked
 * against the clock too).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { sweep } from '../../functions/services/sweep.ts';
import { getCaseWithHistory } from '../../functions/store/cases.ts';
import type { Role } from '../../functions/domain/staff.ts';
import { submission, useTestSystem } from '../support/emulators.ts';

const DAY = 86_400_000;
// A handling limit well inside the bound of paused time (maxPaused, 60 days): a pause may outlast the deadline.
const system = useTestSystem({ POLICY: JSON.stringify({ signForReceipt: true, approveExtensions: false, replySignOff: false, handling: 'P20D', phoneVerification: false }) });
afterEach(() => vi.useRealTimers());

const token = (unit: string, role: Role) => system.token(unit, role);
const call = async (method: string, path: string, who: [string, Role] | undefined, body?: unknown, headers: Record<string, string> = {}) =>
  system.call(method, path, { token: who && (await token(...who)), body, headers });
const handler: [string, Role] = ['330726:housing', 'handler'];
const supervisor: [string, Role] = ['330726', 'supervisor'];

let phoneSeq = 13_400_000_000;

/** A case routed, accepted by the county office and signed for by housing. */
async function signedCase(): Promise<{ id: string; accessCode: string }> {
  const created = await call('POST', '/v1/cases', undefined, submission({ petitioner: { name: '韩十七', phone: String(++phoneSeq) } }));
  await system.consume('routing', await system.receive('routing', 10, 5));
  expect((await call('POST', `/v1/cases/${created.body.id}/acceptance`, ['330726', 'clerk'], { decision: 'accept' })).status).toBe(200);
  expect((await call('POST', `/v1/cases/${created.body.id}/receipt`, handler, { decision: 'sign' })).status).toBe(200);
  return created.body;
}

const stored = async (id: string) => (await getCaseWithHistory(id))!;
const actions = async (id: string) => (await stored(id)).history.sort((a, b) => a.version - b.version).map((h) => h.action);
const timeline = async (id: string, accessCode: string) =>
  (await call('GET', `/v1/cases/${id}/progress`, undefined, undefined, { 'x-access-code': accessCode })).body.timeline as Array<{ event: string; note: string }>;

describe('progress notes', () => {
  it('are in the history, and in the timeline only when visible; a note restarts the idle clock', async () => {
    const { id, accessCode } = await signedCase();
    const before = (await stored(id)).case.idleAt!;
    expect(Date.parse(before)).toBeGreaterThan(Date.now() + 9 * DAY);
    await call('POST', `/v1/cases/${id}/progress-notes`, handler, { note: '内部研判', visibleToPetitioner: false });
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + 2 * DAY);
    const noted = await call('POST', `/v1/cases/${id}/progress-notes`, handler, { note: '已约物业现场查看', visibleToPetitioner: true });
    expect(noted.status).toBe(200);
    expect(Date.parse(noted.body.idleAt) - Date.parse(before)).toBeGreaterThanOrEqual(2 * DAY - 60_000);
    const { history } = await stored(id);
    expect(history.filter((entry) => entry.action === 'progress_noted').map((entry) => entry.detail)).toEqual([
      { note: '内部研判', visibleToPetitioner: false },
      { note: '已约物业现场查看', visibleToPetitioner: true },
    ]);
    expect((await timeline(id, accessCode)).filter((t) => t.event === 'progress')).toEqual([expect.objectContaining({ note: '办理进展：已约物业现场查看' })]);
  });

  it('are refused to another unit (404: not in its scope), to the office (403), before the signature and after the reply (409), and without a body (400)', async () => {
    const { id } = await signedCase();
    const note = { note: '进展', visibleToPetitioner: false };
    expect((await call('POST', `/v1/cases/${id}/progress-notes`, ['330726:land', 'handler'], note)).status).toBe(404);
    expect((await call('POST', `/v1/cases/${id}/progress-notes`, supervisor, note)).status).toBe(403);
    expect((await call('POST', `/v1/cases/${id}/progress-notes`, handler, { note: '进展' })).status).toBe(400);
    await call('POST', `/v1/cases/${id}/reply`, handler, { opinion: '已处理' });
    const late = await call('POST', `/v1/cases/${id}/progress-notes`, handler, note);
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('replied');
  });
});

describe('the idle warning', () => {
  it('comes through the due index after half the handling limit with nothing done, to the lead unit, once; stats count it', async () => {
    const { id } = await signedCase();
    const { case: subject } = await stored(id);
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.parse(subject.idleAt!) + 60_000);
    await sweep();
    await system.deliverDeadlines(2);
    const after = await stored(id);
    expect(after.history.filter((entry) => entry.action === 'idle_warning')).toHaveLength(1);
    expect(after.case).toMatchObject({ idleAt: null, idleWarnings: 1, due: subject.due });
    const notices = await call('GET', '/v1/notices', handler);
    expect(notices.body.items.filter((n: { caseId: string }) => n.caseId === id)).toEqual([expect.objectContaining({ kind: 'idle', stage: 'idle' })]);
    // Nothing more is due for it: a second sweep sends nothing of it.
    await sweep();
    await system.deliverDeadlines(1);
    expect((await actions(id)).filter((action) => action === 'idle_warning')).toHaveLength(1);
    const day = chinaDay(subject.receivedAt);
    const stats = await call('GET', `/v1/stats?regionCode=330726&from=${day}&to=${day}`, ['330726', 'leader']);
    expect(stats.body.idle).toBeGreaterThanOrEqual(1);
  });
});

describe('pauses', () => {
  async function pausedCase() {
    const created = await signedCase();
    const requested = await call('POST', `/v1/cases/${created.id}/pauses`, handler, { reason: 'hearing', note: '定于下月组织听证' });
    expect(requested.status).toBe(200);
    expect(requested.body.pauses).toEqual([expect.objectContaining({ id: '1', status: 'pending', reason: 'hearing' })]);
    const approved = await call('POST', `/v1/cases/${created.id}/pauses/1/approval`, supervisor, { approve: true });
    expect(approved.status).toBe(200);
    expect(approved.body.pauses[0]).toMatchObject({ status: 'running' });
    return { ...created, dueAt: approved.body.handlingDueAt as string };
  }

  it('stop the clock and the ladder; at the end the deadline moves by the paused time and the petitioner is told of both ends', async () => {
    const { id, accessCode, dueAt } = await pausedCase();
    expect((await stored(id)).case.idleAt).toBeNull();
    // Long past the deadline the case had: no rung fires, nothing is due.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.parse(dueAt) + 2 * DAY);
    await sweep();
    await system.deliverDeadlines(1);
    expect(await actions(id)).toEqual(['registered', 'routed', 'accepted', 'signed', 'pause_requested', 'paused']);

    const ended = await call('POST', `/v1/cases/${id}/pauses/1/end`, handler, { note: '听证已举行' });
    expect(ended.status).toBe(200);
    const pausedMs = ended.body.pauses[0].pausedMs as number;
    expect(pausedMs).toBeGreaterThan(20 * DAY);
    expect(Date.parse(ended.body.handlingDueAt) - Date.parse(dueAt)).toBe(pausedMs);
    expect(ended.body.idleAt).not.toBeNull();
    expect((await timeline(id, accessCode)).map((t) => t.event)).toEqual(['received', 'routed', 'accepted', 'signed', 'paused', 'resumed']);
    const day = chinaDay((await stored(id)).case.receivedAt);
    const stats = await call('GET', `/v1/stats?regionCode=330726&from=${day}&to=${day}`, ['330726', 'leader']);
    expect(stats.body.paused).toBeGreaterThanOrEqual(1);
  });

  it('refuse acting out of turn with 409 and change nothing', async () => {
    const { id } = await signedCase();
    await call('POST', `/v1/cases/${id}/pauses`, handler, { reason: 'appraisal', note: '委托鉴定' });
    const two = await call('POST', `/v1/cases/${id}/pauses`, handler, { reason: 'other', note: '另一中止' });
    expect(two.status).toBe(409);
    expect(two.body.detail).toContain('one pause at a time');
    const early = await call('POST', `/v1/cases/${id}/pauses/1/end`, handler, {});
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('has not started');
    await call('POST', `/v1/cases/${id}/pauses/1/approval`, supervisor, { approve: true });
    const twice = await call('POST', `/v1/cases/${id}/pauses/1/approval`, supervisor, { approve: true });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('decided already');
    expect(await actions(id)).toEqual(['registered', 'routed', 'accepted', 'signed', 'pause_requested', 'paused']);

    const replied = await signedCase();
    await call('POST', `/v1/cases/${replied.id}/reply`, handler, { opinion: '已处理' });
    const closed = await call('POST', `/v1/cases/${replied.id}/pauses`, handler, { reason: 'hearing', note: 'x' });
    expect(closed.status).toBe(409);
    expect(closed.body.detail).toContain('replied');
  });

  it('refuse the wrong unit or role: 404 out of scope, 403 in it, 404 for a pause that does not exist', async () => {
    const { id } = await signedCase();
    expect((await call('POST', `/v1/cases/${id}/pauses`, ['330726:land', 'handler'], { reason: 'hearing', note: 'x' })).status).toBe(404);
    expect((await call('POST', `/v1/cases/${id}/pauses`, ['330726:housing', 'clerk'], { reason: 'hearing', note: 'x' })).status).toBe(403);
    await call('POST', `/v1/cases/${id}/pauses`, handler, { reason: 'hearing', note: 'x' });
    expect((await call('POST', `/v1/cases/${id}/pauses/1/approval`, ['330726:housing', 'leader'], { approve: true })).status).toBe(403);
    expect((await call('POST', `/v1/cases/${id}/pauses/1/approval`, ['330726', 'clerk'], { approve: true })).status).toBe(403);
    expect((await call('POST', `/v1/cases/${id}/pauses/1/approval`, ['330782', 'supervisor'], { approve: true })).status).toBe(404);
    expect((await call('POST', `/v1/cases/${id}/pauses/9/approval`, supervisor, { approve: true })).status).toBe(404);
    expect((await call('POST', `/v1/cases/${id}/pauses/1/approval`, supervisor, { approve: 'yes' })).status).toBe(400);
  });

  it('let one of two staff ending a pause at once win; the other gets 409', async () => {
    const { id } = await pausedCase();
    const answers = await Promise.all([
      call('POST', `/v1/cases/${id}/pauses/1/end`, handler, {}),
      call('POST', `/v1/cases/${id}/pauses/1/end`, ['330726', 'clerk'], {}),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await actions(id)).filter((action) => action === 'pause_ended')).toHaveLength(1);
  });
});
