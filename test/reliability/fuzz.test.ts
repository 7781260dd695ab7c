/**
 * Every endpoint under malformed and hostile input: random JSON, mutated
 * valid bodies, hostile ids, queries and headers. No answer may be a 5xx, and
 * a refused request (4xx) writes nothing.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteWiring } from '../../lib/wiring.ts';
import { bearer, countEntries, postJson, submission, useTestSystem } from '../support/emulators.ts';

const system = useTestSystem();
let admin: string;
const known = { caseId: '', accessCode: '', visitId: '' };

beforeAll(async () => {
  admin = await system.token('330000', 'admin');
  const created = (await (await system.api('/v1/cases', postJson(submission()))).json()) as { id: string; accessCode: string };
  Object.assign(known, { caseId: created.id, accessCode: created.accessCode });
  const visit = await system.api(
    '/v1/visits',
    postJson({ leader: { name: '王明', title: '县长' }, regionCode: '330726', startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), venue: '县信访局', departments: [] }, bearer(admin)),
  );
  known.visitId = ((await visit.json()) as { id: string }).id;
  await system.consume('routing', await system.receive('routing', 10, 2));
});

/** A body close to valid for each POST route: the fuzzer breaks it one field at a time. */
const VALID: Record<string, Record<string, unknown>> = {
  '/v1/cases': submission({ petitioner: { name: '模糊', phone: '13811112222' } }),
  '/v1/cases/{id}/acceptance': { decision: 'accept' },
  '/v1/cases/{id}/receipt': { decision: 'return', reason: '不属本单位', suggestedUnit: '330726:land' },
  '/v1/cases/{id}/reassignment': { ruling: 'reassign', leadUnit: '330726:land', reason: '属土地' },
  '/v1/cases/{id}/extension': { days: 5, reason: '复杂' },
  '/v1/cases/{id}/extension/approval': { approve: true, reason: '同意' },
  '/v1/cases/{id}/reply/approval': { approve: false, comment: '重拟' },
  '/v1/cases/{id}/reply': { opinion: '已处理' },
  '/v1/cases/{id}/review-opinion': { opinion: '维持', upheld: true },
  '/v1/cases/{id}/progress-notes': { note: '已约现场查看', visibleToPetitioner: true },
  '/v1/cases/{id}/pauses': { reason: 'hearing', note: '组织听证' },
  '/v1/cases/{id}/pauses/{pauseId}/approval': { approve: true, reason: '同意' },
  '/v1/cases/{id}/pauses/{pauseId}/end': { note: '听证已举行' },
  '/v1/cases/{id}/co-handling': { unit: '330726:civil_affairs', request: '请提出意见', days: 5 },
  '/v1/cases/{id}/co-handling/{taskId}/opinion': { opinion: '同意' },
  '/v1/cases/{id}/co-handling/{taskId}/closure': { reason: '无需意见' },
  '/v1/cases/{id}/evaluation': { rating: 'satisfied' },
  '/v1/cases/{id}/review-request': { reason: '不服' },
  '/v1/cases/{id}/urge': { note: '请尽快办理' },
  '/v1/visits': { leader: { name: 'a', title: 'b' }, regionCode: '330726', startsAt: '2030-01-01T00:00:00Z', venue: 'v', departments: [] },
  '/v1/visits/{id}/reschedule': { startsAt: '2030-01-02T00:00:00Z', reason: 'r' },
  '/v1/visits/{id}/cancellation': { reason: 'r' },
  '/v1/visits/{id}/bookings': { phone: '13811112222', verification: { id: 'v', code: '123456' }, category: 'housing', summary: 's', persons: 1 },
  '/v1/visits/{id}/receptions': { persons: 1, petitioner: { name: 'a', phone: '13811112222' }, category: 'housing', title: 't', content: 'c', regionCode: '330726', outcome: 'assigned' },
  '/v1/reports': { kind: 'weekly' },
  '/v1/cases/{id}/ownership': { leader: { name: '李明', title: '副县长' }, plan: '约谈', targetDate: '2030-01-31' },
};

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('../../etc/passwd', '%00', '<script>alert(1)</script>', "' OR 1=1 --", '__proto__', 'constructor', '\u0000', '𠀀'.repeat(50), 'a'.repeat(5000)),
);
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant({ __proto__: { admin: true } }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
  hostileString,
);

/** A valid body with one field replaced, removed, or one unknown field added; or something else entirely. */
const bodyFor = (path: string) => {
  const valid = VALID[path] ?? {};
  const keys = Object.keys(valid);
  return fc.oneof(
    hostileJson,
    keys.length === 0 ? hostileJson : fc.tuple(fc.constantFrom(...keys), hostileJson).map(([key, value]) => ({ ...valid, [key]: value })),
    keys.length === 0 ? hostileJson : fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    hostileString.map((extra) => ({ ...valid, [extra.slice(0, 20) || 'x']: extra })),
  );
};

const idFor = (route: RouteWiring) =>
  fc.oneof(fc.constant(route.path.includes('/visits/') ? known.visitId : known.caseId), hostileString.map((s) => encodeURIComponent(s).slice(0, 300)));

const request = (route: RouteWiring) =>
  fc.record({
    id: idFor(route),
    query: fc.dictionary(fc.constantFrom('limit', 'cursor', 'status', 'overdue', 'regionCode', 'parentCode', 'from', 'to', 'by', 'kind', 'unit', 'candidates', 'x'), hostileString, { maxKeys: 4 }),
    body: bodyFor(route.path),
    rawBody: fc.option(hostileString, { nil: undefined }),
    authorization: fc.oneof(fc.constant('valid'), fc.constant(undefined), hostileString.map((s) => `Bearer ${s}`)),
    accessCode: fc.oneof(fc.constant(known.accessCode), hostileString),
    contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
  });

let requests = 0;
let refused = 0;

describe('every endpoint under hostile input', () => {
  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: never a 5xx, and a refusal writes nothing', async (_, route) => {
    await fc.assert(
      fc.asyncProperty(request(route), async (input) => {
        const path = route.path.replace('{id}', input.id || 'x').replace('{pauseId}', '1').replace('{taskId}', '1');
        const query = new URLSearchParams(input.query).toString();
        const code = input.accessCode.slice(0, 200).replace(/[^\x20-\x7e]/g, '');
        const headers: Record<string, string> = { 'x-access-code': code, 'x-booking-code': code };
        if (input.authorization === 'valid') Object.assign(headers, bearer(admin));
        else if (input.authorization) headers.authorization = input.authorization.slice(0, 500).replace(/[^\x20-\x7e]/g, '');
        if (input.contentType) headers['content-type'] = input.contentType;
        const before = await countEntries(system);
        const response = await system.api(`${path}${query ? `?${query}` : ''}`, {
          method: route.method,
          headers,
          ...(route.method === 'POST' && { body: input.rawBody ?? JSON.stringify(input.body) }),
        });
        await response.arrayBuffer();
        requests++;
        expect(response.status, `${route.method} ${path}`).toBeLessThan(500);
        if (response.status >= 400) {
          refused++;
          expect(await countEntries(system)).toBe(before);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('sent a good many requests, most of them refused', () => {
    expect(requests).toBe(ROUTES.length * 15);
    expect(refused / requests).toBeGreaterThan(0.7);
  });
});
