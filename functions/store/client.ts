import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ENV, requireEnv } from '../shared/env.ts';

// Endpoint and region come from the environment (AWS_ENDPOINT_URL_DYNAMODB locally).
export const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

export function tableName(): string {
  return requireEnv(ENV.tableName);
}

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write of a transaction, named so that a failed condition says which write refused. */
export interface NamedWrite<Name extends string> {
  name: Name;
  write: TransactItem;
}

// Transactions that touch the same counters can collide: each tries again after a short, random wait.
const CONFLICT_ATTEMPTS = 6;

/**
 * Writes all or nothing. Answers the names of the writes whose condition
 * failed (empty when the transaction went through). A transaction cancelled
 * by another one in flight on the same items is tried again; any other
 * failure throws.
 */
export async function writeAll<Name extends string>(writes: NamedWrite<Name>[]): Promise<Name[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      await documents.send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.write) }));
      return [];
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const refused = writes.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map((w) => w.name);
      if (refused.length > 0) return refused;
      const conflict = reasons.some((reason) => reason.Code === 'TransactionConflict');
      if (!conflict || attempt >= CONFLICT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** attempt));
    }
  }
}

const BATCH = 25;
const BATCH_ATTEMPTS = 9;

/**
 * Puts entries in batches of 25, each batch tried again (with backoff) for
 * what DynamoDB leaves unprocessed. Not atomic: for loading and recording,
 * where writing the same entry twice changes nothing.
 */
export async function writeBatches(entries: Array<Record<string, unknown>>): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH) {
    let pending = entries.slice(i, i + BATCH).map((entry) => ({ PutRequest: { Item: entry } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= BATCH_ATTEMPTS) throw new Error(`${pending.length} entries could not be written: throttled`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      const { UnprocessedItems } = await documents.send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = (UnprocessedItems?.[tableName()] ?? []) as typeof pending;
    }
  }
}
