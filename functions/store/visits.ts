import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { invalid } from '../domain/problem.ts';
import { subtreePrefix } from '../domain/units.ts';
import type { Visit } from '../domain/visits.ts';
import { decodeCursor, documents, encodeCursor, tableName } from './client.ts';

const visitKey = (id: string) => ({ pk: `VISIT#${id}`, sk: 'VISIT' });

function visitEntry(visit: Visit): Record<string, unknown> {
  return {
    ...visitKey(visit.id),
    ...visit,
    // The public list: the province's visits by start time.
    visitsKey: `VISITS#${visit.regionCode.slice(0, 2)}`,
    visitsSort: `${visit.startsAt}#${visit.id}`,
  };
}

function visitOf(entry: Record<string, unknown>): Visit {
  const { pk: _pk, sk: _sk, visitsKey: _k, visitsSort: _s, ...visit } = entry;
  return visit as unknown as Visit;
}

/**
 * Saves a visit: a new one (`before` absent) only if its id is new, a changed
 * one only if nobody changed it meanwhile. Answers whether it was saved.
 */
export async function saveVisit(visit: Visit, before?: Visit): Promise<boolean> {
  try {
    await documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: visitEntry(visit),
        ConditionExpression: before ? 'version = :expected' : 'attribute_not_exists(pk)',
        ...(before && { ExpressionAttributeValues: { ':expected': before.version } }),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export async function getVisit(id: string): Promise<Visit | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: visitKey(id), ConsistentRead: true }));
  return Item ? visitOf(Item) : undefined;
}

/**
 * The visits in a region's subtree that start at or after `from`, soonest
 * first, paged. One query of the province's visits; the region is a filter
 * (visits are few: a handful a month per county).
 */
export async function listVisits(regionCode: string, from: string, limit: number, cursor?: string): Promise<{ items: Visit[]; nextCursor: string | null }> {
  const partition = `VISITS#${regionCode.slice(0, 2)}`;
  let start: Record<string, unknown> | undefined;
  if (cursor !== undefined) {
    const position = decodeCursor(cursor);
    const { sort, id } = position ?? {};
    if (typeof sort !== 'string' || typeof id !== 'string' || !sort.endsWith(`#${id}`)) {
      throw invalid('The cursor is not one this list gave out.', [{ path: 'cursor', message: 'unknown cursor' }]);
    }
    start = { ...visitKey(id), visitsKey: partition, visitsSort: sort };
  }
  const items: Visit[] = [];
  // The region filter may leave a page short: read on, a few pages at most per request.
  for (let pages = 0; pages < 5 && items.length < limit; pages++) {
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'visits',
        KeyConditionExpression: 'visitsKey = :key AND visitsSort >= :from',
        FilterExpression: 'begins_with(regionCode, :prefix)',
        ExpressionAttributeValues: { ':key': partition, ':from': from, ':prefix': subtreePrefix(regionCode) },
        Limit: limit - items.length,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []).map(visitOf));
    start = page.LastEvaluatedKey;
    if (!start) break;
  }
  const last = start as { pk: string; visitsSort: string } | undefined;
  return { items, nextCursor: last ? encodeCursor({ sort: last.visitsSort, id: last.pk.slice('VISIT#'.length) }) : null };
}
