/**
 * Phone verification as the policy asks for it by default: codes by SMS
 * (read from the outbox), a submission without one or with a bad one
 * refused and nothing created, the limits per phone and per client address,
 * wall-clock times whatever TIME_SCALE says. Every log line written meanwhile
 * is captured, at DEBUG: no phone, code or name may appear in it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  // The default policy: phone verification required. A policy day lasts a second, codes 5 real minutes.
  process.env.POLICY = '{}';
  process.env.TIME_SCALE = '86400';
});
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { indexPhones } from '../../functions/migrations/index-phones.ts';
import { phoneHashOf } from '../../functions/domain/verification.ts';
import { deploymentKeys } from '../../functions/shared/secrets.ts';
import { caseIdsOfPhone } from '../../functions/store/cases.ts';
import { documents, tableName } from '../../functions/store/client.ts';
import { phoneCaseKey } from '../../functions/store/keys.ts';
import type { MigrationPosition } from '../../functions/store/migrations.ts';
import { countEntries, submission, testSystem, type TestSystem } from '../support/emulators.ts';
import { captureOutput } from '../support/captured-output.ts';

let system: TestSystem;
let output: ReturnType<typeof captureOutput>;
const NAME = '司马十七';
const secrets: string[] = [NAME];

beforeAll(async () => {
  output = captureOutput();
  system = await testSystem();
});
afterAll(async () => {
  output.restore();
  vi.useRealTimers();
  await system.close();
});

let phones = 0;
/** A phone of its own for each scenario, so that their limits do not meet. */
const newPhone = () => {
  const phone = `1360000${String(phones++).padStart(4, '0')}`;
  secrets.push(phone);
  return phone;
};

async function requestCode(phone: string) {
  return system.call('POST', '/v1/verifications', { body: { phone } });
}

/** The code the SMS brought: the sender worker delivers what the queue holds, then the outbox is read. */
async function codeSentTo(phone: string): Promise<string> {
  const messages = await system.receive('petitionerMessage', 10, 2);
  if (messages.length > 0) await system.consume('petitionerMessage', messages);
  const sms = (await system.outbox(phone)).filter((entry) => entry.kind === 'verification').at(-1);
  const code = /\d{6}/.exec(sms?.text ?? '')?.[0];
  if (!code) throw new Error('no code was sent');
  secrets.push(code);
  return code;
}

async function verified(phone: string): Promise<{ id: string; code: string }> {
  const answer = await requestCode(phone);
  expect(answer.status).toBe(202);
  return { id: answer.body.verificationId, code: await codeSentTo(phone) };
}

const submit = (phone: string, verification?: unknown, overrides: Record<string, unknown> = {}) =>
  system.call('POST', '/v1/cases', { body: submission({ petitioner: { name: NAME, phone }, ...(verification !== undefined && { verification }), ...overrides }) });

describe('phone verification', () => {
  it('a code by SMS, good for 5 real minutes whatever the time scale; the same answer for any phone', async () => {
    const phone = newPhone();
    const before = Date.now();
    const answer = await requestCode(phone);
    expect(answer.status).toBe(202);
    expect(Object.keys(answer.body).sort()).toEqual(['expiresAt', 'verificationId']);
    const ttl = Date.parse(answer.body.expiresAt) - before;
    expect(ttl).toBeGreaterThan(299_000);
    expect(ttl).toBeLessThan(302_000);
    const code = await codeSentTo(phone);
    expect(code).toMatch(/^\d{6}$/);
    const unknown = await requestCode(newPhone());
    expect(unknown.status).toBe(202);
    expect(Object.keys(unknown.body).sort()).toEqual(['expiresAt', 'verificationId']);
  });

  it('a submission without a verification, or with a wrong one, is refused and creates nothing; with it, it is taken in', async () => {
    const phone = newPhone();
    const proof = await verified(phone);
    const entries = await countEntries(system);
    const without = await submit(phone);
    expect(without.status).toBe(400);
    expect(without.body.errors).toEqual([{ path: 'verification', message: expect.any(String) }]);
    const wrong = await submit(phone, { id: proof.id, code: proof.code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'verification.code', message: 'the code is wrong' }]);
    const unknown = await submit(phone, { id: 'no-such-verification', code: proof.code });
    expect(unknown.status).toBe(400);
    // A wrong try is counted on the verification; no case, message or answer is written.
    expect(await countEntries(system)).toBe(entries);
    const other = await submit(newPhone(), proof);
    expect(other.status).toBe(400);
    expect(other.body.errors[0].message).toContain('another phone');

    expect((await submit(phone, proof)).status).toBe(201);
    // Good for that phone for 30 minutes: a second matter needs no second SMS.
    expect((await submit(phone, proof, { category: 'labour' })).status).toBe(201);
    expect((await system.outbox(phone)).filter((entry) => entry.kind === 'verification')).toHaveLength(1);
  });

  it('expires after 5 minutes unused, and 30 minutes after its first use', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const phone = newPhone();
      const unused = await verified(phone);
      vi.setSystemTime(Date.now() + 5 * 60_000 + 1000);
      expect((await submit(phone, unused)).body.errors).toEqual([{ path: 'verification.code', message: expect.stringContaining('expired') }]);
      vi.setSystemTime(Date.now() + 60_000);
      const used = await verified(phone);
      expect((await submit(phone, used)).status).toBe(201);
      vi.setSystemTime(Date.now() + 29 * 60_000);
      expect((await submit(phone, used, { category: 'labour' })).status).toBe(201);
      vi.setSystemTime(Date.now() + 2 * 60_000);
      expect((await submit(phone, used, { category: 'health' })).status).toBe(400);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is void after 5 wrong tries', async () => {
    const phone = newPhone();
    const proof = await verified(phone);
    const wrongCode = proof.code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await submit(phone, { id: proof.id, code: wrongCode })).status).toBe(400);
    const right = await submit(phone, proof);
    expect(right.status).toBe(400);
    expect(right.body.errors[0].message).toContain('void');
  });

  it('one request per phone a minute and ten a day, 429 with Retry-After', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // Early in a China day, so that the ten fit in it.
      const day = new Date();
      day.setUTCHours(17, 0, 0, 0);
      vi.setSystemTime(day.getTime() + 86_400_000);
      const phone = newPhone();
      expect((await requestCode(phone)).status).toBe(202);
      const again = await requestCode(phone);
      expect(again.status).toBe(429);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(55);
      expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      for (let i = 1; i < 10; i++) {
        vi.setSystemTime(Date.now() + 61_000);
        expect((await requestCode(phone)).status).toBe(202);
      }
      vi.setSystemTime(Date.now() + 61_000);
      const eleventh = await requestCode(phone);
      expect(eleventh.status).toBe(429);
      expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(3600);
    } finally {
      vi.useRealTimers();
    }
  });

  it('thirty requests per client address an hour', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const hour = new Date();
      hour.setUTCMinutes(0, 0, 0);
      vi.setSystemTime(hour.getTime() + 2 * 86_400_000 + 60_000);
      for (let i = 0; i < 30; i++) expect((await requestCode(newPhone())).status).toBe(202);
      const beyond = await requestCode(newPhone());
      expect(beyond.status).toBe(429);
      expect(beyond.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(beyond.headers.get('retry-after'))).toBeGreaterThan(3000);
    } finally {
      vi.useRealTimers();
      await system.receive('petitionerMessage', 100, 1);
    }
  });
});

describe('access recovery', () => {
  it('new codes by SMS for each open case of the verified phone; the old ones stop working; the answer holds none', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const phone = newPhone();
      const proof = await verified(phone);
      const first = await submit(phone, proof);
      const second = await submit(phone, proof, { category: 'labour' });
      expect([first.status, second.status]).toEqual([201, 201]);
      vi.setSystemTime(Date.now() + 61_000);
      const again = await verified(phone);
      const answer = await system.call('POST', '/v1/access-recovery', { body: { verification: again } });
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({});
      const messages = await system.receive('petitionerMessage', 20, 2);
      await system.consume('petitionerMessage', messages);
      const codes = (await system.outbox(phone)).filter((entry) => entry.kind === 'access_code').map((entry) => /\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/.exec(entry.text)?.[0] ?? '');
      expect(codes).toHaveLength(2);
      secrets.push(...codes, first.body.accessCode, second.body.accessCode);
      for (const { body } of [first, second]) {
        expect((await system.call('GET', `/v1/cases/${body.id}/progress`, { headers: { 'x-access-code': body.accessCode } })).status).toBe(404);
      }
      const opened = await Promise.all(codes.map(async (code) => (await system.call('GET', `/v1/cases/${first.body.id}/progress`, { headers: { 'x-access-code': code } })).status));
      expect(opened.sort()).toEqual([200, 404]);
      const messages2 = await Promise.all(codes.map(async (code) => (await system.call('GET', `/v1/cases/${first.body.id}/messages`, { headers: { 'x-access-code': code } })).status));
      expect(messages2.sort()).toEqual([200, 404]);
      const wrong = await system.call('POST', '/v1/access-recovery', { body: { verification: { id: again.id, code: again.code === '000000' ? '111111' : '000000' } } });
      expect(wrong.status).toBe(400);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the phone index migration', () => {
  it('lets a case taken in before recovery existed (no phone entry) be recovered', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const phone = newPhone();
      const old = await submit(phone, await verified(phone));
      expect(old.status).toBe(201);
      secrets.push(old.body.accessCode);
      const phoneHash = phoneHashOf(deploymentKeys().verification, phone);
      // The shape of a case taken in by the release before: no entry under its phone.
      await documents.send(new DeleteCommand({ TableName: tableName(), Key: phoneCaseKey(phoneHash, old.body.id) }));
      expect(await caseIdsOfPhone(phoneHash)).toEqual([]);

      const runAll = async () => {
        let changed = 0;
        let position: MigrationPosition | undefined;
        do {
          const page = await indexPhones.run(position);
          changed += page.changed;
          position = page.next;
        } while (position !== undefined);
        return changed;
      };
      expect(await runAll()).toBeGreaterThanOrEqual(1);
      expect(await caseIdsOfPhone(phoneHash)).toEqual([old.body.id]);
      // Run again (a page cut short, a second deploy): the entry is there already.
      await runAll();
      expect(await caseIdsOfPhone(phoneHash)).toEqual([old.body.id]);

      vi.setSystemTime(Date.now() + 61_000);
      const answer = await system.call('POST', '/v1/access-recovery', { body: { verification: await verified(phone) } });
      expect(answer.status).toBe(202);
      await system.consume('petitionerMessage', await system.receive('petitionerMessage', 20, 2));
      const codes = (await system.outbox(phone)).filter((entry) => entry.kind === 'access_code');
      expect(codes).toHaveLength(1);
      secrets.push(/\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/.exec(codes[0]?.text ?? '')?.[0] ?? '');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('logs', () => {
  it('hold no phone, code or name of what went through', () => {
    const logs = output.text();
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(logs.includes(secret), secret).toBe(false);
  });
});
