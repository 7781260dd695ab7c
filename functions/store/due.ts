import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DUE_STAGES, type DueStage } from '../domain/case.ts';
import { documents, tableName } from './client.ts';
import { numberAt, oneOfAt, stringAt, type Item } from './item.ts';
import { caseIdOf, isMessagesPk, messageOfKey, sideDueRefOf } from './keys.ts';
import { INDEX } from './schema.ts';

/** A case whose due time has come, as the due index has it; `ref` tells a side entry of its stage apart (a task's id). */
export interface DueCase {
  caseId: string;
  stage: DueStage;
  ref: string | null;
  at: string;
  version: number;
}

/** A message to a petitioner whose send did not happen (or did not finish) in time: the sweep sends it again. */
export interface DueMessage {
  caseId: string;
  version: number;
}

/** The due index's entries, split: cases' clocks, and messages to send again. */
function split(items: Item[]): { due: DueCase[]; messages: DueMessage[] } {
  const messages = items.filter((item) => isMessagesPk(stringAt(item, 'pk')));
  return {
    due: items.filter((item) => !isMessagesPk(stringAt(item, 'pk'))).map(dueCaseOf),
    messages: messages.map((item) => messageOfKey(stringAt(item, 'pk'), stringAt(item, 'sk'))),
  };
}

function dueCaseOf(item: Item): DueCase {
  return {
    caseId: caseIdOf(stringAt(item, 'pk')),
    stage: oneOfAt(item, 'dueStage', DUE_STAGES),
    ref: sideDueRefOf(stringAt(item, 'sk')),
    at: stringAt(item, 'dueAt'),
    version: numberAt(item, 'version'),
  };
}

/**
 * One page of the cases in `shard` due at or after `from`, earliest first,
 * and where the next page starts: what a change of the calendar may move.
 */
export async function listDueFrom(shard: string, from: string, limit: number, start?: Record<string, unknown>): Promise<{ due: DueCase[]; next?: Record<string, unknown> }> {
  const { Items = [], LastEvaluatedKey } = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: INDEX.due,
      KeyConditionExpression: 'dueShard = :shard AND dueAt >= :from',
      ExpressionAttributeValues: { ':shard': shard, ':from': from },
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  // A message's resend time moves with no calendar.
  const { due } = split(Items);
  return LastEvaluatedKey ? { due, next: LastEvaluatedKey } : { due };
}

/**
 * One page of the cases in `shard` due at or before `until`, earliest first,
 * and of the messages to send again, with what reading it cost. Reads only due entries: the index is keyed by due time.
 */
export async function listDue(
  shard: string,
  until: string,
  limit: number,
  start?: Record<string, unknown>,
): Promise<{ due: DueCase[]; messages: DueMessage[]; next?: Record<string, unknown>; itemsRead: number; capacityUnits: number }> {
  const { Items = [], LastEvaluatedKey, ScannedCount = 0, ConsumedCapacity } = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: INDEX.due,
      KeyConditionExpression: 'dueShard = :shard AND dueAt <= :until',
      ExpressionAttributeValues: { ':shard': shard, ':until': until },
      Limit: limit,
      ExclusiveStartKey: start,
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  const found = { ...split(Items), itemsRead: ScannedCount, capacityUnits: ConsumedCapacity?.CapacityUnits ?? 0 };
  return LastEvaluatedKey ? { ...found, next: LastEvaluatedKey } : found;
}
