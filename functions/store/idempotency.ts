import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { deploymentKeys } from '../shared/secrets.ts';
import { documents, tableName, type TransactItem } from './client.ts';
import { numberAt, stringAt } from './item.ts';
import { answerKey } from './keys.ts';

/** How long a first answer is kept for retries with the same Idempotency-Key. */
const KEEP_SECONDS = 24 * 60 * 60;

/** The first answer to a request made with an Idempotency-Key. */
export interface FirstAnswer {
  /** A hash of who asked and what they sent: the same key with another request is a conflict. */
  requestHash: string;
  status: number;
  body: unknown;
  location?: string;
}

/** A kept answer that can no longer be read: sealed with a former deployment secret. */
export interface UnreadableAnswer {
  requestHash: string;
  unreadable: true;
}

// AES-256-GCM: a 12-byte nonce, then the ciphertext, then the 16-byte tag. The entry's key is
// the associated data, so a sealed answer cannot be replayed under another Idempotency-Key.
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The answer (status, body with the access code, location) encrypted with the deployment's idempotency key. */
function seal(answer: Omit<FirstAnswer, 'requestHash'>, pk: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deploymentKeys().idempotency, nonce).setAAD(Buffer.from(pk));
  const sealed = Buffer.concat([nonce, cipher.update(JSON.stringify(answer), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return sealed.toString('base64url');
}

/** The answer a sealed one holds, or `undefined` when this deployment's key cannot open it. */
function open(sealed: unknown, pk: string): Omit<FirstAnswer, 'requestHash'> | undefined {
  if (typeof sealed !== 'string') return undefined;
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < NONCE_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', deploymentKeys().idempotency, bytes.subarray(0, NONCE_BYTES))
      .setAAD(Buffer.from(pk))
      .setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as Omit<FirstAnswer, 'requestHash'>;
  } catch {
    return undefined;
  }
}

/**
 * The first answer kept under an Idempotency-Key, if any; `unreadable` when
 * it was sealed with a former deployment secret (see docs/SECURITY.md).
 */
export async function getFirstAnswer(idempotencyKey: string): Promise<FirstAnswer | UnreadableAnswer | undefined> {
  const key = answerKey(idempotencyKey);
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  // DynamoDB deletes expired entries lazily: an expired one no longer counts.
  if (!Item || numberAt(Item, 'expiresAt') * 1000 < Date.now()) return undefined;
  const requestHash = stringAt(Item, 'requestHash');
  const answer = open(Item.sealed, key.pk);
  if (!answer) return { requestHash, unreadable: true };
  const { status, body, location } = answer;
  return location === undefined ? { requestHash, status, body } : { requestHash, status, body, location };
}

/**
 * The write that keeps a first answer, to go in the same transaction as the
 * change it answers. Only the request hash is kept in clear: the answer
 * (which may hold an access code) is sealed.
 */
export function firstAnswerWrite(idempotencyKey: string, answer: FirstAnswer, now: string): TransactItem {
  const key = answerKey(idempotencyKey);
  const { requestHash, ...kept } = answer;
  return {
    Put: {
      TableName: tableName(),
      Item: { ...key, requestHash, sealed: seal(kept, key.pk), expiresAt: Math.floor(Date.parse(now) / 1000) + KEEP_SECONDS },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
