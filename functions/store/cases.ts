import { createHash } from 'node:crypto';
import { BatchGetCommand, GetCommand, paginateQuery, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isOpen, legalDueAt, OPEN_STATUSES, type Case, type CaseStatus, type Change, type Due, type DueStage, type HistoryEntry, type Rung } from '../domain/case.ts';
import * as z from '../domain/zod.ts';
import { chinaDay, difference, visitContributionOf, type Counters } from '../domain/figures.ts';
import type { Region } from '../domain/regions.ts';
import { matterFingerprint } from '../domain/petitioner.ts';
import { logger } from '../shared/logger.ts';
import { countChange } from '../shared/metrics.ts';
import { deploymentKeys } from '../shared/secrets.ts';
import { subtreePrefix } from '../domain/units.ts';
import { documents, tableName, writeAll, writeBatches, type NamedWrite, type TransactItem } from './client.ts';
import { cursorCodec } from './cursor.ts';
import { figureWrites, totalWrites, visitFigureWrites } from './figures.ts';
import { firstAnswerWrite, type FirstAnswer } from './idempotency.ts';
import { childRegions, getRegionChain } from './reference.ts';
import { DUE_SHARDS } from './schema.ts';

const casePk = (id: string) => `CASE#${id}`;
const caseKey = (id: string) => ({ pk: casePk(id), sk: 'CASE' });
const HISTORY_PREFIX = 'HISTORY#';
// Zero-padded so that the history sorts by version.
const historyKey = (id: string, version: number) => ({ pk: casePk(id), sk: `${HISTORY_PREFIX}${String(version).padStart(8, '0')}` });
const matterKey = (fingerprint: string) => ({ pk: `MATTER#${fingerprint}`, sk: 'MATTER' });
/**
 * The case item's attribute holding the history entries written with its
 * creation: one write fewer at intake. Later entries are items of their own.
 * Cases written before it kept their first entries as items too, and read the same.
 */
const CREATION_HISTORY = 'creationHistory';

const dueShard = (n: number) => `DUE#${String(n).padStart(2, '0')}`;

/** The due-index shard of a case: a stable hash of its id, so its due entry always lands in one place. */
export function dueShardOf(caseId: string): string {
  return dueShard(createHash('sha256').update(caseId).digest().readUInt32BE(0) % DUE_SHARDS);
}

export const ALL_DUE_SHARDS = Array.from({ length: DUE_SHARDS }, (_, i) => dueShard(i));

/** The region an office worklist files a case under: its office, or its own region before routing. */
const officeRegionOf = (subject: Case) => subject.office ?? subject.regionCode;
const officeWorklistKey = (region: string, status: CaseStatus) => `OFFICE#${region.slice(0, 2)}#${status}`;
const unitWorklistKey = (unit: string, status: CaseStatus) => `UNIT#${unit}#${status}`;
const assignmentKey = (id: string, unit: string) => ({ pk: casePk(id), sk: `UNIT#${unit}` });

/** What a worklist shows of a case (the worklist index projects these). */
function summaryOf(subject: Case) {
  const { id, status, category, title, regionCode, receivedAt, level, office, leadUnit } = subject;
  return { id, status, category, title, regionCode, receivedAt, level, office, leadUnit, deadline: legalDueAt(subject) ?? undefined };
}

function caseEntry(subject: Case): Record<string, unknown> {
  const { due, ...fields } = subject;
  return {
    ...caseKey(subject.id),
    ...fields,
    deadline: legalDueAt(subject) ?? undefined,
    worklistKey: officeWorklistKey(officeRegionOf(subject), subject.status),
    worklistSort: `${officeRegionOf(subject)}#${subject.receivedAt}#${subject.id}`,
    // Only a case with a due time is in the (sparse) due index.
    ...(due && { dueShard: dueShardOf(subject.id), dueAt: due.at, dueStage: due.stage, dueRung: due.rung }),
  };
}

/** The departments a case is assigned to, each with an entry in its worklist. */
const assignedUnits = (subject: Case) => [...new Set([subject.leadUnit, ...subject.coUnits].filter((u): u is string => u !== null))];

function assignmentWrites(before: Case | undefined, after: Case): TransactItem[] {
  const units = assignedUnits(after);
  const dropped = before ? assignedUnits(before).filter((unit) => !units.includes(unit)) : [];
  return [
    ...units.map((unit) => ({
      Put: {
        TableName: tableName(),
        Item: {
          ...assignmentKey(after.id, unit),
          ...summaryOf(after),
          worklistKey: unitWorklistKey(unit, after.status),
          worklistSort: `${after.receivedAt}#${after.id}`,
        },
      },
    })),
    ...dropped.map((unit) => ({ Delete: { TableName: tableName(), Key: assignmentKey(after.id, unit) } })),
  ];
}

function caseOf(entry: Record<string, unknown>): Case {
  const { pk: _pk, sk: _sk, [CREATION_HISTORY]: _creation, dueShard: _shard, dueAt, dueStage, dueRung, deadline: _deadline, worklistKey: _wk, worklistSort: _ws, ...fields } = entry;
  const due: Due | null = typeof dueAt === 'string' ? { at: dueAt, stage: dueStage as DueStage, ...(typeof dueRung === 'string' && { rung: dueRung as Rung }) } : null;
  return { ...(fields as Omit<Case, 'due'>), due };
}

function historyOf(entry: Record<string, unknown>): HistoryEntry {
  const { pk: _pk, sk: _sk, ...fields } = entry;
  return fields as unknown as HistoryEntry;
}

/**
 * The write of a change to a case item, only if the case is still at
 * `before`'s version: every field set, the attributes it no longer has
 * removed, and its creation entries left as they are.
 */
function caseUpdate(before: Case, after: Case): TransactItem {
  const present = (entry: Record<string, unknown>) => Object.keys(entry).filter((name) => entry[name] !== undefined && name !== 'pk' && name !== 'sk');
  const entry = caseEntry(after);
  const set = present(entry);
  const removed = present(caseEntry(before)).filter((name) => !set.includes(name));
  const assignments = `SET ${set.map((_, i) => `#s${i} = :s${i}`).join(', ')}`;
  return {
    Update: {
      TableName: tableName(),
      Key: caseKey(after.id),
      UpdateExpression: removed.length > 0 ? `${assignments} REMOVE ${removed.map((_, i) => `#r${i}`).join(', ')}` : assignments,
      ConditionExpression: 'version = :expected',
      ExpressionAttributeNames: {
        ...Object.fromEntries(set.map((name, i) => [`#s${i}`, name])),
        ...Object.fromEntries(removed.map((name, i) => [`#r${i}`, name])),
      },
      ExpressionAttributeValues: { ...Object.fromEntries(set.map((name, i) => [`:s${i}`, entry[name]])), ':expected': before.version },
    },
  };
}

function historyWrite(caseId: string, entry: HistoryEntry): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...historyKey(caseId, entry.version), ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** A first answer to keep with a change, for a request made with an Idempotency-Key. */
export interface Answering {
  idempotencyKey: string;
  answer: FirstAnswer;
}

function answerWrites(answering: Answering | undefined, now: string): NamedWrite<'answer'>[] {
  return answering ? [{ name: 'answer', write: firstAnswerWrite(answering.idempotencyKey, answering.answer, now) }] : [];
}

/**
 * The writes that count a change: in the figures of every region of the
 * case's chain on the day it was received, its province's running totals,
 * and its visit's figures. With the difference they add, for the metrics.
 */
async function counting(before: Case | undefined, after: Case): Promise<{ writes: NamedWrite<'figures'>[]; delta: Counters }> {
  const delta = difference(before, after);
  const visitWrites = after.visit ? visitFigureWrites(after.visit.id, difference(before, after, visitContributionOf)) : [];
  const regionWrites = async () => {
    const chain = await getRegionChain(after.regionCode);
    if (!chain) throw new Error(`case ${after.id} names a region that does not exist`);
    return [...figureWrites(chain.map((region) => region.code), chinaDay(after.receivedAt), delta), ...totalWrites((chain.at(-1) as Region).code, delta)];
  };
  const writes = [...(Object.keys(delta).length > 0 ? await regionWrites() : []), ...visitWrites];
  return { writes: writes.map((write) => ({ name: 'figures', write })), delta };
}

type WriteName = 'case' | 'history' | 'worklist' | 'matter' | 'answer' | 'figures';

/**
 * Writes one change to a case all or nothing: the case (on its own
 * condition), its new history entries, its worklist entries, a write of its
 * matter if it takes or releases one, the first answer to keep, and its
 * counters; and counts it in the metrics once written. Answers the writes
 * whose condition refused.
 */
async function commit(
  before: Case | undefined,
  after: Case,
  writes: { case: TransactItem; entries: HistoryEntry[]; matter?: TransactItem; answering?: Answering | undefined; at: string },
): Promise<WriteName[]> {
  const counted = await counting(before, after);
  const refused = await writeAll<WriteName>([
    { name: 'case', write: writes.case },
    ...writes.entries.map((entry) => ({ name: 'history' as const, write: historyWrite(after.id, entry) })),
    ...assignmentWrites(before, after).map((write) => ({ name: 'worklist' as const, write })),
    ...(writes.matter ? [{ name: 'matter' as const, write: writes.matter }] : []),
    ...answerWrites(writes.answering, writes.at),
    ...counted.writes,
  ]);
  if (refused.length === 0) countChange(before === undefined, counted.delta);
  return refused;
}

export type Creation =
  | { outcome: 'created' }
  | { outcome: 'repeat'; openCaseId: string }
  | { outcome: 'answered' };

/**
 * Writes a new case with its first history entries (in the case item) and,
 * if it holds one, its matter fingerprint, in one transaction. Nothing is
 * written when the petitioner already has this matter open (`repeat`) or the
 * idempotency key already has an answer (`answered`).
 */
export async function createCase(registered: Case, entries: HistoryEntry[], answering?: Answering): Promise<Creation> {
  const refused = await commit(undefined, registered, {
    case: {
      Put: { TableName: tableName(), Item: { ...caseEntry(registered), [CREATION_HISTORY]: entries }, ConditionExpression: 'attribute_not_exists(pk)' },
    },
    entries: [],
    ...(registered.holdsMatter && {
      matter: {
        Put: {
          TableName: tableName(),
          Item: { ...matterKey(registered.matterFingerprint), caseId: registered.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    }),
    answering,
    at: registered.receivedAt,
  });
  if (refused.length === 0) return { outcome: 'created' };
  if (refused.includes('answer')) return { outcome: 'answered' };
  if (refused.includes('matter')) {
    const openCaseId = await findCaseByMatter(registered.matterFingerprint);
    // The matter was released between the write and this read: let the caller try again.
    if (openCaseId === undefined) throw new Error('a matter fingerprint vanished during intake');
    return { outcome: 'repeat', openCaseId };
  }
  throw new Error(`case ${registered.id} could not be created: ${refused.join(', ')} refused`);
}

/**
 * Writes cases as they stand, without history or matters: bulk loading for
 * benchmarks and data migration, not for intake (which is transactional).
 */
export async function putCases(cases: Case[]): Promise<void> {
  await writeBatches(cases.map(caseEntry));
}

export async function findCaseByMatter(fingerprint: string): Promise<string | undefined> {
  const { Item } = await documents.send(
    new GetCommand({ TableName: tableName(), Key: matterKey(fingerprint), ConsistentRead: true }),
  );
  return Item?.caseId as string | undefined;
}

export type Saving = 'saved' | 'stale' | 'answered';

/**
 * Saves a change to a case with its history entry and worklist entries, only
 * if the case is still as it was read (`before`): of two concurrent changes,
 * one wins and the other is `stale` with nothing written. A case that
 * finishes releases its matter, so the same matter raised later is a new case.
 */
export async function saveChange(before: Case, change: Change, answering?: Answering): Promise<Saving> {
  const changed = change.case;
  const finishes = before.holdsMatter && isOpen(before.status) && !isOpen(changed.status);
  const refused = await commit(before, changed, {
    case: caseUpdate(before, changed),
    entries: [change.entry],
    ...(finishes && {
      matter: {
        Delete: {
          TableName: tableName(),
          Key: matterKey(changed.matterFingerprint),
          ConditionExpression: 'caseId = :id',
          ExpressionAttributeValues: { ':id': changed.id },
        },
      },
    }),
    answering,
    at: change.entry.at,
  });
  if (refused.length === 0) return 'saved';
  if (refused.includes('answer')) return 'answered';
  if (refused.includes('case')) return 'stale';
  throw new Error(`case ${changed.id} could not be saved: ${refused.join(', ')} refused`);
}

export async function getCase(id: string): Promise<Case | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: caseKey(id), ConsistentRead: true }));
  return Item ? caseOf(Item) : undefined;
}

/** A case with its whole history, in one query of its partition. */
export async function getCaseWithHistory(id: string): Promise<{ case: Case; history: HistoryEntry[] } | undefined> {
  let found: Case | undefined;
  const history: HistoryEntry[] = [];
  const pages = paginateQuery(
    { client: documents },
    { TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': casePk(id) }, ConsistentRead: true },
  );
  for await (const page of pages) {
    for (const entry of page.Items ?? []) {
      if (entry.sk === 'CASE') {
        found = caseOf(entry);
        // The creation's entries come first: they have the lowest versions.
        history.unshift(...((entry[CREATION_HISTORY] as HistoryEntry[] | undefined) ?? []));
      } else if (String(entry.sk).startsWith(HISTORY_PREFIX)) history.push(historyOf(entry));
    }
  }
  return found ? { case: found, history } : undefined;
}

/** A case whose due time has come, as the due index has it. */
export interface DueCase {
  caseId: string;
  stage: DueStage;
  at: string;
  version: number;
}

/**
 * One page of the cases in `shard` due at or before `until`, earliest first,
 * with what reading it cost. Reads only due entries: the index is keyed by due time.
 */
export async function listDue(
  shard: string,
  until: string,
  limit: number,
  start?: Record<string, unknown>,
): Promise<{ due: DueCase[]; next?: Record<string, unknown>; itemsRead: number; capacityUnits: number }> {
  const { Items = [], LastEvaluatedKey, ScannedCount = 0, ConsumedCapacity } = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'due',
      KeyConditionExpression: 'dueShard = :shard AND dueAt <= :until',
      ExpressionAttributeValues: { ':shard': shard, ':until': until },
      Limit: limit,
      ExclusiveStartKey: start,
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  const due = Items.map((entry) => ({
    caseId: String(entry.pk).slice('CASE#'.length),
    stage: entry.dueStage as DueStage,
    at: entry.dueAt as string,
    version: entry.version as number,
  }));
  const cost = { itemsRead: ScannedCount, capacityUnits: ConsumedCapacity?.CapacityUnits ?? 0 };
  return LastEvaluatedKey ? { due, next: LastEvaluatedKey, ...cost } : { due, ...cost };
}

/** Whose worklist: a petition office (its region's subtree) or a department (its own unit). */
export type WorklistScope = { office: string } | { unit: string };

export interface WorklistEntry {
  id: string;
  status: CaseStatus;
  category: string;
  title: string;
  regionCode: string;
  receivedAt: string;
  level: string | null;
  office: string | null;
  leadUnit: string | null;
  /** The legal deadline the case runs against now. */
  deadline: string | null;
}

export interface WorklistQuery {
  /** Listed one status after the other, in this order. */
  statuses: readonly CaseStatus[];
  /** Only cases whose legal deadline passed before this instant. */
  overdueAt?: string;
  limit: number;
  cursor?: string;
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
  const office = 'office' in scope ? scope.office : undefined;
  const partition = (status: CaseStatus) => (office ? officeWorklistKey(office, status) : unitWorklistKey((scope as { unit: string }).unit, status));
  const binding = [office ? `office:${office}` : `unit:${(scope as { unit: string }).unit}`, query.statuses, query.overdueAt !== undefined];
  let statusIndex = 0;
  let start: Record<string, unknown> | undefined;
  if (query.cursor !== undefined) {
    const { s, sort, id } = worklistCursors.decode(query.cursor, binding);
    statusIndex = s;
    if (sort !== undefined && id !== undefined) {
      const status = query.statuses[s] as CaseStatus;
      start = office
        ? { ...caseKey(id), worklistKey: partition(status), worklistSort: sort }
        : { ...assignmentKey(id, (scope as { unit: string }).unit), worklistKey: partition(status), worklistSort: sort };
    }
  }
  const items: WorklistEntry[] = [];
  for (let queries = 0; statusIndex < query.statuses.length && items.length < query.limit && queries < MAX_QUERIES; queries++) {
    const status = query.statuses[statusIndex] as CaseStatus;
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'worklist',
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
    items.push(
      ...(page.Items ?? []).map((entry) => ({
        id: entry.id as string,
        status: entry.status as CaseStatus,
        category: entry.category as string,
        title: entry.title as string,
        regionCode: entry.regionCode as string,
        receivedAt: entry.receivedAt as string,
        level: (entry.level as string | null) ?? null,
        office: (entry.office as string | null) ?? null,
        leadUnit: (entry.leadUnit as string | null) ?? null,
        deadline: (entry.deadline as string | undefined) ?? null,
      })),
    );
    start = page.LastEvaluatedKey;
    if (!start) statusIndex++;
  }
  if (statusIndex >= query.statuses.length) return { items, nextCursor: null };
  const last = start as { pk: string; worklistSort: string } | undefined;
  return {
    items,
    nextCursor: worklistCursors.encode(last ? { s: statusIndex, sort: last.worklistSort, id: last.pk.slice('CASE#'.length) } : { s: statusIndex }, binding),
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
    const pages = paginateQuery(
      { client: documents },
      {
        TableName: tableName(),
        IndexName: 'worklist',
        KeyConditionExpression: 'worklistKey = :key AND begins_with(worklistSort, :prefix)',
        ExpressionAttributeValues: { ':key': officeWorklistKey(regionCode, status), ':prefix': subtreePrefix(regionCode) },
        Limit: 100,
      },
    );
    for await (const page of pages) {
      const ids = (page.Items ?? []).map((entry) => entry.id as string);
      if (ids.length > 0) yield await getCases(ids);
    }
  }
}

/** Up to 100 cases by id, in one batch read (and again for what DynamoDB leaves unprocessed). */
async function getCases(ids: string[]): Promise<Case[]> {
  const found: Case[] = [];
  let keys: Array<Record<string, unknown>> = ids.map(caseKey);
  for (let attempt = 0; keys.length > 0; attempt++) {
    if (attempt > 8) throw new Error('cases could not be read: throttled');
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    const { Responses, UnprocessedKeys } = await documents.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }));
    found.push(...(Responses?.[tableName()] ?? []).map(caseOf));
    keys = UnprocessedKeys?.[tableName()]?.Keys ?? [];
  }
  return found;
}

// The position of a re-keying run: the worklist partition reached (an index into the province-and-status partitions) and the last entry read there.
const rekeyCursors = cursorCodec(
  'matter-rekey',
  z.object({ p: z.number().check(z.int(), z.minimum(0)), sort: z.optional(z.string()), id: z.optional(z.string()) }),
);

/**
 * Moves the matter of one open case to the fingerprint `current`: the new
 * matter entry, the old one's removal and the case, all or nothing. The case
 * takes a new version so that a change read before this one is refused as
 * stale rather than writing the old fingerprint back. Answers whether it
 * moved, or why not: the case changed meanwhile (the next run takes it), or
 * another case holds the matter under the new key (a repeat registered as a
 * new case between the deployment and the migration).
 */
async function moveMatter(subject: Case, current: string): Promise<'moved' | 'changed' | 'held'> {
  const ownedOrAbsent = { ConditionExpression: 'attribute_not_exists(pk) OR caseId = :id', ExpressionAttributeValues: { ':id': subject.id } };
  const refused = await writeAll<'case' | 'matter'>([
    {
      name: 'case',
      write: {
        Update: {
          TableName: tableName(),
          Key: caseKey(subject.id),
          UpdateExpression: 'SET matterFingerprint = :current, version = :next',
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':current': current, ':next': subject.version + 1, ':expected': subject.version },
        },
      },
    },
    { name: 'matter', write: { Put: { TableName: tableName(), Item: { ...matterKey(current), caseId: subject.id }, ...ownedOrAbsent } } },
    { name: 'matter', write: { Delete: { TableName: tableName(), Key: matterKey(subject.matterFingerprint), ...ownedOrAbsent } } },
  ]);
  if (refused.includes('matter')) return 'held';
  return refused.length === 0 ? 'moved' : 'changed';
}

/**
 * Re-keys the matter fingerprints of the open cases to the deployment's
 * fingerprint key: after the change from unkeyed SHA-256 fingerprints, and
 * after a rotation of the deployment secret. A fingerprint cannot be
 * reversed, so each is computed again from the case's petitioner. Reads the
 * open cases through the worklist index (province by province, status by
 * status; no scan), one page per call; a case already re-keyed is left as it
 * is, so running it again changes nothing.
 *
 * @param page.after - the `next` of the previous call
 * @param page.limit - at most this many cases read per call
 */
export async function rekeyMatterFingerprints(page: { after?: string; limit: number }): Promise<{ done: boolean; next?: string; read: number; changed: number }> {
  const provinces = [...new Set((await childRegions(undefined)).map((region) => region.code.slice(0, 2)))].sort();
  const partitions = provinces.flatMap((province) => OPEN_STATUSES.map((status) => officeWorklistKey(province, status)));
  const binding = [partitions];
  let partition = 0;
  let start: Record<string, unknown> | undefined;
  if (page.after !== undefined) {
    const { p, sort, id } = rekeyCursors.decode(page.after, binding);
    partition = p;
    if (sort !== undefined && id !== undefined) start = { ...caseKey(id), worklistKey: partitions[p], worklistSort: sort };
  }
  if (partition >= partitions.length) return { done: true, read: 0, changed: 0 };
  const { Items = [], LastEvaluatedKey } = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'worklist',
      KeyConditionExpression: 'worklistKey = :key',
      ExpressionAttributeValues: { ':key': partitions[partition] },
      ProjectionExpression: 'id',
      Limit: page.limit,
      ExclusiveStartKey: start,
    }),
  );
  const key = deploymentKeys().fingerprint;
  let changed = 0;
  const ids = Items.map((entry) => entry.id as string);
  for (const subject of ids.length > 0 ? await getCases(ids) : []) {
    const petitioner = subject.petitioners[0];
    if (!subject.holdsMatter || !isOpen(subject.status) || !petitioner) continue;
    const current = matterFingerprint(petitioner, subject.category, subject.regionCode, key);
    if (current === subject.matterFingerprint) continue;
    const moved = await moveMatter(subject, current);
    if (moved === 'moved') changed++;
    if (moved === 'held') logger.warn('matter not re-keyed: another open case holds it under the new key', { caseId: subject.id });
  }
  const last = LastEvaluatedKey as { pk: string; worklistSort: string } | undefined;
  if (last) return { done: false, next: rekeyCursors.encode({ p: partition, sort: last.worklistSort, id: last.pk.slice('CASE#'.length) }, binding), read: Items.length, changed };
  if (partition + 1 < partitions.length) return { done: false, next: rekeyCursors.encode({ p: partition + 1 }, binding), read: Items.length, changed };
  return { done: true, read: Items.length, changed };
}
