/**
 * The one way a change to a case is written: the case, its history, its
 * worklist entries, its side entries in the due index, its matter, a new
 * case's number, a first answer to keep, and its figures, all or nothing.
 */
import type { Case, HistoryEntry } from '../domain/case.ts';
import { chinaDay } from '../domain/calendar.ts';
import { difference, visitContributionOf, type Counters } from '../domain/figures.ts';
import type { Region } from '../domain/regions.ts';
import { countChange } from '../shared/metrics.ts';
import { assignedUnits, assignmentItem, caseItem, ownedItems, sideDueItems } from './case-items.ts';
import { tableName, writeAll, type NamedWrite, type TransactItem } from './client.ts';
import { additionWrites, figureAdditions, totalAdditions, visitAdditions, type Addition } from './figures.ts';
import { firstAnswerWrite, type FirstAnswer } from './idempotency.ts';
import type { Item } from './item.ts';
import { assignmentKey, caseKey, historyKey, ownedAssignmentKey } from './keys.ts';
import { getRegionChain, getUnitName } from './reference.ts';
import { isMilestone, messageOf, unitsNamed, type CaseMessage, type UnitNames } from '../domain/petitioner-messages.ts';
import { petitionerMessageSender, type PetitionerMessage } from '../queues/petitioner-messages.ts';
import type { QueueSender } from '../queues/client.ts';
import { errorSummary, logger } from '../shared/logger.ts';
import { messageWrite } from './petitioner-messages.ts';

/** A first answer to keep with a change, for a request made with an Idempotency-Key. */
export interface Answering {
  idempotencyKey: string;
  answer: FirstAnswer;
}

function assignmentWrites(before: Case | undefined, after: Case): TransactItem[] {
  const units = assignedUnits(after);
  const dropped = before ? assignedUnits(before).filter((unit) => !units.includes(unit)) : [];
  return [
    ...units.map((unit) => ({ Put: { TableName: tableName(), Item: assignmentItem(after, unit) } })),
    ...dropped.map((unit) => ({ Delete: { TableName: tableName(), Key: assignmentKey(after.id, unit) } })),
    // An owned case's entries on the responsibility list follow it the same way.
    ...ownedItems(after).map((item) => ({ Put: { TableName: tableName(), Item: item } })),
    ...(after.ownership ? dropped.map((unit) => ({ Delete: { TableName: tableName(), Key: ownedAssignmentKey(after.id, unit) } })) : []),
  ];
}

/**
 * The writes of the case's side entries in the due index (idle warning,
 * co-handling tasks) that move: each put where it is now, each it no longer
 * has deleted.
 */
function sideDueWrites(before: Case | undefined, after: Case): TransactItem[] {
  const keyOf = (item: Item) => String(item.sk);
  const was = new Map((before ? sideDueItems(before) : []).map((item) => [keyOf(item), item]));
  const is = sideDueItems(after);
  const kept = new Set(is.map(keyOf));
  return [
    ...is.filter((item) => was.get(keyOf(item))?.dueAt !== item.dueAt).map((item): TransactItem => ({ Put: { TableName: tableName(), Item: item } })),
    ...[...was.values()].filter((item) => !kept.has(keyOf(item))).map((item): TransactItem => ({ Delete: { TableName: tableName(), Key: { pk: item.pk, sk: item.sk } } })),
  ];
}

/**
 * The write of a change to a case item, only if the case is still at
 * `before`'s version: every field set, the attributes it no longer has
 * removed, and its creation entries left as they are.
 */
export function caseUpdate(before: Case, after: Case): TransactItem {
  const present = (entry: Record<string, unknown>) => Object.keys(entry).filter((name) => entry[name] !== undefined && name !== 'pk' && name !== 'sk');
  const entry = caseItem(after);
  const set = present(entry);
  const removed = present(caseItem(before)).filter((name) => !set.includes(name));
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

function answerWrites(answering: Answering | undefined, now: string): NamedWrite<'answer'>[] {
  return answering ? [{ name: 'answer', write: firstAnswerWrite(answering.idempotencyKey, answering.answer, now) }] : [];
}

/**
 * What counts a change: in the figures of every region of the case's chain
 * on the day it was received, its province's running totals, and its
 * visit's figures. With the difference it adds, for the metrics.
 */
async function counting(before: Case | undefined, after: Case): Promise<{ additions: Addition[]; delta: Counters }> {
  const delta = difference(before, after);
  const visit = after.visit ? visitAdditions(after.visit.id, difference(before, after, visitContributionOf)) : [];
  const regions = async () => {
    const chain = await getRegionChain(after.regionCode);
    if (!chain) throw new Error(`case ${after.id} names a region that does not exist`);
    return [...figureAdditions(chain.map((region) => region.code), chinaDay(after.receivedAt), delta), ...totalAdditions((chain.at(-1) as Region).code, delta)];
  };
  return { additions: [...(Object.keys(delta).length > 0 ? await regions() : []), ...visit], delta };
}

/** The names of units, from the reference data (cached per function), for the messages that name them. */
async function unitNames(units: string[]): Promise<UnitNames> {
  const names = new Map<string, string>();
  for (const unit of units) {
    const name = await getUnitName(unit);
    if (name !== undefined) names.set(unit, name);
  }
  return names;
}

export type WriteName = 'case' | 'history' | 'worklist' | 'due' | 'matter' | 'number' | 'answer' | 'figures' | 'message' | 'phone';

let sendMessages: QueueSender<PetitionerMessage> | undefined;

/**
 * Sends the messages a change made to the sender. They are kept with the
 * change already: a send that fails is logged, and the message stays pending.
 */
async function announce(messages: CaseMessage[]): Promise<void> {
  if (messages.length === 0) return;
  sendMessages ??= petitionerMessageSender();
  try {
    await sendMessages(messages.map((message) => ({ kind: 'case-message', caseId: message.caseId, version: message.version })));
  } catch (error) {
    logger.warn('petitioner messages not sent to the sender', { caseId: messages[0]?.caseId, error: errorSummary(error) });
  }
}

/** One case's part of a commit: the case as read (undefined when new), as it becomes, and its own writes. */
export interface CaseWrites {
  before: Case | undefined;
  after: Case;
  writes: { case: TransactItem; entries: HistoryEntry[]; creation?: HistoryEntry[]; matter?: TransactItem; number?: TransactItem; phone?: TransactItem };
}

/**
 * Writes one change to a case all or nothing: the case (on its own
 * condition), its new history entries, its worklist entries, a write of its
 * matter if it takes or releases one, its phone's entry (a new case), the first answer to keep, its
 * counters, and the message it makes for the petitioner; and counts it in
 * the metrics and hands the message to the sender once written. Answers the
 * writes whose condition refused.
 */
export async function commit(
  before: Case | undefined,
  after: Case,
  writes: CaseWrites['writes'] & { answering?: Answering | undefined; at: string },
): Promise<WriteName[]> {
  return commitAll([{ before, after, writes }], { answering: writes.answering, at: writes.at });
}

/**
 * Writes changes to several cases (a possible repeat merged into the case it
 * repeats) in one transaction, each as {@link commit} writes one: all of
 * them or none.
 */
export async function commitAll(changes: CaseWrites[], shared: { answering?: Answering | undefined; at: string }): Promise<WriteName[]> {
  const parts = await Promise.all(
    changes.map(async ({ before, after, writes }) => {
      const counted = await counting(before, after);
      const milestones = [...(writes.creation ?? []), ...writes.entries].filter(isMilestone);
      const names = milestones.length > 0 ? await unitNames(unitsNamed(after)) : new Map<string, string>();
      const messages = milestones.map((entry) => messageOf(after, entry, names)).filter((message) => message !== undefined);
      const named: NamedWrite<WriteName>[] = [
        { name: 'case', write: writes.case },
        ...writes.entries.map((entry) => ({ name: 'history' as const, write: historyWrite(after.id, entry) })),
        ...assignmentWrites(before, after).map((write) => ({ name: 'worklist' as const, write })),
        ...sideDueWrites(before, after).map((write) => ({ name: 'due' as const, write })),
        ...(writes.matter ? [{ name: 'matter' as const, write: writes.matter }] : []),
        ...(writes.number ? [{ name: 'number' as const, write: writes.number }] : []),
        ...(writes.phone ? [{ name: 'phone' as const, write: writes.phone }] : []),
        ...messages.map((message) => ({ name: 'message' as const, write: messageWrite(message) })),
      ];
      return { before, counted, messages, named };
    }),
  );
  const figures = additionWrites(parts.flatMap((part) => part.counted.additions)).map((write) => ({ name: 'figures' as const, write }));
  const refused = await writeAll<WriteName>([...parts.flatMap((part) => part.named), ...answerWrites(shared.answering, shared.at), ...figures]);
  if (refused.length === 0) {
    for (const part of parts) countChange(part.before === undefined, part.counted.delta);
    await announce(parts.flatMap((part) => part.messages));
  }
  return refused;
}
