/**
 * The typed client for client apps (client/index.ts): its types are the API
 * document's as it is now, and a petitioner's case goes from intake to
 * closing through it, every answer held to the document on the way
 * (the test system's api helper).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitionsClient, type PetitionsClient } from '../../client/index.ts';
import { API_TYPES_FILE, apiTypes } from '../../lib/api-types.ts';
import { testSystem, type TestSystem } from '../support/emulators.ts';

let system: TestSystem;
let api: PetitionsClient;
beforeAll(async () => {
  system = await testSystem();
  // Through the test system's api helper, so that each answer is checked against the document too.
  api = petitionsClient('http://api.test', {
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      const body = request.method === 'GET' ? undefined : await request.text();
      return system.api(`${url.pathname}${url.search}`, { method: request.method, headers: request.headers, ...(body !== undefined && { body }) });
    },
  });
});
afterAll(() => system?.close());

describe('the typed client', () => {
  it('has the types of the API document as it is now (else: npm run api-types)', { timeout: 120_000 }, async () => {
    expect(await readFile(resolve(import.meta.dirname, '../..', API_TYPES_FILE), 'utf8')).toBe(await apiTypes());
  });

  it('takes a petitioner’s case from intake to closing', async () => {
    const { data: categories } = await api.GET('/v1/categories');
    expect(categories?.items.map((category) => category.code)).toContain('housing');

    const submitted = await api.POST('/v1/cases', {
      body: { channel: 'online', category: 'housing', title: '楼顶漏水', content: '楼顶漏水三个月，物业不予处理。', regionCode: '330726001001', petitioner: { name: '张三', phone: '13800138000' } },
      params: { header: { 'Idempotency-Key': 'typed-client-first-try' } },
    });
    expect(submitted.response.status).toBe(201);
    // 201 (registered, with its access code) or 200 (joined an open case): the types hold both.
    const created = submitted.data;
    if (!created || !('accessCode' in created) || typeof created.accessCode !== 'string') throw new Error('expected a new case');
    const { id, accessCode } = created;
    await system.consume('routing', await system.receive('routing', 10, 2));

    const clerk = { Authorization: `Bearer ${await system.token('330726', 'clerk')}` };
    const handler = { Authorization: `Bearer ${await system.token('330726:housing', 'handler')}` };
    const worklist = await api.GET('/v1/cases', { params: { query: { limit: 10 } }, headers: clerk });
    expect(worklist.data?.items.map((item) => item.id)).toContain(id);

    const path = { params: { path: { id } } };
    expect((await api.POST('/v1/cases/{id}/acceptance', { ...path, headers: clerk, body: { decision: 'accept', responsibleLeader: '王副县长' } })).data?.status).toBe('accepted');
    expect((await api.POST('/v1/cases/{id}/reply', { ...path, headers: handler, body: { opinion: '已督促物业维修屋面。' } })).data?.status).toBe('replied');

    const petitioner = { 'X-Access-Code': accessCode };
    const rated = await api.POST('/v1/cases/{id}/evaluation', { ...path, headers: petitioner, body: { rating: 'satisfied' } });
    expect(rated.data?.status).toBe('closed');
    const progress = await api.GET('/v1/cases/{id}/progress', { ...path, headers: petitioner });
    expect(progress.data?.timeline.length).toBeGreaterThanOrEqual(4);

    // A refusal comes back as the typed problem document.
    const again = await api.POST('/v1/cases/{id}/evaluation', { ...path, headers: petitioner, body: { rating: 'satisfied' } });
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ status: 409, title: expect.any(String) });
  });
});
