/**
 * The petitioner's pages in a real Chromium (Debian's, driven by
 * playwright-core) against the local runtime that `npm start` runs: a
 * petitioner's journey on a phone-sized screen, every page checked by
 * axe-core for WCAG 2.1 AA under its own CSP, and a screenshot of each page
 * kept in test/artifacts/pages/.
 *
 * The journey runs with phone verification required, as deployed: the codes
 * and the new access codes are read from the local outbox, and a place at a
 * visit is booked the same way. The pages' parts for the channel's routes
 * are also held to the contract's answers given in the browser, for what the
 * journey cannot reach (the last block).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../functions/domain/staff.ts';
import { localSigningKey, signStaffToken } from '../../lib/local/identity.ts';
import { startLocalRuntime, type LocalRuntime } from '../../lib/local/runtime.ts';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/chromium.ts';
import { postJson } from '../support/emulators.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts/pages');
/** A 1×1 PNG: the photo the petitioner attaches. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let runtime: LocalRuntime;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dataDir: string;
/** Every address the pages asked for, and what the console said of the CSP. */
const requested: string[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'petitions-pages-'));
  // The test run turns phone verification off (vitest.config.ts); the pages are used as deployed, with it on.
  process.env.POLICY = '{}';
  [runtime, browser] = await Promise.all([startLocalRuntime({ port: 0, dataDir, timeScale: 1, sweepIntervalSeconds: 3600 }), launchBrowser()]);
  await mkdir(ARTIFACTS, { recursive: true });
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page = await context.newPage();
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function staff(unit: string, role: Role): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signStaffToken(await localSigningKey(dataDir), { sub: `${role}@${unit}`, unit, roles: [role] })}` };
}

async function open(path: string): Promise<void> {
  await page.goto(`${runtime.apiUrl}/${path}`);
  await page.waitForLoadState('networkidle');
}

/** The page meets WCAG 2.1 AA as axe sees it, and its screenshot is kept. */
async function checked(name: string): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function chooseRegion(prefix: string, codes: string[]): Promise<void> {
  for (const [depth, code] of codes.entries()) {
    await page.locator(`#${prefix}-${depth} option[value="${code}"]`).waitFor({ state: 'attached' });
    await page.selectOption(`#${prefix}-${depth}`, code);
  }
}

const PUJIANG = ['330000', '330700', '330726'];
const PHONE = '13800138000';
/** When the journey's phone last asked for a code: a phone may ask once a minute (wall clock). */
let codeAskedAt = 0;

/** The SMS the local outbox has for the phone, oldest first. */
async function outbox(phone: string): Promise<Array<{ kind: string; text: string }>> {
  const response = await fetch(`${runtime.apiUrl}/local/outbox?phone=${phone}`);
  return ((await response.json()) as { items: Array<{ kind: string; text: string }> }).items;
}

/** The first capture of `pattern` in the newest SMS of `kind` sent to the phone after the first `after`. */
async function sentTo(phone: string, kind: string, pattern: RegExp, after = 0): Promise<string> {
  let found: string | undefined;
  const newest = async () => (found = (await outbox(phone)).slice(after).filter((sms) => sms.kind === kind).at(-1)?.text.match(pattern)?.[1]);
  await expect.poll(newest, SOON).toBeDefined();
  return found ?? '';
}

/** Asks for a code at the form's phone field and types the one the outbox got. */
async function verifyPhone(form: string): Promise<void> {
  const before = (await outbox(PHONE)).length;
  await page.click(`${form} >> text=获取验证码`);
  codeAskedAt = Date.now();
  await expect.poll(() => page.textContent(form), SOON).toContain('验证码已发送');
  await page.fill('#verification-code', await sentTo(PHONE, 'verification', /验证码为(\d{6})/, before));
}

/** How long a page may take to show an answer: the machine may be busy with other suites. */
const SOON = { timeout: 15_000 };
let submitted: { id: string; accessCode: string };

describe('the petitioner’s pages in Chromium', { timeout: 120_000 }, () => {
  it('are served at / with a CSP that allows no inline script and no other host', async () => {
    const response = await fetch(`${runtime.apiUrl}/`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    // Every script is a file of the site's own.
    expect([...html.matchAll(/<script\b[^>]*>/g)].every(([tag]) => / src="[\w-]+\.js"/.test(tag))).toBe(true);
  });

  it('submit: the server’s problem shows next to the field it names, the phone is verified with the code from the local outbox, a 5xx keeps what was typed and the retry sends the same Idempotency-Key, and the photo is uploaded', async () => {
    await open('');
    await checked('submit');
    await page.selectOption('#category', 'housing');
    await chooseRegion('region', PUJIANG);
    await page.fill('#title', '楼顶漏水');
    await page.fill('#content', '楼顶漏水三个月，物业不予处理。');
    await page.fill('#name', '张三');
    await page.fill('#phone', '12345');
    await page.setInputFiles('#photos', { name: '漏水.png', mimeType: 'image/png', buffer: PHOTO });
    await page.click('#submit-form button[type="submit"]');

    const phoneField = page.locator('.field', { has: page.locator('#phone') });
    await expect.poll(() => phoneField.locator('.field-error').textContent(), SOON).toContain('mainland mobile');
    expect(await page.getAttribute('#phone', 'aria-invalid')).toBe('true');
    await checked('submit-problem');

    // The service fails once: a retry is offered, nothing typed is lost.
    await page.fill('#phone', PHONE);
    await verifyPhone('#submit-form');
    const keys: string[] = [];
    const record = (request: Request) => {
      if (request.method() === 'POST' && request.url().endsWith('/v1/cases')) keys.push(request.headers()['idempotency-key'] ?? '');
    };
    page.on('request', record);
    await page.route('**/v1/cases', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"Service Unavailable"}' }), { times: 1 });
    await page.click('#submit-form button[type="submit"]');
    await page.locator('.form-status.unreachable button.retry').waitFor();
    expect(await page.inputValue('#title')).toBe('楼顶漏水');
    expect(await page.inputValue('#phone')).toBe(PHONE);
    await checked('submit-retry');
    await page.click('.form-status.unreachable button.retry');

    await page.locator('#access-code').waitFor();
    page.off('request', record);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    submitted = { id: (await page.textContent('#case-id')) ?? '', accessCode: (await page.textContent('#access-code')) ?? '' };
    expect(submitted.accessCode).toMatch(/\S{8,}/);
    await expect.poll(() => page.textContent('.uploads'), { timeout: 20_000 }).toContain('漏水.png：已上传');
    await checked('submitted');
  });

  it('follow: a wrong access code gets the same “not found” as an unknown case; offline keeps what was typed and retries', async () => {
    await open('follow.html');
    // The case of this tab is remembered: clear it to look up by hand.
    await page.locator('#case-heading').waitFor();
    await page.click('text=查询其他事项');

    const notFound = async (id: string, accessCode: string) => {
      await page.fill('#case-id', id);
      await page.fill('#access-code-input', accessCode);
      await page.click('#lookup-form button[type="submit"]');
      await page.locator('#lookup-form .form-status.problem').waitFor();
      return page.textContent('#lookup-form .form-status');
    };
    const wrongCode = await notFound(submitted.id, 'WRONG-CODE-0000');
    const unknownCase = await notFound('00000000-0000-4000-8000-000000000000', submitted.accessCode);
    expect(wrongCode).toContain('没有找到');
    expect(wrongCode).toBe(unknownCase);
    await checked('follow-not-found');

    await context.setOffline(true);
    await page.fill('#case-id', submitted.id);
    await page.fill('#access-code-input', submitted.accessCode);
    await page.click('#lookup-form button[type="submit"]');
    await page.locator('#lookup-form .form-status.unreachable').waitFor();
    expect(await page.inputValue('#access-code-input')).toBe(submitted.accessCode);
    await context.setOffline(false);
    await page.click('#lookup-form button.retry');
    await page.locator('#case-heading').waitFor();
    expect(await page.textContent('#case-status')).toBe('待受理');
    await expect.poll(() => page.textContent('.attachments'), SOON).toContain('漏水.png');
  });

  it('follow: once the reply is given, the petitioner rates it dissatisfied and asks for review', async () => {
    await eventuallyRouted();
    const path = `${runtime.apiUrl}/v1/cases/${submitted.id}`;
    expect((await fetch(`${path}/acceptance`, postJson({ decision: 'accept' }, await staff('330726', 'clerk')))).status).toBe(200);
    // The deployed defaults: the unit signs for the case, a handler drafts the reply and its leader releases it.
    expect((await fetch(`${path}/receipt`, postJson({ decision: 'sign' }, await staff('330726:housing', 'clerk')))).status).toBe(200);
    expect((await fetch(`${path}/reply`, postJson({ opinion: '已督促物业维修屋面。' }, await staff('330726:housing', 'handler')))).status).toBe(200);
    expect((await fetch(`${path}/reply/approval`, postJson({ approve: true }, await staff('330726:housing', 'leader')))).status).toBe(200);

    await open('follow.html');
    await page.locator('#evaluation-form').waitFor();
    expect(await page.textContent('#case-status')).toBe('已答复');
    await checked('follow');
    await page.check('#evaluation-form input[value="dissatisfied"]');
    await page.fill('#evaluation-comment', '屋面仍漏水。');
    await page.click('#evaluation-form button[type="submit"]');
    await expect.poll(() => page.textContent('#follow-status'), SOON).toBe('感谢您的评价。');

    await page.fill('#review-reason', '维修后仍然漏水，请上级复查。');
    await page.click('#review-form button[type="submit"]');
    await expect.poll(() => page.textContent('#follow-status'), SOON).toBe('复查申请已提交。');
    expect(await page.textContent('#case-status')).toBe('复查中');
    expect(await page.textContent('.timeline')).toContain('已督促物业维修屋面');
    await checked('follow-under-review');
  });

  it('follow: the messages sent about the case, and urging it (a second urge within the week is too soon)', async () => {
    await open('follow.html');
    await expect.poll(() => page.textContent('.messages'), SOON).toContain('已作出答复');
    expect(await page.textContent('.messages')).toContain('已登记');
    await page.fill('#urge-note', '请尽快复查。');
    await page.click('#urge-form button[type="submit"]');
    await expect.poll(() => page.textContent('#follow-status'), SOON).toMatch(/^已催办。下次可催办时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}。$/);
    await expect.poll(() => page.textContent('.timeline'), SOON).toContain('您已催办');
    await checked('follow-urged');
    await page.click('#urge-form button[type="submit"]');
    await page.locator('#urge-form .form-status.problem').waitFor(SOON);
    await checked('follow-urge-too-soon');
  });

  it('visits: the visits announced in the region chosen', async () => {
    const startsAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const visit = { leader: { name: '王明', title: '县委书记' }, regionCode: '330726', startsAt, venue: '浦江县信访局接待大厅', departments: ['330726:housing'] };
    expect((await fetch(`${runtime.apiUrl}/v1/visits`, postJson(visit, await staff('330726', 'leader')))).status).toBe(201);
    // The region chosen on the submit page is remembered on this device.
    await open('visits.html');
    await expect.poll(() => page.textContent('#visit-list'), SOON).toContain('浦江县信访局接待大厅');
    await checked('visits');
  });

  it('figures: the three rates, the volumes and the trend as charts, with no personal data', async () => {
    await open('figures.html');
    await page.locator('#figures figure').first().waitFor();
    expect(await page.locator('#figures figure').count()).toBe(4);
    const text = (await page.textContent('#figures')) ?? '';
    for (const rate of ['及时受理率', '按期办结率', '群众满意率', '住房城乡建设']) expect(text).toContain(rate);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('13800138000');
    await checked('figures');
  });

  it('recover: the verified phone gets new access codes by SMS, and the old one stops working', async () => {
    await open('recover.html');
    await checked('recover');
    await page.fill('#phone', PHONE);
    // The phone asked for its code at submission: it may ask again a minute later (wall clock, never scaled).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, codeAskedAt + 61_000 - Date.now())));
    await verifyPhone('#recover-form');
    await page.click('#recover-form button[type="submit"]');
    await expect.poll(() => page.textContent('#recover-result'), SOON).toContain('新的查询码已通过短信发送');
    expect(await page.textContent('#recover-result')).not.toContain(submitted.accessCode);
    await checked('recovered');

    const accessCode = await sentTo(PHONE, 'access_code', /新查询码为(.+?)，/);
    expect(accessCode).not.toBe(submitted.accessCode);
    const progress = (code: string) => fetch(`${runtime.apiUrl}/v1/cases/${submitted.id}/progress`, { headers: { 'x-access-code': code } }).then((response) => response.status);
    expect(await progress(submitted.accessCode)).toBe(404);
    expect(await progress(accessCode)).toBe(200);
    submitted = { ...submitted, accessCode };
  });

  it('loaded nothing from another host and broke no CSP rule', () => {
    const hosts = new Set(requested.map((url) => new URL(url).hostname));
    expect([...hosts].filter((host) => host !== 'localhost' && host !== '127.0.0.1')).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('visits: books a place with the phone verified by the code from the outbox; the ticket and the slot are shown', async () => {
    const startsAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const visit = { leader: { name: '李华', title: '县长' }, regionCode: '330726', startsAt, venue: '县信访局预约接待室', departments: ['330726:housing'], capacity: 10, slotMinutes: 15 };
    expect((await fetch(`${runtime.apiUrl}/v1/visits`, postJson(visit, await staff('330726', 'leader')))).status).toBe(201);
    await open('visits.html');
    const card = page.locator('li.card', { hasText: '县信访局预约接待室' });
    await expect.poll(() => card.textContent(), SOON).toContain('可预约名额：10');
    await card.getByRole('button', { name: '预约接访' }).click();
    await card.getByLabel('事项类别').selectOption('housing');
    await card.getByLabel('简要说明').fill('安置房墙体开裂，多次反映未果');
    await card.getByLabel('来访人数').fill('2');
    const phone = '13955550001';
    await card.getByLabel('手机号码').fill(phone);
    await card.getByRole('button', { name: '获取验证码' }).click();
    await card.getByLabel('短信验证码').fill(await sentTo(phone, 'verification', /验证码为(\d{6})/));
    await card.getByRole('button', { name: '提交预约' }).click();
    await expect.poll(() => card.textContent(), SOON).toContain('预约成功');
    expect(await card.locator('.ticket').textContent()).toBe('1');
    // The booking code to cancel with comes by SMS only.
    expect(await sentTo(phone, 'booking_confirmed', /(\d{8})/)).toMatch(/^\d{8}$/);
    await checked('visits-booked');
  });
});

/**
 * The pages' parts for the channel's routes, held to the contract
 * (docs/API.md, version 1.1) with those routes answered in the browser as
 * the contract words them: exactly what the pages send, and the answers the
 * journey does not meet (a wrong code, a phone asking too soon).
 */
describe("the pages' parts for the channel's routes, against the contract's answers", { timeout: 120_000 }, () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers,
    contentType: status >= 400 ? 'application/problem+json' : 'application/json',
    body: JSON.stringify(body),
  });

  it('submit: asks for a code for the phone typed, and sends verification { id, code } with the petition', async () => {
    const asked: unknown[] = [];
    let sent: Record<string, unknown> | undefined;
    await page.route('**/v1/verifications', async (route) => {
      asked.push(route.request().postDataJSON());
      await route.fulfill(json(202, { verificationId: 'verification-1', expiresAt: new Date(Date.now() + 300_000).toISOString() }));
    });
    await page.route('**/v1/cases', async (route) => {
      sent = route.request().postDataJSON() as Record<string, unknown>;
      await route.fulfill(json(201, { id: 'case-1', accessCode: 'ABCD-EFGH-JKLM', caseNumber: '330726-2026-000123', status: 'received', receivedAt: new Date().toISOString(), acceptanceDueAt: new Date().toISOString() }));
    });
    try {
      await open('');
      await page.selectOption('#category', 'housing');
      await chooseRegion('region', PUJIANG);
      await page.fill('#title', '路灯不亮');
      await page.fill('#content', '村口路灯坏了两个月。');
      await page.fill('#name', '李四');
      await page.fill('#phone', '13900139000');
      await page.click('text=获取验证码');
      await expect.poll(() => page.textContent('#submit-form'), SOON).toContain('验证码已发送');
      expect(asked).toEqual([{ phone: '13900139000' }]);
      await page.fill('#verification-code', '123456');
      await page.click('#submit-form button[type="submit"]');
      await page.locator('#case-number').waitFor();
      expect(sent?.verification).toEqual({ id: 'verification-1', code: '123456' });
      expect(await page.textContent('#case-number')).toBe('330726-2026-000123');
    } finally {
      await page.unrouteAll();
    }
  });

  it('submit: a wrong code (400, path verification.code) shows at the code field; 429 too soon shows at the phone', async () => {
    await page.route('**/v1/verifications', (route) =>
      route.fulfill(json(429, { type: 'about:blank', title: 'Too many requests', status: 429, detail: 'One code a minute for a phone.', errors: [{ path: 'phone', message: 'wait 60 s' }] }, { 'retry-after': '60' })),
    );
    await page.route('**/v1/cases', (route) =>
      route.fulfill(json(400, { type: 'about:blank', title: 'Invalid request', status: 400, detail: 'The body is not valid.', errors: [{ path: 'verification.code', message: 'wrong or expired code' }] })),
    );
    try {
      await open('');
      await page.fill('#phone', '13900139000');
      await page.click('text=获取验证码');
      const phoneField = page.locator('.field', { has: page.locator('#phone') });
      await expect.poll(() => phoneField.locator('.field-error').textContent(), SOON).toBe('wait 60 s');

      await page.selectOption('#category', 'housing');
      await chooseRegion('region', PUJIANG);
      await page.fill('#title', '路灯不亮');
      await page.fill('#content', '村口路灯坏了两个月。');
      await page.fill('#name', '李四');
      await page.fill('#verification-code', '000000');
      await page.click('#submit-form button[type="submit"]');
      const codeField = page.locator('.field', { has: page.locator('#verification-code') });
      await expect.poll(() => codeField.locator('.field-error').textContent(), SOON).toBe('wrong or expired code');
      expect(await page.getAttribute('#verification-code', 'aria-invalid')).toBe('true');
    } finally {
      await page.unrouteAll();
    }
  });

  it('follow: lists the messages sent, and urges the case (then 429 too soon, shown as the server words it)', async () => {
    const sentAt = new Date().toISOString();
    let urged: { body: unknown; code: string | undefined; key: string | undefined } | undefined;
    await page.route(`**/v1/cases/${submitted.id}/messages`, (route) =>
      route.fulfill(json(200, { items: [{ at: sentAt, kind: 'received', text: '您的信访事项已登记，编号330726-2026-000123。', status: 'delivered' }] })),
    );
    await page.route(`**/v1/cases/${submitted.id}/urge`, async (route) => {
      const request = route.request();
      if (urged) return route.fulfill(json(429, { type: 'about:blank', title: 'Too soon', status: 429, detail: '7 天内只能催办一次。', errors: [] }, { 'retry-after': '604800' }));
      urged = { body: request.postDataJSON(), code: request.headers()['x-access-code'], key: request.headers()['idempotency-key'] };
      return route.fulfill(json(200, { urgedAt: new Date().toISOString(), nextAllowedAt: '2026-12-10T08:00:00.000Z' }));
    });
    try {
      // The tab remembers the stubbed submission's case: this one is looked up by hand.
      await open('follow.html');
      await page.evaluate('sessionStorage.clear()');
      await open('follow.html');
      await page.fill('#case-id', submitted.id);
      await page.fill('#access-code-input', submitted.accessCode);
      await page.click('#lookup-form button[type="submit"]');
      await expect.poll(() => page.textContent('.messages'), SOON).toContain('编号330726-2026-000123');
      expect(await page.textContent('.messages')).toContain('已送达');
      // Under review, the case is open: it may be urged.
      await page.fill('#urge-note', '请尽快复查。');
      await page.click('#urge-form button[type="submit"]');
      await expect.poll(() => page.textContent('#follow-status'), SOON).toBe('已催办。下次可催办时间：2026-12-10 16:00。');
      expect(urged).toEqual({ body: { note: '请尽快复查。' }, code: submitted.accessCode, key: expect.stringMatching(/\S{16,}/) });
      await page.click('#urge-form button[type="submit"]');
      await expect.poll(() => page.textContent('#urge-form .form-status'), SOON).toContain('7 天内只能催办一次。');
      await checked('follow-messages-urge');
    } finally {
      await page.unrouteAll();
    }
  });

  it('recover: sends the verification, and says new codes are on their way without showing any', async () => {
    let sent: unknown;
    await page.route('**/v1/verifications', (route) => route.fulfill(json(202, { verificationId: 'verification-2', expiresAt: new Date(Date.now() + 300_000).toISOString() })));
    await page.route('**/v1/access-recovery', async (route) => {
      sent = route.request().postDataJSON();
      await route.fulfill({ status: 202, body: '' });
    });
    try {
      await open('recover.html');
      await page.fill('#phone', '13800138000');
      await page.click('text=获取验证码');
      await expect.poll(() => page.textContent('#recover-form'), SOON).toContain('验证码已发送');
      await page.fill('#verification-code', '654321');
      await page.click('#recover-form button[type="submit"]');
      await expect.poll(() => page.textContent('#recover-result'), SOON).toContain('新的查询码已通过短信发送');
      expect(sent).toEqual({ verification: { id: 'verification-2', code: '654321' } });
      await checked('recovered');
    } finally {
      await page.unrouteAll();
    }
  });
});

/** Routing runs from the queue: the case has its office once the timeline says so. */
async function eventuallyRouted(): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await fetch(`${runtime.apiUrl}/v1/cases/${submitted.id}/progress`, { headers: { 'x-access-code': submitted.accessCode } });
        const { timeline } = (await response.json()) as { timeline: Array<{ event: string }> };
        return timeline.map((step) => step.event);
      },
      { timeout: 20_000 },
    )
    .toContain('routed');
}
