import { describe, expect, it } from 'vitest';
import { GROUPING_POLICY } from '../../functions/domain/matter-groups.ts';
import {
  bandKeysOf,
  commonWordsOf,
  estimatedJaccard,
  minHash,
  normalise,
  sameMatter,
  SIMILARITY,
  textSignature,
  wordsOf,
  type TextSignature,
} from '../../functions/domain/similarity.ts';

/** Routing's threshold, which the benchmark groups with too (bench/matters.ts). */
const THRESHOLD = GROUPING_POLICY.threshold;
const sharedBandKeys = (a: TextSignature, b: TextSignature) => a.bandKeys.filter((key) => b.bandKeys.includes(key)).length;
const score = (a: string, b: string, common?: Set<string>) => estimatedJaccard(textSignature(a, SIMILARITY, common).signature, textSignature(b, SIMILARITY, common).signature);

describe('normalise', () => {
  it('converts traditional characters, Hong Kong and Taiwan variants included, to simplified', () => {
    expect(normalise('宏達房地產公司拖欠農民工工資')).toBe('宏达房地产公司拖欠农民工工资');
    expect(normalise('裏面 衞生 睡不著')).toBe('里面 卫生 睡不着');
  });

  it('makes full-width forms half-width, Latin lower-case, and punctuation and whitespace one space', () => {
    expect(normalise('ＫＴＶ噪音太大！！　晚上１２点…还在唱')).toBe('ktv噪音太大 晚上12点 还在唱');
    expect(normalise('  The smell, is TERRIBLE.  ')).toBe('the smell is terrible');
  });
});

describe('text signatures', () => {
  it('are the same for a text in traditional and in simplified characters', () => {
    const simplified = textSignature('白马镇鑫达化工厂天天排放臭气，熏得人睡不着觉');
    const traditional = textSignature('白馬鎮鑫達化工廠天天排放臭氣，燻得人睡不著覺');
    expect(traditional.signature).toEqual(simplified.signature);
    expect(traditional.bandKeys).toEqual(simplified.bandKeys);
  });

  it('are deterministic: the same text and seed always give the same signature, another seed another one', () => {
    const text = '东明村的路坏了好久没人修，下雨天全是积水';
    const first = textSignature(text);
    expect(textSignature(text)).toEqual(first);
    // Pinned: a store keeps signatures, so a change of method must be a deliberate migration (functions/migrations/resign-matters.ts).
    expect(first.signature.slice(0, 3)).toEqual(PINNED);
    expect(textSignature(text, { ...SIMILARITY, seed: 1 }).signature).not.toEqual(first.signature);
  });

  it('always have as many band keys as bands, each naming its band', () => {
    const { bandKeys } = textSignature('金嗓子KTV半夜噪音太大，唱到凌晨两三点');
    expect(bandKeys).toHaveLength(SIMILARITY.bands);
    expect(bandKeys.map((key) => key.split('#')[0])).toEqual(Array.from({ length: SIMILARITY.bands }, (_, band) => String(band).padStart(2, '0')));
    expect(() => bandKeysOf(minHash(['w:路']), 5)).toThrow(/do not split/);
  });

  it('keep Latin words of a mixed text as words, less English function words, and full-width Latin equals half-width', () => {
    expect(wordsOf(normalise('楼下KTV too noisy every night'))).toEqual([['楼下', 'ktv'], [], ['noisy'], [], ['night']]);
    expect(textSignature('金嗓子ＫＴＶ半夜噪音太大').signature).toEqual(textSignature('金嗓子ktv半夜噪音太大').signature);
  });
});

describe('same matter', () => {
  it('groups one factory’s smell in different words: a shared band key finds it, the score confirms it', () => {
    const a = textSignature('白马镇鑫达化工厂天天排放臭气，熏得人晚上睡不着觉');
    const b = textSignature('领导你好！白马镇的鑫达化工厂又在排放臭气了，晚上熏得睡不着');
    expect(sharedBandKeys(a, b)).toBeGreaterThan(0);
    expect(sameMatter(a, b, THRESHOLD)).toBe(true);
  });

  it('groups one village’s road told twice, with other details', () => {
    const a = textSignature('东明村的路坏了好久没人修，下雨天全是积水');
    const b = textSignature('东明村到郑宅镇的路坑坑洼洼，下雨天全是积水，路坏了好久没人修');
    expect(sharedBandKeys(a, b)).toBeGreaterThan(0);
    expect(sameMatter(a, b, THRESHOLD)).toBe(true);
  });

  it('does not group unrelated cases of one category that share words: two villages’ roads', () => {
    const a = textSignature('东明村的路坏了好久没人修，下雨天全是积水');
    const b = textSignature('马岭村村口的路灯坏了，晚上走路很危险');
    expect(estimatedJaccard(a.signature, b.signature)).toBeGreaterThan(0);
    expect(sameMatter(a, b, THRESHOLD)).toBe(false);
  });

  it('tells two factories with the same complaint apart once the category’s common words are out', () => {
    const one = '白马镇鑫达化工厂天天排放臭气';
    const other = '黄宅镇恒盛化工厂天天排放臭气';
    const environment = commonWordsOf(ENVIRONMENT_CASES, 0.3);
    expect([...environment].sort()).toEqual(['化工厂', '天天', '排放', '臭气', '镇'].sort());
    // On the whole text they look alike; on what names the matter, they do not.
    expect(score(one, other)).toBeGreaterThanOrEqual(THRESHOLD);
    expect(score(one, other, environment)).toBeLessThan(THRESHOLD);
    expect(score(one, '白马镇鑫达化工厂又在排放臭气，天天熏人', environment)).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('does not group two buildings of one estate told in the same words', () => {
    const three = textSignature('城南花园3幢楼顶漏水，物业不管');
    const seven = textSignature('城南花园7幢楼顶漏水，物业不管');
    expect(estimatedJaccard(three.signature, seven.signature)).toBeGreaterThan(0.5);
    expect(sameMatter(three, seven, THRESHOLD)).toBe(false);
    expect(sameMatter(three, textSignature('城南花园小区3幢楼顶漏水好几个月了'), THRESHOLD)).toBe(true);
  });

  it('never groups a text that says nothing but what every case of its kind says', () => {
    const generic = textSignature('天天排放臭气', SIMILARITY, new Set(['天天', '排放', '臭气']));
    expect(generic.words).toBeGreaterThanOrEqual(SIMILARITY.minWords);
    expect(generic.distinctive).toBe(0);
    expect(generic.bandKeys).toEqual([]);
  });

  it('never groups a very short text, not even with itself', () => {
    const short = textSignature('太臭了！');
    expect(short.words).toBeLessThan(SIMILARITY.minWords);
    expect(short.bandKeys).toEqual([]);
    expect(sameMatter(short, short, 0)).toBe(false);
    expect(sameMatter(short, textSignature('白马镇鑫达化工厂太臭了'), 0)).toBe(false);
  });
});

describe('hand-picked pairs', () => {
  it('groups a name written with a homophone (鑫达 → 新达) by the sound of its characters', () => {
    const a = textSignature('白马镇鑫达化工厂天天排放臭气，晚上熏得睡不着');
    const b = textSignature('白马镇那个新达化工厂又在排臭气，熏得晚上睡不着');
    expect(sameMatter(a, b, THRESHOLD)).toBe(true);
  });

  it('does not group two factories of one town that share only the town and the kind’s words', () => {
    const environment = new Set(['化工厂', '天天', '排放', '臭气', '熏']);
    const a = textSignature('白马镇鑫达化工厂天天排放臭气', SIMILARITY, environment);
    const b = textSignature('白马镇恒盛化工厂天天排放臭气', SIMILARITY, environment);
    expect(sameMatter(a, b, 0)).toBe(false);
    expect(textSignature('白马镇又在排放臭气', SIMILARITY, environment).bandKeys).toEqual([]);
  });

  it('does not group one firm’s unpaid wages with its unpaid social insurance, a slip (社宝) included', () => {
    const labour = new Set(['拖欠', '工资', '农民工', '社保', '公司', '交']);
    const wages = textSignature('福泰建筑公司拖欠农民工工资，老板电话也不接', SIMILARITY, labour);
    const insurance = textSignature('福泰建筑公司工资里扣了钱却没交社宝，老板电话也不接', SIMILARITY, labour);
    expect(wages.issue).toBe('wages');
    expect(insurance.issue).toBe('socialInsurance');
    expect(estimatedJaccard(wages.signature, insurance.signature)).toBeGreaterThan(THRESHOLD);
    expect(sameMatter(wages, insurance, THRESHOLD)).toBe(false);
    expect(sameMatter(wages, textSignature('福泰建筑欠我们工钱不给，老板电话也不接', SIMILARITY, labour), THRESHOLD)).toBe(true);
  });

  it('takes quantities for details, not names: two months is no one matter’s name', () => {
    expect(wordsOf(normalise('已经持续两个月了，报了好几次'))).toEqual([['持续'], ['报']]);
  });

  it('groups a traditional-character text with a simplified one, and a mixed-language one by its Chinese', () => {
    const simplified = textSignature('金嗓子KTV半夜噪音太大，吵得睡不着');
    expect(sameMatter(simplified, textSignature('金嗓子KTV半夜噪音太大，吵得睡不著'), THRESHOLD)).toBe(true);
    expect(sameMatter(simplified, textSignature('金嗓子ＫＴＶ too noisy every night，吵得睡不着'), THRESHOLD)).toBe(true);
    expect(textSignature('too noisy').bandKeys).toEqual([]);
  });
});

const PINNED = [3110765, 215810284, 232217561];

// Environment cases of one county: what they all say, and the names that tell them apart.
const ENVIRONMENT_CASES = [
  '白马镇鑫达化工厂天天排放臭气',
  '黄宅镇恒盛化工厂天天排放臭气',
  '岩头镇金源化工厂天天排放臭气',
  '郑宅镇华兴化工厂天天排放臭气',
  '杭坪镇养猪场的粪水流进河里',
];
