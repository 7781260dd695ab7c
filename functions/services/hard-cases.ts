/**
 * The hard-case lists (包案): the candidates for an owner, and the
 * responsibility list of the owned cases. Both read index entries (the
 * worklist's, the responsibility list's) and then the cases by key, as the
 * reports find their hard cases: never a scan.
 */
import { FINISHED_STATUSES, legalDueAt, OPEN_STATUSES, type Case } from '../domain/case.ts';
import { isHardCaseCandidate, responsibilityOf } from '../domain/hard-cases.ts';
import { hardCase } from '../domain/reports.ts';
import { getCaseWithHistory } from '../store/cases.ts';
import { getCases } from '../store/get-cases.ts';
import { listWorklist, type WorklistScope } from '../store/worklist.ts';

/** Worklist pages read at most per request for the candidates: a page may come back short, with its cursor. */
const MAX_PAGES = 5;

interface Paging {
  limit: number;
  cursor?: string | undefined;
  now: string;
}

/** A candidate as listed: the case as the reports show a hard case, its deadline, and its owner if it has one. */
function candidateOf(subject: Case, now: string) {
  return {
    ...hardCase(subject, now),
    office: subject.office,
    deadline: legalDueAt(subject),
    owner: subject.ownership?.leader ?? null,
    targetDate: subject.ownership?.targetDate ?? null,
  };
}

/** A page of the open cases of a scope that are hard-case candidates: open longer than `hardCaseAfter` (ms) or escalated twice or more. */
export async function hardCaseCandidates(scope: WorklistScope, { limit, cursor, now, hardCaseAfter }: Paging & { hardCaseAfter: number }) {
  const items: Array<ReturnType<typeof candidateOf>> = [];
  let next = cursor ?? null;
  for (let pages = 0; pages === 0 || (next !== null && items.length < limit && pages < MAX_PAGES); pages++) {
    const page = await listWorklist(scope, { statuses: OPEN_STATUSES, limit: limit - items.length, list: 'hard-case-candidates', ...(next !== null && { cursor: next }) });
    const cases = new Map((await getCases(page.items.map((entry) => entry.id))).map((found) => [found.id, found]));
    for (const entry of page.items) {
      const found = cases.get(entry.id);
      if (found && isHardCaseCandidate(found, now, hardCaseAfter)) items.push(candidateOf(found, now));
    }
    next = page.nextCursor;
  }
  return { items, nextCursor: next };
}

/** A page of a scope's responsibility list: the owned cases, open first, each with its plan, target, progress and whether the target is kept. */
export async function responsibilityList(scope: WorklistScope, { limit, cursor, now }: Paging) {
  const page = await listWorklist(scope, { statuses: [...OPEN_STATUSES, ...FINISHED_STATUSES], limit, list: 'owned-cases', ...(cursor !== undefined && { cursor }) });
  const found = await Promise.all(page.items.map((entry) => getCaseWithHistory(entry.id)));
  const items = found.flatMap((owned) => (owned?.case.ownership ? [responsibilityOf(owned.case, owned.case.ownership, owned.history, now)] : []));
  return { items, nextCursor: page.nextCursor };
}
