import { beforeEach, describe, expect, it } from 'vitest';
import { chinaDay, holidayCalendar, limitEnd } from '../../functions/domain/calendar.ts';
import { getCaseWithHistory } from '../../functions/store/cases.ts';
import { idNumber } from '../support/domain.ts';
import { countEntries, postJson, submission, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();

// Each test uses its own petitioner, so that no test's case is another's repeat.
let phoneSeq = 13_700_000_000;
const freshPetitioner = () => ({ name: '王五', phone: String(++phoneSeq) });

async function submit(body: unknown, headers: Record<string, string> = {}) {
  const response = await system.api('/v1/cases', postJson(body, headers));
  return { response, body: (await response.json()) as Record<string, any> };
}

describe('POST /v1/cases', () => {
  beforeEach(() => system.receive('routing', 100, 0));

  it('registers a case: 201 with the access code, a Location, the history entry, and a routing message', async () => {
    const { response, body } = await submit(submission({ petitioner: freshPetitioner(), headcount: 6 }));
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/v1/cases/${body.id}`);
    expect(body).toEqual({
      id: expect.any(String),
      caseNumber: expect.stringMatching(/^330726-\d{4}-\d{6}$/),
      accessCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      status: 'received',
      receivedAt: expect.any(String),
      acceptanceDueAt: expect.any(String),
    });
    // 15 days from the day after receipt, to the end of a working day, China time (no calendar year is loaded here: weekends only).
    expect(body.acceptanceDueAt).toBe(limitEnd(body.receivedAt, { days: 15, working: false }, holidayCalendar([])));

    const stored = await getCaseWithHistory(body.id);
    expect(stored?.case).toMatchObject({ caseNumber: body.caseNumber, status: 'received', collective: true, headcount: 6, version: 1 });
    expect(stored?.case.accessCodeHash).not.toContain(body.accessCode);
    expect(stored?.history.map((entry) => entry.action)).toEqual(['registered']);

    const messages = await system.receive('routing', 10, 3);
    expect(messages.map((m) => JSON.parse(m.Body ?? '{}'))).toContainEqual({ kind: 'route-case', caseId: body.id });
  });

  it('round-trips Chinese text unchanged', async () => {
    const title = '关于浦阳街道城南社区楼顶漏水的反映（第一次）';
    const { body } = await submit(submission({ title, petitioner: freshPetitioner() }));
    expect((await getCaseWithHistory(body.id))?.case.title).toBe(title);
  });

  it('joins a repeat to the open case: 200, no new case, no new access code, the repeat counted', async () => {
    const petitioner = { name: '赵六', idNumber: idNumber('33072619700101001') };
    const first = await submit(submission({ petitioner }));
    const before = await countEntries(system);
    // Same identity number, another phone and other words: still the same matter.
    const again = await submit(submission({ petitioner: { ...petitioner, phone: '13912345678' }, content: '又来反映' }));
    expect(again.response.status).toBe(200);
    expect(again.body).toEqual({ id: first.body.id, repeat: true, status: 'received' });
    const stored = await getCaseWithHistory(first.body.id);
    expect(stored?.case.repeatCount).toBe(1);
    expect(stored?.history.map((entry) => entry.action)).toEqual(['registered', 'repeat']);
    // Only the repeat's history entry was added.
    expect(await countEntries(system)).toBe(before + 1);
  });

  it('does not treat the same petitioner on another category or region as a repeat', async () => {
    const petitioner = freshPetitioner();
    const first = await submit(submission({ petitioner }));
    const otherCategory = await submit(submission({ petitioner, category: 'land' }));
    const otherRegion = await submit(submission({ petitioner, regionCode: '330726001002' }));
    expect([first.response.status, otherCategory.response.status, otherRegion.response.status]).toEqual([201, 201, 201]);
    expect(new Set([first.body.id, otherCategory.body.id, otherRegion.body.id]).size).toBe(3);
  });

  describe('case numbers', () => {
    const sequenceOf = (caseNumber: string) => Number(caseNumber.split('-')[2]);

    it('numbers each case of a county and year next, China time: a repeat takes no number', async () => {
      const first = await submit(submission({ petitioner: freshPetitioner() }));
      const petitioner = freshPetitioner();
      const second = await submit(submission({ petitioner }));
      await submit(submission({ petitioner, content: '又来反映' }));
      const third = await submit(submission({ petitioner: freshPetitioner() }));
      const year = chinaDay(first.body.receivedAt).slice(0, 4);
      expect(first.body.caseNumber).toMatch(new RegExp(`^330726-${year}-\\d{6}$`));
      expect([second.body.caseNumber, third.body.caseNumber].map(sequenceOf)).toEqual([sequenceOf(first.body.caseNumber) + 1, sequenceOf(first.body.caseNumber) + 2]);
    });

    it('gives 20 cases of one county taken in at once 20 distinct consecutive numbers', async () => {
      // A county of its own (Yiwu, 330782), so that no other test's case takes one of the numbers.
      const answers = await Promise.all(Array.from({ length: 20 }, () => submit(submission({ petitioner: freshPetitioner(), regionCode: '330782' }))));
      expect(answers.map((a) => a.response.status)).toEqual(Array.from({ length: 20 }, () => 201));
      const sequences = answers.map((a) => sequenceOf(a.body.caseNumber)).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => (sequences[0] as number) + i));
      const stored = await Promise.all(answers.map((a) => getCaseWithHistory(a.body.id)));
      expect(stored.map((found) => found?.case.caseNumber)).toEqual(answers.map((a) => a.body.caseNumber));
    });

    it('takes no number for a retry with the same Idempotency-Key', async () => {
      const body = submission({ petitioner: freshPetitioner() });
      const key = { 'idempotency-key': `number-${phoneSeq}` };
      const first = await submit(body, key);
      const retries = await Promise.all(Array.from({ length: 3 }, () => submit(body, key)));
      expect(retries.map((retry) => retry.body.caseNumber)).toEqual([first.body.caseNumber, first.body.caseNumber, first.body.caseNumber]);
      const after = await submit(submission({ petitioner: freshPetitioner() }));
      expect(sequenceOf(after.body.caseNumber)).toBe(sequenceOf(first.body.caseNumber) + 1);
    });
  });

  describe('with an Idempotency-Key', () => {
    it('answers a retry with the first answer, access code included, and creates nothing new', async () => {
      const body = submission({ petitioner: freshPetitioner() });
      const key = { 'idempotency-key': `retry-${phoneSeq}` };
      const first = await submit(body, key);
      const entries = await countEntries(system);
      const retry = await submit(body, key);
      expect(retry.response.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.response.headers.get('location')).toBe(first.response.headers.get('location'));
      expect(await countEntries(system)).toBe(entries);
    });

    it('refuses the same key with another body: 409, nothing written', async () => {
      const key = { 'idempotency-key': `conflict-${phoneSeq}` };
      await submit(submission({ petitioner: freshPetitioner() }), key);
      const entries = await countEntries(system);
      const other = await submit(submission({ petitioner: freshPetitioner() }), key);
      expect(other.response.status).toBe(409);
      expect(other.response.headers.get('content-type')).toBe('application/problem+json');
      expect(await countEntries(system)).toBe(entries);
    });

    it('creates exactly one case when the same request races itself', async () => {
      const body = submission({ petitioner: freshPetitioner() });
      const key = { 'idempotency-key': `race-${phoneSeq}` };
      const answers = await Promise.all(Array.from({ length: 5 }, () => submit(body, key)));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(new Set(answers.map((a) => a.body.accessCode)).size).toBe(1);
    });
  });

  describe('refuses bad input with a problem document and writes nothing', () => {
    const cases: Array<[string, RequestInit, number, string?]> = [
      ['invalid JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"channel":' }, 400],
      ['a JSON array', postJson([1, 2]), 400],
      ['a missing field', postJson(submission({ title: undefined })), 400, 'title'],
      ['an unknown category', postJson(submission({ category: 'weather' })), 400, 'category'],
      ['an unknown region', postJson(submission({ regionCode: '110101001001' })), 400, 'regionCode'],
      ['an addressee outside the chain', postJson(submission({ addressedTo: '330782' })), 400, 'addressedTo'],
      ['a bad identity number', postJson(submission({ petitioner: { name: '张三', idNumber: '330726198001011230' } })), 400, 'petitioner.idNumber'],
      ['a staff channel without a token', postJson(submission({ channel: 'visit' })), 401],
      ['a form-encoded body', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' }, 415],
      ['a body over 64 KiB', postJson(submission({ content: '长'.repeat(30_000) })), 413],
      ['a malformed Idempotency-Key', postJson(submission(), { 'idempotency-key': 'has spaces in it' }), 400, 'Idempotency-Key'],
    ];

    it.each(cases)('%s', async (_, init, status, path) => {
      const before = await countEntries(system);
      const response = await system.api('/v1/cases', init);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await response.json()) as { type: string; title: string; status: number; detail: string; errors: Array<{ path: string }> };
      expect(problem).toMatchObject({ status, type: expect.stringMatching(/^\/v1\/problems\//), title: expect.any(String), detail: expect.any(String) });
      if (path !== undefined) expect(problem.errors.map((e) => e.path)).toContain(path);
      expect(await countEntries(system)).toBe(before);
    });
  });
});

describe('GET /v1/cases/{id}/progress', () => {
  it('shows the petitioner their case with the access code, and nothing personal', async () => {
    const petitioner = { name: '孙七', phone: '13611112222', idNumber: idNumber('33072619900202002') };
    const { body } = await submit(submission({ petitioner }));
    const response = await system.api(`/v1/cases/${body.id}/progress`, { headers: { 'x-access-code': body.accessCode } });
    expect(response.status).toBe(200);
    const progress = (await response.json()) as Record<string, unknown>;
    expect(progress).toMatchObject({ id: body.id, caseNumber: body.caseNumber, status: 'received', dueAt: body.acceptanceDueAt, timeline: [{ event: 'received' }] });
    const shown = JSON.stringify(progress);
    for (const secret of [petitioner.name, petitioner.phone, petitioner.idNumber]) expect(shown).not.toContain(secret);
  });

  it('answers a wrong code exactly as an unknown case, and a missing code with 401', async () => {
    const { body } = await submit(submission({ petitioner: freshPetitioner() }));
    const wrong = await system.api(`/v1/cases/${body.id}/progress`, { headers: { 'x-access-code': 'AAAA-BBBB-CCCC' } });
    const unknown = await system.api('/v1/cases/no-such-case/progress', { headers: { 'x-access-code': body.accessCode } });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [(await wrong.json()) as Record<string, unknown>, (await unknown.json()) as Record<string, unknown>];
    expect({ ...a, detail: undefined }).toEqual({ ...b, detail: undefined });
    expect((await system.api(`/v1/cases/${body.id}/progress`)).status).toBe(401);
  });
});
