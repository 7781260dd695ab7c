/** The kinds of refusal a client can get, each one HTTP status. */
export const PROBLEM_STATUS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
} as const;
export type ProblemKind = keyof typeof PROBLEM_STATUS;

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A refusal the client can act on, answered as an RFC 9457 problem document.
 * Anything thrown that is not a Problem is a bug and answers 500.
 */
export class Problem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Seconds after which the same request may succeed (answered as Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(`${title}: ${detail}`);
    this.name = 'Problem';
  }
}

export const invalid = (detail: string, errors: FieldError[] = []) =>
  new Problem('invalid', 'Invalid request', detail, errors);

export const notFound = (detail: string) => new Problem('not_found', 'Not found', detail);

/** The case's current state forbids the action (409). */
export const conflict = (detail: string) => new Problem('conflict', 'Not possible now', detail);

/** Asked again sooner than allowed (429): allowed again in `retryAfter` seconds. */
export const tooSoon = (detail: string, retryAfter: number) => new Problem('too_many_requests', 'Too soon', detail, [], retryAfter);
