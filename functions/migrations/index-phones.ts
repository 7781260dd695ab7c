import { addPhoneEntry } from '../store/cases.ts';
import { openCasesCursor, pageOfOpenCases } from '../store/open-cases.ts';
import type { Migration } from './migration.ts';

/** Open cases read per page: each gets at most one conditional put. */
const PAGE_SIZE = 100;

const cursors = openCasesCursor('phone-index');

/**
 * The open cases taken in before access recovery existed get the entry that
 * finds them by their petitioner's mobile phone (its keyed hash): without
 * it, a petitioner who lost their code could not recover these cases.
 * Entries already there are left as they are.
 */
export const indexPhones: Migration = {
  id: '2026-12-03-index-phones',
  description: "the open cases' entries by their petitioner's mobile phone, for access recovery",
  async run(position) {
    const after = typeof position?.after === 'string' ? position.after : undefined;
    const page = await pageOfOpenCases(cursors, { ...(after !== undefined && { after }), limit: PAGE_SIZE });
    let changed = 0;
    for (const subject of page.cases) if (await addPhoneEntry(subject)) changed++;
    return { read: page.read, changed, ...(page.next !== undefined && { next: { after: page.next } }) };
  },
};
