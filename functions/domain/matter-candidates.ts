/**
 * Which open cases a new case may join, by their text: the common words left
 * out of signatures, the candidates ranked by similarity, and who may be
 * joined. Routing's part of matter groups (./matter-groups.ts).
 */
import { isOpen, type Case } from './case.ts';
import type { Petitioner } from './intake.ts';
import { partitionOf, type GroupingPolicy } from './matter-groups.ts';
import { estimatedJaccard, sameMatter, type TextSignature } from './similarity.ts';

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

/** A candidate the band keys found, with its signature and the group it is in. */
export interface Candidate {
  caseId: string;
  signed: TextSignature;
  groupId: string | null;
}

/**
 * The candidates that are the same matter as a new case's text: the band
 * keys find some false ones, and `sameMatter` confirms. Those in a group
 * first, most similar first, then the others: a new case that confirms a
 * member of the matter's group joins it rather than found a second group of
 * the same matter with a case still alone.
 */
export function rankCandidates<Found extends Candidate>(signed: TextSignature, candidates: readonly Found[], { threshold }: Pick<GroupingPolicy, 'threshold'>): Found[] {
  return candidates
    .filter((candidate) => sameMatter(signed, candidate.signed, threshold))
    .map((candidate) => ({ candidate, score: estimatedJaccard(signed.signature, candidate.signed.signature) }))
    .sort((a, b) => Number(b.candidate.groupId !== null) - Number(a.candidate.groupId !== null) || b.score - a.score || a.candidate.caseId.localeCompare(b.candidate.caseId))
    .map(({ candidate }) => candidate);
}

/** The most similar confirmed candidates whose cases routing reads to check they may be joined: bounds the reads. */
export const CHECKED_CANDIDATES = 10;

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

