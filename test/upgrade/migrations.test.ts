/**
 * The migration runner and its first step, on the emulators: a step runs
 * page by page, stops with its position saved when time runs short, resumes
 * there, is recorded done and never runs again; the deploy's custom resource
 * runs the registered steps. (The re-keying step itself is tested in
 * test/integration/deployment-secret.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../functions/migrations/migration.ts';
import { MIGRATIONS, migrationsVersion } from '../../functions/migrations/registry.ts';
import { runMigrations } from '../../functions/migrations/run-migrations.ts';
import { handler as seed, MIGRATIONS_RESOURCE_TYPE } from '../../functions/seed/seed-reference-data.ts';
import { getMigrationRecord } from '../../functions/store/migrations.ts';
import { useTestSystem } from '../support/emulators.ts';

useTestSystem();

/** A step over `pages` pages that notes each page it is asked for. */
function countingStep(id: string, pages: number, asked: number[]): Migration {
  return {
    id,
    description: 'counts its pages',
    async run(position) {
      const page = (position?.page as number | undefined) ?? 0;
      asked.push(page);
      return { read: 10, changed: 1, ...(page + 1 < pages && { next: { page: page + 1 } }) };
    },
  };
}

describe('runMigrations', () => {
  it('stops before the time runs out with the position saved, resumes there, and never runs a finished step again', async () => {
    const asked: number[] = [];
    const step = countingStep('test-resume', 5, asked);
    let left = 3;
    // Time for three pages: each look at the clock spends one unit.
    const first = await runMigrations({ migrations: [step], remainingMs: () => left--, reserveMs: 0 });
    expect(first).toEqual({ complete: false, steps: [{ id: 'test-resume', state: 'unfinished', pages: 3, read: 30, changed: 3 }] });
    expect(await getMigrationRecord('test-resume')).toMatchObject({ position: { page: 3 }, pages: 3 });

    const second = await runMigrations({ migrations: [step] });
    expect(second).toEqual({ complete: true, steps: [{ id: 'test-resume', state: 'done', pages: 5, read: 50, changed: 5 }] });
    expect(asked).toEqual([0, 1, 2, 3, 4]);
    const record = await getMigrationRecord('test-resume');
    expect(record?.doneAt).toBeDefined();
    expect(record?.position).toBeUndefined();

    const third = await runMigrations({ migrations: [step] });
    expect(third.steps).toEqual([{ id: 'test-resume', state: 'done-before', pages: 5, read: 50, changed: 5 }]);
    expect(asked).toHaveLength(5);
  });

  it('does not start a step before the one ahead of it is done', async () => {
    const asked: number[] = [];
    const later: number[] = [];
    const run = await runMigrations({
      migrations: [countingStep('test-first', 3, asked), countingStep('test-later', 1, later)],
      remainingMs: (() => {
        let left = 1;
        return () => left--;
      })(),
      reserveMs: 0,
    });
    expect(run.complete).toBe(false);
    expect(run.steps.map((s) => s.state)).toEqual(['unfinished']);
    expect(later).toEqual([]);
  });
});

describe('the migrations custom resource', () => {
  it('fails the deploy loudly when a migration is left unfinished, and succeeds once all are done', async () => {
    const context = { getRemainingTimeInMillis: () => 1000 } as Parameters<typeof seed>[1];
    const event = { RequestType: 'Update' as const, ResourceType: MIGRATIONS_RESOURCE_TYPE, ResourceProperties: { steps: migrationsVersion() } };
    // Less time than a page needs: nothing is run, and the deploy is told why.
    await expect(seed(event, context)).rejects.toThrow(/not finished .* deploy again to resume/);
    // A rollback names the steps of the release before: nothing runs, and the rollback goes through.
    expect(await seed({ ...event, ResourceProperties: { steps: 'older' } }, context)).toEqual({ PhysicalResourceId: 'migrations' });
    expect(await getMigrationRecord(MIGRATIONS[0]!.id)).toBeUndefined();
    expect(await seed(event)).toEqual({ PhysicalResourceId: 'migrations' });
    expect((await getMigrationRecord(MIGRATIONS[0]!.id))?.doneAt).toBeDefined();
  });
});
