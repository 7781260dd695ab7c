/**
 * Paging through one partition of the table in sort-key order (a visit's
 * bookings by ticket, a case's messages by version, a unit's notices and a
 * region's reports newest first): the cursor carries the sort key of the
 * last item read, signed and bound to what the list is of, and the next page
 * starts after it.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from '../domain/zod.ts';
import { documents, tableName } from './client.ts';
import { cursorCodec, type CursorBinding } from './cursor.ts';
import { stringAt, type Item } from './item.ts';

/** One page asked for: the partition, what its cursors are bound to, and how the query reads it. */
export interface PartitionPage {
  pk: string;
  /** What a cursor of this list is good for (the owner, a filter): a cursor of another list is refused. */
  binding: CursorBinding;
  limit: number;
  cursor?: string | undefined;
  /** Newest (last sort key) first. */
  newestFirst?: boolean;
  /** A filter or projection, with the names and values it uses besides `:pk`. */
  reading?: Pick<QueryCommandInput, 'FilterExpression' | 'ProjectionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
}

/** A lister of pages of a partition, each item read by `of`; `list` names its cursors. */
export function partitionPages<T>(list: string, of: (item: Item) => T) {
  const cursors = cursorCodec(list, z.object({ after: z.string().check(z.minLength(1), z.maxLength(400)) }));
  return async ({ pk, binding, limit, cursor, newestFirst = false, reading = {} }: PartitionPage): Promise<{ items: T[]; nextCursor: string | null }> => {
    const { Items = [], LastEvaluatedKey } = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ...reading,
        ExpressionAttributeValues: { ...reading.ExpressionAttributeValues, ':pk': pk },
        ScanIndexForward: !newestFirst,
        Limit: limit,
        ExclusiveStartKey: cursor === undefined ? undefined : { pk, sk: cursors.decode(cursor, binding).after },
      }),
    );
    return { items: Items.map(of), nextCursor: LastEvaluatedKey ? cursors.encode({ after: stringAt(LastEvaluatedKey, 'sk') }, binding) : null };
  };
}
