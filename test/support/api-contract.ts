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

type Response = { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> };
type Reference = { $ref: string };

const document = apiDocument();
// Not strict: the document holds OpenAPI's own keywords (example, paths) beside the schemas.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(document, 'openapi');

const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, operation]) => ({
    method: method.toUpperCase(),
    path,
    pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
    responses: operation.responses as Record<string, Response | Reference>,
  })),
);

/** A JSON pointer's token. */
const token = (text: string) => text.replaceAll('~', '~0').replaceAll('/', '~1');

const validators = new Map<string, ValidateFunction>();
function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) validators.set(pointer, (validate = ajv.compile({ $ref: `openapi#${pointer}` })));
  return validate;
}

/** The documented answer and where it is in the document, following a shared answer's reference. */
function documented(response: Response | Reference, at: string): { response: Response; pointer: string } {
  if (!('$ref' in response)) return { response, pointer: at };
  const name = response.$ref.replace('#/components/responses/', '');
  return { response: (document.components.responses as Record<string, Response>)[name]!, pointer: `/components/responses/${token(name)}` };
}

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
  if (!operation) return isGatewayRefusal(answer.status, type, body) ? [] : [`${method} ${path}: no operation in the document`];
  const name = `${method} ${operation.path} ${answer.status}`;
  const found = operation.responses[String(answer.status)];
  if (!found) return [`${name}: the document has no such answer (${type}: ${body.slice(0, 300)})`];
  const { response, pointer } = documented(found, `/paths/${token(operation.path)}/${method.toLowerCase()}/responses/${answer.status}`);
  const breaches = Object.keys(response.headers ?? {})
    .filter((header) => !answer.headers.has(header))
    .map((header) => `${name}: no ${header} header`);
  if (!response.content) return body === '' ? breaches : [...breaches, `${name}: a body where the document has none`];
  if (!(type in response.content)) return [...breaches, `${name}: content type ${type || '(none)'}, documented ${Object.keys(response.content).join(', ')}`];
  if (!type.endsWith('json')) return breaches;
  const validate = validatorAt(`${pointer}/content/${token(type)}/schema`);
  if (validate(JSON.parse(body))) return breaches;
  return [...breaches, `${name}: the body does not fit the document: ${ajv.errorsText(validate.errors)} (${body.slice(0, 300)})`];
}
