/**
 * Co-handling (协办) on the emulators, with the units' steps on: the lead
 * unit asks another unit for its opinion, the co-unit sees the case in its
 * worklist while the task is open and answers it, or the lead unit closes it;
 * the reply waits for every task. Each task has an entry of its own in the
 * due index while it is open.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import type { Role } from '../../functions/domain/staff.ts';
import { getCaseWithHistory } from '../../functions/store/cases.ts';
import { documents, tableName } from '../../functions/store/client.ts';
import { sideDueKey } from '../../functions/store/keys.ts';
import { submission, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem({ POLICY: JSON.stringify({ signForReceipt: true, approveExtensions: false, replySignOff: false, phoneVerification: false }) });

const call = async (method: string, path: string, who: [string, Role] | undefined, body?: unknown, headers: Record<string, string> = {}) =>
  system.call(method, path, { token: who && (await system.token(...who)), body, headers });
const handler: [string, Role] = ['330726:housing', 'handler'];
const coUnit: [string, Role] = ['330726:civil_affairs', 'handler'];
const ask = { unit: '330726:civil_affairs', request: '请就该小区物业资质提出意见' };

let phoneSeq = 13_500_000_000;

/** A case routed and accepted by the county office, for housing to sign. */
async function acceptedCase(): Promise<{ id: string; accessCode: string }> {
  const created = await call('POST', '/v1/cases', undefined, submission({ petitioner: { name: '褚十八', phone: String(++phoneSeq) } }));
  await system.consume('routing', await system.receive('routing', 10, 5));
  expect((await call('POST', `/v1/cases/${created.body.id}/acceptance`, ['330726', 'clerk'], { decision: 'accept' })).status).toBe(200);
  return created.body;
}

async function signedCase(): Promise<{ id: string; accessCode: string }> {
  const created = await acceptedCase();
  expect((await call('POST', `/v1/cases/${created.id}/receipt`, handler, { decision: 'sign' })).status).toBe(200);
  return created;
}

const actions = async (id: string) => (await getCaseWithHistory(id))!.history.sort((a, b) => a.version - b.version).map((h) => h.action);
const worklist = async (who: [string, Role]) => ((await call('GET', '/v1/cases', who)).body.items as Array<{ id: string }>).map((item) => item.id);
const dueEntry = async (id: string, taskId: string) =>
  (await documents.send(new GetCommand({ TableName: tableName(), Key: sideDueKey(id, 'coHandling', taskId) }))).Item;

describe('a co-handling task', () => {
  it('is answered by the co-unit, which sees the case while the task is open; the reply waits for it', async () => {
    const { id, accessCode } = await signedCase();
    const asked = await call('POST', `/v1/cases/${id}/co-handling`, handler, ask);
    expect(asked.status).toBe(201);
    expect(asked.body).toEqual({ taskId: '1', dueAt: expect.any(String) });
    expect(Date.parse(asked.body.dueAt)).toBeGreaterThan(Date.now() + 7 * 86_400_000);
    expect(await dueEntry(id, '1')).toMatchObject({ dueStage: 'coHandling' });
    expect(await worklist(coUnit)).toContain(id);

    const early = await call('POST', `/v1/cases/${id}/reply`, handler, { opinion: '已处理' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('Co-handling task 1 (330726:civil_affairs) is open');

    const seen = await call('GET', `/v1/cases/${id}`, coUnit);
    expect(seen.status).toBe(200);
    expect(seen.body.coHandling).toEqual([expect.objectContaining({ id: '1', unit: '330726:civil_affairs', request: ask.request, opinion: null })]);
    const answered = await call('POST', `/v1/cases/${id}/co-handling/1/opinion`, coUnit, { opinion: '该物业公司资质有效' });
    expect(answered.status).toBe(200);
    expect(answered.body.coHandling[0]).toMatchObject({ opinion: { opinion: '该物业公司资质有效' } });
    expect(await dueEntry(id, '1')).toBeUndefined();
    expect(await worklist(coUnit)).not.toContain(id);
    const twice = await call('POST', `/v1/cases/${id}/co-handling/1/opinion`, coUnit, { opinion: '再议' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('answered already');

    expect((await call('POST', `/v1/cases/${id}/reply`, handler, { opinion: '已处理' })).status).toBe(200);
    expect(await actions(id)).toEqual(['registered', 'routed', 'accepted', 'signed', 'co_handling_asked', 'co_handling_opinion', 'replied']);
    // The petitioner hears that units were asked to help, not which or what they said.
    const timeline = (await call('GET', `/v1/cases/${id}/progress`, undefined, undefined, { 'x-access-code': accessCode })).body.timeline as Array<{ event: string; note: string }>;
    expect(timeline.filter((t) => t.event === 'co_handling')).toEqual([expect.objectContaining({ note: '已商请相关单位协助办理。' })]);
    expect(JSON.stringify(timeline)).not.toContain('资质');
    const day = chinaDay((await getCaseWithHistory(id))!.case.receivedAt);
    const stats = await call('GET', `/v1/stats?regionCode=330726&from=${day}&to=${day}`, ['330726', 'leader']);
    expect(stats.body.coHandlingOverdue).toBe(0);
  });

  it('is closed by the lead unit with a reason, which lets the reply go', async () => {
    const { id } = await signedCase();
    expect((await call('POST', `/v1/cases/${id}/co-handling`, handler, { ...ask, days: 3 })).status).toBe(201);
    expect((await call('POST', `/v1/cases/${id}/co-handling/1/closure`, coUnit, { reason: 'x' })).status).toBe(403);
    const closed = await call('POST', `/v1/cases/${id}/co-handling/1/closure`, handler, { reason: '已当面听取意见' });
    expect(closed.status).toBe(200);
    expect(closed.body.coHandling[0]).toMatchObject({ days: 3, closure: { reason: '已当面听取意见' } });
    expect(await dueEntry(id, '1')).toBeUndefined();
    const again = await call('POST', `/v1/cases/${id}/co-handling/1/closure`, handler, { reason: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('closed already');
    expect((await call('POST', `/v1/cases/${id}/co-handling/1/opinion`, coUnit, { opinion: '迟到的意见' })).status).toBe(409);
    expect((await call('POST', `/v1/cases/${id}/reply`, handler, { opinion: '已处理' })).status).toBe(200);
  });

  it('refuses acting out of turn with 409 and changes nothing', async () => {
    const { id } = await acceptedCase();
    const unsigned = await call('POST', `/v1/cases/${id}/co-handling`, handler, ask);
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.detail).toContain('has not signed');
    await call('POST', `/v1/cases/${id}/receipt`, handler, { decision: 'sign' });
    const itself = await call('POST', `/v1/cases/${id}/co-handling`, handler, { ...ask, unit: '330726:housing' });
    expect(itself.status).toBe(409);
    expect(itself.body.detail).toContain('lead unit itself');
    const outside = await call('POST', `/v1/cases/${id}/co-handling`, handler, { ...ask, unit: '330700:housing' });
    expect(outside.status).toBe(409);
    expect(outside.body.detail).toContain('outside the petition office 330726');
    await call('POST', `/v1/cases/${id}/co-handling`, handler, ask);
    const again = await call('POST', `/v1/cases/${id}/co-handling`, handler, ask);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('open co-handling task already');
    expect(await actions(id)).toEqual(['registered', 'routed', 'accepted', 'signed', 'co_handling_asked']);
  });

  it('refuses the wrong unit or role: 404 out of scope, 403 in it, 404 for a task that does not exist, 400 for bad input', async () => {
    const { id } = await signedCase();
    expect((await call('POST', `/v1/cases/${id}/co-handling`, ['330726:land', 'handler'], ask)).status).toBe(404);
    expect((await call('POST', `/v1/cases/${id}/co-handling`, ['330726:housing', 'clerk'], ask)).status).toBe(403);
    expect((await call('POST', `/v1/cases/${id}/co-handling`, handler, { ...ask, unit: '339999:housing' })).status).toBe(400);
    expect((await call('POST', `/v1/cases/${id}/co-handling`, handler, { unit: '330726:civil_affairs' })).status).toBe(400);
    await call('POST', `/v1/cases/${id}/co-handling`, handler, ask);
    // The co-unit sees the case now; a unit never asked still does not.
    expect((await call('POST', `/v1/cases/${id}/co-handling/1/opinion`, ['330726:land', 'handler'], { opinion: 'x' })).status).toBe(404);
    expect((await call('POST', `/v1/cases/${id}/co-handling/1/opinion`, handler, { opinion: 'x' })).status).toBe(403);
    expect((await call('POST', `/v1/cases/${id}/co-handling/1/opinion`, ['330726:civil_affairs', 'clerk'], { opinion: 'x' })).status).toBe(403);
    expect((await call('POST', `/v1/cases/${id}/co-handling/9/opinion`, coUnit, { opinion: 'x' })).status).toBe(404);
    expect((await call('POST', `/v1/cases/${id}/co-handling/1/opinion`, coUnit, {})).status).toBe(400);
  });

  it('lets one of two staff acting at once win; the other gets 409', async () => {
    const { id } = await signedCase();
    await call('POST', `/v1/cases/${id}/co-handling`, handler, ask);
    const answers = await Promise.all([
      call('POST', `/v1/cases/${id}/co-handling/1/opinion`, coUnit, { opinion: '意见一' }),
      call('POST', `/v1/cases/${id}/co-handling/1/closure`, handler, { reason: '无需意见' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const actionsNow = await actions(id);
    expect(actionsNow.filter((action) => action === 'co_handling_opinion' || action === 'co_handling_closed')).toHaveLength(1);
  });
});
