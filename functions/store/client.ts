import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, paginateQuery, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PutCommandInput, QueryCommandInput, TransactWriteCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { ENV, needsSetting, requireEnv } from '../shared/env.ts';
import { backOff } from '../shared/retry.ts';

// Endpoint and region come from the environment (AWS_ENDPOINT_URL_DYNAMODB locally).
export const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

// Every function that loads the store reaches the table.
needsSetting(ENV.tableName);

export function tableName(): string {
  return requireEnv(ENV.tableName);
}

/** Every item a query of the table answers, page after page. */
export async function* queryItems(query: Omit<QueryCommandInput, 'TableName'>): AsyncGenerator<Record<string, unknown>> {
  for await (const page of paginateQuery({ client: documents }, { TableName: tableName(), ...query })) yield* page.Items ?? [];
}

/** Every item of one partition, read consistently. */
export function partitionItems(pk: string): AsyncGenerator<Record<string, unknown>> {
  return queryItems({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
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
      await backOff(attempt, 25, { jitter: true });
    }
  }
}

/** Awaits a conditional write: true when written, false when its condition refused; any other failure throws. */
async function written(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Puts an item on a condition; answers whether it was written. */
export const putOnCondition = (put: Omit<PutCommandInput, 'TableName'>): Promise<boolean> => written(documents.send(new PutCommand({ TableName: tableName(), ...put })));

/** Updates an item on a condition; answers whether it was updated. */
export const updateOnCondition = (update: Omit<UpdateCommandInput, 'TableName'>): Promise<boolean> =>
  written(documents.send(new UpdateCommand({ TableName: tableName(), ...update })));

const BATCH_ATTEMPTS = 9;

/**
 * Sends a batch request (`send` answers what DynamoDB left unprocessed) and
 * again, with backoff, for what is left, until nothing is.
 *
 * @param what - what the requests are, for the error when throttling outlasts the attempts
 */
export async function untilProcessed<Request>(requests: Request[], what: string, send: (pending: Request[]) => Promise<Request[]>): Promise<void> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= BATCH_ATTEMPTS) throw new Error(`${pending.length} ${what}: throttled`);
    if (attempt > 0) await backOff(attempt, 50);
    pending = await send(pending);
  }
}

const BATCH = 25;

/**
 * Puts entries in batches of 25, each batch tried again (with backoff) for
 * what DynamoDB leaves unprocessed. Not atomic: for loading and recording,
 * where writing the same entry twice changes nothing.
 */
export async function writeBatches(entries: Array<Record<string, unknown>>): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH) {
    await untilProcessed(entries.slice(i, i + BATCH).map((entry) => ({ PutRequest: { Item: entry } })), 'entries could not be written', async (pending) => {
      const { UnprocessedItems } = await documents.send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      return (UnprocessedItems?.[tableName()] ?? []) as typeof pending;
    });
  }
}
