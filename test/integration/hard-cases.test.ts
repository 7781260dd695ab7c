/**
 * Hard cases (包案) on the emulators: the candidates (long open or escalated
 * twice), ownership by a leader of the office or above, the responsibility
 * list with whether each target is kept, a repeat told to the owner, and
 * the stats' count. The handlers' clock is Date, moved by fake timers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { next } from '../../functions/domain/case.ts';
import type { Role } from '../../functions/domain/staff.ts';
import { parseNotice } from '../../functions/queues/notices.ts';
import { getCase, getCaseWithHistory, putCases, saveChange } from '../../functions/store/cases.ts';
import { submission, useTestSystem } from '../support/emulators.ts';

const DAY = 86_400_000;
// The regulation's policy: hardCaseAfter is 90 days.
const system = useTestSystem({ POLICY: JSON.stringify({ phoneVerification: false, signForReceipt: false, approveExtensions: false, replySignOff: false }) });
afterEach(() => vi.useRealTimers());

// Tokens are checked against the clock: each is issued at the (maybe moved) time of the call.
const as = (unit: string, role: Role) => system.token(unit, role);
const call = async (method: string, path: string, who?: [string, Role], body?: unknown) =>
  system.call(method, path, { token: who && (await as(...who)), body });

const COUNTY_LEADER: [string, Role] = ['330726', 'leader'];
const PLAN = { leader: { name: '李明', title: '副县长' }, plan: '约谈物业，督促屋面维修，每周回访', targetDate: '' };

let phoneSeq = 13_500_000_000;

/** A case submitted, routed and accepted by the county office, led by housing; with its petitioner's submission. */
async function acceptedCase(): Promise<{ id: string; accessCode: string; submitted: Record<string, unknown> }> {
  const submitted = submission({ petitioner: { name: '蒋十七', phone: String(++phoneSeq) } });
  const created = await call('POST', '/v1/cases', undefined, submitted);
  await system.consume('routing', await system.receive('routing', 10, 5));
  expect((await call('POST', `/v1/cases/${created.body.id}/acceptance`, ['330726', 'clerk'], { decision: 'accept' })).body.status).toBe('accepted');
  return { ...created.body, submitted };
}

/** Moves the handlers' clock `days` on from now. */
function daysLater(days: number): string {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(Date.now() + days * DAY);
  return new Date().toISOString();
}

/** The whole list, page by page. */
async function allPages(path: string, who: [string, Role]): Promise<Array<Record<string, any>>> {
  const items: Array<Record<string, any>> = [];
  let cursor: string | null = null;
  do {
    const page = await call('GET', `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, who);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe('candidates', () => {
  it('are the open cases older than hardCaseAfter, or escalated twice, of the unit: found page by page', async () => {
    const old = await acceptedCase();
    const young = await acceptedCase();
    const stored = (await getCase(young.id))!;
    // Escalated twice by the ladder (deadlines.test.ts climbs it): here written as the ladder writes it.
    expect(await saveChange(stored, next(stored, { escalationCount: 2 }, { at: new Date().toISOString(), actor: 'system:deadlines', action: 'escalated', detail: {} }))).toBe('saved');
    const plain = await acceptedCase();

    const now = await allPages('/v1/hard-cases?candidates=true&limit=1', COUNTY_LEADER);
    expect(now.map((item) => item.id)).toContain(young.id);
    expect(now.map((item) => item.id)).not.toContain(old.id);
    expect(now.find((item) => item.id === young.id)).toMatchObject({ escalationCount: 2, daysOpen: 0, leadUnit: '330726:housing', owner: null, targetDate: null });

    daysLater(91);
    const later = (await allPages('/v1/hard-cases?candidates=true&limit=2', COUNTY_LEADER)).map((item) => item.id);
    expect(later).toEqual(expect.arrayContaining([old.id, young.id, plain.id]));
    expect(new Set(later).size).toBe(later.length);
    // Scoped like the worklist: the lead unit sees its own, another unit nothing of them; the office may look at a department's.
    expect((await allPages('/v1/hard-cases?candidates=true', ['330726:housing', 'handler'])).map((item) => item.id)).toContain(old.id);
    expect((await allPages('/v1/hard-cases?candidates=true', ['330726:land', 'handler'])).map((item) => item.id)).not.toContain(old.id);
    expect((await allPages('/v1/hard-cases?candidates=true&unit=330726:housing', COUNTY_LEADER)).map((item) => item.id)).toContain(old.id);
    expect((await allPages('/v1/hard-cases?candidates=true&unit=330700', ['330700', 'supervisor'])).map((item) => item.id)).toContain(old.id);
  });

  it('reads a page longer than one batch read (100 cases)', async () => {
    const stored = (await getCase((await acceptedCase()).id))!;
    await putCases(Array.from({ length: 120 }, (_, i) => ({ ...stored, id: `${stored.id.slice(0, -4)}${String(i).padStart(4, '0')}` })));
    daysLater(91);
    const page = await call('GET', '/v1/hard-cases?candidates=true&limit=200', COUNTY_LEADER);
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeGreaterThan(120);
  });

  it('refuses a unit outside the scope (404), bad input (400), and a cursor of another list (400)', async () => {
    expect((await call('GET', '/v1/hard-cases?candidates=true&unit=330782', COUNTY_LEADER)).status).toBe(404);
    expect((await call('GET', '/v1/hard-cases?candidates=true&unit=330726', ['330726:housing', 'handler'])).status).toBe(404);
    expect((await call('GET', '/v1/hard-cases?candidates=true&unit=330726:land', ['330726:housing', 'leader'])).status).toBe(404);
    expect((await call('GET', '/v1/hard-cases?candidates=maybe', COUNTY_LEADER)).status).toBe(400);
    expect((await call('GET', '/v1/hard-cases?unit=not-a-unit', COUNTY_LEADER)).status).toBe(400);
    await acceptedCase();
    await acceptedCase();
    const worklist = await call('GET', '/v1/cases?limit=1', COUNTY_LEADER);
    expect(worklist.body.nextCursor).not.toBeNull();
    const foreign = await call('GET', `/v1/hard-cases?candidates=true&cursor=${encodeURIComponent(worklist.body.nextCursor)}`, COUNTY_LEADER);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });
});

describe('ownership and the responsibility list', () => {
  it('a leader of the office names the owner; the list shows plan, target, progress and whether it is kept; the stats count it while open', async () => {
    const { id, accessCode } = await acceptedCase();
    const received = chinaDay(new Date().toISOString());
    const notYet = await call('POST', `/v1/cases/${id}/ownership`, COUNTY_LEADER, { ...PLAN, targetDate: chinaDay(new Date(Date.now() + 30 * DAY).toISOString()) });
    expect(notYet.status).toBe(409);
    expect(notYet.body.detail).toContain('not a hard case');

    const now = daysLater(91);
    const today = chinaDay(now);
    const target = chinaDay(new Date(Date.parse(now) + 30 * DAY).toISOString());
    const body = { ...PLAN, targetDate: target };
    expect((await call('POST', `/v1/cases/${id}/ownership`, ['330726', 'clerk'], body)).status).toBe(403);
    expect((await call('POST', `/v1/cases/${id}/ownership`, ['330726:housing', 'leader'], body)).status).toBe(403);
    expect((await call('POST', `/v1/cases/${id}/ownership`, ['330782', 'leader'], body)).status).toBe(404);
    expect((await call('POST', `/v1/cases/${id}/ownership`, COUNTY_LEADER, { ...body, targetDate: '2020-01-01' })).status).toBe(400);
    expect((await call('POST', `/v1/cases/${id}/ownership`, COUNTY_LEADER, { ...body, targetDate: '2027-02-30' })).status).toBe(400);
    expect((await call('POST', `/v1/cases/${id}/ownership`, COUNTY_LEADER, { plan: 'p', targetDate: target })).status).toBe(400);
    expect((await getCase(id))!.ownership).toBeNull();

    const statsBefore = (await call('GET', `/v1/stats?regionCode=330726&from=${received}&to=${today}`, COUNTY_LEADER)).body.hardCases;
    const owned = await call('POST', `/v1/cases/${id}/ownership`, COUNTY_LEADER, body);
    expect(owned.status).toBe(200);
    expect(owned.body.ownership).toMatchObject({ leader: PLAN.leader, plan: PLAN.plan, targetDate: target, unit: '330726', by: 'leader@330726', finishedAt: null });
    expect((await call('POST', `/v1/cases/${id}/ownership`, COUNTY_LEADER, body)).status).toBe(409);
    const statsOwned = (await call('GET', `/v1/stats?regionCode=330726&from=${received}&to=${today}`, COUNTY_LEADER)).body.hardCases;
    expect(statsOwned).toBe(statsBefore + 1);

    const listed = (await allPages('/v1/hard-cases?limit=1', COUNTY_LEADER)).find((item) => item.id === id);
    expect(listed).toMatchObject({ owner: PLAN.leader, plan: PLAN.plan, targetDate: target, target: 'open', status: 'accepted', finishedAt: null });
    expect(listed!.progress[0]).toMatchObject({ action: 'owned', actor: 'leader@330726' });
    // The lead unit's list has it; another department's does not.
    expect((await allPages('/v1/hard-cases?', ['330726:housing', 'handler'])).map((item) => item.id)).toContain(id);
    expect((await allPages('/v1/hard-cases?', ['330726:land', 'handler'])).map((item) => item.id)).not.toContain(id);

    // Replied and rated satisfied before the target: kept, and no longer counted as open.
    await call('POST', `/v1/cases/${id}/reply`, ['330726:housing', 'handler'], { opinion: '已维修屋面' });
    await system.call('POST', `/v1/cases/${id}/evaluation`, { body: { rating: 'satisfied' }, headers: { 'x-access-code': accessCode } });
    const kept = (await allPages('/v1/hard-cases?', COUNTY_LEADER)).find((item) => item.id === id);
    expect(kept).toMatchObject({ status: 'closed', target: 'kept' });
    expect(kept!.progress.map((p: { action: string }) => p.action)).toEqual(['replied', 'owned', 'accepted']);
    expect((await call('GET', `/v1/stats?regionCode=330726&from=${received}&to=${today}`, COUNTY_LEADER)).body.hardCases).toBe(statsBefore);
    expect((await call('POST', `/v1/cases/${id}/ownership`, COUNTY_LEADER, { ...body, plan: '再约谈' })).status).toBe(409);
    const timeline = await system.call('GET', `/v1/cases/${id}/progress`, { headers: { 'x-access-code': accessCode } });
    expect(timeline.body.timeline.map((t: { event: string }) => t.event)).toContain('owned');
  });

  it('a second naming replaces the first with history; a target passed while open is missed', async () => {
    const { id } = await acceptedCase();
    const now = daysLater(91);
    const tomorrow = chinaDay(new Date(Date.parse(now) + DAY).toISOString());
    await call('POST', `/v1/cases/${id}/ownership`, COUNTY_LEADER, { ...PLAN, targetDate: tomorrow });
    const city = await call('POST', `/v1/cases/${id}/ownership`, ['330700', 'leader'], { ...PLAN, leader: { name: '王强', title: '副市长' }, targetDate: tomorrow });
    expect(city.status).toBe(200);
    expect(city.body.ownership).toMatchObject({ leader: { name: '王强' }, unit: '330700' });
    const { history } = (await getCaseWithHistory(id))!;
    expect(history.find((entry) => entry.action === 'ownership_replaced')?.detail).toMatchObject({ previous: { leader: PLAN.leader, targetDate: tomorrow } });

    daysLater(3);
    const missed = (await allPages('/v1/hard-cases?', ['330700', 'leader'])).find((item) => item.id === id);
    expect(missed).toMatchObject({ owner: { name: '王强', title: '副市长' }, target: 'missed', status: 'accepted' });
  });

  // Namings that do not overlap both stand (the second replaces the first); namings that
  // read the same version race on the conditional write and the loser gets 409. Either
  // way no naming is lost: each 200 has its own history entry, and the case holds the last.
  it('loses no naming of two leaders at once: each 200 is in the history, a 409 changed nothing', async () => {
    const { id } = await acceptedCase();
    const now = daysLater(91);
    const target = chinaDay(new Date(Date.parse(now) + 10 * DAY).toISOString());
    const namings: Array<[[string, Role], typeof PLAN]> = [
      [COUNTY_LEADER, { ...PLAN, targetDate: target }],
      [['330700', 'leader'], { ...PLAN, leader: { name: '王强', title: '副市长' }, targetDate: target }],
    ];
    const answers = await Promise.all(namings.map(([who, body]) => call('POST', `/v1/cases/${id}/ownership`, who, body)));
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    const won = answers.filter((a) => a.status === 200);
    expect(won.length).toBeGreaterThanOrEqual(1);
    const { case: owned, history } = (await getCaseWithHistory(id))!;
    const namingEntries = history.filter((entry) => entry.action === 'owned' || entry.action === 'ownership_replaced');
    expect(namingEntries.map((entry) => entry.action)).toEqual(won.length === 1 ? ['owned'] : ['owned', 'ownership_replaced']);
    const last = namingEntries.at(-1)!.detail as { leader: unknown };
    expect(owned.ownership?.leader).toEqual(last.leader);
    if (won.length === 2) expect((namingEntries[1]!.detail as { previous: { leader: unknown } }).previous.leader).toEqual((namingEntries[0]!.detail as { leader: unknown }).leader);
  });
});

describe('a repeat on an owned matter', () => {
  it("goes to its owner: a notice to the owner's unit naming the owner", async () => {
    const { id, submitted } = await acceptedCase();
    const now = daysLater(91);
    await call('POST', `/v1/cases/${id}/ownership`, COUNTY_LEADER, { ...PLAN, targetDate: chinaDay(new Date(Date.parse(now) + 30 * DAY).toISOString()) });
    // Drain what the earlier steps sent, then repeat.
    await system.receive('notification', 100, 0);
    // Brought by a clerk (a letter): an unproven caller's repeat would be a case of its own.
    const repeat = await call('POST', '/v1/cases', ['330726', 'clerk'], { ...submitted, channel: 'letter' });
    expect(repeat.body).toEqual({ id, repeat: true, status: 'accepted' });

    const messages = await system.receive('notification', 10, 5);
    const notices = messages.map((message) => parseNotice(message.Body!)).filter((notice) => notice.caseId === id);
    expect(notices).toEqual([expect.objectContaining({ kind: 'repeat', stage: 'handling', to: [{ unit: '330726', role: 'leader' }], owner: PLAN.leader })]);
    await system.consume('notification', messages);
    const received = await call('GET', '/v1/notices', COUNTY_LEADER);
    expect(received.body.items.find((notice: { caseId: string }) => notice.caseId === id)).toMatchObject({ kind: 'repeat', owner: PLAN.leader });
  });
});
