import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Notice } from '../domain/ladder.ts';
import * as z from '../domain/zod.ts';
import { documents, tableName, writeBatches } from './client.ts';
import { cursorCodec } from './cursor.ts';
import { numberAt, stringAt, withoutKeys, type Item } from './item.ts';
import { noticesPk, noticeSk } from './keys.ts';

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

function recordedNoticeOf(item: Item): RecordedNotice {
  stringAt(item, 'caseId');
  stringAt(item, 'kind');
  numberAt(item, 'version');
  if (!Array.isArray(item.roles)) throw new Error(`item ${String(item.pk)} ${String(item.sk)}: roles is not a list`);
  return withoutKeys(item) as unknown as RecordedNotice;
}

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
  const items = Items.map(recordedNoticeOf);
  return { items, nextCursor: LastEvaluatedKey ? cursors.encode({ after: stringAt(LastEvaluatedKey, 'sk') }, binding) : null };
}
