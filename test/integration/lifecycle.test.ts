import { describe, expect, it } from 'vitest';
import { acceptanceSchema, decideAcceptance } from '../../functions/domain/lifecycle.ts';
import { config } from '../../functions/shared/config.ts';
import { getCase, getCaseWithHistory, saveChange } from '../../functions/store/cases.ts';
import { signStaffToken, localSigningKey } from '../../lib/local/identity.ts';
import { bearer, postJson, submission, useStaffTokens, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();
const tokens = useStaffTokens(system, {
  clerk: ['330726', 'clerk'],
  handler: ['330726:housing', 'handler'],
  citySupervisor: ['330700', 'supervisor'],
  yiwuClerk: ['330782', 'clerk'],
  yiwuAdmin: ['330782', 'admin'],
});

let phoneSeq = 13_300_000_000;

const call = (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
  system.call(method, path, { token, body, headers }).then((answer) => ({ status: answer.status, body: answer.body }));

/** Routes every case waiting for it, as the routing worker would. */
async function routeWaiting() {
  await system.consume('routing', await system.receive('routing', 10, 5));
}

/** A new online housing case in a Pujiang village, routed. */
async function routedCase(overrides: Record<string, unknown> = {}) {
  const created = await system.api('/v1/cases', postJson(submission({ petitioner: { name: '冯十一', phone: String(++phoneSeq) }, ...overrides })));
  const { id, accessCode } = (await created.json()) as { id: string; accessCode: string };
  await routeWaiting();
  return { id, accessCode };
}

describe('staff identity', () => {
  it('answers 401 to a missing, malformed, forged, expired or wrongly issued token', async () => {
    const { id } = await routedCase();
    const forger = await localSigningKey();
    const claims = { sub: 'x', unit: '330726', roles: ['admin' as const] };
    const bad = {
      none: undefined,
      malformed: 'not-a-jwt',
      forged: await signStaffToken(forger, claims),
      expired: await signStaffToken(system.signingKey, claims, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
      otherIssuer: await signStaffToken(system.signingKey, claims, { issuer: 'someone-else' }),
    };
    for (const [kind, token] of Object.entries(bad)) {
      expect({ kind, status: (await call('GET', `/v1/cases/${id}`, token)).status }).toEqual({ kind, status: 401 });
      expect({ kind, status: (await call('GET', '/v1/cases', token)).status }).toEqual({ kind, status: 401 });
    }
    // Intake checks an offered token itself: a bad one is refused, not ignored.
    expect((await system.api('/v1/cases', postJson(submission(), bear(bad.forged)))).status).toBe(401);
  });

  it('answers 401 to a valid token that names no unit or role of this system', async () => {
    const token = await signStaffToken(system.signingKey, { sub: 'x', unit: 'nowhere', roles: ['clerk'] });
    expect((await call('GET', '/v1/cases', token)).status).toBe(401);
  });
});

const bear = (token: string) => bearer(token);

describe('scope', () => {
  it('hides a case from staff of another county: 404, and an empty worklist', async () => {
    const { id } = await routedCase();
    expect((await call('GET', `/v1/cases/${id}`, tokens.clerk)).status).toBe(200);
    const other = await call('GET', `/v1/cases/${id}`, tokens.yiwuAdmin);
    expect(other.status).toBe(404);
    expect((await call('POST', `/v1/cases/${id}/acceptance`, tokens.yiwuAdmin, { decision: 'accept' })).status).toBe(404);
    const worklist = await call('GET', '/v1/cases', tokens.yiwuClerk);
    expect(worklist).toEqual({ status: 200, body: { items: [], nextCursor: null } });
  });
});

describe('a case walked through the lifecycle over HTTP', () => {
  it('is accepted, extended, replied to, rated and closed; each step in the history and the timeline', async () => {
    const { id, accessCode } = await routedCase();
    const accepted = await call('POST', `/v1/cases/${id}/acceptance`, tokens.clerk, { decision: 'accept', responsibleLeader: '王副县长' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', leadUnit: '330726:housing', responsibleLeader: '王副县长', version: 3 });
    expect(accepted.body).not.toHaveProperty('accessCodeHash');

    expect((await call('POST', `/v1/cases/${id}/reply`, tokens.clerk, { opinion: 'x' })).status).toBe(403);
    expect((await call('POST', `/v1/cases/${id}/extension`, tokens.handler, { days: 10, reason: '需现场勘查' })).status).toBe(200);
    expect((await call('POST', `/v1/cases/${id}/extension`, tokens.handler, { days: 5, reason: 'again' })).status).toBe(409);
    expect((await call('POST', `/v1/cases/${id}/reply`, tokens.handler, { opinion: '已督促物业维修屋面。' })).status).toBe(200);

    const rated = await call('POST', `/v1/cases/${id}/evaluation`, undefined, { rating: 'satisfied' }, { 'x-access-code': accessCode });
    expect(rated.status).toBe(200);
    expect(rated.body.status).toBe('closed');
    expect(rated.body.timeline.map((t: { event: string }) => t.event)).toEqual(['received', 'routed', 'accepted', 'extended', 'replied', 'evaluated']);

    const full = await call('GET', `/v1/cases/${id}`, tokens.clerk);
    expect(full.body.history.map((h: { action: string }) => h.action)).toEqual(['registered', 'routed', 'accepted', 'extended', 'replied', 'evaluated']);
    expect(full.body.history[2]).toMatchObject({ actor: 'clerk@330726', action: 'accepted' });
    expect(full.body).toMatchObject({ status: 'closed', dueAt: null, version: 6 });

    // Closed, the matter is released: the same matter raised again is a new case.
    const again = await system.api('/v1/cases', postJson(submission({ petitioner: { name: '冯十一', phone: String(phoneSeq) } })));
    expect(again.status).toBe(201);
  });

  it('goes through review and re-review to final, and refuses review after that', async () => {
    const { id, accessCode } = await routedCase({ category: 'land', regionCode: '330726101201' });
    const townshipClerk = await system.token('330726101', 'clerk');
    const townshipHandler = await system.token('330726101:land', 'handler');
    const provinceSupervisor = await system.token('330000', 'supervisor');
    const petitioner = { 'x-access-code': accessCode };
    expect((await call('POST', `/v1/cases/${id}/acceptance`, townshipClerk, { decision: 'accept' })).body.leadUnit).toBe('330726101:land');
    await call('POST', `/v1/cases/${id}/reply`, townshipHandler, { opinion: '经核实，界址清楚。' });
    expect((await call('POST', `/v1/cases/${id}/evaluation`, undefined, { rating: 'dissatisfied' }, petitioner)).body.status).toBe('replied');

    const review = await call('POST', `/v1/cases/${id}/review-request`, undefined, { reason: '界址有误' }, petitioner);
    expect(review.body).toMatchObject({ status: 'under_review', level: 'county' });
    const countySupervisor = await system.token('330726', 'supervisor');
    expect((await call('POST', `/v1/cases/${id}/review-opinion`, countySupervisor, { opinion: '维持', upheld: true })).status).toBe(200);

    const rereview = await call('POST', `/v1/cases/${id}/review-request`, undefined, { reason: '仍有异议' }, petitioner);
    expect(rereview.body).toMatchObject({ status: 'under_rereview', level: 'city' });
    expect((await call('POST', `/v1/cases/${id}/review-opinion`, provinceSupervisor, { opinion: '维持复查意见', upheld: true })).body.status).toBe('final');

    const after = await call('POST', `/v1/cases/${id}/review-request`, undefined, { reason: '再申请' }, petitioner);
    expect(after.status).toBe(409);
    expect(after.body.detail).toContain('三级终结');
  });
});

describe('concurrency', () => {
  it('saves exactly one of two changes made from the same read of a case', async () => {
    const { id } = await routedCase();
    const before = (await getCase(id))!;
    const acting = { staff: { sub: 'c', unit: '330726', roles: ['clerk' as const] }, now: new Date().toISOString(), clock: config.clock };
    const accept = decideAcceptance(before, acceptanceSchema.parse({ decision: 'accept' }), acting);
    const refuse = decideAcceptance(before, acceptanceSchema.parse({ decision: 'not_accept', reason: '重复' }), acting);
    const outcomes = await Promise.all([saveChange(before, accept), saveChange(before, refuse)]);
    expect(outcomes.sort()).toEqual(['saved', 'stale']);
    const after = await getCaseWithHistory(id);
    expect(after?.case.version).toBe(before.version + 1);
    expect(after?.history).toHaveLength(before.version + 1);
  });

  it('lets exactly one of two clerks accepting at once win; the other gets 409 and nothing is half-applied', async () => {
    const { id } = await routedCase();
    const [a, b] = await Promise.all([
      call('POST', `/v1/cases/${id}/acceptance`, tokens.clerk, { decision: 'accept' }),
      call('POST', `/v1/cases/${id}/acceptance`, tokens.clerk, { decision: 'not_accept', reason: '重复' }),
    ]);
    expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).toEqual([200, 409]);
    const full = await call('GET', `/v1/cases/${id}`, tokens.clerk);
    expect(full.body.history.map((h: { action: string }) => h.action).slice(2)).toHaveLength(1);
    expect(full.body.version).toBe(3);
  });
});

describe('worklists', () => {
  it('lists an office its subtree and a department its own cases, by status, paged', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await routedCase()).id);
    for (const id of ids.slice(0, 2)) await call('POST', `/v1/cases/${id}/acceptance`, tokens.clerk, { decision: 'accept' });

    const city = await system.token('330700', 'leader');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string; status: string }>; nextCursor: string | null } } = await call(
        'GET',
        `/v1/cases?status=accepted&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        city,
      );
      seen.push(...page.body.items.map((item) => item.id));
      expect(page.body.items.every((item) => item.status === 'accepted')).toBe(true);
      cursor = page.body.nextCursor;
    } while (cursor);
    for (const id of ids.slice(0, 2)) expect(seen).toContain(id);
    expect(seen).not.toContain(ids[2]);
    expect(new Set(seen).size).toBe(seen.length);

    const department = await call('GET', '/v1/cases', tokens.handler);
    const departmentIds = department.body.items.map((item: { id: string }) => item.id);
    expect(departmentIds).toEqual(expect.arrayContaining(ids.slice(0, 2)));
    expect(departmentIds).not.toContain(ids[2]);

    const open = await call('GET', '/v1/cases?limit=200', tokens.clerk);
    expect(open.body.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining(ids));
    expect(open.body.items[0]).toMatchObject({ id: expect.any(String), status: expect.any(String), title: expect.any(String), deadline: expect.any(String) });
  });

  it('lists only overdue cases with overdue=true', async () => {
    const overdue = await call('GET', '/v1/cases?overdue=true', tokens.clerk);
    expect(overdue.status).toBe(200);
    const now = Date.now();
    expect(overdue.body.items.every((item: { deadline: string }) => Date.parse(item.deadline) < now)).toBe(true);
  });

  it.each([
    ['an unknown status', '/v1/cases?status=lost'],
    ['a forged cursor', `/v1/cases?cursor=${Buffer.from(JSON.stringify({ s: 0, sort: '330782#x#y', id: 'y' })).toString('base64url')}`],
    ['a cursor past the statuses', `/v1/cases?cursor=${Buffer.from(JSON.stringify({ s: 9 })).toString('base64url')}`],
    ['a limit of 500', '/v1/cases?limit=500'],
  ])('refuses %s with 400', async (_, path) => {
    expect((await call('GET', path, tokens.clerk)).status).toBe(400);
  });
});

describe('staff registration through the same intake', () => {
  it.each(['letter', 'visit', 'phone', 'leader_visit'])('registers a %s case from a clerk', async (channel) => {
    const created = await call('POST', '/v1/cases', tokens.clerk, submission({ channel, petitioner: { name: '陈十二', phone: String(++phoneSeq) } }));
    expect(created.status).toBe(201);
    const full = await call('GET', `/v1/cases/${created.body.id}`, tokens.clerk);
    expect(full.body).toMatchObject({ channel, addressedTo: '330726' });
    expect(full.body.history[0]).toMatchObject({ action: 'registered', actor: 'clerk@330726' });
  });

  it('recognises a case brought to the city about a county matter as over-level', async () => {
    const cityClerk = await system.token('330700', 'clerk');
    const created = await call('POST', '/v1/cases', cityClerk, submission({ channel: 'visit', petitioner: { name: '褚十三', phone: String(++phoneSeq) } }));
    await routeWaiting();
    expect((await call('GET', `/v1/cases/${created.body.id}`, cityClerk)).body).toMatchObject({ office: '330726', overLevel: true });
  });

  it('refuses a handler (403) and a case outside the clerk\'s unit (400)', async () => {
    expect((await call('POST', '/v1/cases', tokens.handler, submission({ channel: 'letter' }))).status).toBe(403);
    const outside = await call('POST', '/v1/cases', tokens.yiwuClerk, submission({ channel: 'letter' }));
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].path).toBe('regionCode');
  });
});
