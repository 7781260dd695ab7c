/** Phone verifications and the limits on asking for them. */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { VERIFICATION, type RateWindow, type Verification } from '../domain/verification.ts';
import { documents, tableName, updateOnCondition, writeAll, type NamedWrite } from './client.ts';
import { nullableStringAt, numberAt, stringAt } from './item.ts';
import { rateKey, verificationKey } from './keys.ts';

export type VerificationLimit = 'phoneInterval' | RateWindow['limit'];

// Kept a day past what they count (DynamoDB's TTL deletes them): a verification, a day past its used window.
const KEPT_SECONDS = 86_400;
const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000) + KEPT_SECONDS;

/**
 * Keeps a new verification, counted against its limits, all or nothing:
 * answers the limits that refused it (empty when it was kept). The phone's
 * interval holds when its last request was; each window counts requests.
 */
export async function saveVerification(verification: Verification, windows: RateWindow[]): Promise<VerificationLimit[]> {
  const now = verification.createdAt;
  const cutoff = new Date(Date.parse(now) - VERIFICATION.phoneIntervalMs).toISOString();
  const writes: NamedWrite<VerificationLimit | 'verification'>[] = [
    {
      name: 'verification',
      write: { Put: { TableName: tableName(), Item: { ...verificationKey(verification.id), ...verification, expiresAt: epochSeconds(now) }, ConditionExpression: 'attribute_not_exists(pk)' } },
    },
    {
      name: 'phoneInterval',
      write: {
        Update: {
          TableName: tableName(),
          Key: rateKey('phoneInterval', verification.phoneHash, '-'),
          UpdateExpression: 'SET lastAt = :now, expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(pk) OR lastAt <= :cutoff',
          ExpressionAttributeValues: { ':now': now, ':cutoff': cutoff, ':expires': epochSeconds(now) },
        },
      },
    },
    ...windows.map((window) => ({
      name: window.limit,
      write: {
        Update: {
          TableName: tableName(),
          Key: rateKey(window.limit, window.subject, window.window),
          UpdateExpression: 'ADD #count :one SET expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(pk) OR #count < :max',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':one': 1, ':max': window.max, ':expires': epochSeconds(window.endsAt) },
        },
      },
    })),
  ];
  const refused = await writeAll(writes);
  if (refused.includes('verification')) throw new Error(`verification ${verification.id} exists already`);
  return refused as VerificationLimit[];
}

/** When the phone asked for its last code. */
export async function lastRequestOf(phoneHash: string): Promise<string | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: rateKey('phoneInterval', phoneHash, '-'), ConsistentRead: true }));
  return Item ? stringAt(Item, 'lastAt') : undefined;
}

export async function getVerification(id: string): Promise<Verification | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: verificationKey(id), ConsistentRead: true }));
  if (!Item) return undefined;
  return {
    id: stringAt(Item, 'id'),
    phoneHash: stringAt(Item, 'phoneHash'),
    codeHash: stringAt(Item, 'codeHash'),
    createdAt: stringAt(Item, 'createdAt'),
    codeExpiresAt: stringAt(Item, 'codeExpiresAt'),
    tries: numberAt(Item, 'tries'),
    usedAt: nullableStringAt(Item, 'usedAt'),
  };
}

/** Counts a wrong try; of two at once, both count. */
export async function countWrongTry(id: string): Promise<void> {
  await documents.send(new UpdateCommand({ TableName: tableName(), Key: verificationKey(id), UpdateExpression: 'ADD tries :one', ExpressionAttributeValues: { ':one': 1 } }));
}

/** Records the code's first use; answers false if it was used meanwhile (it is good either way). */
export async function markUsed(id: string, at: string): Promise<boolean> {
  return updateOnCondition({
    Key: verificationKey(id),
    UpdateExpression: 'SET usedAt = :at',
    ConditionExpression: 'attribute_not_exists(usedAt) OR usedAt = :null',
    ExpressionAttributeValues: { ':at': at, ':null': null },
  });
}
