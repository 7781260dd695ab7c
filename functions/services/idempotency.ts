/** Idempotency-Key for requests that create: the same request again gets its first answer; another request under the key, 409. */
import { createHash } from 'node:crypto';
import { Problem } from '../domain/problem.ts';
import { getFirstAnswer, type FirstAnswer, type UnreadableAnswer } from '../store/idempotency.ts';

/** Who asked and what they sent: the same key with another request is a conflict. */
export function requestHashOf(actor: string, request: unknown): string {
  return createHash('sha256').update(`${actor}\n${JSON.stringify(request)}`).digest('base64url');
}

/**
 * The first answer again for a retry of the same request; 409 for another
 * request under the same key, and for a first answer kept under a former
 * deployment secret (the request was answered, but its answer cannot be given again).
 */
export function replay(first: FirstAnswer | UnreadableAnswer, requestHash: string): FirstAnswer {
  if (first.requestHash !== requestHash) {
    throw new Problem('conflict', 'Idempotency key reused', 'This Idempotency-Key was already used for a different request.');
  }
  if ('unreadable' in first) {
    throw new Problem('conflict', 'Idempotency key answered', 'This request was already answered, but its answer can no longer be given again: find the case instead of sending it again.');
  }
  return first;
}

/** The stored first answer under a key, replayed: after a write that found the key taken. */
export async function replayStored(idempotencyKey: string, requestHash: string): Promise<FirstAnswer> {
  const first = await getFirstAnswer(idempotencyKey);
  if (!first) throw new Error('an idempotency answer refused a write but cannot be read');
  return replay(first, requestHash);
}

/** The first answer under `idempotencyKey`, if this request was answered before. */
export async function earlierAnswer(idempotencyKey: string | undefined, requestHash: string): Promise<FirstAnswer | undefined> {
  if (!idempotencyKey) return undefined;
  const first = await getFirstAnswer(idempotencyKey);
  return first && replay(first, requestHash);
}
