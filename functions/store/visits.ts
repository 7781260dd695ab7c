import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { subtreePrefix } from '../domain/units.ts';
import type { Visit } from '../domain/visits.ts';
import * as z from '../domain/zod.ts';
import { documents, putOnCondition, queryItems, tableName, type TransactItem } from './client.ts';
import { cursorCodec } from './cursor.ts';
import { stringAt, withoutKeys, type Item } from './item.ts';
import { visitIdOf, visitKey, visitsPartition, visitsSort } from './keys.ts';
import { INDEX } from './schema.ts';

function visitEntry(visit: Visit): Record<string, unknown> {
  return {
    ...visitKey(visit.id),
    ...visit,
    // The public list: the province's visits by start time.
    visitsKey: visitsPartition(visit.regionCode),
    visitsSort: visitsSort(visit.startsAt, visit.id),
  };
}

/**
 * The visit a visit item holds, or what the visits index projects of it (no
 * version, no announcer): the fields the store keys on are checked.
 */
function visitOf(item: Item): Visit {
  const { visitsKey: _k, visitsSort: _s, ...visit } = withoutKeys(item);
  stringAt(item, 'id');
  stringAt(item, 'regionCode');
  stringAt(item, 'startsAt');
  return visit as unknown as Visit;
}

/**
 * Saves a visit: a new one (`before` absent) only if its id is new, a changed
 * one only if nobody changed it meanwhile. Answers whether it was saved.
 */
export async function saveVisit(visit: Visit, before?: Visit): Promise<boolean> {
  return putOnCondition(visitPut(visit, before));
}

function visitPut(visit: Visit, before?: Visit) {
  return {
    Item: visitEntry(visit),
    ConditionExpression: before ? 'version = :expected' : 'attribute_not_exists(pk)',
    ...(before && { ExpressionAttributeValues: { ':expected': before.version } }),
  };
}

/** The write of a changed visit in a transaction (its places booked): only if nobody changed it meanwhile. */
export function visitWrite(visit: Visit, before: Visit): TransactItem {
  return { Put: { TableName: tableName(), ...visitPut(visit, before) } };
}

/** The visits of a province that start in [from, to), soonest first, whatever their region. */
export async function* visitsStartingBetween(provinceCode: string, from: string, to: string): AsyncGenerator<Visit> {
  const items = queryItems({
    IndexName: INDEX.visits,
    KeyConditionExpression: 'visitsKey = :key AND visitsSort BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':key': visitsPartition(provinceCode), ':from': from, ':to': to },
  });
  // The sort key is the start and the id: an end bound of the bare time takes no visit that starts at it.
  for await (const item of items) yield visitOf(item);
}

export async function getVisit(id: string): Promise<Visit | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: visitKey(id), ConsistentRead: true }));
  return Item ? visitOf(Item) : undefined;
}

// The position: where the list began (a later page keeps its start, even as time moves on) and the last visit read.
const cursors = cursorCodec('visits', z.object({ from: z.string(), sort: z.string(), id: z.string() }));

/**
 * The visits in a region's subtree that start at or after `from`, soonest
 * first, paged. One query of the province's visits; the region is a filter
 * (visits are few: a handful a month per county). A cursor continues from
 * the `from` of its first page.
 */
export async function listVisits(regionCode: string, from: string, limit: number, cursor?: string): Promise<{ items: Visit[]; nextCursor: string | null }> {
  const partition = visitsPartition(regionCode);
  const binding = [regionCode];
  let start: Record<string, unknown> | undefined;
  if (cursor !== undefined) {
    const position = cursors.decode(cursor, binding);
    from = position.from;
    start = { ...visitKey(position.id), visitsKey: partition, visitsSort: position.sort };
  }
  const items: Visit[] = [];
  // The region filter may leave a page short: read on, a few pages at most per request.
  for (let pages = 0; pages < 5 && items.length < limit; pages++) {
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.visits,
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
  return { items, nextCursor: start ? cursors.encode({ from, sort: stringAt(start, 'visitsSort'), id: visitIdOf(stringAt(start, 'pk')) }, binding) : null };
}
