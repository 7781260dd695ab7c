/**
 * The hardening, through the API on the emulators: tokens that never expire,
 * departments registering cases, hidden characters in text, and reports
 * scoped like cases.
 */
import { importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../lib/local/identity.ts';
import { bearer, countEntries, submission, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();

const call = (method: string, path: string, token: string | undefined, body?: unknown) => system.call(method, path, { token, body });

/** A token signed with the system's own key, valid in every way, but with no `exp`. */
async function tokenWithoutExpiry(unit: string, role: string): Promise<string> {
  const { privateJwk } = system.signingKey;
  return new SignJWT({ unit, roles: role, token_use: 'id' })
    .setProtectedHeader({ alg: privateJwk.alg!, kid: privateJwk.kid ?? 'local' })
    .setSubject(`${role}@${unit}`)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .sign(await importJWK(privateJwk, privateJwk.alg));
}

describe('staff tokens', () => {
  it('without an expiry are refused (401) by the gateway on staff routes and by the handler on optional ones', async () => {
    const forever = await tokenWithoutExpiry('330726', 'clerk');
    const listed = await call('GET', '/v1/cases', forever);
    expect(listed.status).toBe(401);
    const before = await countEntries(system);
    const registered = await call('POST', '/v1/cases', forever, submission({ channel: 'letter' }));
    expect(registered.status).toBe(401);
    expect(registered.type).toBe('application/problem+json');
    expect(await countEntries(system)).toBe(before);
    // The same claims with an expiry are accepted: the refusal is the missing exp.
    expect((await call('GET', '/v1/cases', await system.token('330726', 'clerk'))).status).toBe(200);
  });
});

describe('registering a case', () => {
  it('is for a petition office: a department clerk gets 403 and nothing is written', async () => {
    const before = await countEntries(system);
    const department = await call('POST', '/v1/cases', await system.token('330726:housing', 'clerk'), submission({ channel: 'letter' }));
    expect(department.status).toBe(403);
    expect(department.body.detail).toMatch(/petition office/);
    expect(await countEntries(system)).toBe(before);
    const office = await call('POST', '/v1/cases', await system.token('330726', 'clerk'), submission({ channel: 'letter', petitioner: { name: '李四', phone: '13900139001' } }));
    expect(office.status).toBe(201);
  });
});

describe('text fields', () => {
  it('refuse a right-to-left override with a 400 naming the field, and write nothing', async () => {
    const before = await countEntries(system);
    const refused = await call('POST', '/v1/cases', undefined, submission({ title: '楼顶漏水\u202e理处不', petitioner: { name: '王五', phone: '13900139002' } }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'title', message: expect.stringContaining('U+202E') }]);
    expect(await countEntries(system)).toBe(before);
  });

  it('refuse a lone surrogate and a zero-width space in a name, and keep line breaks in the content', async () => {
    const lone = await system.api('/v1/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Written as JSON escapes: raw bytes could not carry an unpaired surrogate.
      body: JSON.stringify(submission({ petitioner: { name: '赵六', phone: '13900139003' } })).replace('赵六', '赵\\ud800六\\u200b'),
    });
    expect(lone.status).toBe(400);
    expect(((await lone.json()) as any).errors).toEqual([{ path: 'petitioner.name', message: expect.stringContaining('U+D800') }]);
    const lines = await call('POST', '/v1/cases', undefined, submission({ content: '第一段。\r\n\t第二段。', petitioner: { name: '赵六', phone: '13900139003' } }));
    expect(lines.status).toBe(201);
  });
});

describe('joint-meeting reports', () => {
  const today = chinaDay(new Date().toISOString());
  const ids = { housing: '', land: '' };

  beforeAll(async () => {
    // Two open cases of Pujiang, led by housing and by land.
    for (const [department, phone] of [['housing', '13700137001'], ['land', '13700137002']] as const) {
      const submitted = await call('POST', '/v1/cases', undefined, submission({ category: department, petitioner: { name: '钱七', phone } }));
      expect(submitted.status).toBe(201);
      ids[department] = submitted.body.id;
    }
    await system.consume('routing', await system.receive('routing', 100, 2));
    const clerk = await system.token('330726', 'clerk');
    for (const department of ['housing', 'land'] as const) {
      const accepted = await call('POST', `/v1/cases/${ids[department]}/acceptance`, clerk, { decision: 'accept', leadUnit: `330726:${department}`, responsibleLeader: '王副县长' });
      expect(accepted.status).toBe(200);
    }
  });

  const hardCaseIds = (report: any) => new Set([...report.hardCases.longestOpen, ...report.hardCases.mostEscalated].map((c: { id: string }) => c.id));

  it('are compiled by clerks, leaders and admins only (403 for the others)', async () => {
    for (const role of ['handler', 'supervisor'] as const) {
      expect((await call('POST', '/v1/reports', await system.token('330726', role), { kind: 'weekly', day: today })).status).toBe(403);
    }
    for (const role of ['clerk', 'leader', 'admin'] as const) {
      expect((await call('POST', '/v1/reports', await system.token('330726', role), { kind: 'weekly', day: today })).status).toBe(201);
    }
  });

  it('show an office every hard case, a department only those it leads or co-handles, the counts to both', async () => {
    const compiled = await call('POST', '/v1/reports', await system.token('330726', 'clerk'), { kind: 'weekly', day: today });
    const whole = compiled.body;
    expect([...hardCaseIds(whole)]).toEqual(expect.arrayContaining([ids.housing, ids.land]));
    expect(whole.hardCases.longestOpen.find((c: { id: string }) => c.id === ids.housing)).toMatchObject({ leadUnit: '330726:housing', coUnits: [] });

    const housing = await system.token('330726:housing', 'handler');
    const read = await call('GET', `/v1/reports/${whole.id}`, housing);
    expect(read.status).toBe(200);
    expect([...hardCaseIds(read.body)]).toContain(ids.housing);
    expect([...hardCaseIds(read.body)]).not.toContain(ids.land);
    expect(read.body.figures).toEqual(whole.figures);
    expect(read.body.hotspots).toEqual(whole.hotspots);

    const page = await system.api(`/v1/reports/${whole.id}/page`, { headers: bearer(housing) });
    const html = await page.text();
    expect(html).toContain(ids.housing.slice(0, 8));
    expect(html).not.toContain(ids.land.slice(0, 8));

    // A department leader may compile; the answer is scoped like the reading.
    const landLeader = await call('POST', '/v1/reports', await system.token('330726:land', 'leader'), { kind: 'weekly', day: today });
    expect(landLeader.status).toBe(201);
    expect([...hardCaseIds(landLeader.body)]).toEqual([ids.land]);
  });
});
