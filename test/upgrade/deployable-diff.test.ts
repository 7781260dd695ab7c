/**
 * Deployable diffs: the template of the previous release (CHANGELOG.md) and
 * this tree's, each synthesized from its own tree as `cdk synth` does. The
 * update between them must keep the table's keys, add or remove at most one
 * index, and replace no stateful resource.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deployableDiffProblems } from './deployable-diff.ts';
import { previousRelease, releaseTree, ROOT } from './previous-release.ts';
import { synthTree, type Template } from './synth-tree.ts';

const release = previousRelease();
let before: Template;
let after: Template;

beforeAll(async () => {
  const tree = await releaseTree(release);
  [before, after] = await Promise.all([synthTree(tree), synthTree(ROOT)]);
}, 600_000);

const copy = (template: Template): Template => structuredClone(template);
const idOf = (template: Template, type: string) => {
  const id = Object.keys(template.Resources).find((key) => template.Resources[key]?.Type === type);
  if (!id) throw new Error(`no ${type} in the template`);
  return id;
};

describe(`the update from ${release.version}`, () => {
  it('keeps the table, its keys and every stateful resource, and changes at most one index', () => {
    expect(Object.keys(before.Resources).length).toBeGreaterThan(50);
    expect(deployableDiffProblems(before, after)).toEqual([]);
  });
});

describe('the checks', () => {
  it('refuse a renamed table (a new, empty one), a changed key schema and two new indexes at once', () => {
    const table = idOf(after, 'AWS::DynamoDB::Table');
    const renamed = copy(after);
    renamed.Resources[`${table}V2`] = renamed.Resources[table]!;
    delete renamed.Resources[table];
    expect(deployableDiffProblems(after, renamed)).toEqual([expect.stringMatching(new RegExp(`^AWS::DynamoDB::Table ${table}: .*logical id is gone`))]);

    const rekeyed = copy(after);
    (rekeyed.Resources[table]!.Properties!.KeySchema as Array<{ AttributeName: string }>)[1]!.AttributeName = 'sk2';
    expect(deployableDiffProblems(after, rekeyed)).toContain(`table ${table}: its key schema changes`);

    const indexed = copy(after);
    const indexes = indexed.Resources[table]!.Properties!.GlobalSecondaryIndexes as Array<{ IndexName: string }>;
    const one = structuredClone(indexes[0]!);
    indexes.push({ ...one, IndexName: 'first' }, { ...one, IndexName: 'second' });
    expect(deployableDiffProblems(after, indexed)).toEqual([expect.stringContaining('adds first, adds second')]);
    indexes.pop();
    expect(deployableDiffProblems(after, indexed)).toEqual([]);
  });

  it('refuse a replaced queue, a renamed user pool and a removed log group kept for audit', () => {
    const queue = idOf(after, 'AWS::SQS::Queue');
    const renamedQueue = copy(after);
    renamedQueue.Resources[queue]!.Properties = { ...renamedQueue.Resources[queue]!.Properties, QueueName: 'petitions-renamed' };
    expect(deployableDiffProblems(after, renamedQueue)).toEqual([`AWS::SQS::Queue ${queue}: WILL_REPLACE`]);

    const pool = idOf(after, 'AWS::Cognito::UserPool');
    const repooled = copy(after);
    repooled.Resources[`Staff${pool}`] = repooled.Resources[pool]!;
    delete repooled.Resources[pool];
    expect(deployableDiffProblems(after, repooled)).toEqual([expect.stringMatching(new RegExp(`^AWS::Cognito::UserPool ${pool}: .*logical id is gone`))]);

    const kept = copy(after);
    const logGroup = idOf(kept, 'AWS::Logs::LogGroup');
    kept.Resources[logGroup]!.DeletionPolicy = 'Retain';
    const dropped = copy(kept);
    delete dropped.Resources[logGroup];
    expect(deployableDiffProblems(kept, dropped)).toEqual([expect.stringMatching(new RegExp(`^AWS::Logs::LogGroup ${logGroup}: .*logical id is gone`))]);
  });
});
