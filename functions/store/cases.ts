/** Cases: taken in, changed on condition of their version, and read with their history. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isOpen, type Case, type Change, type HistoryEntry } from '../domain/case.ts';
import { caseItem, caseItems, caseOf, CREATION_HISTORY, creationHistoryOf, historyOf } from './case-items.ts';
import { documents, partitionItems, putOnCondition, queryItems, tableName, writeBatches, type TransactItem } from './client.ts';
import { caseUpdate, commit, commitAll, type Answering, type CaseWrites } from './commit.ts';
import { stringAt, type Item } from './item.ts';
import { CASE_SK, caseKey, casePk, isHistorySk, matterKey, phoneCaseKey, phoneCasesPk } from './keys.ts';
import { phoneOf } from '../domain/petitioner-messages.ts';
import { mobileNumber } from '../domain/petitioner.ts';
import { phoneHashOf } from '../domain/verification.ts';
import { deploymentKeys } from '../shared/secrets.ts';
import { findCaseByMatter } from './matters.ts';
import { nextCaseNumber } from './case-numbers.ts';
import { numberSeriesOf } from '../domain/case-number.ts';
import { backOff, retryWhileStale, STALE } from '../shared/retry.ts';

export type Creation =
  | { outcome: 'created'; case: Case }
  | { outcome: 'repeat'; openCaseId: string }
  | { outcome: 'answered' };

// Cases of one county taken in at once draw on one counter: each that lost the number draws again,
// after a short random wait so that the losers do not collide again.
const NUMBER_ATTEMPTS = 25;
const NUMBER_BACKOFF_MS = 5;

/**
 * Writes a new case, numbered (the next number of its county and year), with
 * its first history entries (in the case item) and, if it holds one, its
 * matter fingerprint, in one transaction. Nothing is written, and no number
 * taken, when the petitioner already has this matter open (`repeat`) or the
 * idempotency key already has an answer (`answered`).
 *
 * @param answering - the first answer to keep, made from the case as numbered
 */
export async function createCase(registered: Case, entries: HistoryEntry[], answering?: (numbered: Case) => Answering): Promise<Creation> {
  const series = numberSeriesOf(registered);
  const exhausted = () => new Error(`case ${registered.id}: ${NUMBER_ATTEMPTS} numbers of ${series.county}-${series.year} were taken by others first`);
  let attempt = 0;
  return retryWhileStale(NUMBER_ATTEMPTS, exhausted, async (): Promise<Creation | typeof STALE> => {
    if (attempt++ > 0) await backOff(attempt, NUMBER_BACKOFF_MS, { jitter: true });
    const { caseNumber, take } = await nextCaseNumber(series);
    const numbered: Case = { ...registered, caseNumber };
    const refused = await commit(undefined, numbered, {
      case: {
        Put: { TableName: tableName(), Item: { ...caseItem(numbered), [CREATION_HISTORY]: entries }, ConditionExpression: 'attribute_not_exists(pk)' },
      },
      entries: [],
      creation: entries,
      ...phoneEntry(numbered),
      number: take,
      ...(registered.holdsMatter && {
        matter: {
          Put: {
            TableName: tableName(),
            Item: { ...matterKey(registered.matterFingerprint), caseId: registered.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      }),
      answering: answering?.(numbered),
      at: registered.receivedAt,
    });
    if (refused.length === 0) return { outcome: 'created', case: numbered };
    if (refused.includes('answer')) return { outcome: 'answered' };
    if (refused.includes('matter')) {
      const openCaseId = await findCaseByMatter(registered.matterFingerprint);
      // The matter was released between the write and this read: let the caller try again.
      if (openCaseId === undefined) throw new Error('a matter fingerprint vanished during intake');
      return { outcome: 'repeat', openCaseId };
    }
    if (refused.length === 1 && refused[0] === 'number') return STALE;
    throw new Error(`case ${registered.id} could not be created: ${refused.join(', ')} refused`);
  });
}

/** The entry that finds a new case by its petitioner's mobile phone (its keyed hash), for access recovery. */
function phoneEntry(registered: Case): { phone?: TransactItem } {
  const item = phoneEntryItem(registered);
  return item ? { phone: { Put: { TableName: tableName(), Item: item } } } : {};
}

function phoneEntryItem(subject: Case): Item | undefined {
  const phone = mobileNumber(phoneOf(subject) ?? '');
  return phone ? { ...phoneCaseKey(phoneHashOf(deploymentKeys().verification, phone), subject.id) } : undefined;
}

/**
 * Writes a case's phone entry where it has none (a case taken in before
 * recovery existed). Answers whether it wrote one: false when the case has
 * no mobile phone or the entry is there already.
 */
export async function addPhoneEntry(subject: Case): Promise<boolean> {
  const item = phoneEntryItem(subject);
  return item ? putOnCondition({ Item: item, ConditionExpression: 'attribute_not_exists(pk)' }) : false;
}

/** The ids of the cases registered with a phone (its keyed hash), open or not. */
export async function caseIdsOfPhone(phoneHash: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of queryItems({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': phoneCasesPk(phoneHash) } })) ids.push(stringAt(item, 'sk'));
  return ids;
}

/**
 * Writes cases as they stand (with their idle entries), without history or
 * matters: bulk loading for benchmarks and data migration, not for intake
 * (which is transactional).
 */
export async function putCases(cases: Case[]): Promise<void> {
  await writeBatches(cases.flatMap(caseItems));
}

export type Saving = 'saved' | 'stale' | 'answered';

/**
 * Saves a change to a case with its history entry and worklist entries, only
 * if the case is still as it was read (`before`): of two concurrent changes,
 * one wins and the other is `stale` with nothing written. A case that
 * finishes releases its matter, so the same matter raised later is a new case.
 */
export async function saveChange(before: Case, change: Change, answering?: Answering): Promise<Saving> {
  return saveChanges([{ before, change }], answering);
}

/**
 * Saves changes to several cases in one transaction, each as
 * {@link saveChange} saves one: all, or none and `stale` when any of the
 * cases is no longer as it was read.
 */
export async function saveChanges(changes: { before: Case; change: Change }[], answering?: Answering): Promise<Saving> {
  const refused = await commitAll(changes.map(({ before, change }) => changeWrites(before, change)), { answering, at: (changes[0] as { change: Change }).change.entry.at });
  if (refused.length === 0) return 'saved';
  if (refused.includes('answer')) return 'answered';
  if (refused.includes('case')) return 'stale';
  throw new Error(`cases ${changes.map(({ change }) => change.case.id).join(', ')} could not be saved: ${refused.join(', ')} refused`);
}

/** A change's writes: the case on condition of its version, its history entry, and its matter released if it finishes. */
function changeWrites(before: Case, change: Change): CaseWrites {
  const changed = change.case;
  const finishes = before.holdsMatter && isOpen(before.status) && !isOpen(changed.status);
  return {
    before,
    after: changed,
    writes: {
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
    },
  };
}

export async function getCase(id: string): Promise<Case | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: caseKey(id), ConsistentRead: true }));
  return Item ? caseOf(Item) : undefined;
}

/** A case with its whole history, in one query of its partition. */
export async function getCaseWithHistory(id: string): Promise<{ case: Case; history: HistoryEntry[] } | undefined> {
  let found: Case | undefined;
  const history: HistoryEntry[] = [];
  for await (const item of partitionItems(casePk(id))) {
    const sk = stringAt(item, 'sk');
    if (sk === CASE_SK) {
      found = caseOf(item);
      // The creation's entries come first: they have the lowest versions.
      history.unshift(...creationHistoryOf(item));
    } else if (isHistorySk(sk)) history.push(historyOf(item));
  }
  return found ? { case: found, history } : undefined;
}
