import { addPhoneEntry } from '../store/cases.ts';
import { openCasesMigration } from './open-cases-migration.ts';

/**
 * The open cases taken in before access recovery existed get the entry that
 * finds them by their petitioner's mobile phone (its keyed hash): without
 * it, a petitioner who lost their code could not recover these cases.
 * Entries already there are left as they are.
 */
export const indexPhones = openCasesMigration({
  id: '2026-12-03-index-phones',
  description: "the open cases' entries by their petitioner's mobile phone, for access recovery",
  cursor: 'phone-index',
  // Each case gets at most one conditional put.
  pageSize: 100,
  visit: addPhoneEntry,
});
