/**
 * Every data migration, in the order they run. A step is never removed,
 * renamed or reordered once released: deployed tables record it by id. To
 * add one, append it here (one line) and name it in CHANGELOG.md.
 */
import { createHash } from 'node:crypto';
import { loadCalendar } from './load-calendar.ts';
import { indexPhones } from './index-phones.ts';
import type { Migration } from './migration.ts';
import { rekeyMatters } from './rekey-matters.ts';
import { resignMatters } from './resign-matters.ts';

export const MIGRATIONS: readonly Migration[] = [rekeyMatters, loadCalendar, resignMatters, indexPhones];

/**
 * The steps' ids, hashed: the deploy's custom resource carries it, so a
 * release that adds a step updates the resource and the new step runs.
 */
export function migrationsVersion(migrations: readonly Migration[] = MIGRATIONS): string {
  return createHash('sha256')
    .update(migrations.map((step) => step.id).join('\n'))
    .digest('hex')
    .slice(0, 16);
}
