/**
 * Leaders' visits and hotspots on the emulators, with the clock compressed
 * (TIME_SCALE=864000: a policy day is 0.1 s, the 3-day notice 0.3 s).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { DEMO_REGIONS } from '../../functions/reference/demo.ts';
import { sweep } from '../../functions/services/sweep.ts';
import { bearer, postJson, submission, useTestSystem } from '../support/emulators.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const system = useTestSystem({ TIME_SCALE: '864000' });
let leader: string;
beforeAll(async () => {
  leader = await system.token('330726', 'leader');
});

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  system.call(method, path, { body, headers }).then((answer) => ({ status: answer.status, body: answer.body }));

const visitBody = (startsAt: string) => ({
  leader: { name: '王明', title: '县委书记' },
  regionCode: '330726',
  startsAt,
  venue: '浦江县信访局接待大厅',
  departments: ['330726:housing', '330726:land'],
});

const reception = (outcome: string, extra: Record<string, unknown> = {}) => ({
  persons: 2,
  petitioner: { name: '李四', phone: '13900001111' },
  category: 'housing',
  title: '安置房墙体开裂',
  content: '安置房墙体开裂，多次反映未果',
  regionCode: '330726001001',
  outcome,
  ...(outcome === 'assigned' ? { leadUnit: '330726:housing', responsibleLeader: '王副县长' } : { resolution: '当场协调物业维修' }),
  ...extra,
});

describe('a visit day', () => {
  it('is announced to the public, takes the three outcomes, counts them, and follows the assigned matters', async () => {
    // Two seconds ahead: well past the 0.3 s notice, with time to be refused before it starts, however slow the machine.
    const startsAt = inMs(2_000);
    const announced = await call('POST', '/v1/visits', visitBody(startsAt), bearer(leader));
    expect(announced.status).toBe(201);
    const visitId = announced.body.id as string;
    expect(announced.body).not.toHaveProperty('announcedBy');

    const listed = await call('GET', `/v1/visits?regionCode=330726001&from=${inMs(-60_000)}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((v: { id: string }) => v.id)).not.toContain(visitId);
    const county = await call('GET', `/v1/visits?regionCode=330726&from=${inMs(-60_000)}`);
    expect(county.body.items).toContainEqual(expect.objectContaining({ id: visitId, status: 'announced', leader: { name: '王明', title: '县委书记' } }));

    expect((await call('POST', `/v1/visits/${visitId}/receptions`, reception('assigned'), bearer(leader))).status).toBe(409);
    await sleep(Date.parse(startsAt) - Date.now() + 50);

    const outcomes = [
      await call('POST', `/v1/visits/${visitId}/receptions`, reception('resolved_on_spot'), bearer(leader)),
      await call('POST', `/v1/visits/${visitId}/receptions`, reception('assigned', { persons: 6 }), { ...bearer(leader), 'idempotency-key': `assigned-${visitId}` }),
      await call('POST', `/v1/visits/${visitId}/receptions`, reception('determined', { category: 'land', regionCode: '330726101201' }), bearer(leader)),
    ];
    expect(outcomes.map((o) => [o.status, o.body.status])).toEqual([
      [201, 'closed'],
      [201, 'accepted'],
      [201, 'replied'],
    ]);
    // A retry of the assigned reception: the first answer, no second case.
    const retry = await call('POST', `/v1/visits/${visitId}/receptions`, reception('assigned', { persons: 6 }), { ...bearer(leader), 'idempotency-key': `assigned-${visitId}` });
    expect(retry.body).toEqual(outcomes[1]!.body);

    const assigned = outcomes[1]!.body as { id: string };
    const full = await call('GET', `/v1/cases/${assigned.id}`, undefined, bearer(leader));
    expect(full.body).toMatchObject({ channel: 'leader_visit', collective: true, visit: { id: visitId, outcome: 'assigned' }, leadUnit: '330726:housing' });
    const worklist = await call('GET', '/v1/cases?status=accepted', undefined, bearer(await system.token('330726:housing', 'handler')));
    expect(worklist.body.items.map((i: { id: string }) => i.id)).toContain(assigned.id);

    const resolved = outcomes[0]!.body as { id: string; accessCode: string };
    const rated = await call('POST', `/v1/cases/${resolved.id}/evaluation`, { rating: 'satisfied' }, { 'x-access-code': resolved.accessCode });
    expect(rated).toMatchObject({ status: 200, body: { status: 'closed' } });

    expect((await call('GET', `/v1/visits/${visitId}/summary`, undefined, bearer(leader))).body).toEqual({
      visitId,
      batches: 3,
      persons: 10,
      resolvedOnSpot: 1,
      assigned: 1,
      determined: 1,
      assignedClosed: 0,
      assignedOnTime: 0,
      assignedOverdue: 0,
      // Announced without a capacity: no bookings (test/integration/bookings.test.ts).
      booked: 0,
      noShow: 0,
    });

    // Nobody answers the assigned matter: 60 policy days (6 s) later it is overdue, and the visit's leader hears of its escalation.
    for (let i = 0; i < 80; i++) {
      await sweep();
      await system.deliverDeadlines(0.1);
      const summary = (await call('GET', `/v1/visits/${visitId}/summary`, undefined, bearer(leader))).body;
      const heard = (await call('GET', '/v1/notices', undefined, bearer(leader))).body.items;
      if (summary.assignedOverdue === 1 && heard.some((n: { caseId: string; kind: string }) => n.caseId === assigned.id && n.kind === 'escalation')) break;
      await sleep(150);
    }
    expect((await call('GET', `/v1/visits/${visitId}/summary`, undefined, bearer(leader))).body.assignedOverdue).toBe(1);
    const heard = (await call('GET', '/v1/notices', undefined, bearer(leader))).body.items;
    expect(heard).toContainEqual(expect.objectContaining({ caseId: assigned.id, kind: 'escalation', roles: expect.arrayContaining(['leader']) }));
  }, 60_000);

  it('is refused when announced less than the notice period ahead, and can be rescheduled or cancelled before it starts', async () => {
    const tooSoon = await call('POST', '/v1/visits', visitBody(inMs(100)), bearer(leader));
    expect(tooSoon.status).toBe(400);
    expect(tooSoon.body.errors[0].path).toBe('startsAt');
    expect((await call('POST', '/v1/visits', visitBody(inMs(5_000)), bearer(await system.token('330726:housing', 'handler')))).status).toBe(403);

    const { body: visit } = await call('POST', '/v1/visits', visitBody(inMs(5_000)), bearer(leader));
    const moved = await call('POST', `/v1/visits/${visit.id}/reschedule`, { startsAt: inMs(10_000), venue: '仙华街道便民服务中心', reason: '场地调整' }, bearer(leader));
    expect(moved.body).toMatchObject({ venue: '仙华街道便民服务中心', changes: [{ kind: 'rescheduled', reason: '场地调整' }] });
    const cancelled = await call('POST', `/v1/visits/${visit.id}/cancellation`, { reason: '台风预警' }, bearer(leader));
    expect(cancelled.body.status).toBe('cancelled');
    const listed = await call('GET', `/v1/visits?regionCode=330726&from=${inMs(-60_000)}`);
    expect(listed.body.items).toContainEqual(expect.objectContaining({ id: visit.id, status: 'cancelled' }));
    expect((await call('GET', `/v1/visits/${visit.id}/summary`, undefined, bearer(await system.token('330782', 'leader')))).status).toBe(404);
  });

  it('refuses a reception whose Idempotency-Key is not 1 to 255 visible ASCII characters, as intake does', async () => {
    const { body: visit } = await call('POST', '/v1/visits', visitBody(inMs(5_000)), bearer(leader));
    const refused = await call('POST', `/v1/visits/${visit.id}/receptions`, reception('determined'), { ...bearer(leader), 'idempotency-key': 'x'.repeat(256) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
  });
});

describe('hotspots', () => {
  it('match a recount of the seeded cases, with per10k following the populations', async () => {
    // Cases filed at two townships: their hotspot volumes must count exactly these.
    const seeded: Record<string, number> = { '330726102': 3, '330726103': 2 };
    let phone = 13_000_000_000;
    for (const [township, count] of Object.entries(seeded)) {
      for (let i = 0; i < count; i++) {
        const response = await system.api('/v1/cases', postJson(submission({ regionCode: township, petitioner: { name: '沈十七', phone: String(++phone) } })));
        expect(response.status).toBe(201);
      }
    }
    await system.consume('routing', await system.receive('routing', 100, 2));
    const today = chinaDay(new Date().toISOString());
    const hot = await call('GET', `/v1/hotspots?parentCode=330726&from=${today}&to=${today}&limit=20`, undefined, bearer(leader));
    expect(hot.status).toBe(200);
    const byCode = new Map(hot.body.items.map((h: { code: string }) => [h.code, h]));
    for (const [township, count] of Object.entries(seeded)) {
      const population = DEMO_REGIONS.find((r) => r.code === township)!.population;
      expect(byCode.get(township)).toMatchObject({ volume: count, per10k: Math.round((count / population) * 10_000 * 100) / 100 });
    }
    const scores = hot.body.items.map((h: { score: number }) => h.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(hot.body.items).toHaveLength(DEMO_REGIONS.filter((r) => r.parentCode === '330726').length);

    const { recount } = await import('../../functions/services/recount.ts');
    expect((await recount()).differences).toEqual([]);
    expect((await call('GET', `/v1/hotspots?parentCode=330782&from=${today}&to=${today}`, undefined, bearer(leader))).status).toBe(404);
  });
});
