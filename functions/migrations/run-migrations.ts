import { logger } from '../shared/logger.ts';
import { getMigrationRecord, saveMigrationRecord, type MigrationRecord } from '../store/migrations.ts';
import type { Migration } from './migration.ts';
import { MIGRATIONS } from './registry.ts';

/** How a run left each step. */
export interface MigrationOutcome {
  id: string;
  /** `done-before`: recorded done by an earlier run, not touched; `unfinished`: out of time, its position saved. */
  state: 'done-before' | 'done' | 'unfinished';
  pages: number;
  read: number;
  changed: number;
}

export interface MigrationRun {
  /** Every step is done. */
  complete: boolean;
  steps: MigrationOutcome[];
}

export interface RunOptions {
  /** The steps in order (default: the registry). */
  migrations?: readonly Migration[];
  /** Milliseconds left to work (Lambda's getRemainingTimeInMillis); unlimited without. */
  remainingMs?: () => number;
  /** No page starts with less time than this left: a page must fit in it. */
  reserveMs?: number;
  now?: () => Date;
}

/**
 * Runs the steps not yet recorded done, in order, page by page, saving each
 * step's position after every page. Stops before the time runs out (the next
 * run resumes from the saved position) and at the first unfinished step, so
 * a step may rely on the ones before it.
 */
export async function runMigrations(options: RunOptions = {}): Promise<MigrationRun> {
  const { migrations = MIGRATIONS, remainingMs = () => Infinity, reserveMs = 30_000, now = () => new Date() } = options;
  const steps: MigrationOutcome[] = [];
  for (const step of migrations) {
    const found = await getMigrationRecord(step.id);
    if (found?.doneAt) {
      steps.push({ id: step.id, state: 'done-before', pages: found.pages, read: found.read, changed: found.changed });
      continue;
    }
    const record: MigrationRecord = found ?? { id: step.id, pages: 0, read: 0, changed: 0, startedAt: now().toISOString() };
    if (!found) logger.info('migration started', { migration: step.id, description: step.description });
    let state: MigrationOutcome['state'] = 'unfinished';
    while (remainingMs() > reserveMs) {
      const page = await step.run(record.position);
      record.pages++;
      record.read += page.read;
      record.changed += page.changed;
      if (page.next) record.position = page.next;
      else {
        delete record.position;
        record.doneAt = now().toISOString();
      }
      // Refused only when another run finished the step meanwhile: it is done all the same.
      const saved = await saveMigrationRecord(record);
      logger.info('migration page', { migration: step.id, pages: record.pages, read: record.read, changed: record.changed, done: !page.next });
      if (!page.next || !saved) {
        state = 'done';
        break;
      }
    }
    steps.push({ id: step.id, state, pages: record.pages, read: record.read, changed: record.changed });
    if (state === 'unfinished') {
      logger.warn('migration out of time', { migration: step.id, pages: record.pages });
      return { complete: false, steps };
    }
  }
  return { complete: true, steps };
}
