/**
 * `npm start` as a user runs it: a separate process, spoken to over HTTP.
 * A case is submitted and routed; a case whose routing message is lost (the
 * process "crashed" between the write and the send) is routed by the sweep;
 * Ctrl-C leaves nothing running; a restart keeps the cases.
 */
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hashAccessCode, newAccessCode } from '../../functions/domain/access-code.ts';
import { registerCase } from '../../functions/domain/case.ts';
import { submissionSchema } from '../../functions/domain/intake.ts';
import { clockOf, DEFAULT_POLICY } from '../../functions/domain/policy.ts';
import { deriveKeys } from '../../functions/shared/secrets.ts';
import { createCase } from '../../functions/store/cases.ts';
import { localDeploymentSecret } from '../../lib/local/deployment-secret.ts';
import { freePort, useEmulators } from '../../lib/local/emulators.ts';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localSigningKey } from '../../lib/local/identity.ts';
import type { Role } from '../../functions/domain/staff.ts';
import { postJson, submission } from '../support/emulators.ts';
import { eventually } from '../support/eventually.ts';
import { apiCaller, freshDataDir, progress, routed, spawnNode, start, stop, token } from '../support/local-runtime.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const portOpen = (endpoint: string) =>
  new Promise<boolean>((r) => {
    const { hostname, port } = new URL(endpoint);
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => (socket.destroy(), r(true)));
    socket.once('error', () => r(false));
  });

describe('npm start', { timeout: 180_000 }, () => {
  it('takes a case in over HTTP and routes it, survives a lost routing message, stops cleanly and restarts with its data', async () => {
    const port = await freePort();
    const dataDir = freshDataDir();
    const first = await start(port, dataDir);
    expect(first.output()).toContain('fresh system');

    const response = await fetch(`${first.api}/v1/cases`, postJson(submission({ regionCode: '330726101201', category: 'land' })));
    expect(response.status).toBe(201);
    const submitted = (await response.json()) as { id: string; accessCode: string };
    expect((await routed(first.api, submitted.id, submitted.accessCode)).level).toBe('township');

    // The crash between write and send: the case is written as intake writes it, and no message is sent.
    useEmulators({ dynamoDb: first.dynamoDb, sqs: 'http://127.0.0.1:1' });
    process.env.TABLE_NAME = 'petitions';
    // The runtime's secret keys the phone's entry too (access recovery finds the case by it).
    process.env.DEPLOYMENT_SECRET = await localDeploymentSecret(dataDir);
    const lostCode = newAccessCode();
    // The runtime's own secret, kept in DATA_DIR: the case's fingerprint is the one intake would write.
    const lost = registerCase(submissionSchema.parse(submission({ petitioner: { name: '钱十', phone: '13122223333' } })), {
      id: randomUUID(),
      now: new Date().toISOString(),
      clock: clockOf(DEFAULT_POLICY),
      accessCodeHash: hashAccessCode(lostCode),
      routingRetryMs: 1000,
      actor: 'petitioner',
      fingerprintKey: deriveKeys(await localDeploymentSecret(dataDir)).fingerprint,
    });
    expect(await createCase(lost.case, [lost.entry])).toMatchObject({ outcome: 'created' });
    delete process.env.DEPLOYMENT_SECRET;
    expect((await routed(first.api, lost.case.id, lostCode)).level).toBe('county');

    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain('Stopped.');
    expect(await portOpen(first.dynamoDb)).toBe(false);
    expect(await portOpen(first.api)).toBe(false);

    const second = await start(port, dataDir);
    try {
      expect(second.output()).not.toContain('fresh system');
      const again = await progress(second.api, submitted.id, submitted.accessCode);
      expect(again.status).toBe(200);
      expect(again.body.timeline.map((t) => t.event)).toEqual(['received', 'routed']);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });
});

describe('npm start with a bad setting', () => {
  it.each([
    [{ POLICY: '{"acceptanse":"P10D"}' }, /POLICY: .*unknown name "acceptanse"/],
    [{ PORT: 'eighty' }, /PORT: must be a port number/],
  ])('refuses %j at once, naming it, and exits 2', { timeout: 60_000 }, async (settings, message) => {
    const child = spawnNode(['bin/local.ts'], { DATA_DIR: freshDataDir(), ...settings });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(output).toMatch(message);
    expect(output).not.toContain('Petitions is running');
    expect(code).toBe(2);
  });
});

describe('npm run token', () => {
  it('prints, as its last line, a token signed with the key in DATA_DIR', { timeout: 60_000 }, async () => {
    const dataDir = freshDataDir();
    const key = await localSigningKey(dataDir);
    const printed = await new Promise<string>((done, fail) => {
      const child = spawnNode(['bin/token.ts', '--unit', '330726', '--role', 'clerk'], { DATA_DIR: dataDir });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('exit', (code) => (code === 0 ? done(stdout.trim().split('\n').at(-1) ?? '') : fail(new Error(`npm run token failed: ${stderr}`))));
    });
    const { payload } = await jwtVerify(printed, createLocalJWKSet(JSON.parse(key.jwks) as JSONWebKeySet), { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE });
    expect(payload).toMatchObject({ unit: '330726', sub: 'clerk@330726' });
  });
});

describe('a case walked through the local runtime with staff tokens signed by its key', { timeout: 180_000 }, () => {
  it('closes one case and takes another through review and re-review to final', async () => {
    const dataDir = freshDataDir();
    const runtime = await start(await freePort(), dataDir);
    const as = async (unit: string, role: Role) => ({ authorization: `Bearer ${await token(dataDir, unit, role)}` });
    const clerk = await as('330726', 'clerk');
    const handler = await as('330726:housing', 'handler');
    const post = async (path: string, body: unknown, headers: Record<string, string>) => {
      const response = await fetch(`${runtime.api}${path}`, postJson(body, headers));
      return { status: response.status, body: (await response.json()) as { status: string; detail?: string } };
    };
    try {
      const submitted: Array<{ id: string; accessCode: string }> = [];
      for (const phone of ['13012345678', '13087654321']) {
        const response = await fetch(`${runtime.api}/v1/cases`, postJson(submission({ petitioner: { name: '孔十四', phone } })));
        submitted.push((await response.json()) as { id: string; accessCode: string });
      }
      for (const { id, accessCode } of submitted) {
        await routed(runtime.api, id, accessCode);
        expect((await post(`/v1/cases/${id}/acceptance`, { decision: 'accept' }, clerk)).status).toBe(200);
        expect((await post(`/v1/cases/${id}/reply`, { opinion: '已处理。' }, handler)).status).toBe(200);
      }

      const [closing, contested] = submitted as [{ id: string; accessCode: string }, { id: string; accessCode: string }];
      const rated = await post(`/v1/cases/${closing.id}/evaluation`, { rating: 'satisfied' }, { 'x-access-code': closing.accessCode });
      expect(rated.body.status).toBe('closed');

      const petitioner = { 'x-access-code': contested.accessCode };
      expect((await post(`/v1/cases/${contested.id}/review-request`, { reason: '不服' }, petitioner)).body.status).toBe('under_review');
      expect((await post(`/v1/cases/${contested.id}/review-opinion`, { opinion: '维持', upheld: true }, await as('330700', 'supervisor'))).body.status).toBe('replied');
      expect((await post(`/v1/cases/${contested.id}/review-request`, { reason: '仍不服' }, petitioner)).body.status).toBe('under_rereview');
      expect((await post(`/v1/cases/${contested.id}/review-opinion`, { opinion: '维持', upheld: true }, await as('330000', 'supervisor'))).body.status).toBe('final');
      expect((await post(`/v1/cases/${contested.id}/review-request`, { reason: '再次' }, petitioner)).status).toBe(409);

      const final = await progress(runtime.api, contested.id, contested.accessCode);
      expect(final.body.timeline.map((t) => t.event)).toEqual([
        'received',
        'routed',
        'accepted',
        'replied',
        'review_requested',
        'review_opinion',
        'rereview_requested',
        'rereview_opinion',
      ]);
    } finally {
      expect(await stop(runtime)).toBe(0);
    }
  });
});

describe('the escalation ladder, watched in seconds', { timeout: 180_000 }, () => {
  it('with TIME_SCALE=86400, a case nobody accepts is warned about, supervised, and its level rises within a minute', async () => {
    const dataDir = freshDataDir();
    const runtime = await start(await freePort(), dataDir, { TIME_SCALE: '86400' });
    try {
      const response = await fetch(`${runtime.api}/v1/cases`, postJson(submission()));
      const { id, accessCode } = (await response.json()) as { id: string; accessCode: string };
      const started = Date.now();
      const escalated = await eventually(async () => {
        const { body } = await progress(runtime.api, id, accessCode);
        return body.level === 'city' ? body : undefined;
      }, 60);
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(escalated.timeline.map((t) => t.event)).toEqual(['received', 'routed', 'supervised', 'escalated']);

      const staff = { authorization: `Bearer ${await token(dataDir, '330700', 'leader')}` };
      const view = (await (await fetch(`${runtime.api}/v1/cases/${id}`, { headers: staff })).json()) as { level: string; history: Array<{ action: string }> };
      // The ladder may have climbed on since the petitioner looked: staff see at least the city.
      expect(['city', 'province']).toContain(view.level);
      expect(view.history.map((h) => h.action).slice(0, 5)).toEqual(['registered', 'routed', 'deadline_warning', 'supervised', 'escalated']);
    } finally {
      expect(await stop(runtime)).toBe(0);
    }
  });
});

describe('a visit day through the local runtime', { timeout: 120_000 }, () => {
  it('announces a visit, records the three outcomes, and checks the summary and the cases', async () => {
    const dataDir = freshDataDir();
    const runtime = await start(await freePort(), dataDir, { TIME_SCALE: '864000' });
    const leader = { authorization: `Bearer ${await token(dataDir, '330726', 'leader')}` };
    const json = apiCaller(runtime.api);
    try {
      const startsAt = new Date(Date.now() + 2_000).toISOString();
      const visit = await json('/v1/visits', postJson({ leader: { name: '王明', title: '县委书记' }, regionCode: '330726', startsAt, venue: '县信访局', departments: ['330726:housing'] }, leader));
      expect(visit.status).toBe(201);
      expect((await json(`/v1/visits?regionCode=330726&from=${new Date(Date.now() - 60_000).toISOString()}`)).body.items.map((v: { id: string }) => v.id)).toContain(visit.body.id);
      await sleep(Date.parse(startsAt) - Date.now() + 50);

      const base = { persons: 1, petitioner: { name: '韩十八', phone: '13500001111' }, category: 'housing', title: '房屋漏水', content: '楼顶漏水', regionCode: '330726001001' };
      const bodies = [
        { ...base, outcome: 'resolved_on_spot', resolution: '当场协调维修' },
        { ...base, persons: 5, outcome: 'assigned', leadUnit: '330726:housing', responsibleLeader: '王副县长' },
        { ...base, outcome: 'determined', resolution: '依法定性处理' },
      ];
      const received = [];
      for (const body of bodies) received.push(await json(`/v1/visits/${visit.body.id}/receptions`, postJson(body, leader)));
      expect(received.map((r) => r.body.status)).toEqual(['closed', 'accepted', 'replied']);

      const summary = await json(`/v1/visits/${visit.body.id}/summary`, { headers: leader });
      expect(summary.body).toMatchObject({ batches: 3, persons: 7, resolvedOnSpot: 1, assigned: 1, determined: 1 });
      for (const { body } of received) {
        const full = await json(`/v1/cases/${body.id}`, { headers: leader });
        expect(full.body).toMatchObject({ channel: 'leader_visit', visit: { id: visit.body.id } });
      }
    } finally {
      expect(await stop(runtime)).toBe(0);
    }
  });
});
