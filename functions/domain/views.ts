/** What each reader sees of a case: the petitioner their progress, staff the whole case. */
import { legalDueAt, type Case, type CaseStatus, type HistoryEntry } from './case.ts';
import type { RegionLevel } from './regions.ts';

/** What a petitioner sees of their own case: no personal data, no internal notes. */
export interface Progress {
  id: string;
  /** The number to quote on the phone; `null` for a case taken in before 1.1. */
  caseNumber: string | null;
  status: CaseStatus;
  level: RegionLevel | null;
  dueAt: string | null;
  timeline: Array<{ at: string; event: string; note: string }>;
}

export function progressOf(subject: Case, history: HistoryEntry[]): Progress {
  return {
    id: subject.id,
    caseNumber: subject.caseNumber,
    status: subject.status,
    level: subject.level,
    dueAt: legalDueAt(subject),
    timeline: history
      .filter((entry) => entry.timeline !== undefined)
      .sort((a, b) => a.version - b.version)
      .map((entry) => ({ at: entry.at, event: entry.timeline!.event, note: entry.timeline!.note })),
  };
}

/** The whole case as staff see it: everything but the access-code hash and the matter fingerprint. */
export function caseView(subject: Case, history?: HistoryEntry[]) {
  const { accessCodeHash: _code, matterFingerprint: _matter, due: _due, ...fields } = subject;
  return {
    ...fields,
    dueAt: legalDueAt(subject),
    ...(history && {
      history: [...history].sort((a, b) => a.version - b.version).map(({ at, actor, action, detail }) => ({ at, actor, action, detail })),
    }),
  };
}
