import type { MigrationPosition } from '../store/migrations.ts';

/** What one page of a migration step did. */
export interface MigrationPage {
  /** Where the next page starts; absent when the step has nothing left. */
  next?: MigrationPosition;
  /** Entries read. */
  read: number;
  /** Entries written. */
  changed: number;
}

/**
 * One versioned data migration: a backfill of new attributes or index keys,
 * or a re-keying. `run` does one page from `position` (undefined on the first
 * page) and must be idempotent: a page cut short by a crash is run again.
 */
export interface Migration {
  /** Never reused nor renamed: the table records the step under it. Date first, so ids sort in release order. */
  id: string;
  description: string;
  run(position: MigrationPosition | undefined): Promise<MigrationPage>;
}
