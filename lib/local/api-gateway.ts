/**
 * Plays API Gateway (HTTP API, payload format 2.0) on a local port: matches
 * the wiring's routes, checks staff tokens as the JWT authorizer does, builds
 * the event Lambda would get, and writes back what the handler answers.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { invalid } from '../../functions/domain/problem.ts';
import { problemAnswer } from '../../functions/shared/http.ts';
import { bearerToken, verifyToken } from '../../functions/shared/identity.ts';
import { mobileNumber } from '../../functions/domain/petitioner.ts';
import { readOutbox } from '../../functions/senders/outbox.ts';
import { SERVED_ROUTES, type RouteWiring, type StandardRouteWiring } from '../wiring.ts';
import { LOOPBACK } from './emulators.ts';
import type { LocalLambdas } from './lambda.ts';
import type { LocalSite } from './site.ts';

// API Gateway refuses payloads above 10 MB before any function runs.
const MAX_PAYLOAD = 10 * 1024 * 1024;
// Longer than clients keep an idle connection (Node's fetch: 4 s; browsers, proxies: up to 60 s), so the
// server never closes one just as a client sends on it ("other side closed"); headers get a moment more.
const KEEP_ALIVE_MS = 65_000;
const HEADERS_TIMEOUT_MS = 66_000;

/** A request the gateway refuses before any function runs, for what the client sent. */
class BadRequest extends Error {}

/** A path parameter, percent-decoded; malformed encoding (or bytes that are not UTF-8) is the client's error. */
function decodedParameter(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new BadRequest("A path segment is not valid percent-encoded UTF-8.");
  }
}

interface CompiledRoute {
  route: RouteWiring | StandardRouteWiring;
  routeKey: string;
  pattern: RegExp;
  params: string[];
}

function compile(route: RouteWiring | StandardRouteWiring): CompiledRoute {
  const params: string[] = [];
  // Wiring paths are plain segments and {name} parameters: nothing else to escape.
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { route, routeKey: `${route.method} ${route.path}`, pattern: new RegExp(`^${source}$`), params };
}

const TEXT_TYPES = /^(?:text\/|application\/(?:[\w.+-]+\+)?(?:json|xml)|application\/x-www-form-urlencoded)/i;

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_PAYLOAD) return 'too-large';
      chunks.push(chunk as Buffer);
    }
  } catch {
    // A malformed chunked body, or a client gone mid-body.
    throw new BadRequest('The request body could not be read.');
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

/** A JWT claim as API Gateway hands it to the function: strings as they are, arrays as "[a b]". */
function renderedClaim(value: unknown): string {
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
}

/**
 * What the gateway's JWT authorizer would let through: the claims of a valid
 * bearer token, or `undefined` (answered 401 before any function runs).
 */
async function authorizedClaims(authorization: string | undefined): Promise<Record<string, string> | undefined> {
  const token = bearerToken(authorization);
  if (!token) return undefined;
  try {
    const claims = await verifyToken(token);
    return Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, renderedClaim(value)]));
  } catch {
    return undefined;
  }
}

/** One request as API Gateway sees it, after it has matched a route. */
export interface MatchedRequest {
  method: string;
  url: URL;
  routeKey: string;
  headers: Record<string, string>;
  pathParameters?: Record<string, string>;
  body?: Buffer;
  protocol?: string;
  sourceIp?: string;
}

/** The event API Gateway (HTTP API, payload 2.0) hands the route's function. */
export function apiEvent(request: MatchedRequest): APIGatewayProxyEventV2 {
  const { url, headers, body = Buffer.alloc(0) } = request;
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const now = new Date();
  const text = body.length === 0 || TEXT_TYPES.test(headers['content-type'] ?? 'application/json');
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method,
        path: url.pathname,
        protocol: request.protocol ?? 'HTTP/1.1',
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: request.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: !text,
  };
  if (url.searchParams.size > 0) event.queryStringParameters = query;
  if (request.pathParameters) event.pathParameters = request.pathParameters;
  if (body.length > 0) event.body = text ? body.toString('utf8') : body.toString('base64');
  return event;
}

function eventOf(request: IncomingMessage, url: URL, match: CompiledRoute, values: string[], body: Buffer): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return apiEvent({
    method: request.method ?? 'GET',
    url,
    routeKey: match.routeKey,
    headers,
    ...(match.params.length > 0 && {
      pathParameters: Object.fromEntries(match.params.map((name, i) => [name, decodedParameter(values[i] ?? '')])),
    }),
    body,
    protocol: `HTTP/${request.httpVersion}`,
    ...(request.socket.remoteAddress && { sourceIp: request.socket.remoteAddress }),
  });
}

export interface LocalApi {
  url: string;
  /** The routes served, e.g. "GET /v1/cases", each with its authorization as the template names it. */
  routes: Array<{ key: string; authorization: 'JWT' | 'NONE' }>;
  close(): Promise<void>;
}

/** The local runtime's own route, never deployed: `GET /local/outbox?phone=`, what the outbox sender sent to a phone. */
export const OUTBOX_PATH = '/local/outbox';

async function outboxAnswer(outboxFile: string | undefined, url: URL): Promise<{ status: number; body: unknown }> {
  const phone = mobileNumber(url.searchParams.get('phone') ?? '');
  if (!outboxFile) return { status: 404, body: { message: 'Not Found' } };
  if (!phone) return problemAnswer(invalid('Name a mobile number.', [{ path: 'phone', message: 'must be a mainland mobile number' }])) as { status: number; body: unknown };
  return { status: 200, body: { items: await readOutbox(outboxFile, phone) } };
}

/**
 * Serves the wiring's routes on `port` by invoking their functions, with
 * `outboxFile` the local outbox, and `site`'s files at the paths no route has.
 */
export async function serveApi(lambdas: LocalLambdas, port: number, log: (line: string) => void, local: { outboxFile?: string; site?: LocalSite } = {}): Promise<LocalApi> {
  const routes = SERVED_ROUTES.map(compile);
  const server: Server = createServer(async (request, response) => {
    const started = Date.now();
    let url = new URL('http://localhost/');
    let status = 500;
    try {
      if (!URL.canParse(request.url ?? '', 'http://localhost')) throw new BadRequest('The request target is not a valid URL path.');
      url = new URL(request.url ?? '/', 'http://localhost');
      if (request.method === 'GET' && url.pathname === OUTBOX_PATH) {
        const answer = await outboxAnswer(local.outboxFile, url);
        return send(response, (status = answer.status), JSON.stringify(answer.body));
      }
      let values: string[] = [];
      const match = routes.find((candidate) => {
        if (candidate.route.method !== request.method) return false;
        const found = candidate.pattern.exec(url.pathname);
        if (found) values = found.slice(1);
        return found !== null;
      });
      const page = match ? undefined : local.site?.answer(request.method ?? 'GET', url.pathname);
      if (page) {
        response.writeHead((status = page.status), page.headers);
        return void response.end(page.body);
      }
      // What API Gateway answers for a route it does not have.
      if (!match) return send(response, (status = 404), JSON.stringify({ message: 'Not Found' }));
      const body = await readBody(request);
      if (body === 'too-large') return send(response, (status = 413), JSON.stringify({ message: 'Request Entity Too Large' }));
      const event = eventOf(request, url, match, values, body);
      if (match.route.auth === 'staff') {
        const claims = await authorizedClaims(event.headers.authorization);
        if (!claims) return send(response, (status = 401), JSON.stringify({ message: 'Unauthorized' }));
        Object.assign(event.requestContext, { authorizer: { jwt: { claims, scopes: null } } });
      }
      const result = (await lambdas.invoke(match.route.function, event)) as APIGatewayProxyStructuredResultV2;
      status = result.statusCode ?? 200;
      const payload = result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? '');
      response.writeHead(status, Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])));
      response.end(payload);
    } catch (error) {
      if (response.headersSent) return;
      if (error instanceof BadRequest) {
        const answer = problemAnswer(invalid(error.message));
        return send(response, (status = answer.status), JSON.stringify(answer.body), answer.headers);
      }
      // A function that throws or times out: API Gateway's own answer.
      send(response, (status = 500), JSON.stringify({ message: 'Internal Server Error' }));
    } finally {
      log(`${request.method} ${url.pathname} ${status} ${Date.now() - started}ms`);
    }
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}`,
    routes: routes.map((r) => ({ key: r.routeKey, authorization: r.route.auth === 'staff' ? 'JWT' : 'NONE' })),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
