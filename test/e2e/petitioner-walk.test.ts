/**
 * The petitioner's side (事事有回音), walked through `npm start` over HTTP as a
 * petitioner's phone and the staff would: the phone is verified with the
 * code read from the local outbox, a case is submitted with a photo, every
 * step of its life sends an SMS naming the case number, the petitioner urges,
 * loses the access code and recovers it, and an unverified copy of the
 * submission learns nothing and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { freePort } from '../../lib/local/emulators.ts';
import { jpegWithMetadata } from '../support/files.ts';
import { postJson, submission } from '../support/emulators.ts';
import { eventually } from '../support/eventually.ts';
import { apiCaller, freshDataDir, progress, routed, start, stop, token } from '../support/local-runtime.ts';

const PHONE = '13912345670';
const NAME = '褚二十三';
const CONTENT = '楼顶漏水三个月，物业不予处理，墙皮脱落。';
const ACCESS_CODE = /\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b/;

interface OutboxMessage {
  at: string;
  phone: string;
  kind: string;
  text: string;
}

describe('the petitioner verified, told and heard, through npm start', { timeout: 300_000 }, () => {
  it('verifies, submits with a photo, hears of every step, urges, recovers the code; an unverified copy learns nothing', async () => {
    const dataDir = freshDataDir();
    // The deployed defaults: phone verification required (the test run's own POLICY turns it off).
    const runtime = await start(await freePort(), dataDir, { POLICY: '{}' });
    const api = runtime.api;
    const json = apiCaller(api);
    const outbox = async (): Promise<OutboxMessage[]> => (await json(`/local/outbox?phone=${PHONE}`)).body.items;
    /** The outbox once it holds more than `count` messages for the phone: the newest. */
    const nextMessage = async (count: number) =>
      eventually(async () => {
        const items = await outbox();
        return items.length > count ? items.at(-1) : undefined;
      }, 60);
    /** Asks for a code and reads it from the SMS that carries it. */
    const verify = async () => {
      const before = (await outbox()).length;
      const asked = await json('/v1/verifications', postJson({ phone: PHONE }));
      expect(asked.status).toBe(202);
      const sms = await nextMessage(before);
      const code = /\b(\d{6})\b/.exec(sms.text)?.[1];
      expect(code, sms.text).toBeDefined();
      return { id: asked.body.verificationId as string, code: code as string };
    };
    const as = async (unit: string, role: 'clerk' | 'handler' | 'leader') => ({ authorization: `Bearer ${await token(dataDir, unit, role)}` });

    try {
      // 1. The phone is verified with the code from the outbox.
      const verification = await verify();

      // 2. A submission with the proof, and a photo.
      const petition = submission({ petitioner: { name: NAME, phone: PHONE }, content: CONTENT });
      const submitted = await json('/v1/cases', postJson({ ...petition, verification }));
      expect(submitted.status).toBe(201);
      const { id, caseNumber } = submitted.body as { id: string; caseNumber: string };
      let accessCode = submitted.body.accessCode as string;
      expect(caseNumber).toMatch(/^330726-\d{4}-\d{6}$/);

      const photo = jpegWithMetadata();
      const petitioner = () => ({ 'x-access-code': accessCode });
      const declared = await json(`/v1/cases/${id}/attachments`, postJson({ fileName: '漏水.jpg', contentType: 'image/jpeg', size: photo.length }, petitioner()));
      expect(declared.status).toBe(201);
      const uploaded = await fetch(declared.body.uploadUrl, { method: 'PUT', headers: declared.body.uploadHeaders, body: photo });
      expect(uploaded.ok).toBe(true);
      expect((await json(`/v1/cases/${id}/attachments/${declared.body.id}/complete`, postJson({}, petitioner()))).status).toBe(200);

      const afterIntake = await routed(api, id, accessCode);
      expect(afterIntake.caseNumber).toBe(caseNumber);
      expect(afterIntake.attachments).toEqual([expect.objectContaining({ fileName: '漏水.jpg' })]);

      // 3. An SMS at each step, naming the case number: received, accepted, the reply.
      const told: OutboxMessage[] = [];
      const step = async (action: () => Promise<void>) => {
        const count = (await outbox()).length;
        await action();
        const sms = await nextMessage(count);
        expect(sms.text).toContain(caseNumber);
        told.push(sms);
      };
      told.push(await eventually(async () => (await outbox()).find((m) => m.text.includes(caseNumber)), 60));
      await step(async () => {
        expect((await json(`/v1/cases/${id}/acceptance`, postJson({ decision: 'accept' }, await as('330726', 'clerk')))).status).toBe(200);
      });

      // 4. Urging: once, then not again within the interval.
      const urged = await json(`/v1/cases/${id}/urge`, postJson({ note: '请尽快处理' }, petitioner()));
      expect(urged.status).toBe(200);
      expect(Date.parse(urged.body.nextAllowedAt)).toBeGreaterThan(Date.parse(urged.body.urgedAt));
      const again = await json(`/v1/cases/${id}/urge`, postJson({}, petitioner()));
      expect(again.status).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);

      // The deployed defaults: the housing department signs for the case, and its leader signs off the handler's reply.
      expect((await json(`/v1/cases/${id}/receipt`, postJson({ decision: 'sign' }, await as('330726:housing', 'clerk')))).status).toBe(200);
      const drafted = await json(`/v1/cases/${id}/reply`, postJson({ opinion: '已安排维修，三日内完成。' }, await as('330726:housing', 'handler')));
      expect(drafted.body).toMatchObject({ status: 'accepted', replyDraft: { opinion: '已安排维修，三日内完成。' } });
      await step(async () => {
        expect((await json(`/v1/cases/${id}/reply/approval`, postJson({ approve: true }, await as('330726:housing', 'leader')))).body.status).toBe('replied');
      });
      const messages = await json(`/v1/cases/${id}/messages`, { headers: petitioner() });
      expect(messages.status).toBe(200);
      expect(messages.body.items.map((m: { text: string }) => m.text)).toEqual(expect.arrayContaining(told.map((m) => m.text)));
      for (const sms of await outbox()) {
        for (const secret of [NAME, CONTENT, PHONE, petition.title as string]) expect(sms.text).not.toContain(secret);
      }

      // 5. The code is lost: a new one comes by SMS, and the old one stops working. The phone's
      // proof is still good (30 minutes once used): one SMS serves both, and a second within the minute is refused.
      const lost = accessCode;
      expect((await json('/v1/verifications', postJson({ phone: PHONE }))).status).toBe(429);
      const proof = verification;
      const count = (await outbox()).length;
      expect((await json('/v1/access-recovery', postJson({ verification: proof }))).status).toBe(202);
      const recovery = await nextMessage(count);
      expect(recovery.text).toContain(caseNumber);
      accessCode = ACCESS_CODE.exec(recovery.text)?.[0] as string;
      expect(accessCode).toBeDefined();
      expect((await progress(api, id, lost)).status).toBe(404);
      expect((await progress(api, id, accessCode)).status).toBe(200);

      // 6. A copy of the submission without a proven phone learns nothing and changes nothing.
      const staff = await as('330726', 'clerk');
      const before = (await json(`/v1/cases/${id}`, { headers: staff })).body;
      for (const unproven of [petition, { ...petition, verification: { id: proof.id, code: proof.code === '000000' ? '111111' : '000000' } }]) {
        const copy = await json('/v1/cases', postJson(unproven));
        expect(copy.status).toBe(400);
        expect(JSON.stringify(copy.body)).not.toContain(id);
        expect(JSON.stringify(copy.body)).not.toContain(caseNumber);
      }
      const after = (await json(`/v1/cases/${id}`, { headers: staff })).body;
      expect(after.version).toBe(before.version);
      expect(after.repeatCount).toBe(before.repeatCount);
    } finally {
      expect(await stop(runtime)).toBe(0);
    }
  });
});
