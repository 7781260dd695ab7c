/**
 * The repeat answer reveals nothing to an unproven caller (policy
 * phoneVerification off, as in trials): their submission of an open matter
 * is a case of its own, marked for staff, and no other case changes; staff
 * merge it into the open case, which counts it. Staff still get the open case.
 */
import { describe, expect, it } from 'vitest';
import { submission, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();

describe('repeats', () => {
  it('an unproven copy learns nothing and changes nothing; staff merge it, and the open case counts it', async () => {
    const clerk = await system.token('330726', 'clerk');
    const body = submission({ petitioner: { name: '赵六', phone: '13500001111' } });
    const open = await system.call('POST', '/v1/cases', { body });
    expect(open.status).toBe(201);
    await system.consume('routing', await system.receive('routing', 10, 2));
    const before = (await system.call('GET', `/v1/cases/${open.body.id}`, { token: clerk })).body;

    const copy = await system.call('POST', '/v1/cases', { body });
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(open.body.id);
    expect(copy.body).not.toHaveProperty('repeat');
    expect(JSON.stringify(copy.body)).not.toContain(open.body.id);
    await system.consume('routing', await system.receive('routing', 10, 2));
    const after = (await system.call('GET', `/v1/cases/${open.body.id}`, { token: clerk })).body;
    expect(after.version).toBe(before.version);
    expect(after.repeatCount).toBe(0);
    const marked = (await system.call('GET', `/v1/cases/${copy.body.id}`, { token: clerk })).body;
    expect(marked.possibleRepeatOf).toBe(open.body.id);
    const progress = await system.call('GET', `/v1/cases/${copy.body.id}/progress`, { headers: { 'x-access-code': copy.body.accessCode } });
    expect(JSON.stringify(progress.body)).not.toContain(open.body.id);

    const merged = await system.call('POST', `/v1/cases/${copy.body.id}/merge`, { token: clerk });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: open.body.id, repeatCount: 1 });
    const closed = (await system.call('GET', `/v1/cases/${copy.body.id}`, { token: clerk })).body;
    expect(closed).toMatchObject({ status: 'closed', possibleRepeatOf: null });
    expect((await system.call('POST', `/v1/cases/${copy.body.id}/merge`, { token: clerk })).status).toBe(409);
    expect((await system.call('POST', `/v1/cases/${open.body.id}/merge`, { token: clerk })).status).toBe(409);

    // Staff registering the same matter join the open case, as before.
    const joined = await system.call('POST', '/v1/cases', { token: clerk, body: { ...body, channel: 'letter' } });
    expect(joined).toMatchObject({ status: 200, body: { id: open.body.id, repeat: true } });
  });
});

describe('merging a possible repeat', () => {
  it('is one write of both cases: of two concurrent merges one wins, the other is refused, and the repeat counts once', async () => {
    const clerk = await system.token('330726', 'clerk');
    const body = submission({ petitioner: { name: '钱七', phone: '13500002222' } });
    const open = await system.call('POST', '/v1/cases', { body });
    await system.consume('routing', await system.receive('routing', 10, 2));
    const copy = await system.call('POST', '/v1/cases', { body });
    await system.consume('routing', await system.receive('routing', 10, 2));
    const before = (await system.call('GET', `/v1/cases/${open.body.id}`, { token: clerk })).body;

    const answers = await Promise.all([1, 2].map(() => system.call('POST', `/v1/cases/${copy.body.id}/merge`, { token: clerk })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);

    const after = (await system.call('GET', `/v1/cases/${open.body.id}`, { token: clerk })).body;
    expect(after).toMatchObject({ repeatCount: 1, version: before.version + 1 });
    expect(after.history.filter((entry: { action: string }) => entry.action === 'repeat')).toMatchObject([{ detail: { merged: copy.body.id } }]);
    const closed = (await system.call('GET', `/v1/cases/${copy.body.id}`, { token: clerk })).body;
    expect(closed.status).toBe('closed');
    expect(closed.history.filter((entry: { action: string }) => entry.action === 'merged')).toHaveLength(1);
  });
});
