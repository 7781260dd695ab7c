import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { recount } from '../../functions/services/recount.ts';
import { putFigures } from '../../functions/store/figures.ts';
import { bearer, postJson, submission, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();
let clerk: string, handler: string;
beforeAll(async () => {
  clerk = await system.token('330726', 'clerk');
  handler = await system.token('330726:housing', 'handler');
});

const today = chinaDay(new Date().toISOString());

async function get(path: string, token?: string) {
  const response = await system.api(path, token ? { headers: bearer(token) } : {});
  return { status: response.status, body: (await response.json()) as any };
}

const post = async (path: string, body: unknown, headers: Record<string, string>) => {
  const response = await system.api(path, postJson(body, headers));
  return { status: response.status, body: (await response.json()) as any };
};

/** Routes what waits, delivering every routing message twice (as SQS may). */
async function routeTwice() {
  const messages = await system.receive('routing', 100, 2);
  await system.consume('routing', messages);
  await system.consume('routing', messages);
}

/** A small deterministic generator, so that a failing workload can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('figures', () => {
  it('count a randomized workload, with every event delivered twice, exactly once: the recount agrees', async () => {
    const next = random(20261122);
    const cases: Array<{ id: string; accessCode: string }> = [];
    for (let i = 0; i < 24; i++) {
      const body = submission({
        category: next() < 0.7 ? 'housing' : 'other',
        regionCode: next() < 0.5 ? '330726001001' : '330726001002',
        headcount: next() < 0.2 ? 6 : 1,
        // A few petitioners come back with the same matter: repeats (registered by the office's clerk,
        // a proven caller; an unproven one's would be cases of their own, test/integration/repeats.test.ts).
        petitioner: { name: '蒋十六', phone: String(13_100_000_000 + Math.floor(next() * 18)) },
      });
      const key = { 'idempotency-key': `workload-${i}`, ...bearer(clerk) };
      const first = await post('/v1/cases', body, key);
      // A client retry of the same request: the first answer again, nothing counted twice.
      expect((await post('/v1/cases', body, key)).body).toEqual(first.body);
      if (first.status === 201) cases.push(first.body);
    }
    await routeTwice();

    for (const { id, accessCode } of cases) {
      const roll = next();
      if (roll < 0.15) {
        await post(`/v1/cases/${id}/acceptance`, { decision: 'not_accept', reason: '不属于信访事项' }, bearer(clerk));
        continue;
      }
      const [a, b] = await Promise.all([
        post(`/v1/cases/${id}/acceptance`, { decision: 'accept' }, bearer(clerk)),
        post(`/v1/cases/${id}/acceptance`, { decision: 'accept' }, bearer(clerk)),
      ]);
      const leadUnit = (a.status === 200 ? a : b).body.leadUnit as string;
      if (roll < 0.4 || !leadUnit.includes(':housing')) continue;
      await post(`/v1/cases/${id}/reply`, { opinion: '已处理' }, bearer(handler));
      const rating = next() < 0.6 ? 'satisfied' : 'dissatisfied';
      await post(`/v1/cases/${id}/evaluation`, { rating }, { 'x-access-code': accessCode });
      await post(`/v1/cases/${id}/evaluation`, { rating }, { 'x-access-code': accessCode });
    }

    const result = await recount();
    expect(result.cases).toBe(cases.length);
    expect(result.differences).toEqual([]);

    const { body: figures } = await get(`/v1/stats?regionCode=330726&from=${today}&to=${today}`, clerk);
    expect(figures.received).toBe(cases.length);
    expect(Object.values(figures.byStatus as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(cases.length);
    expect(figures.timelyAcceptanceRate).toBe(1);
    expect(figures.repeat).toBeGreaterThan(0);
  });

  it('leave intake out of every counter: a case counts once routing places it, and the recount agrees throughout', async () => {
    await routeTwice();
    const received = async () => (await get(`/v1/stats?regionCode=330726001001&from=${today}&to=${today}`, clerk)).body.received as number;
    const before = await received();
    const taken = await post('/v1/cases', submission({ regionCode: '330726001001', petitioner: { name: '杨十七', phone: '13200000017' } }), {});
    expect(taken.status).toBe(201);
    expect(await received()).toBe(before);
    expect((await recount()).differences).toEqual([]);
    await routeTwice();
    expect(await received()).toBe(before + 1);
    expect((await recount()).differences).toEqual([]);
  });

  it('reports a counter that drifted, and --fix mends it', async () => {
    await putFigures('330726001', today, { received: 999 });
    const drifted = await recount();
    expect(drifted.differences).toContainEqual(expect.objectContaining({ region: '330726001', day: today, counter: 'received', stored: 999 }));
    await recount({ fix: true });
    expect((await recount()).differences).toEqual([]);
  });

  it('serve staff their own subtree only, and the public the same rates without a login', async () => {
    const county = await get(`/v1/stats?regionCode=330726&from=${today}&to=${today}`, clerk);
    const village = await get(`/v1/stats?regionCode=330726001001&from=${today}&to=${today}`, clerk);
    expect(county.body.received).toBeGreaterThanOrEqual(village.body.received);
    expect((await get(`/v1/stats?regionCode=330700&from=${today}&to=${today}`, clerk)).status).toBe(404);
    expect((await get(`/v1/stats?regionCode=330726&from=${today}&to=${today}`, await system.token('330782', 'leader'))).status).toBe(404);

    // A county over a week: nothing is withheld, the public sees what staff see.
    const week = `regionCode=330726&from=${chinaDay(new Date(Date.now() - 6 * 86_400_000).toISOString())}&to=${today}`;
    const open = await get(`/v1/stats/public?${week}`);
    expect(open.status).toBe(200);
    const { regionCode, from, to, ...staffFigures } = (await get(`/v1/stats?${week}`, clerk)).body;
    expect(open.body).toEqual({ regionCode, from, to, ...staffFigures, suppressed: null });
  });

  it('withhold small public counts of a township, or of less than a week, and say so', async () => {
    // One case in a township of its own: a count of one.
    const lone = await post('/v1/cases', submission({ regionCode: '330726101201', petitioner: { name: '孔二十', phone: '13200132000' } }), {});
    expect(lone.status).toBe(201);
    await routeTwice();
    const year = `regionCode=330726101&from=2026-01-01&to=${today}`;
    const staffView = (await get(`/v1/stats?${year}`, clerk)).body;
    expect(staffView).toMatchObject({ received: 1, byChannel: { online: 1 }, byStatus: { received: 1 } });
    const township = await get(`/v1/stats/public?${year}`);
    expect(township.status).toBe(200);
    expect(township.body).toMatchObject({
      received: null,
      byChannel: { online: null, letter: 0 },
      byStatus: { received: null, closed: 0 },
      suppressed: { below: 5, reason: expect.stringContaining('below county level') },
    });
    // The county over a day: small counts withheld for the short range.
    const day = await get(`/v1/stats/public?regionCode=330726&from=${today}&to=${today}`);
    expect(day.body.suppressed).toEqual({ below: 5, reason: expect.stringContaining('shorter than 7 days') });
    expect(day.body.received).toBeGreaterThanOrEqual(5);
  });

  it('give trends by week and by month, one point per period', async () => {
    const weekly = await get(`/v1/stats?regionCode=330726&from=2026-10-01&to=${today}&by=week`, clerk);
    expect(weekly.status).toBe(200);
    expect(weekly.body.periods.length).toBeGreaterThanOrEqual(7);
    expect(weekly.body.periods.at(-1).received).toBe(weekly.body.received);
    const monthly = await get(`/v1/stats?regionCode=330726&from=2026-10-01&to=${today}&by=month`, clerk);
    expect(monthly.body.periods.map((p: { start: string }) => p.start).slice(0, 2)).toEqual(['2026-10-01', '2026-11-01']);
  });

  it.each([
    ['no dates', '/v1/stats/public?regionCode=330726'],
    ['no region on the public figures', `/v1/stats/public?from=${today}&to=${today}`],
    ['a date that does not exist', '/v1/stats/public?regionCode=330726&from=2026-02-30&to=2026-03-01'],
    ['from after to', '/v1/stats/public?regionCode=330726&from=2026-03-02&to=2026-03-01'],
    ['a range over 400 days', '/v1/stats/public?regionCode=330726&from=2020-01-01&to=2026-01-01'],
    ['an unknown period', `/v1/stats/public?regionCode=330726&from=${today}&to=${today}&by=year`],
  ])('refuse %s with 400', async (_, path) => {
    expect((await get(path)).status).toBe(400);
  });
});
