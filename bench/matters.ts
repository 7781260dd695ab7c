/**
 * Same matter, many petitioners: how well the text similarity groups the
 * labelled set, and what finding a new case's candidates costs as the open
 * cases grow. Prints
 *
 *     matters: precision=P recall=R items_read_10k=A items_read_100k=B
 *
 * Precision and recall are pairwise (of the pairs of petitions put in one
 * group, how many are one true matter; of the true pairs, how many were put
 * in one group), with each petition grouped, in arrival order, with its best
 * candidate found by band keys in its county and category, when their score
 * reaches the threshold. Items read per new case are the band-key lookups,
 * the index items they return and the candidates' signatures read, averaged
 * over the set's petitions as probes among 10,000 and 100,000 open cases of
 * the same county. Pure computation: no emulator. docs/MATTERS.md explains.
 */
import { commonWordsOf, estimatedJaccard, SIMILARITY, textSignature, type SimilarityParameters, type TextSignature } from '../functions/domain/similarity.ts';
import { budgetLine } from './budget.ts';
import { fillerPetitions, mattersSet, type LabelledPetition } from './matters-set.ts';

/** How the benchmark groups, until policy sets the threshold. */
export interface Grouping {
  /** The least estimated Jaccard similarity that joins a candidate's group. */
  threshold: number;
  /** A word in more than this share of a category's cases is common (`commonWordsOf`). */
  commonShare: number;
  parameters: SimilarityParameters;
}

export const GROUPING: Grouping = { threshold: 0.25, commonShare: 0.05, parameters: SIMILARITY };

/** The county's common words by category, from a sample of its cases (other fillers than the probes meet). */
function commonWordsByCategory(commonShare: number): Map<string, Set<string>> {
  const texts = new Map<string, string[]>();
  for (const { category, text } of fillerPetitions(20_000, 7)) texts.set(category, [...(texts.get(category) ?? []), text]);
  return new Map([...texts].map(([category, list]) => [category, commonWordsOf(list, commonShare)]));
}

interface Signed extends LabelledPetition {
  signed: TextSignature;
}

const indexKeys = ({ county, category, signed }: Signed) => signed.bandKeys.map((key) => `${county}#${category}#${key}`);

/** Groups the petitions in arrival order as routing would: answers each one's group. */
function group(petitions: Signed[], threshold: number): number[] {
  const index = new Map<string, number[]>();
  const groups: number[] = [];
  petitions.forEach((petition, i) => {
    const candidates = new Set(indexKeys(petition).flatMap((key) => index.get(key) ?? []));
    let best: { score: number; j: number } | undefined;
    for (const j of candidates) {
      const score = estimatedJaccard(petition.signed.signature, petitions[j]!.signed.signature);
      if (score >= threshold && (!best || score > best.score)) best = { score, j };
    }
    groups.push(best ? groups[best.j]! : i);
    for (const key of indexKeys(petition)) index.set(key, [...(index.get(key) ?? []), i]);
  });
  return groups;
}

/** Pairwise precision and recall of `groups` against the petitions' true matters. */
function pairwise(petitions: Signed[], groups: number[]): { precision: number; recall: number } {
  let grouped = 0;
  let correct = 0;
  let truePairs = 0;
  for (let i = 0; i < petitions.length; i++) {
    for (let j = i + 1; j < petitions.length; j++) {
      const same = petitions[i]!.matter === petitions[j]!.matter;
      const together = groups[i] === groups[j];
      if (together) grouped++;
      if (same) truePairs++;
      if (together && same) correct++;
    }
  }
  return { precision: grouped === 0 ? 1 : correct / grouped, recall: truePairs === 0 ? 1 : correct / truePairs };
}

/**
 * Items read per new case among `open` filler cases plus the set: for each of
 * the set's petitions that has band keys, its lookups, the items they return
 * (the other open cases under each key) and its distinct candidates' signatures.
 * Only the keys some probe looks up are counted, so the index need not be kept.
 * Answers the mean and the most, and how many fillers a probe would have joined.
 */
function itemsRead(set: Signed[], open: number, { threshold, parameters }: Grouping, sign: (petition: LabelledPetition) => Signed): { mean: number; most: number; fillerMatches: number } {
  const probes = set.filter((petition) => petition.signed.bandKeys.length > 0);
  const postings = new Map<string, number[]>();
  for (const [i, probe] of probes.entries()) for (const key of indexKeys(probe)) postings.set(key, [...(postings.get(key) ?? []), i]);
  const fillers: Signed[] = [];
  for (const filler of fillerPetitions(open)) {
    const signed = sign(filler);
    const keys = indexKeys(signed).filter((key) => postings.has(key));
    if (keys.length === 0) continue;
    for (const key of keys) postings.get(key)!.push(-1 - fillers.length);
    fillers.push(signed);
  }
  let total = 0;
  let most = 0;
  let fillerMatches = 0;
  for (const [i, probe] of probes.entries()) {
    const returned = indexKeys(probe).flatMap((key) => postings.get(key)!.filter((entry) => entry !== i));
    const candidates = new Set(returned);
    const read = parameters.bands + returned.length + candidates.size;
    total += read;
    most = Math.max(most, read);
    for (const entry of candidates) if (entry < 0 && estimatedJaccard(probe.signed.signature, fillers[-1 - entry]!.signed.signature) >= threshold) fillerMatches++;
  }
  return { mean: total / probes.length, most, fillerMatches };
}

export async function benchMatters(grouping = GROUPING): Promise<string[]> {
  const { threshold, commonShare, parameters } = grouping;
  const common = commonWordsByCategory(commonShare);
  const sign = (petition: LabelledPetition): Signed => ({ ...petition, signed: textSignature(petition.text, parameters, common.get(petition.category)) });
  const set = mattersSet().map(sign);
  const { precision, recall } = pairwise(set, group(set, threshold));
  const matters = new Set(set.map((petition) => petition.matter)).size;
  const short = set.filter((petition) => petition.signed.bandKeys.length === 0).length;
  console.error(`  set: ${set.length} petitions, ${matters} matters, ${short} too short to group; threshold ${threshold}, common share ${commonShare}, ${parameters.bands} bands × ${parameters.permutations / parameters.bands} rows`);
  const sizes = [10_000, 100_000];
  const reads = sizes.map((open) => {
    const started = performance.now();
    const result = itemsRead(set, open, grouping, sign);
    console.error(`  ${open} open: items read per new case mean ${result.mean.toFixed(1)}, most ${result.most}; fillers a probe would join: ${result.fillerMatches} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  });
  const [small, large] = reads as [(typeof reads)[0], (typeof reads)[0]];
  return [
    `matters: precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} items_read_10k=${small.mean.toFixed(1)} items_read_100k=${large.mean.toFixed(1)}`,
    budgetLine('matters', [
      { name: 'precision', value: precision, limit: { min: 0.9 } },
      { name: 'recall', value: recall, limit: { min: 0.8 } },
      { name: 'items_read_ratio', value: large.mean / small.mean, limit: { max: 1.05 } },
    ]),
  ];
}
