import { reindexCases as reindexPage } from '../store/cases.ts';
import type { Migration } from './migration.ts';

/**
 * Cases written before the worklist and due indexes had their keys (local
 * tables from before those indexes: the table gains the index at start, the
 * old cases did not) enter them. Entries of v0.1.0 already carry every key:
 * there this step reads each case once and writes nothing.
 */
export const reindexCases: Migration = {
  id: '2026-12-02-reindex-cases',
  description: 'every case entry carries the worklist and due index keys this version derives',
  run: (position) => reindexPage(position),
};
