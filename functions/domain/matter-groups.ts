/**
 * Matter groups (举一反三): the open cases of different petitioners that are
 * one matter, found by their text (./similarity.ts), corrected by staff, and
 * answered once. Plain rules; the store keeps the groups
 * (functions/store/matter-groups.ts). docs/MATTERS.md explains.
 */
import { isOpen, type Case } from './case.ts';
import { MS_PER_DAY } from './duration.ts';
import type { Petitioner } from './intake.ts';
import { estimatedJaccard, sameMatter, type TextSignature } from './similarity.ts';
import * as z from './zod.ts';

/** The policy of grouping: how alike two texts must be, and how far back a new case looks. */
export interface GroupingPolicy {
  /** The least estimated Jaccard similarity that puts a case in a candidate's group. */
  threshold: number;
  /** Candidates are cases received at most this long before the new one. */
  windowMs: number;
  /** Each band-key lookup reads the newest this many items: bounds what a new case reads. */
  perKey: number;
}

/** As measured on the evaluation set (docs/MATTERS.md). */
export const GROUPING_POLICY: Readonly<GroupingPolicy> = Object.freeze({ threshold: 0.25, windowMs: 90 * MS_PER_DAY, perKey: 4 });

/**
 * The words every petition of a category says, which name no particular
 * matter (臭气 among environment cases, 工资 among labour ones): left out of
 * the signature so that two factories' smells do not look alike. A fixed list
 * until a scheduled job computes each county's from its cases
 * (`commonWordsOf`); signatures are comparable only under one list.
 */
export const COMMON_WORDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  environment: ['臭气', '排放', '天天', '气味', '臭味', '刺鼻', '废气', '晚上', '偷偷', '开窗', '熏', '头疼', '空气', '怪味', '烟囱', '冒', '黑烟', '飘', '整个', '想吐', '闻着', '污水', '河里', '排到', '直接', '化工厂', '工厂', '厂'],
  labour: ['拖欠', '工资', '农民工', '工钱', '欠', '包工头', '跑', '年底', '结清', '血汗钱', '欠薪', '社保', '缴', '交', '养老保险', '医保卡', '公司'],
  transport: ['路', '公路', '坑坑洼洼', '下雨', '积水', '修'],
});

/** Where a case may find its candidates: other cases of its county and category. */
export function partitionOf(subject: Pick<Case, 'regionCode' | 'category'>): { county: string; category: string } {
  return { county: subject.regionCode.slice(0, 6), category: subject.category };
}

/** A candidate the band keys found, with its signature. */
export interface Candidate {
  caseId: string;
  signed: TextSignature;
}

/**
 * The candidates that are the same matter as a new case's text, most similar
 * first: the band keys find some false ones, and `sameMatter` confirms.
 */
export function rankCandidates<Found extends Candidate>(signed: TextSignature, candidates: readonly Found[], { threshold }: Pick<GroupingPolicy, 'threshold'>): Found[] {
  return candidates
    .filter((candidate) => sameMatter(signed, candidate.signed, threshold))
    .map((candidate) => ({ candidate, score: estimatedJaccard(signed.signature, candidate.signed.signature) }))
    .sort((a, b) => b.score - a.score || a.candidate.caseId.localeCompare(b.candidate.caseId))
    .map(({ candidate }) => candidate);
}

/**
 * Whether a new case may join a candidate's group: the candidate is still
 * open, of the same county and category, and another petitioner's (one
 * petitioner's own repeats are joined by the matter fingerprint, not here).
 */
export function mayJoin(subject: Case, candidate: Case): boolean {
  const reach = (petitioner: Petitioner) => [petitioner.phone, petitioner.idNumber].filter((value) => value !== undefined);
  const subjects = new Set(subject.petitioners.flatMap(reach));
  const samePartition = partitionOf(subject).county === partitionOf(candidate).county && subject.category === candidate.category;
  return isOpen(candidate.status) && samePartition && !candidate.petitioners.flatMap(reach).some((value) => subjects.has(value));
}

/** The common words of a category, as a set for `textSignature`. */
export function commonWordsFor(category: string): ReadonlySet<string> {
  return new Set(COMMON_WORDS[category] ?? []);
}

/** The text a case is compared by: its title and content, two clauses. */
export const textOf = (subject: Pick<Case, 'title' | 'content'>): string => `${subject.title}\n${subject.content}`;

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
