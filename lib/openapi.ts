/**
 * The API document (OpenAPI 3.1), made from the wiring's routes and the zod
 * schemas the handlers parse with (JSON Schema by zod's own toJSONSchema).
 * Nothing in it is written by hand but prose: served at GET /v1/openapi.json,
 * rendered at GET /v1/docs, linted, and held to every answer the test suites
 * receive (test/support/api-contract.ts).
 */
import { bookingCodeSchema } from '../functions/domain/bookings.ts';
import * as answers from '../functions/api/answers.ts';
import { idempotencyKey } from '../functions/api/queries.ts';
import * as z from '../functions/domain/zod.ts';
import packageJson from '../package.json' with { type: 'json' };
import { FUNCTIONS, ROUTES, type AnswerDoc, type RouteWiring } from './wiring.ts';

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

// Refinements (a real date, a valid identity number) have no JSON Schema: the handler checks them.
const CONVERSION = { unrepresentable: 'any' } as const;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a client sends it: written in place (a parameter's). */
function inputSchema(schema: z.ZodMiniType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { ...CONVERSION, io: 'input' }) as JsonSchema;
  return rest;
}

const componentRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * Schemas by the names the document gives them (components.schemas): each
 * is written once, and what holds it refers to it by name, as the generated
 * client types do.
 */
class NamedSchemas {
  private readonly registry = z.registry<{ id: string }>();

  constructor(private readonly io: 'input' | 'output') {}

  /** A reference to `schema` by its name: the one it was given first, else `name`. */
  ref(schema: z.ZodMiniType, name: string) {
    if (!this.registry.has(schema)) this.registry.add(schema, { id: name });
    return componentRef(this.registry.get(schema)!.id);
  }

  schemas(): Record<string, JsonSchema> {
    const { schemas } = z.toJSONSchema(this.registry, { ...CONVERSION, io: this.io, uri: (id) => componentRef(id).$ref });
    // Sorted, so that the document is the same whatever order the schemas were met in; each is
    // placed by its name, so the dialect and the id the registry writes into it go.
    return Object.fromEntries(
      Object.entries(schemas)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, { $schema: _dialect, $id: _id, ...schema }]) => [name, schema as JsonSchema]),
    );
  }
}

const problemContent = { 'application/problem+json': { schema: componentRef('Problem') } };
const gatewayContent = { 'application/json': { schema: componentRef('GatewayMessage') } };

/** The answers every route of a kind may give, shared by reference. */
const SHARED_RESPONSES = {
  Invalid: { description: 'Bad input: the problem document names each field at fault in `errors`. Nothing was changed.', content: problemContent },
  NoStaffToken: {
    description: "No valid staff token (API Gateway answers itself), or a token whose claims name no unit or role of the system (a problem document).",
    content: { ...problemContent, ...gatewayContent },
  },
  BadStaffToken: { description: 'The staff token sent is not valid, or the request needs one.', content: problemContent },
  NoAccessCode: { description: 'No access code was sent.', content: problemContent },
  Forbidden: { description: "The caller's role may not do this.", content: problemContent },
  NotFound: { description: "Not there, or outside the caller's scope (or a wrong access code): the same answer.", content: problemContent },
  TooLarge: { description: 'The body is too large.', content: { ...problemContent, ...gatewayContent } },
  UnsupportedMediaType: { description: 'The body must be sent as application/json.', content: problemContent },
  Throttled: { description: "Beyond the route's throttle: API Gateway answers itself. Try again later.", content: gatewayContent },
  RateLimited: {
    description: "Beyond the route's throttle (API Gateway answers itself), or beyond the route's own limits (a problem document): for a phone or a client address, or how often a case may be urged (the policy's `urgeInterval`). Try again after `Retry-After` seconds.",
    headers: { 'Retry-After': { description: 'Seconds to wait (the route\'s own limits).', schema: { type: 'string' } } },
    content: { ...problemContent, ...gatewayContent },
  },
  Internal: { description: 'A fault of the service (a bug): nothing was changed; it is safe to try again.', content: { ...problemContent, ...gatewayContent } },
  Busy: {
    description: 'The store is busy: nothing was changed; try again after `Retry-After` seconds.',
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'string' } } },
    content: problemContent,
  },
} as const;
type SharedResponse = keyof typeof SHARED_RESPONSES;
const shared = (name: SharedResponse) => ({ $ref: `#/components/responses/${name}` });

const pathParameters = (route: RouteWiring) => [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

/** The problems a route may answer besides its own answers, by status. */
function sharedAnswers(route: RouteWiring): Record<number, SharedResponse> {
  const takesInput = route.query !== undefined || route.body !== undefined || route.idempotent || pathParameters(route).length > 0;
  const refusals: Record<number, SharedResponse> = {};
  if (takesInput) refusals[400] = 'Invalid';
  if (route.auth === 'staff') refusals[401] = 'NoStaffToken';
  if (route.auth === 'optional') refusals[401] = 'BadStaffToken';
  if (route.accessCode) refusals[401] = 'NoAccessCode';
  if (route.auth !== 'public') refusals[403] = 'Forbidden';
  if (pathParameters(route).length > 0) refusals[404] = 'NotFound';
  if (route.body) Object.assign(refusals, { 413: 'TooLarge', 415: 'UnsupportedMediaType' });
  refusals[429] = route.rateLimited ? 'RateLimited' : 'Throttled';
  refusals[500] = 'Internal';
  if (FUNCTIONS[route.function].table !== 'none') refusals[503] = 'Busy';
  return refusals;
}

/** The document's names for what the routes answer and take. */
interface Names {
  answers: NamedSchemas;
  bodies: NamedSchemas;
}

function response(answer: AnswerDoc, name: string, names: Names): Record<string, unknown> {
  const type = answer.contentType ?? 'application/json';
  const schema = answer.schema ? names.answers.ref(answer.schema, name) : type === 'text/html' ? { type: 'string' } : { type: 'object' };
  return {
    description: answer.description,
    ...(answer.location && { headers: { Location: { description: 'Where what was created is.', schema: { type: 'string' } } } }),
    content: { [type]: { schema } },
  };
}

function parameters(route: RouteWiring): Array<Record<string, unknown>> {
  const inPath = pathParameters(route).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 100 },
    ...(route.pathExamples?.[name] !== undefined && { example: route.pathExamples[name] }),
  }));
  const query = route.query ? inputSchema(route.query) : { properties: {} };
  const required = new Set((query.required as string[] | undefined) ?? []);
  const inQuery = Object.entries(query.properties as Record<string, JsonSchema>).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(name === 'cursor' && { description: 'The `nextCursor` of the page before, unchanged, with the same query.' }),
    ...(name === 'limit' && { description: 'How many items a page holds at most.' }),
    schema,
  }));
  const headers: Array<Record<string, unknown>> = route.idempotent
    ? [{
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'A fresh key per submission, the same on every retry of it (kept 24 hours): a retry answers the first answer again; the same key with another body is 409.',
        schema: inputSchema(idempotencyKey),
      }]
    : [];
  if (route.bookingCode) {
    headers.push({ name: 'X-Booking-Code', in: 'header', required: true, description: 'The 8-digit booking code the confirmation SMS gave.', example: '27468513', schema: inputSchema(bookingCodeSchema) });
  }
  return [...inPath, ...inQuery, ...headers];
}

function security(route: RouteWiring): Array<Record<string, string[]>> {
  // The petitioner by the access code, or (where the handler checks tokens) staff by theirs.
  if (route.accessCode) return route.auth === 'optional' ? [{ accessCode: [] }, { staffToken: [] }] : [{ accessCode: [] }];
  if (route.auth === 'staff') return [{ staffToken: [] }];
  // Anyone, or staff with a token the handler checks.
  if (route.auth === 'optional') return [{}, { staffToken: [] }];
  return [];
}

/** A route's operation id, from its method and path: `POST /v1/cases/{id}/reply` is `postCasesByIdReply`. */
export function operationId(route: RouteWiring): string {
  const words = route.path
    .split('/')
    .slice(2)
    .map((segment) => segment.replace(/^\{(\w+)\}$/, 'by-$1').replace(/\.json$/, '-json'))
    .flatMap((segment) => segment.split(/[-.]/));
  return route.method.toLowerCase() + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

function operation(route: RouteWiring, names: Names): Operation {
  const id = operationId(route);
  const own = Object.fromEntries(Object.entries(route.answers).map(([status, answer]) => [status, response(answer, `${pascal(id)}${status}`, names)]));
  const common = Object.fromEntries(Object.entries(sharedAnswers(route)).map(([status, name]) => [status, shared(name)]));
  const params = parameters(route);
  return {
    operationId: id,
    summary: route.summary,
    security: security(route),
    ...(params.length > 0 && { parameters: params }),
    ...(route.body && {
      requestBody: { required: true, content: { 'application/json': { schema: names.bodies.ref(route.body.schema, `${pascal(id)}Body`), example: route.body.example } } },
    }),
    responses: Object.fromEntries(Object.entries({ ...common, ...own }).sort(([a], [b]) => Number(a) - Number(b))),
  };
}

export type ApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
} & Record<string, unknown>;

let made: ApiDocument | undefined;

/** The API document, made once per process. */
export function apiDocument(): ApiDocument {
  if (made) return made;
  const names = { answers: new NamedSchemas('output'), bodies: new NamedSchemas('input') };
  // What answers.ts names, the document names alike (staffCase is StaffCase); the rest after its operation.
  for (const [name, schema] of Object.entries(answers)) if (typeof schema !== 'function') names.answers.ref(schema, pascal(name));
  const paths: ApiDocument['paths'] = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, names);
  made = {
    openapi: '3.1.1',
    info: {
      title: 'Petitions (信访)',
      version: packageJson.version,
      summary: 'Every case has a landing: intake, routing, the legal clock and its escalation ladder, answers and figures.',
      description:
        'The HTTP contract of the petitions backend for client apps. JSON in and out; errors are RFC 9457 problem documents; ' +
        'lists are paged with `limit` and `cursor` (answering `nextCursor`, `null` on the last page). ' +
        'Staff send a bearer JWT; petitioners send the access code given at submission as `X-Access-Code`. ' +
        'The guide for client developers is docs/API.md in the repository. ' +
        'Open311 GeoReport v2 is served beside this API under `/open311/v2/`, documented by its own standard rather than here (docs/API.md, "Open311 GeoReport v2").',
    },
    // Relative: the document is served by the API it describes, wherever that is.
    servers: [{ url: '/', description: 'The API serving this document' }],
    paths,
    components: {
      schemas: { ...names.answers.schemas(), ...names.bodies.schemas() },
      responses: SHARED_RESPONSES,
      securitySchemes: {
        staffToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: "A staff member's ID token (on AWS, of the stack's Cognito user pool), with the `unit` and `roles` claims.",
        },
        accessCode: { type: 'apiKey', in: 'header', name: 'X-Access-Code', description: 'The access code given once when the case was submitted.' },
      },
    },
  };
  return made;
}
