import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Notice } from '../domain/ladder.ts';
import { invalid } from '../domain/problem.ts';
import { decodeCursor, documents, encodeCursor, tableName, writeBatches } from './client.ts';

const noticesPk = (unit: string) => `NOTICES#${unit}`;
// Newest first by time; the case and version make each notice's key its own, so a redelivery overwrites it.
const noticeSk = (notice: Notice) => `${notice.at}#${notice.caseId}#${String(notice.version).padStart(8, '0')}`;

/** Records a notice once for each unit it is addressed to, with the roles there it is for; again, it changes nothing. */
export async function recordNotice(notice: Notice): Promise<void> {
  const rolesByUnit = new Map<string, string[]>();
  for (const { unit, role } of notice.to) rolesByUnit.set(unit, [...(rolesByUnit.get(unit) ?? []), role]);
  await writeBatches([...rolesByUnit].map(([unit, roles]) => ({ pk: noticesPk(unit), sk: noticeSk(notice), ...notice, roles })));
}

/** A notice as a unit received it: `roles` are the roles there it is for. */
export type RecordedNotice = Notice & { roles: string[] };

/** The notices to a unit, newest first, paged. */
export async function listNotices(unit: string, limit: number, cursor?: string): Promise<{ items: RecordedNotice[]; nextCursor: string | null }> {
  let start: Record<string, string> | undefined;
  if (cursor !== undefined) {
    const after = decodeCursor(cursor)?.after;
    if (typeof after !== 'string' || after.length > 200) throw invalid('The cursor is not one this list gave out.', [{ path: 'cursor', message: 'unknown cursor' }]);
    start = { pk: noticesPk(unit), sk: after };
  }
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
  return { items, nextCursor: LastEvaluatedKey ? encodeCursor({ after: LastEvaluatedKey.sk }) : null };
}
