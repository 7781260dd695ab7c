/**
 * Same matter, many petitioners: how well the text similarity groups the
 * labelled set, and what finding a new case's candidates costs as the open
 * cases grow. Prints
 *
 *     matters: precision=P recall=R items_read_10k=A items_read_100k=B
 *
 * Precision and recall are pairwise (of the pairs of petitions put in one
 * group, how many are one true matter; of the true pairs, how many were put
 * in one group), with each petition grouped, in arrival order, with the
 * first of its candidates by `rankCandidates` (found by band keys in its
 * county and category, the newest few items a key, confirmed by
 * `sameMatter`); on stderr, the same with the set spread through 10,000
 * unrelated open cases, which precision on the set alone does not see. Items read per new case are
 * the band-key lookups, the index items they return and the candidates'
 * signatures read, averaged over the set's petitions as probes among 10,000
 * and 100,000 open cases of the same county. Pure computation: no emulator.
 * docs/MATTERS.md explains.
 */
import { commonWordsOf, sameMatter, SIMILARITY, textSignature, type SimilarityParameters, type TextSignature } from '../functions/domain/similarity.ts';
import { CHECKED_CANDIDATES, rankCandidates } from '../functions/domain/matter-candidates.ts';
import { GROUPING_POLICY, mostShared } from '../functions/domain/matter-groups.ts';
import { budgetLine } from './budget.ts';
import { fillerPetitions, mattersSet, type LabelledPetition } from './matters-set.ts';

/** How the benchmark groups: routing's policy, and a county's common words computed from its cases. */
export interface Grouping {
  /** The least estimated Jaccard similarity that joins a candidate's group. */
  threshold: number;
  /** A word in more than this share of a category's cases is common (`commonWordsOf`). */
  commonShare: number;
  /** Each band-key lookup reads the newest this many items (a query's Limit). */
  perKey: number;
  /** The most candidates whose signatures a new case reads, those under most of its keys first (`mostShared`). */
  candidates: number;
  parameters: SimilarityParameters;
}

export const GROUPING: Grouping = { threshold: GROUPING_POLICY.threshold, commonShare: 0.05, perKey: GROUPING_POLICY.perKey, candidates: GROUPING_POLICY.candidates, parameters: SIMILARITY };

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
/** What a lookup returns of a key's entries (in arrival order): the newest `perKey`, newest first, as ids. */
const newest = (entries: readonly number[], perKey: number): string[] => entries.slice(-perKey).reverse().map(String);

/** Groups the petitions in arrival order as routing would (`rankCandidates`' first): answers each one's group. */
function group(petitions: Signed[], { threshold, perKey, candidates: most }: Grouping): number[] {
  const index = new Map<string, number[]>();
  const groups: number[] = [];
  const sizes = new Map<number, number>();
  petitions.forEach((petition, i) => {
    const found = mostShared(indexKeys(petition).map((key) => newest(index.get(key) ?? [], perKey)), most).map(Number);
    const candidates = found.map((j) => ({ caseId: String(j), signed: petitions[j]!.signed, groupId: sizes.get(groups[j]!)! > 1 ? String(groups[j]) : null }));
    const ranked = rankCandidates(petition.signed, candidates, { threshold }).slice(0, CHECKED_CANDIDATES);
    const [best] = ranked;
    const joined = best ? groups[Number(best.caseId)]! : i;
    groups.push(joined);
    sizes.set(joined, (sizes.get(joined) ?? 0) + 1);
    // As routing does: the confirmed candidates still alone come in with it.
    for (const { caseId, groupId } of ranked) {
      const j = Number(caseId);
      if (groupId !== null || groups[j] === joined) continue;
      sizes.set(groups[j]!, sizes.get(groups[j]!)! - 1);
      groups[j] = joined;
      sizes.set(joined, sizes.get(joined)! + 1);
    }
    for (const key of indexKeys(petition)) index.set(key, [...(index.get(key) ?? []), i]);
  });
  return groups;
}

/**
 * The set spread evenly through `open` filler petitions of the same county,
 * as they would arrive among the open cases of other matters: precision
 * measured on the set alone does not see the fillers it joins.
 */
function amongFillers(set: Signed[], open: number, sign: (petition: LabelledPetition) => Signed): Signed[] {
  const fillers = fillerPetitions(open).map(sign);
  const every = Math.floor(fillers.length / set.length);
  return fillers.flatMap((filler, i) => (i % every === 0 && i / every < set.length ? [set[i / every]!, filler] : [filler]));
}

/** Pairwise precision and recall of `groups` against the petitions' true matters, over the pairs with a `counted` petition. */
function pairwise(petitions: Signed[], groups: number[], counted: (petition: Signed) => boolean = () => true): { precision: number; recall: number } {
  let grouped = 0;
  let correct = 0;
  let truePairs = 0;
  for (let i = 0; i < petitions.length; i++) {
    for (let j = i + 1; j < petitions.length; j++) {
      if (!counted(petitions[i]!) && !counted(petitions[j]!)) continue;
      const same = petitions[i]!.matter === petitions[j]!.matter;
      const together = groups[i] === groups[j];
      if (together) grouped++;
      if (same) truePairs++;
      if (together && same) correct++;
    }
  }
  return { precision: grouped === 0 ? 1 : correct / grouped, recall: truePairs === 0 ? 1 : correct / truePairs };
}

/** What the lookups of one new case cost, and what they found. */
interface Reads {
  /** Mean items read per new case: lookups, items they return, signatures of the candidates sharing most keys. */
  mean: number;
  most: number;
  /** Mean signatures read of those, and of the distinct candidates the lookups returned. */
  signatures: number;
  returned: number;
  /** The same as `mean`, were every lookup to read all the items under its key and every candidate's signature read. */
  uncapped: number;
  /** Candidates from the fillers that `sameMatter` would join: wrong groupings the background causes. */
  fillerMatches: number;
  /** New cases whose capped reads miss every one of their true matches that reading all would find. */
  lost: number;
}

/**
 * Items read per new case among `open` filler cases of the same county plus
 * the set, for each of the set's petitions that has band keys, as if it
 * arrived last: as `findCandidates` reads, 64 lookups, the newest `perKey`
 * items of each, and the signatures of the `candidates` under most keys.
 * The fillers are the newest items under every key (the worst case for a
 * capped lookup). Only the keys some probe looks up are kept, so the index
 * itself need not be built.
 */
function itemsRead(set: Signed[], open: number, { threshold, perKey, candidates, parameters }: Grouping, sign: (petition: LabelledPetition) => Signed): Reads {
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
  const signedOf = (entry: number) => (entry < 0 ? fillers[-1 - entry]! : probes[entry]!).signed;
  const reads = { total: 0, signatures: 0, returned: 0, uncapped: 0, most: 0, fillerMatches: 0, lost: 0 };
  for (const [i, probe] of probes.entries()) {
    const all = indexKeys(probe).map((key) => postings.get(key)!.filter((entry) => entry !== i));
    const returned = all.map((entries) => newest(entries, perKey));
    const read = mostShared(returned, candidates).map(Number);
    const cost = parameters.bands + returned.flat().length + read.length;
    reads.total += cost;
    reads.returned += returned.flat().length;
    reads.signatures += read.length;
    reads.uncapped += parameters.bands + all.flat().length + new Set(all.flat()).size;
    reads.most = Math.max(reads.most, cost);
    const matches = (entries: Iterable<number>) => new Set([...entries].filter((entry) => sameMatter(probe.signed, signedOf(entry), threshold)));
    const found = matches(read);
    reads.fillerMatches += [...found].filter((entry) => entry < 0).length;
    const trueMatch = (entry: number) => entry >= 0 && probes[entry]!.matter === probe.matter;
    if ([...matches(new Set(all.flat()))].some(trueMatch) && ![...found].some(trueMatch)) reads.lost++;
  }
  const n = probes.length;
  return { mean: reads.total / n, most: reads.most, signatures: reads.signatures / n, returned: reads.returned / n, uncapped: reads.uncapped / n, fillerMatches: reads.fillerMatches, lost: reads.lost };
}

export async function benchMatters(grouping = GROUPING, sizes: [number, number] = [10_000, 100_000]): Promise<string[]> {
  const { threshold, commonShare, perKey, candidates, parameters } = grouping;
  const common = commonWordsByCategory(commonShare);
  const sign = (petition: LabelledPetition): Signed => ({ ...petition, signed: textSignature(petition.text, parameters, common.get(petition.category)) });
  const set = mattersSet().map(sign);
  const { precision, recall } = pairwise(set, group(set, grouping));
  const background = amongFillers(set, sizes[0], sign);
  const backgroundGroups = group(background, grouping);
  const withBackground = pairwise(background, backgroundGroups);
  const setWithBackground = pairwise(background, backgroundGroups, (petition) => !petition.matter.startsWith('filler:'));
  const matters = new Set(set.map((petition) => petition.matter)).size;
  const short = set.filter((petition) => petition.signed.bandKeys.length === 0).length;
  console.error(`  set: ${set.length} petitions, ${matters} matters, ${short} too short to group; threshold ${threshold}, common share ${commonShare}, ${parameters.bands} bands × ${parameters.permutations / parameters.bands} rows, ${perKey} items a lookup, ${candidates} signatures`);
  console.error(
    `  among ${sizes[0]} open fillers (the set spread through them, all grouped in arrival order): precision ${withBackground.precision.toFixed(3)}, recall ${withBackground.recall.toFixed(3)}; ` +
      `of the pairs with a petition of the set, precision ${setWithBackground.precision.toFixed(3)}, recall ${setWithBackground.recall.toFixed(3)}`,
  );
  const reads = sizes.map((open) => {
    const started = performance.now();
    const result = itemsRead(set, open, grouping, sign);
    console.error(
      `  ${open} open: items read per new case mean ${result.mean.toFixed(1)} (${parameters.bands} lookups, ${result.returned.toFixed(1)} items returned, ${result.signatures.toFixed(1)} signatures), most ${result.most} (reading every item under a key and every candidate: mean ${result.uncapped.toFixed(1)}); ` +
        `filler candidates joined: ${result.fillerMatches}; new cases whose capped reads lose all their true matches: ${result.lost} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
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
