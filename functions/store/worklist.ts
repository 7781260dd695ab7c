/** Staff worklists, and the enumeration of a region's cases, from the worklist index (never a scan). */
import { paginateQuery, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { CASE_STATUSES, type Case, type CaseStatus } from '../domain/case.ts';
import { REGION_LEVELS } from '../domain/regions.ts';
import { subtreePrefix } from '../domain/units.ts';
import * as z from '../domain/zod.ts';
import { documents, tableName } from './client.ts';
import { cursorCodec } from './cursor.ts';
import { getCases } from './get-cases.ts';
import { nullableStringAt, oneOfAt, stringAt, type Item } from './item.ts';
import { assignmentKey, caseIdOf, caseKey, officeWorklistKey, ownedAssignmentKey, ownedKey, ownedOfficeKey, ownedUnitKey, unitWorklistKey } from './keys.ts';
import { INDEX, WORKLIST_PROJECTION } from './schema.ts';

/** Whose worklist: a petition office (its region's subtree) or a department (its own unit). */
export type WorklistScope = { office: string } | { unit: string };

/** What a worklist shows of a case: the attributes the worklist index projects. */
export type WorklistEntry = Pick<Case, Exclude<(typeof WORKLIST_PROJECTION)[number], 'deadline'>> & {
  /** The legal deadline the case runs against now. */
  deadline: string | null;
};

/** A worklist index entry's case summary. */
export function worklistEntryOf(item: Item): WorklistEntry {
  return {
    id: stringAt(item, 'id'),
    status: oneOfAt(item, 'status', CASE_STATUSES),
    category: stringAt(item, 'category'),
    title: stringAt(item, 'title'),
    regionCode: stringAt(item, 'regionCode'),
    receivedAt: stringAt(item, 'receivedAt'),
    level: item.level === undefined || item.level === null ? null : oneOfAt(item, 'level', REGION_LEVELS),
    office: nullableStringAt(item, 'office'),
    leadUnit: nullableStringAt(item, 'leadUnit'),
    deadline: nullableStringAt(item, 'deadline'),
  };
}

export interface WorklistQuery {
  /** Listed one status after the other, in this order. */
  statuses: readonly CaseStatus[];
  /** Only cases whose legal deadline passed before this instant. */
  overdueAt?: string;
  limit: number;
  cursor?: string;
  /**
   * Another list over the same entries, with cursors of its own: the hard-case
   * candidates (read from the worklist), or the owned cases (包案: the
   * responsibility list's entries).
   */
  list?: 'hard-case-candidates' | 'owned-cases';
}

// With the overdue filter a page may come back short: read on, but at most this many pages per request.
const MAX_QUERIES = 10;

// The position: the status reached (an index into the query's statuses) and, within it, the last entry read.
const worklistCursors = cursorCodec(
  'worklist',
  z.object({ s: z.number().check(z.int(), z.minimum(0)), sort: z.optional(z.string()), id: z.optional(z.string()) }),
);

/**
 * A page of a staff worklist: index queries only, one partition per status.
 * The cursor carries the status reached and the last entry read, and is
 * bound to the caller's own scope and query, so it cannot open anyone else's list.
 */
export async function listWorklist(scope: WorklistScope, query: WorklistQuery): Promise<{ items: WorklistEntry[]; nextCursor: string | null }> {
  // An office's entries are its cases' items (a subtree prefix of its province's partition); a department's are its assignments.
  const office = 'office' in scope ? scope.office : undefined;
  const owned = query.list === 'owned-cases';
  const list =
    'office' in scope
      ? {
          name: `office:${scope.office}`,
          partition: (status: CaseStatus) => (owned ? ownedOfficeKey : officeWorklistKey)(scope.office, status),
          itemKey: owned ? ownedKey : caseKey,
        }
      : {
          name: `unit:${scope.unit}`,
          partition: (status: CaseStatus) => (owned ? ownedUnitKey : unitWorklistKey)(scope.unit, status),
          itemKey: (id: string) => (owned ? ownedAssignmentKey : assignmentKey)(id, scope.unit),
        };
  const partition = list.partition;
  const binding = [list.name, query.statuses, query.overdueAt !== undefined, ...(query.list ? [query.list] : [])];
  let statusIndex = 0;
  let start: Record<string, unknown> | undefined;
  if (query.cursor !== undefined) {
    const { s, sort, id } = worklistCursors.decode(query.cursor, binding);
    statusIndex = s;
    if (sort !== undefined && id !== undefined) {
      const status = query.statuses[s] as CaseStatus;
      start = { ...list.itemKey(id), worklistKey: partition(status), worklistSort: sort };
    }
  }
  const items: WorklistEntry[] = [];
  for (let queries = 0; statusIndex < query.statuses.length && items.length < query.limit && queries < MAX_QUERIES; queries++) {
    const status = query.statuses[statusIndex] as CaseStatus;
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.worklist,
        KeyConditionExpression: office ? 'worklistKey = :key AND begins_with(worklistSort, :prefix)' : 'worklistKey = :key',
        FilterExpression: query.overdueAt ? 'deadline < :now' : undefined,
        ExpressionAttributeValues: {
          ':key': partition(status),
          ...(office && { ':prefix': subtreePrefix(office) }),
          ...(query.overdueAt && { ':now': query.overdueAt }),
        },
        Limit: query.limit - items.length,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []).map(worklistEntryOf));
    start = page.LastEvaluatedKey;
    if (!start) statusIndex++;
  }
  if (statusIndex >= query.statuses.length) return { items, nextCursor: null };
  return {
    items,
    nextCursor: worklistCursors.encode(
      start ? { s: statusIndex, sort: stringAt(start, 'worklistSort'), id: caseIdOf(stringAt(start, 'pk')) } : { s: statusIndex },
      binding,
    ),
  };
}

/** The query of the office worklist entries of one status whose office (or, before routing, region) lies in a region's subtree, filtered by `filter` when given. */
function officeEntriesUnder(regionCode: string, status: CaseStatus, filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> }): QueryCommandInput {
  return {
    TableName: tableName(),
    IndexName: INDEX.worklist,
    KeyConditionExpression: 'worklistKey = :key AND begins_with(worklistSort, :prefix)',
    ExpressionAttributeValues: { ':key': officeWorklistKey(regionCode, status), ':prefix': subtreePrefix(regionCode), ...filter?.values },
    ...(filter && { FilterExpression: filter.expression, ExpressionAttributeNames: filter.names }),
  };
}

/**
 * Every case whose office (or, before routing, whose region) lies in a
 * region's subtree, status by status, through the worklist index: a full
 * enumeration without a scan, for maintenance and scheduled reports (a
 * province takes all its cases). Yields cases in batches.
 */
export async function* casesUnder(regionCode: string, statuses: readonly CaseStatus[]): AsyncGenerator<Case[]> {
  for (const status of statuses) {
    const pages = paginateQuery({ client: documents }, { ...officeEntriesUnder(regionCode, status), Limit: 100 });
    for await (const page of pages) {
      const ids = (page.Items ?? []).map((item) => stringAt(item, 'id'));
      if (ids.length > 0) yield await getCases(ids);
    }
  }
}

/**
 * The cases filed under a region (as {@link casesUnder}) in the given
 * statuses, received between two instants (inclusive), of the given
 * categories when any are named: their ids and receipt times, from the
 * worklist index alone (its projection holds nothing personal).
 */
export async function casesReceivedUnder(
  regionCode: string,
  statuses: readonly CaseStatus[],
  received: { from: string; to: string },
  categories?: readonly string[],
): Promise<Array<{ id: string; receivedAt: string }>> {
  const found: Array<{ id: string; receivedAt: string }> = [];
  const inCategories = categories ? categories.map((_, i) => `:category${i}`) : [];
  const filter = {
    expression: `#received BETWEEN :from AND :to${categories ? ` AND #category IN (${inCategories.join(', ')})` : ''}`,
    names: { '#received': 'receivedAt', ...(categories && { '#category': 'category' }) },
    values: { ':from': received.from, ':to': received.to, ...Object.fromEntries((categories ?? []).map((category, i) => [inCategories[i], category])) },
  };
  for (const status of statuses) {
    const pages = paginateQuery({ client: documents }, officeEntriesUnder(regionCode, status, filter));
    for await (const page of pages) found.push(...(page.Items ?? []).map((item) => ({ id: stringAt(item, 'id'), receivedAt: stringAt(item, 'receivedAt') })));
  }
  return found;
}
