import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
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

/**
 * Writes all or nothing. Answers the names of the writes whose condition
 * failed (empty when the transaction went through); any other failure throws.
 */
export async function writeAll<Name extends string>(writes: NamedWrite<Name>[]): Promise<Name[]> {
  try {
    await documents.send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.write) }));
    return [];
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const refused = writes.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map((w) => w.name);
    // Cancelled for another reason (a conflicting transaction in flight): the caller may retry.
    if (refused.length === 0) throw error;
    return refused;
  }
}

/** Base64url JSON, for the opaque cursors of paged lists. */
export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position a cursor names, or `undefined` when it is not one of ours. */
export function decodeCursor(cursor: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
