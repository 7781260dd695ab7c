/**
 * The statutory calendar on the emulators: shipped by its data migration,
 * read by anyone, replaced by a province's admin, and every open deadline
 * counted again through the due index.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDay, endOfChinaDay, holidayCalendar, nextWorkingDay } from '../../functions/domain/calendar.ts';
import { loadCalendar } from '../../functions/migrations/load-calendar.ts';
import { getCaseWithHistory } from '../../functions/store/cases.ts';
import { documents, tableName } from '../../functions/store/client.ts';
import { sideDueKey } from '../../functions/store/keys.ts';
import { submission, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();
let admin: string;
beforeAll(async () => {
  admin = await system.token('330000', 'admin');
});

describe('GET /v1/calendar', () => {
  it('shows a year nobody loaded as weekends only, and the shipped year once the migration ran, which keeps what is there', async () => {
    expect((await system.call('GET', '/v1/calendar?year=2026')).body).toEqual({ year: 2026, daysOff: [], workdays: [], loaded: false });

    expect(await loadCalendar.run(undefined)).toEqual({ read: 1, changed: 1 });
    const shipped = await system.call('GET', '/v1/calendar?year=2026');
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ year: 2026, loaded: true });
    expect(shipped.body.daysOff).toContainEqual({ date: '2026-02-17', name: '春节' });
    expect(shipped.body.workdays).toContain('2026-02-14');
    expect((await system.call('GET', '/v1/calendar?year=2027')).body).toMatchObject({ year: 2027, loaded: false });
    expect(await loadCalendar.run(undefined)).toEqual({ read: 1, changed: 0 });

    const thisYear = Number(chinaDay(new Date().toISOString()).slice(0, 4));
    expect((await system.call('GET', '/v1/calendar')).body.year).toBe(thisYear);
    expect((await system.call('GET', '/v1/calendar?year=1999')).status).toBe(400);
  });
});

describe('PUT /v1/calendar/{year}', () => {
  const year2027 = { daysOff: [{ date: '2027-02-08', name: '春节' }], workdays: ['2027-02-20'] };

  it('is for an admin of a province unit', async () => {
    expect((await system.call('PUT', '/v1/calendar/2027', { body: year2027 })).status).toBe(401);
    expect((await system.call('PUT', '/v1/calendar/2027', { token: await system.token('330000', 'leader'), body: year2027 })).status).toBe(403);
    expect((await system.call('PUT', '/v1/calendar/2027', { token: await system.token('330726', 'admin'), body: year2027 })).status).toBe(403);
    expect((await system.call('GET', '/v1/calendar?year=2027')).body.loaded).toBe(false);
  });

  it('refuses a day outside the year, or off and a workday at once (409), and a malformed year or day (400), changing nothing', async () => {
    const outside = await system.call('PUT', '/v1/calendar/2027', { token: admin, body: { daysOff: [{ date: '2026-12-31', name: '元旦' }], workdays: [] } });
    expect(outside.status).toBe(409);
    expect(outside.body.detail).toContain('2026-12-31');
    const both = await system.call('PUT', '/v1/calendar/2027', { token: admin, body: { daysOff: [{ date: '2027-02-20', name: '春节' }], workdays: ['2027-02-20'] } });
    expect(both.status).toBe(409);
    expect((await system.call('PUT', '/v1/calendar/2027', { token: admin, body: { daysOff: [{ date: '2027-02-30', name: '春节' }], workdays: [] } })).status).toBe(400);
    expect((await system.call('PUT', '/v1/calendar/twenty', { token: admin, body: year2027 })).status).toBe(400);
    expect((await system.call('GET', '/v1/calendar?year=2027')).body.loaded).toBe(false);
  });

  it("replaces the year and counts the open deadlines again: a case's last day made a day off moves to the next working day", async () => {
    const submitted = await system.call('POST', '/v1/cases', { body: submission({ petitioner: { name: '历十六', phone: '13300001616' } }) });
    await system.consume('routing', await system.receive('routing', 10, 5));
    const before = (await getCaseWithHistory(submitted.body.id))!.case;
    const lastDay = chinaDay(before.acceptanceDueAt);
    const year = Number(lastDay.slice(0, 4));
    const { body: current } = await system.call('GET', `/v1/calendar?year=${year}`);
    const replaced = { daysOff: [...current.daysOff.filter((day: { date: string }) => day.date !== lastDay), { date: lastDay, name: '测试假日' }], workdays: current.workdays.filter((day: string) => day !== lastDay) };

    const put = await system.call('PUT', `/v1/calendar/${year}`, { token: admin, body: replaced });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ year, loaded: true });
    expect(put.body.daysOff).toContainEqual({ date: lastDay, name: '测试假日' });

    // One recount message per due shard; the shard of this case finds it through the due index.
    const recounts = await system.receive('deadline', 100, 2);
    expect(recounts.length).toBe(16);
    await system.consume('deadline', recounts);
    const expected = endOfChinaDay(nextWorkingDay(addDays(lastDay, 1), holidayCalendar([{ year, ...replaced }])));
    const { case: after, history } = (await getCaseWithHistory(submitted.body.id))!;
    expect(after.acceptanceDueAt).toBe(expected);
    expect(after.due).toMatchObject({ stage: 'acceptance', rung: 'warning' });
    expect(history.map((entry) => entry.action)).toContain('deadline_recounted');
    const progress = await system.call('GET', `/v1/cases/${submitted.body.id}/progress`, { headers: { 'x-access-code': submitted.body.accessCode } });
    expect(progress.body.dueAt).toBe(expected);

    // The same messages again move nothing twice.
    await system.consume('deadline', recounts);
    expect((await getCaseWithHistory(submitted.body.id))!.case.version).toBe(after.version);
  });

  it("counts a co-handling task's deadline again too, and moves its entry in the due index", async () => {
    const submitted = await system.call('POST', '/v1/cases', { body: submission({ petitioner: { name: '历十七', phone: '13300001717' } }) });
    await system.consume('routing', await system.receive('routing', 10, 5));
    const id = submitted.body.id as string;
    expect((await system.call('POST', `/v1/cases/${id}/acceptance`, { token: await system.token('330726', 'clerk'), body: { decision: 'accept' } })).status).toBe(200);
    const asked = await system.call('POST', `/v1/cases/${id}/co-handling`, {
      token: await system.token('330726:housing', 'handler'),
      body: { unit: '330726:civil_affairs', request: '请提出意见' },
    });
    expect(asked.status).toBe(201);
    const lastDay = chinaDay(asked.body.dueAt);
    const year = Number(lastDay.slice(0, 4));
    const { body: current } = await system.call('GET', `/v1/calendar?year=${year}`);
    const replaced = { daysOff: [...current.daysOff.filter((day: { date: string }) => day.date !== lastDay), { date: lastDay, name: '测试假日' }], workdays: current.workdays.filter((day: string) => day !== lastDay) };
    expect((await system.call('PUT', `/v1/calendar/${year}`, { token: admin, body: replaced })).status).toBe(200);
    await system.consume('deadline', await system.receive('deadline', 100, 2));

    const expected = endOfChinaDay(nextWorkingDay(addDays(lastDay, 1), holidayCalendar([{ year, ...replaced }])));
    const task = (await getCaseWithHistory(id))!.case.coHandling[0]!;
    expect(task.dueAt).toBe(expected);
    expect(task.due).toMatchObject({ rung: 'warning' });
    const entry = await documents.send(new GetCommand({ TableName: tableName(), Key: sideDueKey(id, 'coHandling', '1') }));
    expect(entry.Item).toMatchObject({ dueStage: 'coHandling', dueAt: task.due!.at });
  });
});
