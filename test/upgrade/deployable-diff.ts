/**
 * What makes an update of the deployed stack lose data or fail: the checks
 * the release test applies to the template of the previous release and the
 * template of this tree (docs/UPGRADES.md, "What a release may change").
 */
import { diffTemplate, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { isDeepStrictEqual } from 'node:util';
import type { Template } from './synth-tree.ts';

/**
 * Resources that hold what must survive an update; the deployment secret too,
 * since a new one would invalidate every cursor, matter fingerprint and kept answer.
 */
const STATEFUL_TYPES = ['AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::Cognito::UserPool', 'AWS::SQS::Queue', 'AWS::SecretsManager::Secret'];
/** Log groups count when kept (for audit) past the stack: their DeletionPolicy retains them. */
const KEPT = ['Retain', 'RetainExceptOnCreate', 'Snapshot'];

const isStateful = (resource: Template['Resources'][string]) =>
  STATEFUL_TYPES.includes(resource.Type) || (resource.Type === 'AWS::Logs::LogGroup' && KEPT.includes(resource.DeletionPolicy ?? ''));

const SAFE = new Set<ResourceImpact>([ResourceImpact.NO_CHANGE, ResourceImpact.WILL_UPDATE]);

interface Index {
  IndexName: string;
  KeySchema: unknown;
  Projection: unknown;
}

/** The indexes one update adds or removes; a changed index is removed and added again. */
function indexChanges(before: Index[], after: Index[]): string[] {
  const changes: string[] = [];
  for (const old of before) {
    const now = after.find((index) => index.IndexName === old.IndexName);
    if (!now) changes.push(`removes ${old.IndexName}`);
    else if (!isDeepStrictEqual(old.KeySchema, now.KeySchema) || !isDeepStrictEqual(old.Projection, now.Projection)) {
      changes.push(`removes ${old.IndexName}`, `adds ${old.IndexName} again, changed`);
    }
  }
  for (const index of after) if (!before.some((old) => old.IndexName === index.IndexName)) changes.push(`adds ${index.IndexName}`);
  return changes;
}

/** Why deploying `after` over a stack deployed from `before` would lose data or fail; empty when it is safe. */
export function deployableDiffProblems(before: Template, after: Template): string[] {
  const problems: string[] = [];
  const diff = diffTemplate(before, after);
  for (const [id, resource] of Object.entries(before.Resources)) {
    if (!isStateful(resource)) continue;
    const change = diff.resources.get(id);
    if (change && !SAFE.has(change.changeImpact)) {
      problems.push(`${resource.Type} ${id}: ${change.changeImpact}${change.isRemoval ? ' (its logical id is gone: renamed or removed)' : ''}`);
    }
    if (resource.Type !== 'AWS::DynamoDB::Table') continue;
    const now = after.Resources[id];
    if (!now) continue;
    if (!isDeepStrictEqual(resource.Properties?.KeySchema, now.Properties?.KeySchema)) problems.push(`table ${id}: its key schema changes`);
    const indexes = (template: Template['Resources'][string]) => (template.Properties?.GlobalSecondaryIndexes ?? []) as Index[];
    const changes = indexChanges(indexes(resource), indexes(now));
    if (changes.length > 1) problems.push(`table ${id}: one update may add or remove one global secondary index; this one ${changes.join(', ')}`);
  }
  return problems;
}
