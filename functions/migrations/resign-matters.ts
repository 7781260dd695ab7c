import { resignByText } from '../services/group-by-text.ts';
import { openCasesMigration } from './open-cases-migration.ts';

/**
 * The open cases' text signatures made again by this release's method
 * (sounds of character pairs, names beyond the township, the issue raised,
 * 64 bands of 2 rows): signatures and band keys of another method are not
 * comparable, so without it a new case would find none of the cases open
 * before the upgrade, and would join none of their groups. Groups are kept.
 */
export const resignMatters = openCasesMigration({
  id: '2026-12-03-resign-matters',
  description: "the open cases' text signatures and band keys by the current similarity method",
  cursor: 'matter-resign',
  // Each case is signed again with its band items (up to 65 writes).
  pageSize: 25,
  visit: resignByText,
});
