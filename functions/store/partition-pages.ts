/**
 * Paging through one partition whose items are numbered in sort order (a
 * visit's bookings by ticket, a case's messages by version): the cursor
 * carries the last number read, signed and bound to the partition's owner,
 * and the key to go on from is made again from it.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from '../domain/zod.ts';
import { documents, tableName } from './client.ts';
import { cursorCodec } from './cursor.ts';
import type { Item } from './item.ts';
import type { ItemKey } from './keys.ts';

export interface PartitionPages<T> {
  /** The partition's key of `owner`. */
  pk: (owner: string) => string;
  /** The key of `owner`'s item numbered `n`. */
  key: (owner: string, n: number) => ItemKey;
  /** The entity an item holds, and its number. */
  of: (item: Item) => T;
  numberOf: (entity: T) => number;
}

/** A lister of `owner`'s items, `limit` a page, oldest number first; `list` names its cursors. */
export function partitionPages<T>(list: string, partition: PartitionPages<T>) {
  const cursors = cursorCodec(list, z.object({ after: z.number().check(z.int(), z.minimum(1)) }));
  return async (owner: string, limit: number, cursor?: string): Promise<{ items: T[]; nextCursor: string | null }> => {
    const binding = [owner];
    const start = cursor === undefined ? undefined : partition.key(owner, cursors.decode(cursor, binding).after);
    const { Items = [], LastEvaluatedKey } = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partition.pk(owner) },
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    const items = Items.map(partition.of);
    const last = items.at(-1);
    return { items, nextCursor: LastEvaluatedKey && last !== undefined ? cursors.encode({ after: partition.numberOf(last) }, binding) : null };
  };
}
