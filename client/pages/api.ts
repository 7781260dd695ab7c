/**
 * The pages' one way to the API: the typed client (client/index.ts) at the
 * address config.json names (empty: the pages' own origin, as `npm start`
 * serves them), and every answer sorted into what a page does with it.
 */
import type { Middleware } from 'openapi-fetch';
import { petitionsClient, type components } from '../index.ts';

export type Problem = components['schemas']['Problem'];

/**
 * What came of a call: the answer; a problem the petitioner can act on (4xx,
 * shown next to the fields it names); or no answer worth showing (offline, a
 * timeout, a 5xx), which the page offers to retry with what was typed kept.
 */
export type Outcome<T> = { kind: 'answer'; data: T; status: number } | { kind: 'problem'; problem: Problem } | { kind: 'unreachable' };

/** Where the API is, without a trailing slash: config.json beside the pages says (empty: the pages' own origin). */
const apiBase: Promise<string> = (async () => {
  try {
    const response = await fetch(new URL('config.json', document.baseURI).href, { cache: 'no-cache' });
    if (response.ok) {
      const { apiUrl } = (await response.json()) as { apiUrl?: string };
      if (apiUrl) return apiUrl.replace(/\/$/, '');
    }
  } catch {
    // Offline at the first load: the calls themselves will say they could not be made.
  }
  return location.origin;
})();

/** Sends each call of a client to the API's address (known once config.json is read). */
export const toApi: Middleware = {
  async onRequest({ request }) {
    const url = new URL(request.url);
    const base = await apiBase;
    if (base === url.origin) return undefined;
    // The body read out, not passed on as a stream: Chrome streams a request body over HTTP/2 only.
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    return new Request(`${base}${url.pathname}${url.search}`, { method: request.method, headers: request.headers, body, signal: request.signal });
  },
};

export const api = petitionsClient(location.origin);
api.use(toApi);

/** The problem the gateway answers in its own words ({ message }), as a problem document. */
function asProblem(status: number, body: unknown): Problem {
  const problem = body as Partial<Problem> & { message?: string };
  return {
    type: problem.type ?? 'about:blank',
    title: problem.title ?? problem.message ?? String(status),
    status,
    detail: problem.detail ?? '',
    errors: problem.errors ?? [],
  };
}

/** Makes one call of the typed client and sorts what came of it. */
export async function call<T>(request: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await request();
    if (response.status >= 500) return { kind: 'unreachable' };
    if (!response.ok) return { kind: 'problem', problem: asProblem(response.status, error) };
    return { kind: 'answer', data: data as T, status: response.status };
  } catch {
    return { kind: 'unreachable' };
  }
}

/** A fresh Idempotency-Key. */
export function newKey(): string {
  // randomUUID needs a 2021 browser; older web views get 128 random bits all the same.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
