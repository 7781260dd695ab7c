import { describe, expect, it } from 'vitest';
import { DEMO_REGIONS } from '../../functions/reference/demo.ts';
import { useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();

async function get(path: string) {
  const response = await system.api(path);
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as any };
}

describe('GET /v1/regions', () => {
  it('lists the top level without a parent', async () => {
    const { status, body } = await get('/v1/regions');
    expect(status).toBe(200);
    expect(body).toEqual({ items: [{ code: '330000', name: '浙江省', level: 'province', population: 65_770_000 }], nextCursor: null });
  });

  it('lists the units directly below a region', async () => {
    const { body } = await get('/v1/regions?parentCode=330726');
    const expected = DEMO_REGIONS.filter((r) => r.parentCode === '330726').map((r) => r.code).sort();
    expect(body.items.map((r: { code: string }) => r.code)).toEqual(expected);
    expect(body.items.every((r: { level: string }) => r.level === 'township')).toBe(true);
  });

  it('pages with limit and cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { body }: { body: { items: Array<{ code: string }>; nextCursor: string | null } } = await get(
        `/v1/regions?parentCode=330726&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(body.items.length).toBeLessThanOrEqual(5);
      seen.push(...body.items.map((r) => r.code));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(DEMO_REGIONS.filter((r) => r.parentCode === '330726').map((r) => r.code).sort());
  });

  it.each([
    ['a limit of 0', '/v1/regions?limit=0', 400],
    ['a limit over 200', '/v1/regions?limit=201', 400],
    ['a forged cursor', '/v1/regions?cursor=bm90LWEtY3Vyc29y', 400],
    ['a cursor naming another key', `/v1/regions?cursor=${Buffer.from('{"after":"x"}').toString('base64url')}`, 400],
    ['a parent that is no region code', '/v1/regions?parentCode=abc', 400],
    ['an unknown parent', '/v1/regions?parentCode=110000', 404],
  ])('refuses %s with a problem document', async (_, path, status) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.body.status).toBe(status);
  });
});

describe('GET /v1/categories', () => {
  it('lists the default categories with their departments', async () => {
    const { status, body } = await get('/v1/categories');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(10);
    expect(body.items).toContainEqual(expect.objectContaining({ code: 'housing', name: '住房城乡建设', department: 'housing' }));
    expect(body.nextCursor).toBeNull();
  });
});

describe('GET /v1/health and unknown routes', () => {
  it('answers ok', async () => {
    expect(await get('/v1/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('answers an unknown route as API Gateway does', async () => {
    expect(await get('/v1/nothing-here')).toMatchObject({ status: 404, body: { message: 'Not Found' } });
  });
});
