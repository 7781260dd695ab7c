/**
 * Where each data migration's progress is kept: one entry per step in the
 * table itself, so a deploy that ran out of time resumes where it stopped and
 * a finished step never runs again, whichever process runs it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documents, putOnCondition, tableName } from './client.ts';
import { numberAt, stringAt, withoutKeys, type Item } from './item.ts';
import { migrationKey } from './keys.ts';

/** A position in a step's walk through the table, as the step gave it (opaque here). */
export type MigrationPosition = Record<string, unknown>;

/** A step's record: where it stands, what it read and changed so far, and when it finished. */
export interface MigrationRecord {
  id: string;
  /** Where the next page starts; absent before the first page and once done. */
  position?: MigrationPosition;
  pages: number;
  read: number;
  changed: number;
  startedAt: string;
  doneAt?: string;
}

function migrationRecordOf(item: Item): MigrationRecord {
  stringAt(item, 'id');
  stringAt(item, 'startedAt');
  for (const count of ['pages', 'read', 'changed']) numberAt(item, count);
  return withoutKeys(item) as unknown as MigrationRecord;
}

export async function getMigrationRecord(id: string): Promise<MigrationRecord | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: migrationKey(id), ConsistentRead: true }));
  return Item ? migrationRecordOf(Item) : undefined;
}

/**
 * Saves a step's progress after a page (or its completion, with `doneAt`).
 * Refused once the step is recorded done: a finished step's record never
 * changes again. Answers whether it was saved.
 */
export async function saveMigrationRecord(record: MigrationRecord): Promise<boolean> {
  return putOnCondition({ Item: { ...migrationKey(record.id), ...record }, ConditionExpression: 'attribute_not_exists(doneAt)' });
}
