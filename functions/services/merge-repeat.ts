import { isOpen, mergeRepeat, recordRepeat, type Case } from '../domain/case.ts';
import { canSee } from '../domain/lifecycle.ts';
import { conflict } from '../domain/problem.ts';
import { requireOfficeStaff, requireRole, type Staff } from '../domain/staff.ts';
import { now } from '../shared/clock.ts';
import { retryWhileStale, STALE } from '../shared/retry.ts';
import { getCase, saveChanges } from '../store/cases.ts';
import { findVisible } from './find-visible.ts';

// A merge that loses a race with another change to either case reads both again and decides anew.
const MERGE_ATTEMPTS = 3;

/**
 * Staff of a petition office merge a possible repeat into the open case it
 * repeats: in one transaction, the repeat closes as merged and the open case
 * counts it, each on condition of the version read. Of two concurrent
 * merges one wins; the other finds the repeat closed (409).
 * Answers the open case.
 */
export async function mergePossibleRepeat(staff: Staff, id: string): Promise<Case> {
  requireRole(staff, 'merge a possible repeat', 'clerk', 'supervisor');
  requireOfficeStaff(staff, 'Merging a possible repeat');
  const exhausted = () => new Error(`cases kept changing while ${id} was merged`);
  return retryWhileStale(MERGE_ATTEMPTS, exhausted, async () => {
    const repeat = await findVisible(id, getCase, (found) => canSee(staff, found), `There is no case ${id} in your unit's scope.`);
    if (!repeat.possibleRepeatOf || !isOpen(repeat.status)) throw conflict('The case is no open possible repeat: nothing to merge.');
    const open = await getCase(repeat.possibleRepeatOf);
    if (!open || !canSee(staff, open) || !isOpen(open.status)) throw conflict('The case it may repeat is finished or outside your scope: it stays a case of its own.');
    const at = now();
    const merged = mergeRepeat(repeat, open, { now: at, actor: staff.sub });
    const joined = recordRepeat(open, { now: at, channel: repeat.channel, actor: staff.sub, merged: repeat.id });
    const saved = await saveChanges([
      { before: repeat, change: merged },
      { before: open, change: joined },
    ]);
    return saved === 'saved' ? joined.case : STALE;
  });
}
