/**
 * Same matter, many petitioners (举一反三), walked through `npm start` over
 * HTTP: twelve petitioners write about one factory's smell in their own
 * words, routing puts them in one group and two unrelated cases that share
 * words stay out; the office accepts them, the environment department signs
 * for them, and its leader answers the group once: each petitioner is told
 * the reply, and nobody sees another petitioner or the group.
 */
import { describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { freePort } from '../../lib/local/emulators.ts';
import { postJson, submission } from '../support/emulators.ts';
import { apiCaller, freshDataDir, progress, routed, start, stop, token } from '../support/local-runtime.ts';
import { SMELL, UNRELATED } from '../support/matters.ts';

describe('one matter, many petitioners, through npm start', { timeout: 300_000 }, () => {
  it('groups the twelve, keeps the unrelated out, and answers the group once, each petitioner told', async () => {
    const dataDir = freshDataDir();
    // The units' steps as deployed; phone verification is walked in petitioner-walk.test.ts.
    const runtime = await start(await freePort(), dataDir, { POLICY: '{"phoneVerification":false}' });
    const api = runtime.api;
    const json = apiCaller(api);
    const as = async (unit: string, role: 'clerk' | 'leader') => ({ authorization: `Bearer ${await token(dataDir, unit, role)}` });
    try {
      let phone = 13_600_000_000;
      /** Submits a case of another petitioner and waits until routing has placed it, as petitions arrive one after another. */
      const petition = async ([title, content]: [string, string]) => {
        const created = await json('/v1/cases', postJson(submission({ category: 'environment', title, content, petitioner: { name: '陈十二', phone: String(phone++) } })));
        expect(created.status).toBe(201);
        await routed(api, created.body.id, created.body.accessCode);
        return created.body as { id: string; accessCode: string };
      };
      const members = [];
      for (const text of SMELL) members.push(await petition(text));
      const others = [];
      for (const text of UNRELATED) others.push(await petition(text));

      const clerk = await as('330726', 'clerk');
      const groupOf = async (id: string) => (await json(`/v1/cases/${id}`, { headers: clerk })).body.matterGroup as { id: string; size: number } | null;
      const groupId = (await groupOf(members[0]!.id))!.id;
      for (const { id } of members) expect(await groupOf(id)).toMatchObject({ id: groupId, size: 12 });
      for (const { id } of others) expect((await groupOf(id))?.id).not.toBe(groupId);
      const today = chinaDay(new Date().toISOString());
      const listed = await json(`/v1/matter-groups?regionCode=330726&from=${today}&to=${today}`, { headers: clerk });
      expect(listed.body.items).toContainEqual(expect.objectContaining({ id: groupId, size: 12, category: 'environment' }));

      // The office accepts each, the environment department signs for each, its leader answers the group once.
      const environmentClerk = await as('330726:environment', 'clerk');
      for (const { id } of members) {
        expect((await json(`/v1/cases/${id}/acceptance`, postJson({ decision: 'accept' }, clerk))).body.leadUnit).toBe('330726:environment');
        expect((await json(`/v1/cases/${id}/receipt`, postJson({ decision: 'sign' }, environmentClerk))).status).toBe(200);
      }
      const opinion = '已责令鑫达化工厂停产整改，环保部门每周监测并公示结果。';
      const answered = await json(`/v1/matter-groups/${groupId}/reply`, postJson({ opinion }, await as('330726:environment', 'leader')));
      expect(answered.status).toBe(200);
      expect({ ...answered.body, answered: [...answered.body.answered].sort() }).toEqual({ groupId, answered: members.map(({ id }) => id).sort(), drafted: [], unanswered: [] });

      for (const { id, accessCode } of members) {
        const { body } = await progress(api, id, accessCode);
        expect(body.status).toBe('replied');
        expect(body.timeline.filter((event) => event.event === 'replied')).toEqual([expect.objectContaining({ note: expect.stringContaining(opinion) })]);
        // Nothing of the group, nor of the other petitioners, in a petitioner's view.
        for (const named of [groupId, ...members.filter((member) => member.id !== id).map((member) => member.id)]) expect(JSON.stringify(body)).not.toContain(named);
      }
      for (const { id, accessCode } of others) expect((await progress(api, id, accessCode)).body.status).not.toBe('replied');
    } finally {
      expect(await stop(runtime)).toBe(0);
    }
  });
});
