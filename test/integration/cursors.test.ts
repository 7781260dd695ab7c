/**
 * Every paged list refuses a cursor it did not give out for the same query
 * (forged, tampered, signed with another key, or from another list or query)
 * with a 400 on `cursor`, never a 5xx; its own cursors still page through it.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { recordNotice } from '../../functions/store/notices.ts';
import { bearer, postJson, submission, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();
let clerk: string;
let leader: string;
beforeAll(async () => {
  clerk = await system.token('330726', 'clerk');
  leader = await system.token('330726', 'leader');
  for (const phone of ['13600000001', '13600000002', '13600000003']) {
    expect((await system.api('/v1/cases', postJson(submission({ petitioner: { name: '赵六', phone } })))).status).toBe(201);
  }
  for (const days of [10, 11, 12]) {
    const startsAt = new Date(Date.now() + days * 86_400_000).toISOString();
    const body = { leader: { name: '王明', title: '县委书记' }, regionCode: '330726', startsAt, venue: '浦江县信访局', departments: ['330726:housing'] };
    expect((await system.api('/v1/visits', postJson(body, bearer(leader)))).status).toBe(201);
  }
  for (const [version, at] of [[1, '2026-01-01T00:00:00.000Z'], [2, '2026-01-02T00:00:00.000Z'], [3, '2026-01-03T00:00:00.000Z']] as const) {
    await recordNotice({ kind: 'warning', caseId: 'c1', version, stage: 'acceptance', level: 'county', deadline: at, to: [{ unit: '330726', role: 'clerk' }], at });
  }
  const today = Date.now();
  for (const weeksAgo of [0, 1, 2]) {
    const day = chinaDay(new Date(today - weeksAgo * 7 * 86_400_000).toISOString());
    expect((await system.api('/v1/reports', postJson({ kind: 'weekly', day }, bearer(leader)))).status).toBe(201);
  }
});

interface ListRoute {
  name: string;
  /** The list's path with its query, without limit and cursor. */
  path: string;
  /** The same list with another query that has more than one item: its cursors are foreign to `path`. */
  otherQuery: string;
  /** Who calls it (staff lists): a token for the list's unit. */
  token?: () => string;
  /** What names an item uniquely. */
  id: (item: any) => string;
}

const ROUTES: ListRoute[] = [
  { name: 'regions', path: '/v1/regions?parentCode=330726', otherQuery: '/v1/regions?parentCode=330700', id: (r) => r.code },
  { name: 'visits', path: '/v1/visits?regionCode=330726', otherQuery: '/v1/visits?regionCode=330700', id: (v) => v.id },
  { name: 'worklist', path: '/v1/cases?', otherQuery: '/v1/cases?status=received', token: () => clerk, id: (c) => c.id },
  { name: 'notices', path: '/v1/notices?', otherQuery: '/v1/notices?', token: () => clerk, id: (n) => `${n.caseId}/${n.version}` },
  { name: 'reports', path: '/v1/reports?regionCode=330726', otherQuery: '/v1/reports?regionCode=330726&kind=weekly', token: () => leader, id: (r) => r.id },
];

async function get(route: ListRoute, path: string, token = route.token?.()) {
  const response = await system.api(path, token ? { headers: bearer(token) } : {});
  return { status: response.status, body: (await response.json()) as any };
}

const withPage = (path: string, limit: number, cursor?: string) =>
  `${path}${path.endsWith('?') ? '' : '&'}limit=${limit}${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;

/** A cursor each list gives out on its first page of one. */
async function firstCursor(route: ListRoute, path = route.path, token?: string): Promise<string> {
  const page = await get(route, withPage(path, 1), token);
  expect(page.status).toBe(200);
  expect(page.body.nextCursor).toEqual(expect.any(String));
  return page.body.nextCursor as string;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe.each(ROUTES)('the $name list', (route) => {
  it('pages through with its own cursors: every item once, as in one page', async () => {
    const whole = await get(route, withPage(route.path, 200));
    expect(whole.status).toBe(200);
    expect(whole.body.items.length).toBeGreaterThanOrEqual(3);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await get(route, withPage(route.path, 1, cursor));
      expect(page.status).toBe(200);
      paged.push(...page.body.items.map(route.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(whole.body.items.map(route.id));
  });

  it('refuses forged, tampered, re-signed and foreign cursors with a 400 on cursor, never a 5xx', async () => {
    const own = await firstCursor(route);
    const [payload, signature] = own.split('.') as [string, string];
    const otherList = ROUTES.find((other) => other.name !== route.name)!;
    const refused: Record<string, string> = {
      // The unsigned cursors that used to reach DynamoDB and answer 500.
      'forged after': b64({ after: '' }),
      'forged visit position': b64({ sort: '2000-01-01#x', id: 'x' }),
      'forged worklist position': b64({ s: 0, sort: '33#x', id: 'x' }),
      garbage: 'not-a-cursor',
      'too many parts': `${own}.x`,
      'tampered position': `${b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), tampered: 1 })}.${signature}`,
      'tampered signature': `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
      'signed with another key': `${payload}.${randomBytes(32).toString('base64url')}`,
      'from another list': await firstCursor(otherList, otherList.path, otherList.token?.()),
    };
    if (route.name === 'notices') {
      // The same list for another unit: a province's leader has notices of their own.
      await recordNotice({ kind: 'supervision', caseId: 'c2', version: 1, stage: 'acceptance', level: 'city', deadline: null, to: [{ unit: '330700', role: 'leader' }, { unit: '330700', role: 'clerk' }], at: '2026-01-01T00:00:00.000Z' });
      await recordNotice({ kind: 'supervision', caseId: 'c3', version: 1, stage: 'acceptance', level: 'city', deadline: null, to: [{ unit: '330700', role: 'leader' }], at: '2026-01-02T00:00:00.000Z' });
      refused['from another unit'] = await firstCursor(route, route.path, await system.token('330700', 'leader'));
    } else {
      refused['from another query'] = await firstCursor(route, route.otherQuery);
    }
    for (const [kind, cursor] of Object.entries(refused)) {
      const answer = await get(route, withPage(route.path, 1, cursor));
      expect({ kind, status: answer.status }).toEqual({ kind, status: 400 });
      expect(answer.body.errors).toContainEqual(expect.objectContaining({ path: 'cursor' }));
    }
  });
});
