/**
 * Holds an answer of the API to the API document (lib/openapi.ts): its
 * status must be one the operation documents, its content type one of that
 * answer's, its documented headers there, and its body valid against the
 * answer's schema (ajv, JSON Schema 2020-12). The test system's `api` helper
 * (emulators.ts) calls it on every answer the suites receive, so a route or
 * an answer missing from the document fails the suite that meets it.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { apiDocument } from '../../lib/openapi.ts';
import { OPEN311_ROUTES } from '../../lib/wiring.ts';

type Schema = Record<string, unknown>;
type Response = { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> };
type Reference = { $ref: string };

const document = apiDocument();
// Not strict: the document holds OpenAPI's own keywords (example, paths) beside the schemas. The first
// error of an answer is enough to find the gap, and unoptimised code compiles in a third of the time.
const ajv = new Ajv2020({ strict: false, validateFormats: false, code: { optimize: false } });
ajv.addSchema(document, 'openapi');

// Every named schema compiled now, as the suite loads, so that no test's timing includes it.
const validators = new Map<string, ValidateFunction>(
  Object.keys(document.components.schemas as Schema).map((name) => {
    const ref = `#/components/schemas/${name}`;
    return [ref, ajv.compile({ $ref: `openapi${ref}` })];
  }),
);

/** The validator of an answer's schema: a named one, or one written in place (a page's `string`). */
function validatorOf(schema: Schema): ValidateFunction {
  const key = typeof schema.$ref === 'string' ? schema.$ref : JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = ajv.compile(schema)));
  return validate;
}

const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, operation]) => ({
    method: method.toUpperCase(),
    path,
    pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
    responses: operation.responses as Record<string, Response | Reference>,
  })),
);

/** The documented answer, following a shared answer's reference. */
function documented(response: Response | Reference): Response {
  if (!('$ref' in response)) return response;
  return (document.components.responses as Record<string, Response>)[response.$ref.replace('#/components/responses/', '')]!;
}

// Open311's routes follow their own standard, not this document (lib/wiring.ts): test/integration/open311.test.ts holds them to it.
const standardRoutes = OPEN311_ROUTES.map((route) => ({ method: route.method, pattern: new RegExp(`^${route.path.replace(/\./g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`) }));

/** What API Gateway answers for a route it does not have, or for a request target that is no URL path. */
function isGatewayRefusal(status: number, type: string, body: string): boolean {
  if (status === 404 && type === 'application/json') return JSON.parse(body).message === 'Not Found';
  return status === 400 && type === 'application/problem+json';
}

/** What is wrong with an answer, measured against the document: nothing when it fits. */
export async function contractBreaches(method: string, target: string, answer: globalThis.Response): Promise<string[]> {
  const path = new URL(target, 'http://localhost').pathname;
  const type = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const body = await answer.clone().text();
  const operation = operations.find((candidate) => candidate.method === method && candidate.pattern.test(path));
  if (!operation) {
    if (isGatewayRefusal(answer.status, type, body) || standardRoutes.some((route) => route.method === method && route.pattern.test(path))) return [];
    return [`${method} ${path}: no operation in the document`];
  }
  const name = `${method} ${operation.path} ${answer.status}`;
  const found = operation.responses[String(answer.status)];
  if (!found) return [`${name}: the document has no such answer (${type}: ${body.slice(0, 300)})`];
  const response = documented(found);
  const breaches = Object.keys(response.headers ?? {})
    .filter((header) => !answer.headers.has(header))
    .map((header) => `${name}: no ${header} header`);
  if (!response.content) return body === '' ? breaches : [...breaches, `${name}: a body where the document has none`];
  if (!(type in response.content)) return [...breaches, `${name}: content type ${type || '(none)'}, documented ${Object.keys(response.content).join(', ')}`];
  if (!type.endsWith('json')) return breaches;
  const validate = validatorOf(response.content[type]!.schema);
  if (validate(JSON.parse(body))) return breaches;
  return [...breaches, `${name}: the body does not fit the document: ${ajv.errorsText(validate.errors)} (${body.slice(0, 300)})`];
}
