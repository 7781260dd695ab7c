import { isOpen, mergeRepeat, recordRepeat, type Case } from '../domain/case.ts';
import { canSee } from '../domain/lifecycle.ts';
import { conflict } from '../domain/problem.ts';
import { requireOfficeStaff, requireRole, type Staff } from '../domain/staff.ts';
import { now } from '../shared/clock.ts';
import { retryWhileStale, STALE } from '../shared/retry.ts';
import { getCase, saveChange } from '../store/cases.ts';
import { findVisible } from './find-visible.ts';

// Counting the repeat can lose a race with another change to the open case; it then tries again.
const REPEAT_ATTEMPTS = 3;

/**
 * Staff of a petition office merge a possible repeat into the open case it
 * repeats: the repeat closes as merged, then the open case counts it.
 * Answers the open case.
 */
export async function mergePossibleRepeat(staff: Staff, id: string): Promise<Case> {
  requireRole(staff, 'merge a possible repeat', 'clerk', 'supervisor');
  requireOfficeStaff(staff, 'Merging a possible repeat');
  const repeat = await findVisible(id, getCase, (found) => canSee(staff, found), `There is no case ${id} in your unit's scope.`);
  if (!repeat.possibleRepeatOf || !isOpen(repeat.status)) throw conflict('The case is no open possible repeat: nothing to merge.');
  const openId = repeat.possibleRepeatOf;
  const open = await getCase(openId);
  if (!open || !canSee(staff, open) || !isOpen(open.status)) throw conflict('The case it may repeat is finished or outside your scope: it stays a case of its own.');
  const at = now();
  const merged = mergeRepeat(repeat, open, { now: at, actor: staff.sub });
  if ((await saveChange(repeat, merged)) !== 'saved') throw conflict('The case changed while you were acting on it: read it again and decide anew.');
  const exhausted = () => new Error(`case ${openId} kept changing while a merged repeat was counted`);
  return retryWhileStale(REPEAT_ATTEMPTS, exhausted, async () => {
    const current = (await getCase(openId)) as Case;
    const joined = recordRepeat(current, { now: at, channel: repeat.channel, actor: staff.sub, merged: repeat.id });
    return (await saveChange(current, joined)) === 'saved' ? joined.case : STALE;
  });
}
