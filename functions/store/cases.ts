/** Cases: taken in, changed on condition of their version, and read with their history. */
import { GetCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { isOpen, type Case, type Change, type HistoryEntry } from '../domain/case.ts';
import { caseItem, caseOf, CREATION_HISTORY, creationHistoryOf, historyOf } from './case-items.ts';
import { documents, tableName, writeBatches, type TransactItem } from './client.ts';
import { caseUpdate, commit, type Answering } from './commit.ts';
import { stringAt } from './item.ts';
import { CASE_SK, caseKey, casePk, isHistorySk, matterKey, phoneCaseKey, phoneCasesPk } from './keys.ts';
import { phoneOf } from '../domain/petitioner-messages.ts';
import { mobileNumber } from '../domain/petitioner.ts';
import { phoneHashOf } from '../domain/verification.ts';
import { deploymentKeys } from '../shared/secrets.ts';
import { findCaseByMatter } from './matters.ts';

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
      Put: { TableName: tableName(), Item: { ...caseItem(registered), [CREATION_HISTORY]: entries }, ConditionExpression: 'attribute_not_exists(pk)' },
    },
    entries: [],
    creation: entries,
    ...phoneEntry(registered),
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

/** The entry that finds a new case by its petitioner's mobile phone (its keyed hash), for access recovery. */
function phoneEntry(registered: Case): { phone?: TransactItem } {
  const phone = mobileNumber(phoneOf(registered) ?? '');
  if (!phone) return {};
  return { phone: { Put: { TableName: tableName(), Item: { ...phoneCaseKey(phoneHashOf(deploymentKeys().verification, phone), registered.id) } } } };
}

/** The ids of the cases registered with a phone (its keyed hash), open or not. */
export async function caseIdsOfPhone(phoneHash: string): Promise<string[]> {
  const ids: string[] = [];
  const pages = paginateQuery({ client: documents }, { TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': phoneCasesPk(phoneHash) } });
  for await (const page of pages) ids.push(...(page.Items ?? []).map((item) => stringAt(item, 'sk')));
  return ids;
}

/**
 * Writes cases as they stand, without history or matters: bulk loading for
 * benchmarks and data migration, not for intake (which is transactional).
 */
export async function putCases(cases: Case[]): Promise<void> {
  await writeBatches(cases.map(caseItem));
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
    for (const item of page.Items ?? []) {
      const sk = stringAt(item, 'sk');
      if (sk === CASE_SK) {
        found = caseOf(item);
        // The creation's entries come first: they have the lowest versions.
        history.unshift(...creationHistoryOf(item));
      } else if (isHistorySk(sk)) history.push(historyOf(item));
    }
  }
  return found ? { case: found, history } : undefined;
}
