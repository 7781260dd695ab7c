/**
 * Handling as the units practise it, on the emulators: sign for receipt or
 * return, and the office's ruling; the leader's approval of extensions and
 * sign-off of replies. The policy turns the steps on; the
 * handlers' clock is Date, moved by fake timers instead of sleeping.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { sweep } from '../../functions/services/sweep.ts';
import { getCaseWithHistory } from '../../functions/store/cases.ts';
import { submission, useStaffTokens, useTestSystem } from '../support/emulators.ts';

const DAY = 86_400_000;
const system = useTestSystem({ POLICY: JSON.stringify({ signForReceipt: true, approveExtensions: true, replySignOff: true, phoneVerification: false }) });
const tokens = useStaffTokens(system, {
  clerk: ['330726', 'clerk'],
  housingClerk: ['330726:housing', 'clerk'],
  handler: ['330726:housing', 'handler'],
  land: ['330726:land', 'handler'],
  countyLeader: ['330726', 'leader'],
  leader: ['330726:housing', 'leader'],
});
afterEach(() => vi.useRealTimers());

const call = (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) =>
  system.call(method, path, { token, body, headers });

let phoneSeq = 13_300_000_000;

/** A case submitted, routed and accepted by the county office: its lead unit, housing, has to sign. */
async function acceptedCase(): Promise<{ id: string; accessCode: string }> {
  const created = await call('POST', '/v1/cases', undefined, submission({ petitioner: { name: '蒋十六', phone: String(++phoneSeq) } }));
  await system.consume('routing', await system.receive('routing', 10, 5));
  const accepted = await call('POST', `/v1/cases/${created.body.id}/acceptance`, tokens.clerk, { decision: 'accept' });
  expect(accepted.body).toMatchObject({ status: 'accepted', leadUnit: '330726:housing', receipt: { unit: '330726:housing', signedAt: null } });
  return created.body;
}

const actions = async (id: string) => (await getCaseWithHistory(id))!.history.sort((a, b) => a.version - b.version).map((h) => h.action);

describe('sign for receipt or return', () => {
  it('is returned with reasons, the office insists, and the unit then acts; the returns are counted per unit', async () => {
    const { id, accessCode } = await acceptedCase();
    expect((await call('POST', `/v1/cases/${id}/reply`, tokens.handler, { opinion: '已处理' })).status).toBe(409);

    const returned = await call('POST', `/v1/cases/${id}/receipt`, tokens.housingClerk, { decision: 'return', reason: '系物业合同纠纷', suggestedUnit: '330726:civil_affairs' });
    expect(returned.status).toBe(200);
    expect(returned.body.returns).toEqual([expect.objectContaining({ unit: '330726:housing', suggestedUnit: '330726:civil_affairs', ruling: null })]);
    const again = await call('POST', `/v1/cases/${id}/receipt`, tokens.housingClerk, { decision: 'return', reason: '再退' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('returned already');

    expect((await call('POST', `/v1/cases/${id}/reassignment`, tokens.handler, { ruling: 'insist', reason: '属住建职责' })).status).toBe(403);
    expect((await call('POST', `/v1/cases/${id}/reassignment`, tokens.clerk, { ruling: 'reassign', leadUnit: '330799:land', reason: 'x' })).status).toBe(400);
    const insisted = await call('POST', `/v1/cases/${id}/reassignment`, tokens.clerk, { ruling: 'insist', reason: '屋面维修属住建职责' });
    expect(insisted.status).toBe(200);
    expect(insisted.body.receipt).toMatchObject({ insisted: true, signedBy: 'clerk@330726' });

    const twice = await call('POST', `/v1/cases/${id}/receipt`, tokens.housingClerk, { decision: 'return', reason: '仍不属本单位' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('signed for already');
    expect((await call('POST', `/v1/cases/${id}/reply`, tokens.leader, { opinion: '已维修屋面' })).body.status).toBe('replied');

    expect(await actions(id)).toEqual(['registered', 'routed', 'accepted', 'returned', 'return_refused', 'replied']);
    const progress = await call('GET', `/v1/cases/${id}/progress`, undefined, undefined, { 'x-access-code': accessCode });
    expect(progress.body.timeline.map((t: { event: string }) => t.event)).toEqual(['received', 'routed', 'accepted', 'replied']);

    const today = chinaDay(new Date().toISOString());
    const stats = await call('GET', `/v1/stats?regionCode=330726&from=${today}&to=${today}`, tokens.countyLeader);
    expect(stats.body.returned).toBeGreaterThanOrEqual(1);
    expect(stats.body.returnedByUnit['330726:housing']).toBeGreaterThanOrEqual(1);
  });

  it('reassigns: the new unit sees the case in its worklist and signs; the returning unit no longer sees it', async () => {
    const { id, accessCode } = await acceptedCase();
    await call('POST', `/v1/cases/${id}/receipt`, tokens.housingClerk, { decision: 'return', reason: '属土地纠纷', suggestedUnit: '330726:land' });
    const reassigned = await call('POST', `/v1/cases/${id}/reassignment`, tokens.clerk, { ruling: 'reassign', leadUnit: '330726:land', reason: '属土地纠纷' });
    expect(reassigned.body).toMatchObject({ leadUnit: '330726:land', receipt: { unit: '330726:land', signedAt: null } });
    const worklist = await call('GET', '/v1/cases?status=accepted', tokens.land);
    expect(worklist.body.items.map((item: { id: string }) => item.id)).toContain(id);
    expect((await call('GET', `/v1/cases/${id}`, tokens.handler)).status).toBe(404);
    const signed = await call('POST', `/v1/cases/${id}/receipt`, tokens.land, { decision: 'sign' });
    expect(signed.status).toBe(200);
    const twice = await call('POST', `/v1/cases/${id}/receipt`, tokens.land, { decision: 'sign' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('signed for already');
    const progress = await call('GET', `/v1/cases/${id}/progress`, undefined, undefined, { 'x-access-code': accessCode });
    expect(progress.body.timeline.map((t: { event: string }) => t.event)).toEqual(['received', 'routed', 'accepted', 'reassigned', 'signed']);
  });

  it('lets one of two staff signing at once win; the other gets 409', async () => {
    const { id } = await acceptedCase();
    const answers = await Promise.all([
      call('POST', `/v1/cases/${id}/receipt`, tokens.handler, { decision: 'sign' }),
      call('POST', `/v1/cases/${id}/receipt`, tokens.housingClerk, { decision: 'return', reason: '不属本单位' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await actions(id)).filter((action) => action === 'signed' || action === 'returned')).toHaveLength(1);
  });

  it('supervises a unit that neither signs nor returns in its window, and refuses a return after it', async () => {
    const { id } = await acceptedCase();
    // The window ends at the end of its last working day, China time (民法典 Arts 201, 203): just after it.
    const { receipt } = (await getCaseWithHistory(id))!.case;
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.parse(receipt!.dueAt) + 60_000);
    // The window's warning was due first (three days before its end), then its supervision: a rung per sweep.
    for (const _rung of ['warning', 'supervision']) {
      await sweep();
      await system.deliverDeadlines(2);
    }
    const { case: subject, history } = (await getCaseWithHistory(id))!;
    const supervised = history.find((entry) => entry.action === 'supervised');
    expect(supervised?.detail).toMatchObject({ stage: 'receipt' });
    expect(supervised?.timeline).toBeUndefined();
    expect(subject.due).toMatchObject({ stage: 'receipt', rung: 'escalation' });
    // Tokens are checked against the clock too: these are issued at the moved time.
    const [housingClerk, handler] = [await system.token('330726:housing', 'clerk'), await system.token('330726:housing', 'handler')];
    const notices = await call('GET', '/v1/notices', housingClerk);
    expect(notices.body.items.filter((n: { caseId: string }) => n.caseId === id).map((n: { kind: string; stage: string }) => `${n.kind}/${n.stage}`).sort()).toEqual(['supervision/receipt', 'warning/receipt']);

    const late = await call('POST', `/v1/cases/${id}/receipt`, housingClerk, { decision: 'return', reason: '不属本单位' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('window to return');
    const signed = await call('POST', `/v1/cases/${id}/receipt`, handler, { decision: 'sign' });
    expect(signed.body.receipt.signedAt).not.toBeNull();
  });
});

describe("the lead unit's leader approves", () => {
  async function signedCase() {
    const created = await acceptedCase();
    expect((await call('POST', `/v1/cases/${created.id}/receipt`, tokens.handler, { decision: 'sign' })).status).toBe(200);
    return created;
  }

  it("a handler's extension, then sends a draft back and releases the next; the petitioner is told of the right to review", async () => {
    const { id, accessCode } = await signedCase();
    const requested = await call('POST', `/v1/cases/${id}/extension`, tokens.handler, { days: 10, reason: '需现场勘查' });
    expect(requested.body.extension).toMatchObject({ status: 'pending' });
    const deadline = requested.body.handlingDueAt;
    expect((await call('POST', `/v1/cases/${id}/extension/approval`, tokens.handler, { approve: true })).status).toBe(403);
    const approved = await call('POST', `/v1/cases/${id}/extension/approval`, tokens.leader, { approve: true });
    expect(approved.body.extension).toMatchObject({ status: 'approved', decision: { approve: true, by: 'leader@330726:housing' } });
    expect(Date.parse(approved.body.handlingDueAt) - Date.parse(deadline)).toBe(10 * DAY);
    expect((await call('POST', `/v1/cases/${id}/extension/approval`, tokens.leader, { approve: true })).status).toBe(409);

    const draft = await call('POST', `/v1/cases/${id}/reply`, tokens.handler, { opinion: '已督促物业维修' });
    expect(draft.body).toMatchObject({ status: 'accepted', replyDraft: { opinion: '已督促物业维修' } });
    const sentBack = await call('POST', `/v1/cases/${id}/reply/approval`, tokens.leader, { approve: false, comment: '请写明完工时限' });
    expect(sentBack.body).toMatchObject({ status: 'accepted', replyDraft: null });
    expect((await call('POST', `/v1/cases/${id}/reply/approval`, tokens.leader, { approve: true })).status).toBe(409);
    await call('POST', `/v1/cases/${id}/reply`, tokens.handler, { opinion: '已督促物业十日内修复' });
    const released = await call('POST', `/v1/cases/${id}/reply/approval`, tokens.leader, { approve: true });
    expect(released.body).toMatchObject({ status: 'replied', reply: { opinion: '已督促物业十日内修复', by: 'handler@330726:housing', signedOffBy: 'leader@330726:housing' } });

    expect(await actions(id)).toEqual([
      'registered', 'routed', 'accepted', 'signed', 'extension_requested', 'extended', 'reply_drafted', 'reply_sent_back', 'reply_drafted', 'replied',
    ]);
    const progress = await call('GET', `/v1/cases/${id}/progress`, undefined, undefined, { 'x-access-code': accessCode });
    expect(progress.body.timeline.map((t: { event: string }) => t.event)).toEqual(['received', 'routed', 'accepted', 'signed', 'extended', 'replied']);
    expect(progress.body.timeline.at(-1).note).toContain('申请复查');
  });

  it('lets one of two leaders releasing at once win; the other gets 409', async () => {
    const { id } = await signedCase();
    await call('POST', `/v1/cases/${id}/reply`, tokens.handler, { opinion: '已处理' });
    const other = await system.token('330726:housing', 'leader');
    const answers = await Promise.all([
      call('POST', `/v1/cases/${id}/reply/approval`, tokens.leader, { approve: true }),
      call('POST', `/v1/cases/${id}/reply/approval`, other.replace(/^/, ''), { approve: false }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });
});

describe('a reply to a matter group under sign-off', () => {
  it("drafts each member for the leader, who releases them case by case; the same reply again writes nothing", async () => {
    const environment = { clerk: await system.token('330726:environment', 'clerk'), handler: await system.token('330726:environment', 'handler'), leader: await system.token('330726:environment', 'leader') };
    // Two petitioners on one factory's smell, in their own words: routing puts them in one group.
    const members: Array<{ id: string; accessCode: string }> = [];
    for (const [title, content] of [
      ['鑫达化工厂排放臭气', '白马镇鑫达化工厂天天排放臭气，家里老人孩子一直咳嗽。'],
      ['白马镇鑫达化工厂废气', '白马镇鑫达化工厂晚上十点以后排废气最严重，臭气刺鼻。'],
    ]) {
      const created = await call('POST', '/v1/cases', undefined, submission({ category: 'environment', title, content, petitioner: { name: '陈十二', phone: String(++phoneSeq) } }));
      await system.consume('routing', await system.receive('routing', 10, 5));
      members.push(created.body);
    }
    const groupId = (await call('GET', `/v1/cases/${members[0]!.id}`, tokens.clerk)).body.matterGroup?.id as string;
    expect((await call('GET', `/v1/cases/${members[1]!.id}`, tokens.clerk)).body.matterGroup?.id).toBe(groupId);
    for (const { id } of members) {
      expect((await call('POST', `/v1/cases/${id}/acceptance`, tokens.clerk, { decision: 'accept' })).body.leadUnit).toBe('330726:environment');
    }
    // Not signed for yet: the rules refuse, and say why.
    const opinion = '已责令鑫达化工厂停产整改，环保部门每周监测。';
    const early = await call('POST', `/v1/matter-groups/${groupId}/reply`, environment.handler, { opinion });
    expect(early.body).toMatchObject({ answered: [], drafted: [] });
    expect(early.body.unanswered).toHaveLength(2);
    for (const { id } of members) expect((await call('POST', `/v1/cases/${id}/receipt`, environment.clerk, { decision: 'sign' })).status).toBe(200);

    const drafted = await call('POST', `/v1/matter-groups/${groupId}/reply`, environment.handler, { opinion });
    expect(drafted.status).toBe(200);
    expect({ ...drafted.body, drafted: [...drafted.body.drafted].sort() }).toEqual({ groupId, answered: [], drafted: members.map(({ id }) => id).sort(), unanswered: [] });
    const versions = async () => Promise.all(members.map(async ({ id }) => (await getCaseWithHistory(id))!.case.version));
    const before = await versions();
    expect((await call('POST', `/v1/matter-groups/${groupId}/reply`, environment.handler, { opinion })).body.drafted).toHaveLength(2);
    expect(await versions()).toEqual(before);
    // The petitioner hears of the reply only once it is released.
    const progress = await call('GET', `/v1/cases/${members[0]!.id}/progress`, undefined, undefined, { 'x-access-code': members[0]!.accessCode });
    expect(progress.body.status).toBe('accepted');

    expect((await call('POST', `/v1/cases/${members[0]!.id}/reply/approval`, environment.leader, { approve: true })).body.status).toBe('replied');
    const again = await call('POST', `/v1/matter-groups/${groupId}/reply`, environment.handler, { opinion });
    expect(again.body).toMatchObject({ answered: [members[0]!.id], drafted: [members[1]!.id], unanswered: [] });
  });
});
