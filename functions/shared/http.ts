import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from '../domain/zod.ts';
import { invalid, Problem, PROBLEM_STATUS, type FieldError } from '../domain/problem.ts';
import type { Staff } from '../domain/staff.ts';
import { bearerToken, needsTokenSettings, staffOf, verifyStaffToken } from './identity.ts';
import { errorSummary, logger } from './logger.ts';
import { lambdaHandler } from './lambda-handler.ts';

/** Bodies larger than this are refused before parsing (413). */
export const MAX_BODY_BYTES = 64 * 1024;

/** What a route handler sees of an HTTP request. */
export interface ApiRequest {
  /** The route it came in on, e.g. "POST /v1/cases/{id}/reply". */
  route: string;
  method: string;
  path: string;
  /** The staff token's claims, when the gateway's JWT authorizer checked one. */
  claims: Record<string, unknown> | undefined;
  /** Lower-cased names. */
  headers: Record<string, string>;
  query: Record<string, string>;
  params: Record<string, string>;
  /** The body parsed as JSON and validated by `schema`; a 4xx Problem otherwise. */
  body<T>(schema: z.ZodMiniType<T>): T;
  /** The body exactly as sent, for hashing. */
  rawBody: string;
}

export interface ApiAnswer {
  status: number;
  /** Answered as JSON. */
  body?: unknown;
  /** Answered as it is (an HTML page), with the content type in `headers`. */
  text?: string;
  headers?: Record<string, string>;
}

/** A Problem as its RFC 9457 answer. */
export function problemAnswer(problem: Problem): ApiAnswer {
  const status = PROBLEM_STATUS[problem.kind];
  return {
    status,
    headers: { 'content-type': 'application/problem+json', ...(problem.retryAfter !== undefined && { 'retry-after': String(problem.retryAfter) }) },
    body: {
      type: `/v1/problems/${problem.kind.replaceAll('_', '-')}`,
      title: problem.title,
      status,
      detail: problem.detail,
      errors: problem.errors,
    },
  };
}

// DynamoDB pushing back after the SDK's own retries: the request changed nothing and may be sent again.
const BUSY_ERRORS = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'TransactionConflictException']);
const BUSY = new Problem('unavailable', 'Busy', 'The service is busy; nothing was changed by this request. Try again in a moment.');

const INTERNAL: ApiAnswer = {
  status: 500,
  headers: { 'content-type': 'application/problem+json' },
  body: {
    type: '/v1/problems/internal',
    title: 'Internal error',
    status: 500,
    detail: 'The request could not be completed; nothing was changed by it. It is safe to try again.',
    errors: [],
  },
};

/** Zod's complaints as problem-document field errors ("petitioner.phone"). */
export function fieldErrors(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Validates a value against a schema, or refuses the request with 400 and each field's error. */
export function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(`The ${what} is not valid.`, fieldErrors(result.error));
  return result.data;
}

function decodedBody(event: APIGatewayProxyEventV2): string {
  const raw = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
}

function requestOf(event: APIGatewayProxyEventV2): ApiRequest {
  const headers = Object.fromEntries(
    Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value ?? '']),
  );
  const rawBody = decodedBody(event);
  const authorizer = (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer;
  return {
    route: event.routeKey,
    claims: authorizer?.jwt?.claims,
    method: event.requestContext.http.method,
    path: event.rawPath,
    headers,
    query: Object.fromEntries(Object.entries(event.queryStringParameters ?? {}).map(([k, v]) => [k, v ?? ''])),
    params: Object.fromEntries(Object.entries(event.pathParameters ?? {}).map(([k, v]) => [k, v ?? ''])),
    rawBody,
    body<T>(schema: z.ZodMiniType<T>): T {
      if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) {
        throw new Problem('too_large', 'Request too large', `The body may be at most ${MAX_BODY_BYTES} bytes.`);
      }
      const type = headers['content-type'];
      if (type !== undefined && type !== '' && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
        throw new Problem('unsupported_media_type', 'Unsupported media type', 'Send the body as application/json.');
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        throw invalid('The body is not valid JSON.', [{ path: '', message: 'expected a JSON object' }]);
      }
      return parseWith(schema, parsed, 'body');
    },
  };
}

function responseOf(answer: ApiAnswer): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...answer.headers };
  if (answer.text !== undefined) return { statusCode: answer.status, headers, body: answer.text };
  if (answer.body === undefined) return { statusCode: answer.status, headers };
  headers['content-type'] ??= 'application/json';
  return { statusCode: answer.status, headers, body: JSON.stringify(answer.body) };
}

/**
 * Makes a Lambda handler (API Gateway HTTP API, payload 2.0) of a route
 * handler: a Problem it throws becomes its RFC 9457 answer, anything else is
 * logged (without the request) and answers 500.
 */
export function httpHandler(handle: (request: ApiRequest) => Promise<ApiAnswer>) {
  return lambdaHandler(async (event: APIGatewayProxyEventV2, _context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    // API Gateway's request id follows the request through every log line of it.
    logger.appendKeys({ correlationId: event.requestContext.requestId });
    try {
      return responseOf(await handle(requestOf(event)));
    } catch (error) {
      if (error instanceof Problem) return responseOf(problemAnswer(error));
      if (error instanceof Error && BUSY_ERRORS.has(error.name)) {
        logger.warn('request refused: busy', { route: event.routeKey, error: errorSummary(error) });
        return responseOf({ ...problemAnswer(BUSY), headers: { 'content-type': 'application/problem+json', 'retry-after': '1' } });
      }
      logger.error('request failed', { route: event.routeKey, error: errorSummary(error) });
      return responseOf(INTERNAL);
    }
  });
}

/** The staff member behind a staff route, whose token the gateway checked; 401 without one. */
export function requireStaff(request: ApiRequest): Staff {
  if (!request.claims) throw new Problem('unauthorized', 'Not signed in', 'Send a staff token as "Authorization: Bearer <token>".');
  return staffOf(request.claims);
}

/**
 * The check of the staff member behind a route open to petitioners too: the
 * handler checks the token itself, since a gateway authorizer cannot be
 * optional. The check answers `undefined` without an Authorization header and
 * 401 for a bad token. Make it as the handler's module loads: that declares
 * the token settings, so a function without them fails its start.
 */
export function optionalStaffCheck(): (request: ApiRequest) => Promise<Staff | undefined> {
  needsTokenSettings();
  return async (request) => {
    const authorization = request.headers.authorization;
    if (authorization === undefined) return undefined;
    const token = bearerToken(authorization);
    if (!token) throw new Problem('unauthorized', 'Not signed in', 'The Authorization header must be "Bearer <token>".');
    return verifyStaffToken(token);
  };
}

/** `?limit=&cursor=` of every list: limit 1..200, 50 by default. */
export const pageQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
});
