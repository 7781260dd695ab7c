/**
 * The case's items and their codec: the case item (with its index keys: the
 * office worklist and the due index), its history entries, and its
 * department assignments (each an entry of that department's worklist).
 */
import { CASE_STATUSES, DUE_STAGES, isTaskOpen, legalDueAt, RUNGS, sideDues, type Case, type Due, type HistoryEntry } from '../domain/case.ts';
import {
  assignmentKey,
  caseKey,
  dueShardOf,
  officeWorklistKey,
  officeWorklistSort,
  ownedAssignmentKey,
  ownedKey,
  ownedOfficeKey,
  ownedUnitKey,
  sideDueKey,
  unitWorklistKey,
  unitWorklistSort,
} from './keys.ts';
import { numberAt, oneOfAt, stringAt, withoutKeys, type Item } from './item.ts';
import { WORKLIST_PROJECTION } from './schema.ts';

/**
 * The case item's attribute holding the history entries written with its
 * creation: one write fewer at intake. Later entries are items of their own.
 * Cases written before it kept their first entries as items too, and read the same.
 */
export const CREATION_HISTORY = 'creationHistory';

/** The region an office worklist files a case under: its office, or its own region before routing. */
const officeRegionOf = (subject: Case) => subject.office ?? subject.regionCode;

/** The case item: the case, its legal deadline, its office worklist entry and, while it has a due time, its due entry. */
export function caseItem(subject: Case): Item {
  const { due, ...fields } = subject;
  return {
    ...caseKey(subject.id),
    ...fields,
    deadline: legalDueAt(subject) ?? undefined,
    worklistKey: officeWorklistKey(officeRegionOf(subject), subject.status),
    worklistSort: officeWorklistSort(officeRegionOf(subject), subject.receivedAt, subject.id),
    // Only a case with a due time is in the (sparse) due index.
    ...(due && { dueShard: dueShardOf(subject.id), dueAt: due.at, dueStage: due.stage, dueRung: due.rung }),
  };
}

/** The case's side entries in the due index (see {@link sideDues}): its idle warning, its open co-handling tasks' clocks. */
export function sideDueItems(subject: Case): Item[] {
  return sideDues(subject).map((due) => ({
    ...sideDueKey(subject.id, due.stage, due.ref),
    dueShard: dueShardOf(subject.id),
    dueAt: due.at,
    dueStage: due.stage,
    version: subject.version,
  }));
}

/** Every item a case is written as when loaded in bulk: the case item, and its side due entries. */
export const caseItems = (subject: Case): Item[] => [caseItem(subject), ...sideDueItems(subject)];

/**
 * The case a case item holds. The fields the store itself keys and indexes
 * on are checked; the rest is the case as `caseItem` wrote it.
 */
export function caseOf(item: Item): Case {
  const { [CREATION_HISTORY]: _creation, dueShard: _shard, dueAt: _at, dueStage: _stage, dueRung: _rung, deadline: _deadline, worklistKey: _wk, worklistSort: _ws, ...fields } = withoutKeys(item);
  const due: Due | null =
    item.dueAt === undefined
      ? null
      : { at: stringAt(item, 'dueAt'), stage: oneOfAt(item, 'dueStage', DUE_STAGES), ...(item.dueRung !== undefined && { rung: oneOfAt(item, 'dueRung', RUNGS) }) };
  stringAt(item, 'id');
  oneOfAt(item, 'status', CASE_STATUSES);
  numberAt(item, 'version');
  const stored = fields as Omit<Case, 'due'>;
  // Cases written before receipts, returns, drafts, approved extensions, idle warnings, pauses, ownership and co-handling have none of them: their extension was granted at once.
  // Cases written before case numbers and urging have no number and were never urged.
  return {
    ...stored,
    idleAt: stored.idleAt ?? null,
    idleWarnings: stored.idleWarnings ?? 0,
    pauses: stored.pauses ?? [],
    caseNumber: stored.caseNumber ?? null,
    urgeCount: stored.urgeCount ?? 0,
    lastUrgedAt: stored.lastUrgedAt ?? null,
    coHandling: stored.coHandling ?? [],
    receipt: stored.receipt ?? null,
    returns: stored.returns ?? [],
    replyDraft: stored.replyDraft ?? null,
    ownership: stored.ownership ?? null,
    extension: stored.extension && { ...stored.extension, status: stored.extension.status ?? 'approved', decision: stored.extension.decision ?? null },
    due,
  };
}

/** The history entries a case item holds from its creation. */
export function creationHistoryOf(item: Item): HistoryEntry[] {
  const entries = item[CREATION_HISTORY];
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) throw new Error(`case item ${String(item.pk)}: ${CREATION_HISTORY} is not a list`);
  return entries as HistoryEntry[];
}

export function historyOf(item: Item): HistoryEntry {
  numberAt(item, 'version');
  stringAt(item, 'action');
  return withoutKeys(item) as unknown as HistoryEntry;
}

/** The departments a case is assigned to, each with an entry in its worklist: its lead and co-units, and the units of its open co-handling tasks. */
export const assignedUnits = (subject: Case): string[] => {
  const asked = subject.coHandling.filter(isTaskOpen).map((task) => task.unit);
  return [...new Set([subject.leadUnit, ...subject.coUnits, ...asked].filter((u): u is string => u !== null))];
};

/** A department's worklist entry of a case: the case's summary, as the worklist index projects it. */
export function assignmentItem(subject: Case, unit: string): Item {
  const entry = caseItem(subject);
  return {
    ...assignmentKey(subject.id, unit),
    ...Object.fromEntries(WORKLIST_PROJECTION.map((name) => [name, entry[name]])),
    worklistKey: unitWorklistKey(unit, subject.status),
    worklistSort: unitWorklistSort(subject.receivedAt, subject.id),
  };
}

/** An owned case's entries on the responsibility list (包案): its office's, and each assigned department's. */
export function ownedItems(subject: Case): Item[] {
  if (subject.ownership === null) return [];
  const entry = caseItem(subject);
  const projected = Object.fromEntries(WORKLIST_PROJECTION.map((name) => [name, entry[name]]));
  return [
    { ...ownedKey(subject.id), ...projected, worklistKey: ownedOfficeKey(officeRegionOf(subject), subject.status), worklistSort: entry.worklistSort },
    ...assignedUnits(subject).map((unit) => ({
      ...ownedAssignmentKey(subject.id, unit),
      ...projected,
      worklistKey: ownedUnitKey(unit, subject.status),
      worklistSort: unitWorklistSort(subject.receivedAt, subject.id),
    })),
  ];
}
