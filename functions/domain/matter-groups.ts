/**
 * Matter groups (举一反三): the open cases of different petitioners that are
 * one matter, found by their text (./matter-candidates.ts), corrected by
 * staff, and answered once. Plain rules, without the segmenter (so that only
 * routing's bundle carries it); the store keeps the groups
 * (functions/store/matter-groups.ts). docs/MATTERS.md explains.
 */
import type { Case } from './case.ts';
import { MS_PER_DAY } from './duration.ts';
import { isRegionWithin } from './units.ts';
import * as z from './zod.ts';

/** The policy of grouping: how alike two texts must be, and how far back a new case looks. */
export interface GroupingPolicy {
  /** The least estimated Jaccard similarity that puts a case in a candidate's group. */
  threshold: number;
  /** Candidates are cases received at most this long before the new one. */
  windowMs: number;
  /** Each band-key lookup reads the newest this many items: bounds what a new case reads. */
  perKey: number;
  /** Of the candidates the lookups return, a new case reads the signatures of at most this many, those under most of its keys first (`mostShared`). */
  candidates: number;
}

/**
 * As measured on the evaluation set (docs/MATTERS.md): at 64 bands of 2 rows
 * `sameMatter`'s rules keep unrelated texts apart, and 0.2 keeps pairs that
 * share a name and little else. 3 items a key and 8 signatures read the same
 * at 10,000 and 100,000 open cases (within 4%); 4 a key kept filling keys
 * between the two.
 */
export const GROUPING_POLICY: Readonly<GroupingPolicy> = Object.freeze({ threshold: 0.2, windowMs: 90 * MS_PER_DAY, perKey: 3, candidates: 8 });

/**
 * The candidates worth reading, of the case ids a new case's band-key lookups
 * returned (one list a key, newest first): those under most of its keys
 * first, since texts of Jaccard similarity J share each band with
 * probability J², so a true match shares many (at J = 0.3 about 6 of 64) and
 * an accidental collision one or two; among equals, the one nearest the head
 * of a list (the newest), then by id. At most `most`, so what the new case
 * reads of its candidates stops growing once that many share a key with it.
 */
export function mostShared(found: readonly (readonly string[])[], most: number): string[] {
  const shared = new Map<string, { keys: number; newest: number }>();
  for (const ids of found) {
    for (const [position, id] of ids.entries()) {
      const seen = shared.get(id);
      shared.set(id, { keys: (seen?.keys ?? 0) + 1, newest: Math.min(seen?.newest ?? position, position) });
    }
  }
  return [...shared]
    .sort(([a, x], [b, y]) => y.keys - x.keys || x.newest - y.newest || a.localeCompare(b))
    .slice(0, most)
    .map(([id]) => id);
}

/** Where a case may find its candidates: other cases of its county and category. */
export function partitionOf(subject: Pick<Case, 'regionCode' | 'category'>): { county: string; category: string } {
  return { county: subject.regionCode.slice(0, 6), category: subject.category };
}

/** A matter group as the store keeps it. */
export interface MatterGroup {
  id: string;
  /** The county whose cases it gathers (6 digits). */
  county: string;
  /** The region of the case that started it: the group's place in hotspots and lists. */
  regionCode: string;
  category: string;
  /** The first member's title, as the group is named to staff. */
  title: string;
  size: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
  /** Every change adds one; every write is conditional on it. */
  version: number;
}

/** The group one member larger: a case received at `receivedAt` joined it. */
export function withMember(group: MatterGroup, receivedAt: string): MatterGroup {
  const first = group.firstReceivedAt < receivedAt ? group.firstReceivedAt : receivedAt;
  const last = group.lastReceivedAt > receivedAt ? group.lastReceivedAt : receivedAt;
  return { ...group, size: group.size + 1, firstReceivedAt: first, lastReceivedAt: last, version: group.version + 1 };
}

/** A group's id: the case that started it, so that a redelivered routing message names the same group. */
export const groupIdOf = (foundingCaseId: string): string => `MG-${foundingCaseId}`;

/** What staff see of a group: its members in their scope only. */
export function groupView(group: MatterGroup, members: readonly string[]) {
  const { county: _county, version: _version, ...fields } = group;
  return { ...fields, members };
}

export const memberSchema = z.strictObject({ caseId: z.string().check(z.minLength(1), z.maxLength(100)) });

/** The members the group reply could not answer, and why: each a case of its own, answered by its own rules. */
export interface Unanswered {
  caseId: string;
  reason: string;
}

/** A matter as hotspots and reports name it: what a leader's visit might settle at once. */
export interface MatterSummary {
  id: string;
  title: string;
  category: string;
  size: number;
  regionCode: string;
}

/** The `count` largest of `groups` (largest first) in a region and below. */
export function largestMatters(groups: readonly MatterGroup[], regionCode: string, count: number): MatterSummary[] {
  return groups
    .filter((group) => isRegionWithin(group.regionCode, regionCode))
    .toSorted((a, b) => b.size - a.size || a.id.localeCompare(b.id))
    .slice(0, count)
    .map(({ id, title, category, size, regionCode: where }) => ({ id, title, category, size, regionCode: where }));
}
