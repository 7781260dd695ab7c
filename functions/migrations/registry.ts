/**
 * Every data migration, in the order they run. A step is never removed,
 * renamed or reordered once released: deployed tables record it by id. To
 * add one, append it here (one line) and name it in CHANGELOG.md.
 */
import type { Migration } from './migration.ts';
import { reindexCases } from './reindex-cases.ts';

export const MIGRATIONS: readonly Migration[] = [reindexCases];
