import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { next } from '../../functions/domain/case.ts';
import { compileDueReports } from '../../functions/services/reports.ts';
import { getCase, saveChange } from '../../functions/store/cases.ts';
import { DEMO_REGIONS } from '../../functions/reference/demo.ts';
import { postJson, submission, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();
let leader: string;
beforeAll(async () => {
  leader = await system.token('330726', 'leader');
  let phone = 13_600_000_000;
  for (const regionCode of ['330726001001', '330726001002', '330726101201', '330726103201', '330726103201']) {
    const response = await system.api('/v1/cases', postJson(submission({ regionCode, title: '<b>墙体开裂</b> & 漏水', petitioner: { name: '杨十九', phone: String(++phone) } })));
    expect(response.status).toBe(201);
  }
  await system.consume('routing', await system.receive('routing', 100, 2));
});

const today = chinaDay(new Date().toISOString());

const call = (method: string, path: string, token: string | undefined, body?: unknown) => system.call(method, path, { token, body });

describe('joint-meeting reports', () => {
  it('are compiled on request from the counters and the open cases, stored, listed, and fetched as JSON and as a page', async () => {
    const compiled = await call('POST', '/v1/reports', leader, { kind: 'weekly', day: today });
    expect(compiled.status).toBe(201);
    const report = compiled.body;
    expect(report).toMatchObject({
      id: `330726-weekly-${report.period.from}`,
      regionName: '浦江县',
      figures: { received: 5, hardCases: 0 },
      previousFigures: { received: 0 },
      volumeChange: null,
    });
    expect(report.trend).toHaveLength(7);
    expect(report.trend.reduce((total: number, point: { received: number }) => total + point.received, 0)).toBe(5);
    expect(report.hotspots[0]).toMatchObject({ code: expect.stringMatching(/^330726/), volume: expect.any(Number) });
    expect(report.hotspots).toHaveLength(10);
    expect(report.hardCases.longestOpen).toHaveLength(5);
    expect(report.hardCases.longestOpen[0]).toMatchObject({ status: 'received', daysOpen: 0, responsibleLeader: null });

    const listed = await call('GET', '/v1/reports?kind=weekly', leader);
    expect(listed.body.items).toContainEqual(expect.objectContaining({ id: report.id, kind: 'weekly', period: report.period }));
    expect((await call('GET', `/v1/reports/${report.id}`, leader)).body).toEqual(report);

    const page = await call('GET', `/v1/reports/${report.id}/page`, leader);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.body).toContain('浦江县');
    expect(page.body).toContain('<svg');
    expect(page.body).not.toContain('<b>墙体开裂</b>');
    expect(page.body).not.toMatch(/<script|https?:\/\//);
  });

  it('keep to the caller\'s subtree', async () => {
    const yiwu = await system.token('330782', 'leader');
    expect((await call('POST', '/v1/reports', yiwu, { kind: 'weekly', regionCode: '330726' })).status).toBe(404);
    expect((await call('GET', `/v1/reports/330726-weekly-${today}`, yiwu)).status).toBe(404);
    expect((await call('GET', '/v1/reports?regionCode=330726', yiwu)).status).toBe(404);
    expect((await call('GET', '/v1/reports/not-a-report', leader)).status).toBe(404);
    expect((await call('POST', '/v1/reports', leader, { kind: 'yearly' })).status).toBe(400);
  });

  it('are compiled on schedule for every county and city when their period ends', async () => {
    // Run on a Monday: last week's reports.
    const compiled = await compileDueReports('2026-11-23T02:00:00.000Z');
    const countiesAndCities = DEMO_REGIONS.filter((r) => r.level === 'county' || r.level === 'city');
    expect(compiled).toEqual({ day: '2026-11-22', kinds: ['weekly'], reports: countiesAndCities.length });
    const city = await call('GET', '/v1/reports?regionCode=330700&kind=weekly', await system.token('330700', 'leader'));
    expect(city.body.items.map((r: { id: string }) => r.id)).toContain('330700-weekly-2026-11-16');
    expect(await compileDueReports('2026-11-25T02:00:00.000Z')).toMatchObject({ kinds: [], reports: 0 });
  });

  it('count the open cases owned by a leader (包案), on the page too', async () => {
    const open = await call('GET', '/v1/cases?status=received&limit=1', leader);
    const stored = (await getCase(open.body.items[0].id))!;
    // Escalated twice, as the ladder writes it: a hard case however young.
    await saveChange(stored, next(stored, { escalationCount: 2 }, { at: new Date().toISOString(), actor: 'system:deadlines', action: 'escalated', detail: {} }));
    const owned = await call('POST', `/v1/cases/${stored.id}/ownership`, leader, { leader: { name: '李明', title: '副县长' }, plan: '约谈', targetDate: today });
    expect(owned.status).toBe(200);
    const report = (await call('POST', '/v1/reports', leader, { kind: 'weekly', day: today })).body;
    expect(report.figures).toMatchObject({ received: 5, hardCases: 1 });
    expect((await call('GET', `/v1/reports/${report.id}/page`, leader)).body).toMatch(/包案在办<\/div><div class="v">1</);
  });
});
