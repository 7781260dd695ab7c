/**
 * The open cases of every province, a page at a time, for a migration that
 * must visit each of them: read through the worklist index, province by
 * province and status by status, never by a scan.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isOpen, OPEN_STATUSES, type Case } from '../domain/case.ts';
import * as z from '../domain/zod.ts';
import { documents, tableName } from './client.ts';
import { cursorCodec } from './cursor.ts';
import { getCases } from './get-cases.ts';
import { stringAt } from './item.ts';
import { caseIdOf, caseKey, officeWorklistKey } from './keys.ts';
import { childRegions } from './reference.ts';
import { INDEX } from './schema.ts';

/**
 * A run's cursor codec, named for the run: the worklist partition reached
 * (an index into the province-and-status partitions) and the last entry read
 * there.
 */
export const openCasesCursor = (name: string) =>
  cursorCodec(name, z.object({ p: z.number().check(z.int(), z.minimum(0)), sort: z.optional(z.string()), id: z.optional(z.string()) }));

/**
 * One page of open cases from `page.after` (the `next` of the previous page),
 * at most `page.limit` entries read; `next` is absent after the last page.
 */
export async function pageOfOpenCases(
  cursors: ReturnType<typeof openCasesCursor>,
  page: { after?: string; limit: number },
): Promise<{ cases: Case[]; read: number; next?: string }> {
  const provinces = [...new Set((await childRegions(undefined)).map((region) => region.code.slice(0, 2)))].sort();
  const partitions = provinces.flatMap((province) => OPEN_STATUSES.map((status) => officeWorklistKey(province, status)));
  const binding = [partitions];
  let partition = 0;
  let start: Record<string, unknown> | undefined;
  if (page.after !== undefined) {
    const { p, sort, id } = cursors.decode(page.after, binding);
    partition = p;
    if (sort !== undefined && id !== undefined) start = { ...caseKey(id), worklistKey: partitions[p], worklistSort: sort };
  }
  if (partition >= partitions.length) return { cases: [], read: 0 };
  const { Items = [], LastEvaluatedKey } = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: INDEX.worklist,
      KeyConditionExpression: 'worklistKey = :key',
      ExpressionAttributeValues: { ':key': partitions[partition] },
      ProjectionExpression: 'id',
      Limit: page.limit,
      ExclusiveStartKey: start,
    }),
  );
  const ids = Items.map((item) => stringAt(item, 'id'));
  const cases = (ids.length > 0 ? await getCases(ids) : []).filter((found) => isOpen(found.status));
  const next = LastEvaluatedKey
    ? cursors.encode({ p: partition, sort: stringAt(LastEvaluatedKey, 'worklistSort'), id: caseIdOf(stringAt(LastEvaluatedKey, 'pk')) }, binding)
    : partition + 1 < partitions.length
      ? cursors.encode({ p: partition + 1 }, binding)
      : undefined;
  return { cases, read: Items.length, ...(next !== undefined && { next }) };
}
