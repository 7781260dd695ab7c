/**
 * A client that knows the API only through its document (GET /v1/openapi.json):
 * it builds every request from the document's operations, parameters, schemas,
 * examples and security schemes, and never from the zod schemas or the wiring.
 * Requests made from the examples get a success the operation documents; bodies
 * and query strings generated from the schemas (fast-check, fixed seed) get a
 * documented answer and never a 5xx; requests generated to break the schemas
 * get a 4xx problem document. Every answer is also held to the document by the
 * test system's api helper (test/support/api-contract.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { submission, testSystem, type ApiAnswer, type TestSystem } from '../support/emulators.ts';

type Schema = {
  $ref?: string;
  type?: string;
  enum?: string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: Schema;
  maxItems?: number;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema; example?: string };
type Operation = {
  parameters?: Parameter[];
  security?: Array<Record<string, string[]>>;
  requestBody?: { content: { 'application/json': { schema: Schema; example: Record<string, unknown> } } };
  responses: Record<string, unknown>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
type Endpoint = { key: string; method: string; path: string; operation: Operation };

const SEED = 16;
const HOUR_MS = 3_600_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const RUNS = 12;

let system: TestSystem;
let document: Document;
let endpoints: Endpoint[];
/** The staff accounts the client holds, tried in turn where one is refused (403). */
let staffTokens: string[];
/** What the client learnt by calling: the ids in the Location of what it created, and the access code of its case. */
const created = new Map<string, string>();
let accessCode = '';
/** The operations called at least once. */
const exercised = new Set<string>();

beforeAll(async () => {
  // A policy day is 0.1 s, so that a visit can start while the test waits (its 3-day notice is 0.3 s).
  process.env.TIME_SCALE = '864000';
  // The units' steps are on, so that each of their examples has its turn; the window to return one is 10 s; a case is hard after 0.1 s.
  process.env.POLICY = JSON.stringify({ signForReceipt: true, receipt: 'P100D', approveExtensions: true, replySignOff: true, hardCaseAfter: 'P1D', phoneVerification: false });
  system = await testSystem();
  const served = await system.api('/v1/openapi.json');
  expect(served.status).toBe(200);
  document = (await served.json()) as Document;
  endpoints = Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, operation })),
  );
  // The document names the scheme, not who may do what: the client holds a handler's account of the examples' lead
  // unit (330726:housing), whose extension and reply its leader approves, an admin account of the county office of the
  // examples' region (330726), one of the city office above it (330700), whose part is a review, and one of the
  // province (330000), whose part is the calendar.
  staffTokens = [
    await system.token('330726:housing', 'handler'),
    await system.token('330726', 'admin'),
    await system.token('330700', 'admin'),
    await system.token('330000', 'admin'),
  ];
  // Matter groups come from routing, not from a call: two petitioners write of one matter, each case routed (and so
  // grouped) before the next arrives, and the client knows the group as if it had made it.
  for (const phone of ['13700000001', '13700000002']) {
    const petitioner = { name: '陈十二', phone };
    const answer = await system.call('POST', '/v1/cases', { body: submission({ category: 'environment', title: '化工厂排放臭气', content: '村东化工厂每天晚上排放刺鼻臭气，熏得人头疼睡不着。', petitioner }) });
    expect(answer.status).toBe(201);
    expect(await system.consume('routing', await system.receive('routing', 10, 5))).toEqual({ batchItemFailures: [] });
  }
  const today = chinaDay(new Date().toISOString());
  const groups = await system.call('GET', `/v1/matter-groups?from=${today}&to=${today}`, { token: staffTokens[1] });
  expect(groups.body.items).toHaveLength(1);
  created.set('/v1/matter-groups', groups.body.items[0].id);
}, 60_000);
afterAll(() => system?.close());

const resolved = (schema: Schema): Schema => (schema.$ref ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]! : schema);
const bodySchema = (endpoint: Endpoint) => endpoint.operation.requestBody && resolved(endpoint.operation.requestBody.content['application/json'].schema);
const successes = (endpoint: Endpoint) => Object.keys(endpoint.operation.responses).filter((status) => /^2\d\d$/.test(status)).map(Number);

/** Walks an example beside its schema: each string value under a `pattern` is a sample of that pattern the client may reuse. */
function patternSamples(): Map<string, string> {
  const samples = new Map<string, string>();
  const walk = (schema: Schema, value: unknown): void => {
    const s = resolved(schema);
    if (s.pattern && typeof value === 'string' && !samples.has(s.pattern)) samples.set(s.pattern, value);
    if (s.properties && value && typeof value === 'object') for (const [name, property] of Object.entries(s.properties)) walk(property, (value as Record<string, unknown>)[name]);
    if (s.items && Array.isArray(value)) for (const item of value) walk(s.items, item);
  };
  for (const endpoint of endpoints) {
    const body = endpoint.operation.requestBody?.content['application/json'];
    if (body) walk(body.schema, body.example);
  }
  return samples;
}

/** A value for a query parameter the document makes required: a sample of its pattern from the examples, its first enum, its minimum. */
function sampleValue(schema: Schema, samples: Map<string, string>): string {
  if (schema.enum) return schema.enum[0]!;
  if (schema.pattern && samples.has(schema.pattern)) return samples.get(schema.pattern)!;
  if (schema.type === 'integer') return String(schema.default ?? schema.minimum ?? 1);
  return fc.sample(stringOf(schema), { seed: SEED, numRuns: 1 })[0]!;
}

/** The id a path needs: from the Location of what the client created at the collection the path is under, else the parameter's example, else a generated one. */
function targetOf(endpoint: Endpoint, query: Record<string, string> = {}, id?: string): string {
  // Left to right, so that a nested collection (a case's attachments) is named with the id before it.
  let path = endpoint.path;
  for (const [parameter, name] of endpoint.path.matchAll(/\{(\w+)\}/g)) {
    const collection = path.slice(0, path.indexOf(`/${parameter}`));
    const example = endpoint.operation.parameters?.find((p) => p.in === 'path' && p.name === name)?.example;
    path = path.replace(parameter, encodeURIComponent(id ?? created.get(collection) ?? example ?? 'not-created'));
  }
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

/** The credentials the operation's security asks for; none where it may be called without. */
function credentials(endpoint: Endpoint, account = 0): Record<string, string> {
  const schemes = endpoint.operation.security ?? [];
  if (schemes.length === 0 || schemes.some((requirement) => Object.keys(requirement).length === 0)) return {};
  if (schemes.some((requirement) => 'staffToken' in requirement)) return { authorization: `Bearer ${staffTokens[account]}` };
  return { 'x-access-code': accessCode };
}

type Call = { query?: Record<string, string>; id?: string; body?: unknown; headers?: Record<string, string>; account?: number };

async function call(endpoint: Endpoint, options: Call = {}): Promise<ApiAnswer> {
  exercised.add(endpoint.key);
  const answer = await system.call(endpoint.method, targetOf(endpoint, options.query, options.id), {
    body: options.body,
    headers: { ...credentials(endpoint, options.account), ...options.headers },
  });
  // What the system does behind a submission (routing it to its office), so that later calls find the case where it belongs.
  const routed = await system.receive('routing', 10, 0);
  if (routed.length > 0) await system.consume('routing', routed);
  return answer;
}

/**
 * Calls an operation as its example says, in the first staff account the operation allows (403: the next), and learns
 * what the answer created. An instant in the example (a visit's start) is set to `instant`, as the example's own date
 * is fixed and time is not.
 */
async function callExample(endpoint: Endpoint, samples: Map<string, string>, instant: number): Promise<ApiAnswer> {
  const example = endpoint.operation.requestBody?.content['application/json'].example;
  const body = example && Object.fromEntries(Object.entries(example).map(([name, value]) => [name, typeof value === 'string' && INSTANT.test(value) ? new Date(instant).toISOString() : value]));
  const request = { query: requiredQuery(endpoint, samples), body };
  let answer = await call(endpoint, request);
  // An account that may not act (403) or does not see the case (404, the scope rules) hands over to the next.
  for (let account = 1; (answer.status === 403 || answer.status === 404) && account < staffTokens.length; account += 1) answer = await call(endpoint, { ...request, account });
  const location = answer.headers.get('location');
  if (answer.status === 201 && location) created.set(location.slice(0, location.lastIndexOf('/')), location.slice(location.lastIndexOf('/') + 1));
  if (typeof answer.body?.accessCode === 'string') accessCode = answer.body.accessCode;
  return answer;
}

function requiredQuery(endpoint: Endpoint, samples: Map<string, string>): Record<string, string> {
  return Object.fromEntries(
    (endpoint.operation.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => [p.name, sampleValue(p.schema, samples)]),
  );
}

// ---- Arbitraries from the JSON Schema subset the document uses ----

function stringOf(schema: Schema): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.pattern) {
    const bounded = fc.stringMatching(new RegExp(schema.pattern));
    return schema.maxLength === undefined ? bounded : bounded.filter((s) => s.length <= schema.maxLength!);
  }
  // Short text, Chinese and not: enough to try the handlers, not so long that a run is slow.
  const char = fc.constantFrom(...'信访楼顶漏水物业abcXYZ 0-9，。'.split(''));
  return fc.string({ unit: char, minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 20, 20) });
}

function valueOf(schema: Schema): fc.Arbitrary<unknown> {
  const s = resolved(schema);
  switch (s.type) {
    case 'object': {
      const properties = Object.fromEntries(Object.entries(s.properties ?? {}).map(([name, property]) => [name, valueOf(property)]));
      return fc.record(properties, { requiredKeys: s.required ?? [] });
    }
    case 'array':
      return fc.array(valueOf(s.items ?? {}), { maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 });
    case 'boolean':
      return fc.boolean();
    default:
      return stringOf(s);
  }
}

/** One way to break a value against its schema, at a path in the body: each is something the schema forbids. */
type Breach = { path: string[]; why: string; apply: (parent: Record<string, unknown>, name: string) => void };

/** Every breach the schema allows one to make of a body: a required field dropped, a wrong type, a bound, an enum or a pattern broken, a property it does not know. */
function breachesOf(schema: Schema, path: string[] = []): Breach[] {
  const s = resolved(schema);
  const at = (why: string, value: unknown): Breach => ({ path, why, apply: (parent, name) => void (parent[name] = value) });
  const breaches: Breach[] = [];
  if (path.length > 0) breaches.push(at('wrong type', s.type === 'string' || s.enum ? 12345 : 'not-a-' + (s.type ?? 'value')));
  if (s.enum) breaches.push(at('not in the enum', 'not-in-the-enum'));
  if (s.pattern) breaches.push(at('breaks the pattern', '!'));
  if (s.minLength !== undefined && s.minLength > 0) breaches.push(at('below minLength', ''));
  // ASCII, so that a query string over the bound is still one a server reads (not a 431).
  if (s.maxLength !== undefined) breaches.push(at('above maxLength', 'x'.repeat(s.maxLength + 1)));
  if (s.minimum !== undefined) breaches.push(at('below minimum', s.minimum - 1));
  if (s.maximum !== undefined) breaches.push(at('above maximum', s.maximum + 1));
  if (s.type === 'integer') breaches.push(at('not an integer', (s.minimum ?? 0) + 0.5));
  if (s.maxItems !== undefined && s.items) breaches.push(at('above maxItems', Array.from({ length: s.maxItems + 1 }, () => '330726')));
  if (s.items) breaches.push(...breachesOf(s.items, [...path, '0']));
  if (s.type === 'object') {
    // An optional object the body leaves out is put there, empty, to be broken.
    const member = (parent: Record<string, unknown>, key: string) => (parent[key] ??= {}) as Record<string, unknown>;
    for (const name of s.required ?? []) breaches.push({ path, why: `required ${name} dropped`, apply: (parent, key) => void delete member(parent, key)[name] });
    if (s.additionalProperties === false) breaches.push({ path, why: 'unknown property', apply: (parent, key) => void (member(parent, key).unexpected = '多余') });
    for (const [name, property] of Object.entries(s.properties ?? {})) breaches.push(...breachesOf(property, [...path, name]));
  }
  return breaches;
}

/** The body with one breach made (on a copy), walking to the breach's place. */
function breached(body: Record<string, unknown>, breach: Breach): Record<string, unknown> {
  const root: Record<string, unknown> = { body: structuredClone(body) };
  let parent = root;
  let name = 'body';
  for (const step of breach.path) {
    parent = (parent[name] ??= {}) as Record<string, unknown>;
    name = step;
  }
  breach.apply(parent, name);
  return root.body as Record<string, unknown>;
}

function expectProblem(answer: ApiAnswer, what: string) {
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, what).toBeLessThan(500);
  expect(answer.type, what).toContain('application/problem+json');
  expect(answer.body, what).toMatchObject({ status: answer.status, title: expect.any(String) });
}

describe('a client built only from GET /v1/openapi.json', () => {
  it('calls every operation with the document’s examples and gets a success it documents', { timeout: 60_000 }, async () => {
    const samples = patternSamples();
    // The state a call needs comes from others (a reply needs an accepted case): call what is left until a round makes
    // no progress, as a client learning the flow would.
    const refused = new Map<string, ApiAnswer>();
    let pending = [...endpoints];
    while (pending.length > 0) {
      const before = pending.length;
      for (const endpoint of pending) {
        const answer = await callExample(endpoint, samples, Date.now() + HOUR_MS);
        if (successes(endpoint).includes(answer.status)) refused.delete(endpoint.key);
        else refused.set(endpoint.key, answer);
      }
      pending = pending.filter((endpoint) => refused.has(endpoint.key));
      if (pending.length === before) break;
    }
    const summary = [...refused].map(([key, answer]) => `${key}: ${answer.status}`);
    // The documented refusals: a visit receives no one once cancelled (the document lists its cancellation first),
    // nor before it starts (this one in an hour); the next test receives at one that has started. An attachment is
    // completed only once its bytes are PUT to the upload URL, outside the API (test/integration/attachments.test.ts).
    // A group's member is named in the body, and the example's case is none the client made: 404
    // (test/integration/matter-groups.test.ts adds and removes real ones). A recovery needs the code the SMS brought,
    // as does a booking, and its cancellation the X-Booking-Code header this client does not send
    // (test/integration/bookings.test.ts books and cancels with the codes the SMS brought), and a merge a possible repeat, which only a submission without a verified phone makes
    // (test/integration/verification.test.ts, test/integration/repeats.test.ts). A co-handling task is settled once, while the
    // case is handled: by the closure's turn the case is replied, so it is refused (test/integration/co-handling.test.ts closes one).
    expect(summary, JSON.stringify([...refused.values()].map((answer) => answer.body))).toEqual([
      'POST /v1/access-recovery: 400',
      'POST /v1/visits/{id}/receptions: 409',
      'POST /v1/visits/{id}/bookings: 400',
      'POST /v1/visits/{id}/bookings/{bookingId}/cancellation: 400',
      'POST /v1/matter-groups/{id}/members: 404',
      'POST /v1/matter-groups/{id}/removals: 404',
      'POST /v1/cases/{id}/co-handling/{taskId}/closure: 409',
      'POST /v1/cases/{id}/merge: 409',
      'POST /v1/cases/{id}/attachments/{attachmentId}/complete: 409',
    ]);
  });

  it('receives a petitioner at a visit once it has started, and not before (409, documented)', { timeout: 30_000 }, async () => {
    const samples = patternSamples();
    const startsAt = Date.now() + 1_500;
    const announce = endpoints.find((endpoint) => endpoint.key === 'POST /v1/visits')!;
    const receive = endpoints.find((endpoint) => endpoint.key === 'POST /v1/visits/{id}/receptions')!;
    expect((await callExample(announce, samples, startsAt)).status).toBe(201);
    const early = await callExample(receive, samples, startsAt);
    expectProblem(early, 'a reception before the visit starts');
    expect(early.status).toBe(409);
    await sleep(startsAt - Date.now() + 100);
    expect((await callExample(receive, samples, startsAt)).status).toBe(201);
  });

  it('gets a 4xx problem document for each breach of a body’s schema made of its example', { timeout: 60_000 }, async () => {
    let count = 0;
    for (const endpoint of endpoints) {
      const schema = bodySchema(endpoint);
      if (!schema) continue;
      const example = endpoint.operation.requestBody!.content['application/json'].example;
      for (const breach of breachesOf(schema)) {
        const answer = await call(endpoint, { body: breached(example, breach) });
        expectProblem(answer, `${endpoint.key} ${breach.path.join('.') || '(body)'} ${breach.why}`);
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('gets a 4xx problem document for a query parameter that breaks its schema, a missing required one, and a path id over its bound', { timeout: 60_000 }, async () => {
    const samples = patternSamples();
    for (const endpoint of endpoints) {
      const valid = requiredQuery(endpoint, samples);
      for (const parameter of endpoint.operation.parameters ?? []) {
        const what = `${endpoint.key} ${parameter.in} ${parameter.name}`;
        if (parameter.in === 'query') {
          if (parameter.required) {
            const { [parameter.name]: _, ...without } = valid;
            expectProblem(await call(endpoint, { query: without }), `${what} missing`);
          }
          // A query string carries text only: a breach is sent as its text, so a number for a free string is no breach.
          const freeText = parameter.schema.type === 'string' && !parameter.schema.enum && !parameter.schema.pattern;
          for (const breach of breachesOf(parameter.schema, [parameter.name]).filter((b) => !(freeText && b.why === 'wrong type'))) {
            const query: Record<string, unknown> = {};
            breach.apply(query, parameter.name);
            const text = String(query[parameter.name]);
            expectProblem(await call(endpoint, { query: { ...valid, [parameter.name]: text } }), `${what} ${breach.why} (${text.slice(0, 20)})`);
          }
        }
        if (parameter.in === 'path' && parameter.schema.maxLength !== undefined) {
          expectProblem(await call(endpoint, { query: valid, id: 'x'.repeat(parameter.schema.maxLength + 1) }), `${what} above maxLength`);
        }
        if (parameter.in === 'header' && parameter.schema.pattern) {
          const example = endpoint.operation.requestBody?.content['application/json'].example;
          expectProblem(await call(endpoint, { body: example, headers: { [parameter.name]: 'a b' } }), `${what} breaks the pattern`);
        }
      }
    }
  });

  it('gets a 401 for an operation that needs credentials, called without', async () => {
    for (const endpoint of endpoints) {
      if (Object.keys(credentials(endpoint)).length === 0) continue;
      const example = endpoint.operation.requestBody?.content['application/json'].example;
      const answer = await system.call(endpoint.method, targetOf(endpoint, requiredQuery(endpoint, patternSamples())), { body: example });
      expect(answer.status, endpoint.key).toBe(401);
      // Without a staff token API Gateway answers itself, with its own message (documented beside the problem document).
      if (answer.type.includes('application/problem+json')) expect(answer.body, endpoint.key).toMatchObject({ status: 401 });
      else expect(answer.body, endpoint.key).toEqual({ message: 'Unauthorized' });
    }
  });

  it('gets a documented answer, never a 5xx, for bodies generated from the schemas', { timeout: 60_000 }, async () => {
    const statuses = new Set<number>();
    for (const endpoint of endpoints) {
      const schema = bodySchema(endpoint);
      if (!schema) continue;
      await fc.assert(
        fc.asyncProperty(valueOf(schema), async (body) => {
          // The api helper fails an answer the document does not describe; here it must also be no server error.
          const answer = await call(endpoint, { body });
          expect(answer.status, `${endpoint.key} ${JSON.stringify(body)}: ${JSON.stringify(answer.body).slice(0, 200)}`).toBeLessThan(500);
          statuses.add(answer.status);
          if (answer.status >= 400) expect(answer.type, endpoint.key).toContain('application/problem+json');
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
    // Generated bodies are taken as well as refused for what the schema cannot say (an unknown category, a unit outside the caller's).
    expect([...statuses].filter((status) => status < 300).length).toBeGreaterThan(0);
  });

  it('gets a 4xx problem document for generated bodies with one breach of the schema', { timeout: 60_000 }, async () => {
    for (const endpoint of endpoints) {
      const schema = bodySchema(endpoint);
      if (!schema) continue;
      const breaches = breachesOf(schema);
      await fc.assert(
        fc.asyncProperty(valueOf(schema), fc.constantFrom(...breaches), async (body, breach) => {
          const answer = await call(endpoint, { body: breached(body as Record<string, unknown>, breach) });
          expectProblem(answer, `${endpoint.key} ${breach.path.join('.') || '(body)'} ${breach.why}`);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
  });

  it('has called every operation of the document', () => {
    const all = endpoints.map((endpoint) => endpoint.key).sort();
    expect([...exercised].sort()).toEqual(all);
    expect(exercised.size).toBe(all.length);
  });
});
