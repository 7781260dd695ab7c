/**
 * Matters: the open case that holds each matter fingerprint (repeats join
 * it), and the re-keying of those fingerprints to the deployment's key.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/case.ts';
import { matterFingerprint } from '../domain/petitioner.ts';
import { logger } from '../shared/logger.ts';
import { deploymentKeys } from '../shared/secrets.ts';
import { documents, tableName, writeAll } from './client.ts';
import { stringAt } from './item.ts';
import { caseKey, matterKey } from './keys.ts';
import { openCasesCursor, pageOfOpenCases } from './open-cases.ts';

/** The id of the open case holding a matter, if any. */
export async function findCaseByMatter(fingerprint: string): Promise<string | undefined> {
  const { Item } = await documents.send(new GetCommand({ TableName: tableName(), Key: matterKey(fingerprint), ConsistentRead: true }));
  return Item ? stringAt(Item, 'caseId') : undefined;
}

// The position of a re-keying run (`pageOfOpenCases`).
const rekeyCursors = openCasesCursor('matter-rekey');

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
  const { cases, read, next } = await pageOfOpenCases(rekeyCursors, page);
  const key = deploymentKeys().fingerprint;
  let changed = 0;
  for (const subject of cases) {
    const petitioner = subject.petitioners[0];
    if (!subject.holdsMatter || !petitioner) continue;
    const current = matterFingerprint(petitioner, subject.category, subject.regionCode, key);
    if (current === subject.matterFingerprint) continue;
    const moved = await moveMatter(subject, current);
    if (moved === 'moved') changed++;
    if (moved === 'held') logger.warn('matter not re-keyed: another open case holds it under the new key', { caseId: subject.id });
  }
  return { done: next === undefined, ...(next !== undefined && { next }), read, changed };
}
