/**
 * Client apps (a city's 311 app, a mini-program) that an admin registered:
 * each holds an API key that lets it submit cases for its users through
 * Open311 (docs/API.md, "Open311"), vouching for their phones.
 */
import { createHash, randomBytes } from 'node:crypto';
import { text } from './fields.ts';
import * as z from './zod.ts';

/** POST /v1/client-apps */
export const clientAppSchema = z.strictObject({ name: text(100) });

export interface ClientApp {
  id: string;
  name: string;
  registeredAt: string;
  /** The admin who registered it. */
  registeredBy: string;
}

// A recognisable prefix lets a key that leaked into a repository or a log be found by a scanner.
const KEY_PREFIX = 'pk311_';

/** A fresh API key: 256 random bits, shown once to the admin who registers the app. */
export function newApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored instead of the key, and what finds its app. A plain
 * SHA-256 suffices, as for access codes: the key is random with 256 bits of
 * entropy, so no list of candidates can be tried against the hash (an HMAC
 * is needed where the secret is guessable, as phone numbers are).
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** Whether a text could be a key this system gives out: anything else is refused before a read. */
export const looksLikeApiKey = (key: string) => key.startsWith(KEY_PREFIX) && key.length <= 100;
