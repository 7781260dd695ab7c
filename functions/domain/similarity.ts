/**
 * Similarity of petitions' text: forty people writing separately about one
 * factory's smell should be seen as one matter (举一反三). Petitions are short,
 * informal Chinese, so the text is normalised, cut into words, and compared as
 * sets of shingles (words, and pairs of characters as written and as
 * sounded) by MinHash. LSH band keys let a store find the candidates of a new
 * case by a fixed number of key lookups; the estimated Jaccard similarity of
 * two signatures, a shared name and one issue confirm them.
 * docs/MATTERS.md says why this method, its parameters and where it fails.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { Converter } from 'opencc-js/t2cn';
import { SOUNDS } from './sounds.ts';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords.ts';

export interface SimilarityParameters {
  /** MinHash hash functions: the signature's length. */
  permutations: number;
  /** LSH bands; each covers `permutations / bands` rows of the signature. */
  bands: number;
  /** Below this many distinct meaningful words a text has no band keys and is never grouped. */
  minWords: number;
  /** Seeds the hash functions: signatures are comparable only under one seed. */
  seed: number;
}

/**
 * As tried on the evaluation set of `bench/matters-set.ts` (docs/MATTERS.md
 * has the figures): 2 rows a band put the LSH's 50% point near a Jaccard
 * similarity of 0.1, so the band keys miss few pairs of one matter, and
 * `sameMatter`'s rules keep out what they bring in; 4 rows missed half of
 * them. Another value here needs the re-signing migration.
 */
export const SIMILARITY: SimilarityParameters = { permutations: 128, bands: 64, minWords: 2, seed: 0x5eed_2026 };

// Standard traditional, then Hong Kong's and Taiwan's variant forms: each converter
// alone leaves some of the other's (衞, 睡不著).
const fromHongKong = Converter({ from: 'hk', to: 'cn' });
const fromTaiwan = Converter({ from: 'tw', to: 'cn' });

/**
 * The text as it is compared: simplified characters (traditional and its
 * regional variants converted), full-width forms half-width (NFKC), Latin
 * lower-case, and every run of punctuation, symbols or whitespace one space,
 * so that no word or bigram spans a clause boundary.
 */
export function normalise(text: string): string {
  return fromTaiwan(fromHongKong(text.normalize('NFKC')))
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\p{C}\s]+/gu, ' ')
    .trim();
}

// Function words (stopwords-iso's Chinese and English lists, generated: lib/stopwords.ts), and the courtesies and asks every
// petition carries: shared by unrelated petitions, they would only make them alike.
const PETITION_COURTESIES = [
  '领导', '领导们', '你好', '您好', '希望', '政府', '有关部门', '相关部门', '部门', '反映', '问题', '情况', '解决', '处理', '帮忙',
  '帮助', '谢谢', '感谢', '麻烦', '一下', '尽快', '赶紧', '管管', '管一管', '没人管', '关注', '重视', '恳请', '请求', '老百姓', '群众',
  '现在', '已经', '一直', '真的', '实在', '非常', '特别', '严重', '事情', '这事', '投诉', '举报', '打过', '12345', '没用', '没有用',
];
// English function words too: petitions mix in English sentences (the smell is terrible).
const STOPWORDS = new Set([...CHINESE_STOPWORDS, ...ENGLISH_STOPWORDS, ...PETITION_COURTESIES]);

const NO_WORDS: ReadonlySet<string> = new Set();

let segmenter: Jieba | undefined;
// Loading the dictionary takes about half a second: only when the first text is cut.
const jieba = () => (segmenter ??= Jieba.withDict(dict));

const BUILDING = /^\d+(幢|栋|号楼)$/;
// How long or how many (两个月, 好几次, 10点): a detail any matter's petitioners give, not its name.
const QUANTITY = /^[\d一二两三四五六七八九十百千万半几好多]+[个]?(年|月|天|日|周|次|点|回|号)?$/;

/** Joins a number to the building word after it ("3", "幢" → "3幢"): a building is named by both. */
function joinBuildings(words: string[]): string[] {
  return words.reduce<string[]>((joined, word) => {
    const last = joined.at(-1);
    if (last !== undefined && /^\d+$/.test(last) && BUILDING.test(`${last}${word}`)) joined[joined.length - 1] = `${last}${word}`;
    else joined.push(word);
    return joined;
  }, []);
}

/**
 * The meaningful words of a normalised text, clause by clause: jieba's cut
 * (with its HMM, which finds names not in the dictionary, such as a firm's),
 * numbered buildings as one word, less function words, courtesies and
 * quantities.
 */
export function wordsOf(normalised: string): string[][] {
  return normalised
    .split(' ')
    .filter((clause) => clause.length > 0)
    .map((clause) => joinBuildings(jieba().cut(clause, true)).filter((word) => !STOPWORDS.has(word) && (BUILDING.test(word) || !QUANTITY.test(word))));
}

/**
 * The words found in more than `share` of `texts`: in one county and
 * category, what every petition of the kind says (臭气 and 排放 among
 * environment cases, 拖欠 and 工资 among labour cases). Left in, they make two
 * factories' smells alike; taken out, what remains is mostly what names the
 * matter: the firm, the place, the particular complaint. Computed from a
 * sample of the partition's cases large enough that no one matter's own
 * name reaches `share`.
 */
export function commonWordsOf(texts: readonly string[], share: number): Set<string> {
  const documents = new Map<string, number>();
  for (const text of texts) for (const word of new Set(wordsOf(normalise(text)).flat())) documents.set(word, (documents.get(word) ?? 0) + 1);
  return new Set([...documents].filter(([, count]) => count > share * texts.length).map(([word]) => word));
}

const HAN_RUN = /\p{Script=Han}{2,}/gu;

let sounds: Map<string, string> | undefined;
/**
 * A character's toneless pinyin in its most common reading (./sounds.ts,
 * GB 2312), or the character itself when it is not there. One reading per
 * character, not the reading in context: both texts of a pair are read alike.
 */
function soundOf(character: string): string {
  sounds ??= new Map(SOUNDS.split('|').flatMap((entry) => {
    const [sound, characters] = entry.split(' ') as [string, string];
    return [...characters].map((each) => [each, sound] as const);
  }));
  return sounds.get(character) ?? character;
}

/**
 * The pairs of adjacent Han characters of a clause's words, each with its
 * toneless pinyin: a slip of the input method writes a name with another
 * character of the same sound (鑫达 → 新达, 噪音 → 燥音), which the pinyin of
 * the pair still matches. Joined over the words, so that a name jieba cut in
 * two (新/达) is one pair again.
 */
function bigramsOf(words: readonly string[]): Array<{ characters: string; sound: string }> {
  const pairs: Array<{ characters: string; sound: string }> = [];
  for (const [run] of words.join('').matchAll(HAN_RUN)) {
    const characters = [...run];
    for (let i = 1; i < characters.length; i++) pairs.push({ characters: `${characters[i - 1]}${characters[i]}`, sound: `${soundOf(characters[i - 1]!)}${soundOf(characters[i]!)}` });
  }
  return pairs;
}

/**
 * The shingles compared: each word, and each pair of adjacent Han characters
 * within a clause once function words are gone, written and sounded. Words
 * carry the matter's names; pairs survive a different cut, a typo or a
 * homophone in one character of a longer word. Latin words (KTV, a brand)
 * count as words only.
 */
export function shinglesOf(clauses: string[][]): Set<string> {
  const shingles = new Set<string>();
  for (const words of clauses) {
    for (const word of words) shingles.add(`w:${word}`);
    for (const { characters, sound } of bigramsOf(words)) shingles.add(`c:${characters}`).add(`p:${sound}`);
  }
  return shingles;
}

// A township or street named before what the petition is about (白马镇, 浦阳街道), which jieba
// may cut as 白马/镇 or 白马/镇鑫达: a place where many matters are, not a matter.
const TOWNSHIP = /\p{Script=Han}{2} ?(?:镇|乡|街道)/gu;

/**
 * What a text says the matter is, beyond where it is: the sounds of the
 * character pairs of its distinctive words once township names are out, and
 * its Latin words. Two petitions about the same town's different factories
 * share the town and little else; two about one factory share its name.
 */
function namesOf(clauses: string[][], common: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const words of clauses) {
    const named = words.join(' ').replace(TOWNSHIP, ' ').split(' ').filter((word) => word.length > 0 && !common.has(word));
    for (const word of named) if (/^[\p{Script=Latin}\d]+$/u.test(word) && !/^\d+$/.test(word)) names.add(`w:${word}`);
    for (const { sound } of bigramsOf(named)) names.add(`p:${sound}`);
  }
  return names;
}

/**
 * The issues petitions raise about one subject that are different matters
 * (a firm's unpaid wages and its unpaid social insurance go to other offices
 * and get other answers), each by the words that raise it. The words are
 * common in their category, so the signature leaves them out and the firm's
 * name alone would join the two. Matched by sound, so a slip (工姿, 社宝)
 * still raises its issue. A text that raises several is about the first:
 * one on social insurance says where the money came from (工资里扣了钱却没缴社保),
 * one on wages rarely names social insurance.
 */
export const ISSUES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  socialInsurance: ['社保', '养老保险', '医保', '五险', '工伤保险', '断缴', '公积金', '缴费'],
  wages: ['工资', '工钱', '欠薪', '薪水', '血汗钱', '结清', '包工头', '讨薪'],
});

const soundsOf = (text: string): string[] => [...text.matchAll(HAN_RUN)].flatMap(([run]) => [...run].map(soundOf));
const ISSUE_SOUNDS = Object.entries(ISSUES).map(([issue, words]) => ({ issue, sounds: words.map((word) => soundsOf(word).join(' ')) }));

/** The first issue (`ISSUES`) a normalised text raises, found by the sound of its words. */
function issueOf(normalised: string): string | null {
  const sounds = ` ${normalised.split(' ').map((clause) => soundsOf(clause).join(' ')).join(' | ')} `;
  return ISSUE_SOUNDS.find(({ sounds: words }) => words.some((word) => sounds.includes(` ${word} `)))?.issue ?? null;
}

/** MurmurHash3's finaliser: a bijection on 32 bits with full avalanche, so seeded with xor it is one hash function. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85eb_ca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2_ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over the UTF-16 code units, mixed: a shingle's 32-bit base hash. */
function hashOf(shingle: string): number {
  let h = 0x811c_9dc5;
  for (let i = 0; i < shingle.length; i++) h = Math.imul(h ^ shingle.charCodeAt(i), 0x0100_0193);
  return mix32(h);
}

/**
 * The MinHash signature: for each of `permutations` seeded hash functions, the
 * least hash over the shingles. Two signatures agree at a position with
 * probability equal to the Jaccard similarity of the shingle sets. The same
 * shingles and parameters always give the same signature (a store can keep it).
 */
export function minHash(shingles: Iterable<string>, { permutations, seed }: Pick<SimilarityParameters, 'permutations' | 'seed'> = SIMILARITY): number[] {
  const seeds = Array.from({ length: permutations }, (_, i) => mix32(seed + Math.imul(i + 1, 0x9e37_79b9)));
  const signature = new Array<number>(permutations).fill(0xffff_ffff);
  for (const shingle of shingles) {
    const base = hashOf(shingle);
    for (let i = 0; i < permutations; i++) {
      const h = mix32(base ^ seeds[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/**
 * The LSH band keys: the signature cut into `bands` bands, each written as
 * `<band>#<its rows in hex>`. Two texts share a band key with probability
 * 1 − (1 − J^rows)^bands for Jaccard similarity J: likely above the curve's
 * midpoint, rare below. Always `bands` keys, so a new case costs the same
 * lookups however many cases are open.
 */
export function bandKeysOf(signature: readonly number[], bands: number = SIMILARITY.bands): string[] {
  const rows = signature.length / bands;
  if (!Number.isInteger(rows)) throw new Error(`${signature.length} permutations do not split into ${bands} bands`);
  return Array.from({ length: bands }, (_, band) => {
    const values = signature.slice(band * rows, (band + 1) * rows).map((value) => value.toString(16).padStart(8, '0'));
    return `${String(band).padStart(2, '0')}#${values.join('')}`;
  });
}

/** The share of positions where two signatures agree: an unbiased estimate of the shingles' Jaccard similarity. */
export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error('signatures of different lengths are not comparable');
  let agree = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) agree++;
  return agree / a.length;
}

/** What the store keeps of a case's text for grouping: no words, only hashes. */
export interface TextSignature {
  /** Distinct meaningful words: how much the text says. */
  words: number;
  /** Of those, the words not common in the partition: what the signature is made of. */
  distinctive: number;
  /** Hashes of the numbered buildings the text names (3幢, 5号楼). */
  buildings: string[];
  /** Hashes of what it names beyond its township (`namesOf`): two texts must share one. */
  names: string[];
  /** The issue it raises (`ISSUES`), if any: two texts that raise one must raise the same. */
  issue: string | null;
  signature: number[];
  /** Empty when the text is too short to be grouped. */
  bandKeys: string[];
}

/**
 * A case's text, ready for grouping: the signature of its words less its
 * partition's `common` ones (all signatures compared must be made with the
 * same set). A text with fewer than `minWords` distinct meaningful words
 * ("太臭了", "工资没发") says too little to tell one matter from another, and
 * one with nothing but common words or its township names nothing
 * ("天天排放臭气", "白马镇又在排放臭气"): neither gets band keys, so it is never
 * anyone's candidate, and `sameMatter` never joins it.
 */
export function textSignature(text: string, parameters: SimilarityParameters = SIMILARITY, common: ReadonlySet<string> = NO_WORDS): TextSignature {
  const normalised = normalise(text);
  const clauses = wordsOf(normalised);
  const distinctiveClauses = clauses.map((words) => words.filter((word) => !common.has(word)));
  const words = new Set(clauses.flat()).size;
  const distinctive = new Set(distinctiveClauses.flat()).size;
  const signature = minHash(shinglesOf(distinctiveClauses), parameters);
  const names = [...namesOf(clauses, common)].map((name) => hashOf(name).toString(16));
  const grouped = words >= parameters.minWords && distinctive > 0 && names.length > 0;
  const buildings = [...new Set(clauses.flat().filter((word) => BUILDING.test(word)))].map((word) => hashOf(word).toString(16));
  return { words, distinctive, buildings, names, issue: issueOf(normalised), signature, bandKeys: grouped ? bandKeysOf(signature, parameters.bands) : [] };
}

/**
 * Whether two texts are one matter: both can be grouped, they share what
 * names the matter beyond its township (two factories of one town share
 * the town's name and the kind's words only), they do not raise different
 * issues (`ISSUES`), they do not name different buildings (the roofs of 3幢 and 7幢 of one estate are two repairs, though
 * told in the same words), and the estimated similarity is at least
 * `threshold` (a policy value). Confirms the candidates the band keys found
 * (LSH only proposes), which include some false ones.
 */
export function sameMatter(a: TextSignature, b: TextSignature, threshold: number): boolean {
  const otherBuildings = a.buildings.length > 0 && b.buildings.length > 0 && !a.buildings.some((building) => b.buildings.includes(building));
  const otherIssues = a.issue !== null && b.issue !== null && a.issue !== b.issue;
  const sharedName = a.names.some((name) => b.names.includes(name));
  return a.bandKeys.length > 0 && b.bandKeys.length > 0 && sharedName && !otherIssues && !otherBuildings && estimatedJaccard(a.signature, b.signature) >= threshold;
}
