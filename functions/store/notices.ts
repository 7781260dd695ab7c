import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Notice } from '../domain/ladder.ts';
import * as z from '../domain/zod.ts';
import { documents, tableName, writeBatches } from './client.ts';
import { cursorCodec } from './cursor.ts';

const noticesPk = (unit: string) => `NOTICES#${unit}`;
// Newest first by time; the case and version make each notice's key its own, so a redelivery overwrites it.
const noticeSk = (notice: Notice) => `${notice.at}#${notice.caseId}#${String(notice.version).padStart(8, '0')}`;

/** Records a notice once for each unit it is addressed to, with the roles there it is for; again, it changes nothing. */
export async function recordNotice(notice: Notice): Promise<void> {
  const rolesByUnit = new Map<string, string[]>();
  for (const { unit, role } of notice.to) rolesByUnit.set(unit, [...(rolesByUnit.get(unit) ?? []), role]);
  await writeBatches([...rolesByUnit].map(([unit, roles]) => ({ pk: noticesPk(unit), sk: noticeSk(notice), ...notice, roles })));
}

// The position: the sort key of the last notice read.
const cursors = cursorCodec('notices', z.object({ after: z.string().check(z.minLength(1), z.maxLength(200)) }));

/** A notice as a unit received it: `roles` are the roles there it is for. */
export type RecordedNotice = Notice & { roles: string[] };

/** The notices to a unit, newest first, paged. */
export async function listNotices(unit: string, limit: number, cursor?: string): Promise<{ items: RecordedNotice[]; nextCursor: string | null }> {
  const binding = [unit];
  const start = cursor === undefined ? undefined : { pk: noticesPk(unit), sk: cursors.decode(cursor, binding).after };
  const { Items = [], LastEvaluatedKey } = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': noticesPk(unit) },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  const items = Items.map(({ pk: _pk, sk: _sk, ...notice }) => notice as RecordedNotice);
  return { items, nextCursor: LastEvaluatedKey ? cursors.encode({ after: LastEvaluatedKey.sk as string }, binding) : null };
}
