/**
 * Urging (催办) on the emulators: the petitioner presses a slow case with the
 * access code; the unit whose clock runs gets an `urge` notice, the history
 * and timeline record it, the figures count it, and a second urge within the
 * policy's interval is too soon. The handlers' clock is Date, moved by fake
 * timers instead of sleeping.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { getCaseWithHistory } from '../../functions/store/cases.ts';
import { submission, useStaffTokens, useTestSystem } from '../support/emulators.ts';

const WEEK = 7 * 86_400_000;
const system = useTestSystem();
const tokens = useStaffTokens(system, {
  clerk: ['330726', 'clerk'],
  handler: ['330726:housing', 'handler'],
  leader: ['330726', 'leader'],
});
afterEach(() => vi.useRealTimers());

const call = (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
  system.call(method, path, { token, body, headers });
const urge = (id: string, accessCode: string, body: unknown = {}) => call('POST', `/v1/cases/${id}/urge`, undefined, body, { 'x-access-code': accessCode });

let phoneSeq = 13_500_000_000;

/** A case submitted and, unless told not to, routed to the county office. */
async function submitted(routed = true): Promise<{ id: string; accessCode: string }> {
  const created = await call('POST', '/v1/cases', undefined, submission({ petitioner: { name: '陈十八', phone: String(++phoneSeq) } }));
  expect(created.status).toBe(201);
  if (routed) await system.consume('routing', await system.receive('routing', 10, 5));
  return created.body;
}

/** The urge notices sent to the notifier about a case (the others are delivered too). */
async function urgeNotices(id: string) {
  const messages = await system.receive('notification', 100, 1);
  await system.consume('notification', messages);
  return messages.map((m) => JSON.parse(m.Body ?? '{}').notice).filter((notice) => notice.caseId === id && notice.kind === 'urge');
}

const actions = async (id: string) => (await getCaseWithHistory(id))!.history.sort((a, b) => a.version - b.version).map((h) => h.action);

describe('POST /v1/cases/{id}/urge', () => {
  it('records the urge, tells the office whose clock runs, shows it in the timeline and counts it', async () => {
    const { id, accessCode } = await submitted();
    const urged = await urge(id, accessCode, { note: '一个多月无人联系' });
    expect(urged.status).toBe(200);
    expect(urged.body).toEqual({ urgedAt: expect.any(String), nextAllowedAt: new Date(Date.parse(urged.body.urgedAt) + WEEK).toISOString() });

    const found = (await getCaseWithHistory(id))!;
    expect(found.case).toMatchObject({ urgeCount: 1, lastUrgedAt: urged.body.urgedAt });
    expect(found.history.at(-1)).toMatchObject({ actor: 'petitioner', action: 'urged', detail: { stage: 'acceptance', unit: '330726', note: '一个多月无人联系' } });

    const [notice, ...others] = await urgeNotices(id);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ kind: 'urge', stage: 'acceptance', to: [{ unit: '330726', role: 'clerk' }], at: urged.body.urgedAt });
    const listed = await call('GET', '/v1/notices?limit=200', tokens.clerk);
    expect(listed.body.items.filter((n: { caseId: string; kind: string }) => n.caseId === id && n.kind === 'urge')).toHaveLength(1);

    const progress = await call('GET', `/v1/cases/${id}/progress`, undefined, undefined, { 'x-access-code': accessCode });
    expect(progress.body.timeline.map((t: { event: string }) => t.event)).toEqual(['received', 'routed', 'urged']);
    // The note is for staff; the petitioner's timeline says what happened.
    expect(JSON.stringify(progress.body)).not.toContain('一个多月无人联系');

    const today = chinaDay(new Date().toISOString());
    const stats = await call('GET', `/v1/stats?regionCode=330726&from=${today}&to=${today}`, tokens.leader);
    expect(stats.body.urges).toBeGreaterThanOrEqual(1);
    const hotspots = await call('GET', `/v1/hotspots?parentCode=330726&from=${today}&to=${today}&limit=50`, tokens.leader);
    expect(hotspots.body.items.find((h: { code: string }) => h.code === '330726001')?.urges).toBeGreaterThanOrEqual(1);
  });

  it('tells the lead unit once it has accepted the case', async () => {
    const { id, accessCode } = await submitted();
    await call('POST', `/v1/cases/${id}/acceptance`, tokens.clerk, { decision: 'accept' });
    expect((await urge(id, accessCode)).status).toBe(200);
    expect(await urgeNotices(id)).toEqual([expect.objectContaining({ stage: 'handling', to: [{ unit: '330726:housing', role: 'handler' }] })]);
  });

  it('answers an urge within the interval with 429 and Retry-After, and changes nothing; after it, urges again', async () => {
    const { id, accessCode } = await submitted();
    const first = await urge(id, accessCode);
    const before = await getCaseWithHistory(id);
    const again = await urge(id, accessCode);
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ type: '/v1/problems/too-many-requests', status: 429, detail: expect.stringContaining(first.body.nextAllowedAt) });
    const retryAfter = Number(again.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(WEEK / 1000 - 60);
    expect(retryAfter).toBeLessThanOrEqual(WEEK / 1000);
    expect(await getCaseWithHistory(id)).toEqual(before);

    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.parse(first.body.nextAllowedAt) + 1000);
    const later = await urge(id, accessCode);
    expect(later.status).toBe(200);
    expect(await actions(id)).toEqual(['registered', 'routed', 'urged', 'urged']);
  });

  it('records one of two urges at once; the other is too soon', async () => {
    const { id, accessCode } = await submitted();
    const answers = await Promise.all(Array.from({ length: 4 }, () => urge(id, accessCode)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 429, 429, 429]);
    expect(await actions(id)).toEqual(['registered', 'routed', 'urged']);
    expect(await urgeNotices(id)).toHaveLength(1);
  });

  it('refuses with 409 when no unit handles the case: still being routed, answered, or finished', async () => {
    const unrouted = await submitted(false);
    const routing = await urge(unrouted.id, unrouted.accessCode);
    expect(routing.status).toBe(409);
    expect(routing.body.detail).toContain('routed');
    await system.consume('routing', await system.receive('routing', 10, 5));

    const { id, accessCode } = await submitted();
    await call('POST', `/v1/cases/${id}/acceptance`, tokens.clerk, { decision: 'accept' });
    await call('POST', `/v1/cases/${id}/reply`, tokens.handler, { opinion: '已督促物业维修屋面。' });
    const replied = await urge(id, accessCode);
    expect(replied.status).toBe(409);
    expect(replied.body.detail).toContain('answered');

    await call('POST', `/v1/cases/${id}/evaluation`, undefined, { rating: 'satisfied' }, { 'x-access-code': accessCode });
    const closed = await urge(id, accessCode);
    expect(closed.status).toBe(409);
    expect(closed.body.detail).toContain('finished');
    expect(await actions(id)).not.toContain('urged');
  });

  it('refuses a wrong or missing access code and bad input, changing nothing', async () => {
    const { id, accessCode } = await submitted();
    expect((await urge(id, 'AAAA-BBBB-CCCC')).status).toBe(404);
    expect((await call('POST', `/v1/cases/${id}/urge`, undefined, {})).status).toBe(401);
    const unknownField = await urge(id, accessCode, { note: '快点', urgent: true });
    expect(unknownField.status).toBe(400);
    const tooLong = await urge(id, accessCode, { note: '催'.repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors.map((e: { path: string }) => e.path)).toContain('note');
    expect(await actions(id)).toEqual(['registered', 'routed']);
  });
});
