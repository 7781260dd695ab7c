import { resignByText } from '../services/group-by-text.ts';
import { openCasesCursor, pageOfOpenCases } from '../store/open-cases.ts';
import type { Migration } from './migration.ts';

/** Open cases read per page: each is signed again with its band items (up to 65 writes). */
const PAGE_SIZE = 25;

const cursors = openCasesCursor('matter-resign');

/**
 * The open cases' text signatures made again by this release's method
 * (sounds of character pairs, names beyond the township, the issue raised,
 * 64 bands of 2 rows): signatures and band keys of another method are not
 * comparable, so without it a new case would find none of the cases open
 * before the upgrade, and would join none of their groups. Groups are kept.
 */
export const resignMatters: Migration = {
  id: '2026-12-03-resign-matters',
  description: "the open cases' text signatures and band keys by the current similarity method",
  async run(position) {
    const after = typeof position?.after === 'string' ? position.after : undefined;
    const page = await pageOfOpenCases(cursors, { ...(after !== undefined && { after }), limit: PAGE_SIZE });
    let changed = 0;
    for (const subject of page.cases) if (await resignByText(subject)) changed++;
    return { read: page.read, changed, ...(page.next !== undefined && { next: { after: page.next } }) };
  },
};
