import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documents, tableName, type TransactItem } from './client.ts';

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

const answerKey = (idempotencyKey: string) => ({
  pk: `IDEMPOTENCY#${createHash('sha256').update(idempotencyKey).digest('base64url')}`,
  sk: 'IDEMPOTENCY',
});

export async function getFirstAnswer(idempotencyKey: string): Promise<FirstAnswer | undefined> {
  const { Item } = await documents.send(
    new GetCommand({ TableName: tableName(), Key: answerKey(idempotencyKey), ConsistentRead: true }),
  );
  // DynamoDB deletes expired entries lazily: an expired one no longer counts.
  if (!Item || (Item.expiresAt as number) * 1000 < Date.now()) return undefined;
  const { requestHash, status, body, location } = Item as FirstAnswer & Record<string, unknown>;
  return location === undefined ? { requestHash, status, body } : { requestHash, status, body, location };
}

/** The write that keeps a first answer, to go in the same transaction as the change it answers. */
export function firstAnswerWrite(idempotencyKey: string, answer: FirstAnswer, now: string): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...answerKey(idempotencyKey), ...answer, expiresAt: Math.floor(Date.parse(now) / 1000) + KEEP_SECONDS },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
