/**
 * The routes of the petitioner's channel that the contract (docs/API.md,
 * "Version 1.1 additions") gives and the API document does not have yet:
 * verification, access-code recovery, messages and urging. Typed here by hand
 * from the contract, on the same typed client; once `npm run api-types` has
 * them, `api` (api.ts) calls them and this file goes.
 */
import createClient from 'openapi-fetch';
import type { components } from '../index.ts';
import { toApi } from './api.ts';

type Problem = components['schemas']['Problem'];
type Json<T> = { content: { 'application/json': T } };
type Answers<T, S extends number> = { responses: { [status in S]: Json<T> } & { default: Json<Problem> } };
type Headers = { header?: { 'X-Access-Code'?: string; 'Idempotency-Key'?: string } };
type Post<B, T, S extends number, P = undefined> = {
  post: { parameters: (P extends object ? { path: P } : object) & Headers; requestBody: Json<B> } & Answers<T, S>;
};
type Get<T, P> = { get: { parameters: { path: P; header: { 'X-Access-Code': string } } } & Answers<T, 200> };

export interface Verification {
  id: string;
  code: string;
}

export interface ChannelPaths {
  '/v1/verifications': Post<{ phone: string }, { verificationId: string; expiresAt: string }, 202>;
  '/v1/access-recovery': Post<{ verification: Verification }, unknown, 202>;
  '/v1/cases/{id}/messages': Get<{ items: Array<{ at: string; kind: string; text: string; status: string }> }, { id: string }>;
  '/v1/cases/{id}/urge': Post<{ note?: string }, { urgedAt: string; nextAllowedAt: string }, 200, { id: string }>;
}

export const channel = createClient<ChannelPaths>({ baseUrl: location.origin });
channel.use(toApi);
