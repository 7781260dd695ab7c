import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Case, Change, DueStage, HistoryEntry } from '../domain/case.ts';
import { documents, tableName, writeAll, type NamedWrite, type TransactItem } from './client.ts';
import { firstAnswerWrite, type FirstAnswer } from './idempotency.ts';
import { DUE_SHARDS } from './schema.ts';

const casePk = (id: string) => `CASE#${id}`;
const caseKey = (id: string) => ({ pk: casePk(id), sk: 'CASE' });
const HISTORY_PREFIX = 'HISTORY#';
// Zero-padded so that the history sorts by version.
const historyKey = (id: string, version: number) => ({ pk: casePk(id), sk: `${HISTORY_PREFIX}${String(version).padStart(8, '0')}` });
const matterKey = (fingerprint: string) => ({ pk: `MATTER#${fingerprint}`, sk: 'MATTER' });

/** The due-index shard of a case: a stable hash of its id, so its due entry always lands in one place. */
export function dueShardOf(caseId: string): string {
  const shard = createHash('sha256').update(caseId).digest().readUInt32BE(0) % DUE_SHARDS;
  return `DUE#${String(shard).padStart(2, '0')}`;
}

export const ALL_DUE_SHARDS = Array.from({ length: DUE_SHARDS }, (_, i) => `DUE#${String(i).padStart(2, '0')}`);

function caseEntry(subject: Case): Record<string, unknown> {
  const { due, ...fields } = subject;
  return {
    ...caseKey(subject.id),
    ...fields,
    // Only a case with a due time is in the (sparse) due index.
    ...(due && { dueShard: dueShardOf(subject.id), dueAt: due.at, dueStage: due.stage }),
  };
}

function caseOf(entry: Record<string, unknown>): Case {
  const { pk: _pk, sk: _sk, dueShard: _shard, dueAt, dueStage, ...fields } = entry;
  const due = typeof dueAt === 'string' ? { at: dueAt, stage: dueStage as DueStage } : null;
  return { ...(fields as Omit<Case, 'due'>), due };
}

function historyOf(entry: Record<string, unknown>): HistoryEntry {
  const { pk: _pk, sk: _sk, ...fields } = entry;
  return fields as unknown as HistoryEntry;
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

export type Creation =
  | { outcome: 'created' }
  | { outcome: 'repeat'; openCaseId: string }
  | { outcome: 'answered' };

/**
 * Writes a new case, its first history entry and its matter fingerprint in one
 * transaction. Nothing is written when the petitioner already has this matter
 * open (`repeat`) or the idempotency key already has an answer (`answered`).
 */
export async function createCase(change: Change, answering?: Answering): Promise<Creation> {
  const registered = change.case;
  const refused = await writeAll([
    {
      name: 'case',
      write: { Put: { TableName: tableName(), Item: caseEntry(registered), ConditionExpression: 'attribute_not_exists(pk)' } },
    },
    { name: 'history', write: historyWrite(registered.id, change.entry) },
    {
      name: 'matter',
      write: {
        Put: {
          TableName: tableName(),
          Item: { ...matterKey(registered.matterFingerprint), caseId: registered.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
    ...answerWrites(answering, registered.receivedAt),
  ]);
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

export async function findCaseByMatter(fingerprint: string): Promise<string | undefined> {
  const { Item } = await documents.send(
    new GetCommand({ TableName: tableName(), Key: matterKey(fingerprint), ConsistentRead: true }),
  );
  return Item?.caseId as string | undefined;
}

export type Saving = 'saved' | 'stale' | 'answered';

/**
 * Saves a change to a case, with its history entry, only if the case is still
 * at `expectedVersion`: of two concurrent changes, one wins and the other is
 * `stale` with nothing written.
 */
export async function saveChange(change: Change, expectedVersion: number, answering?: Answering): Promise<Saving> {
  const changed = change.case;
  const refused = await writeAll([
    {
      name: 'case',
      write: {
        Put: {
          TableName: tableName(),
          Item: caseEntry(changed),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
    },
    { name: 'history', write: historyWrite(changed.id, change.entry) },
    ...answerWrites(answering, change.entry.at),
  ]);
  if (refused.length === 0) return 'saved';
  return refused.includes('answer') ? 'answered' : 'stale';
}

export async function getCase(id: string): Promise<Case | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: caseKey(id), ConsistentRead: true }));
  return Item ? caseOf(Item) : undefined;
}

/** A case with its whole history, in one query of its partition. */
export async function getCaseWithHistory(id: string): Promise<{ case: Case; history: HistoryEntry[] } | undefined> {
  let found: Case | undefined;
  const history: HistoryEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': casePk(id) },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const entry of page.Items ?? []) {
      if (entry.sk === 'CASE') found = caseOf(entry);
      else if (String(entry.sk).startsWith(HISTORY_PREFIX)) history.push(historyOf(entry));
    }
    start = page.LastEvaluatedKey;
  } while (start);
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
 * One page of the cases in `shard` due at or before `until`, earliest first.
 * Reads only due entries: the index is keyed by due time.
 */
export async function listDue(
  shard: string,
  until: string,
  limit: number,
  start?: Record<string, unknown>,
): Promise<{ due: DueCase[]; next?: Record<string, unknown> }> {
  const { Items = [], LastEvaluatedKey } = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'due',
      KeyConditionExpression: 'dueShard = :shard AND dueAt <= :until',
      ExpressionAttributeValues: { ':shard': shard, ':until': until },
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  const due = Items.map((entry) => ({
    caseId: String(entry.pk).slice('CASE#'.length),
    stage: entry.dueStage as DueStage,
    at: entry.dueAt as string,
    version: entry.version as number,
  }));
  return LastEvaluatedKey ? { due, next: LastEvaluatedKey } : { due };
}
