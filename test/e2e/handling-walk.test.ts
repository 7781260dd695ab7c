/**
 * Handling as the units practise it, walked through `npm start` over HTTP
 * with the clock compressed (TIME_SCALE=86400: a policy day lasts a second):
 * a case is assigned and returned, and the office insists; the unit asks a
 * co-unit, which stays silent and is supervised; the case is paused for a
 * hearing and resumed; an extension is approved; a draft reply is sent back,
 * then released; and the case, turned hard, gets an owning leader.
 */
import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import type { Role } from '../../functions/domain/staff.ts';
import { freePort } from '../../lib/local/emulators.ts';
import { postJson, submission } from '../support/emulators.ts';
import { eventually } from '../support/eventually.ts';
import { apiCaller, freshDataDir, progress, routed, start, stop, token } from '../support/local-runtime.ts';

const POLICY = {
  signForReceipt: true,
  approveExtensions: true,
  replySignOff: true,
  // A window to return of 30 s, and hard after 2 s: room for a loaded machine between the steps.
  receipt: 'P30D',
  hardCaseAfter: 'P2D',
  phoneVerification: false,
};

describe('handling through npm start, with TIME_SCALE', { timeout: 300_000 }, () => {
  it('return and insistence, a silent co-unit supervised, a pause, an approved extension, a draft sent back then released, an owner', async () => {
    const dataDir = freshDataDir();
    const runtime = await start(await freePort(), dataDir, { TIME_SCALE: '86400', POLICY: JSON.stringify(POLICY) });
    const json = apiCaller(runtime.api);
    const call = async (method: string, path: string, who?: [string, Role], body?: unknown) => {
      const headers: Record<string, string> = who ? { authorization: `Bearer ${await token(dataDir, ...who)}` } : {};
      return json(path, body === undefined ? { method, headers } : postJson(body, headers));
    };
    const office: [string, Role] = ['330726', 'clerk'];
    const supervisor: [string, Role] = ['330726', 'supervisor'];
    const countyLeader: [string, Role] = ['330726', 'leader'];
    const housingClerk: [string, Role] = ['330726:housing', 'clerk'];
    const handler: [string, Role] = ['330726:housing', 'handler'];
    const housingLeader: [string, Role] = ['330726:housing', 'leader'];
    const land: [string, Role] = ['330726:land', 'handler'];
    const ok = async (step: Promise<{ status: number; body: any }>, status = 200) => {
      const answer = await step;
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      return answer.body;
    };

    try {
      const submitted = await ok(call('POST', '/v1/cases', undefined, submission()), 201);
      const { id, accessCode } = submitted as { id: string; accessCode: string };
      await routed(runtime.api, id, accessCode);
      const at = `/v1/cases/${id}`;

      // 1. Assigned, returned with reasons, and the office insists.
      expect((await ok(call('POST', `${at}/acceptance`, office, { decision: 'accept' }))).leadUnit).toBe('330726:housing');
      await ok(call('POST', `${at}/receipt`, housingClerk, { decision: 'return', reason: '系物业服务合同纠纷，不属本单位职责', suggestedUnit: '330726:civil_affairs' }));
      const insisted = await ok(call('POST', `${at}/reassignment`, office, { ruling: 'insist', reason: '屋面维修属住建部门监管职责' }));
      expect(insisted.receipt).toMatchObject({ unit: '330726:housing', insisted: true });
      // Held as signed by the ruling: it cannot be returned again.
      expect((await call('POST', `${at}/receipt`, housingClerk, { decision: 'return', reason: '再退' })).status).toBe(409);

      // 2. The unit asks a co-unit, which stays silent: its task is warned and then supervised.
      const task = await ok(call('POST', `${at}/co-handling`, handler, { unit: '330726:land', request: '请就该地块权属提出意见', days: 4 }), 201);
      const supervised = await eventually(async () => {
        const notices = (await call('GET', '/v1/notices', land)).body.items as Array<{ caseId: string; kind: string; stage: string }>;
        return notices.find((n) => n.caseId === id && n.kind === 'supervision' && n.stage === 'coHandling');
      }, 90);
      expect(supervised).toBeDefined();

      // 3. Paused for a hearing, approved by the office, and resumed: the deadline moves by the paused time.
      const before = (await ok(call('GET', at, handler))).handlingDueAt as string;
      const paused = await ok(call('POST', `${at}/pauses`, handler, { reason: 'hearing', note: '定于下周组织听证' }));
      const pauseId = (paused.pauses as Array<{ id: string }>).at(-1)!.id;
      await ok(call('POST', `${at}/pauses/${pauseId}/approval`, supervisor, { approve: true, reason: '听证确有必要' }));
      await new Promise((r) => setTimeout(r, 1500));
      const resumed = await ok(call('POST', `${at}/pauses/${pauseId}/end`, handler, { note: '听证已举行' }));
      expect(Date.parse(resumed.handlingDueAt)).toBeGreaterThan(Date.parse(before));

      // 4. An extension, asked by the handler and approved by the unit's leader.
      const asked = await ok(call('POST', `${at}/extension`, handler, { days: 10, reason: '需现场勘查' }));
      expect(asked.extension.status).toBe('pending');
      const approved = await ok(call('POST', `${at}/extension/approval`, housingLeader, { approve: true, reason: '确需现场勘查' }));
      expect(approved.extension.status).toBe('approved');
      expect(Date.parse(approved.handlingDueAt)).toBeGreaterThan(Date.parse(resumed.handlingDueAt));

      // 5. The case has turned hard: the county's leader names its owner, and it is on the responsibility list.
      const targetDate = chinaDay(new Date(Date.now() + 30 * 86_400_000).toISOString());
      const candidates = await eventually(async () => {
        const list = (await call('GET', '/v1/hard-cases?unit=330726&candidates=true', countyLeader)).body.items as Array<{ id: string }>;
        return list.some((c) => c.id === id) ? list : undefined;
      }, 30);
      expect(candidates.map((c) => c.id)).toContain(id);
      await ok(call('POST', `${at}/ownership`, countyLeader, { leader: { name: '李明', title: '副县长' }, plan: '约谈物业，督促屋面维修，每周回访', targetDate }));
      const owned = (await ok(call('GET', '/v1/hard-cases?unit=330726', countyLeader))).items as Array<{ id: string; target: string }>;
      expect(owned.find((c) => c.id === id)).toMatchObject({ target: 'open' });

      // 6. The reply waits for the open task; the draft is sent back, then released.
      await ok(call('POST', `${at}/reply`, handler, { opinion: '已督促物业维修屋面。' }));
      expect((await call('POST', `${at}/reply/approval`, housingLeader, { approve: true })).status).toBe(409);
      await ok(call('POST', `${at}/co-handling/${task.taskId}/closure`, handler, { reason: '已当面听取意见，无需书面答复' }));
      await ok(call('POST', `${at}/reply/approval`, housingLeader, { approve: false, comment: '请写明维修期限' }));
      await ok(call('POST', `${at}/reply`, handler, { opinion: '已督促物业于十日内维修屋面。' }));
      const released = await ok(call('POST', `${at}/reply/approval`, housingLeader, { approve: true, comment: '同意答复' }));
      expect(released.status).toBe('replied');

      const events = (await progress(runtime.api, id, accessCode)).body.timeline.map((t) => t.event);
      for (const event of ['received', 'routed', 'accepted', 'paused', 'resumed', 'replied']) expect(events).toContain(event);
      const actions = ((await ok(call('GET', at, countyLeader))).history as Array<{ action: string }>).map((h) => h.action);
      for (const action of ['returned', 'return_refused', 'owned', 'reply_sent_back']) expect(actions).toContain(action);
    } finally {
      expect(await stop(runtime)).toBe(0);
    }
  });
});
