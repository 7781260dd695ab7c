/**
 * The labelled evaluation set of "same matter, many petitioners": a few
 * hundred short petitions written the way petitioners write (colloquial, with
 * typos and homophones, each with details of their own), with the true matter
 * of each; and unrelated filler petitions for the index size benchmark.
 * Generated from a seed, so every run sees the same set. docs/MATTERS.md says
 * what it holds and what it cannot show.
 */
import { Converter } from 'opencc-js/cn2t';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** One petition's text and where a store would index it; `matter` is the truth. */
export interface LabelledPetition {
  matter: string;
  county: string;
  category: string;
  text: string;
}

type Random = ReturnType<typeof xoroshiro128plus>;
const pick = <T>(random: Random, items: readonly T[]): T => items[uniformInt(random, 0, items.length - 1)]!;
const chance = (random: Random, p: number) => uniformInt(random, 0, 999) < p * 1000;
/** `count` distinct items, in a random order. */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = uniformInt(random, 0, i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}
const fill = (random: Random, phrase: string) =>
  phrase.replace('{n}', () => pick(random, ['两', '三', '四', '五', '半年', '八', '十'])).replace('{h}', () => String(uniformInt(random, 9, 12)));

/** What one kind of matter sounds like: its category, how its subject is named, what petitioners say. */
interface Kind {
  category: string;
  /** How a petitioner may name the subject: its full name, a shortened one, only its place. */
  mentions: (subject: Subject) => string[];
  complaints: string[];
  details: string[];
  /** Complaints too short to tell the matter ("太臭了"). */
  short: string[];
}

/** The thing a matter is about: a firm or place, with its township. */
interface Subject {
  name: string;
  kind: string;
  town: string;
  /** What kind of thing it is: 化工厂, 房地产公司, 村. */
  type: string;
}

const KINDS: Record<string, Kind> = {
  smell: {
    category: 'environment',
    mentions: ({ name, town, type }) => [`${town}${name}${type}`, `${name}${type}`, `${town}那个${name}${type}`, `${name}${type.slice(0, 2)}`, `我们${town}的${name}${type}`],
    complaints: ['天天排放臭气', '一股刺鼻的气味', '晚上偷偷排废气', '臭得没法开窗', '气味熏得人头疼', '空气里全是怪味', '烟囱一直冒黑烟', '臭味飘得整个镇都是', '闻着想吐', '污水直接排到河里'],
    details: ['家里老人孩子一直咳嗽', '晾的衣服都是味道', '已经持续{n}个月了', '环保局来过一次走了又照样排', '晚上{h}点以后最严重', '打过12345也没用', 'the smell is terrible', '河里的鱼都死了'],
    short: ['太臭了', '臭死了', '又在排臭气', '气味难闻'],
  },
  wages: {
    category: 'labour',
    mentions: ({ name, town, type }) => [`${name}${type}`, `${town}${name}${type}的工地`, `${name}${type.slice(0, 2)}`, `${name}公司`, `${name}开发的${town}楼盘`],
    complaints: ['拖欠农民工工资', '欠我们工钱不给', '工资拖了{n}个月没发', '包工头跑了找不到人', '说好年底结清到现在没给', '一百多个工人的血汗钱没着落', '要了好几次工资都说没钱', '欠薪不还'],
    details: ['我在工地干了{n}个月', '一共欠了好几万', '快过年了家里等着钱用', '老板电话也不接', '项目部说是总包的责任', 'boss不接电话'],
    short: ['工资没发', '还我工钱', '欠薪'],
  },
  insurance: {
    category: 'labour',
    mentions: ({ name, type }) => [`${name}${type}`, `${name}${type.slice(0, 2)}`, `${name}公司`, `我们单位${name}${type}`],
    complaints: ['不给我们交社保', '养老保险断缴了', '医保卡用不了一查才知道没交', '工资里扣了钱却没缴社保', '社保按最低基数交', '工伤保险也没买', '入职{n}年从来没交过五险'],
    details: ['人事说公司困难', '我马上要退休了', '生病住院报销不了', '问了社保局说单位欠费'],
    short: ['社保没交', '断缴了'],
  },
  road: {
    category: 'transport',
    mentions: ({ name, town }) => [`${name}村的路`, `${town}${name}村村口那段路`, `${name}村到${town}的路`, `${name}那条路`, `我们${name}村的公路`],
    complaints: ['路坏了好久没人修', '坑坑洼洼的', '下雨天全是积水', '路面塌了一个大坑', '晚上路灯也不亮', '电动车摔了好几次', '大货车把路压烂了', '一下雨就是泥巴路'],
    details: ['小孩上学很不方便', '去年说要修到现在没动', '老人出门很危险', '报过好几次了', '救护车都开不进来'],
    short: ['路烂了', '修路'],
  },
  noise: {
    category: 'public_security',
    mentions: ({ name, town, type }) => [`${name}${type}`, `${town}的${name}${type}`, `${name}歌厅`, `楼下那家${name}${type}`],
    complaints: ['半夜噪音太大', '唱歌唱到凌晨两三点', '音响震得窗户响', '吵得睡不着觉', '门口喝酒的人大声喧哗', '隔音太差了', '每天晚上鬼哭狼嚎'],
    details: ['我家就在楼上', '孩子明天要考试', '报警了来了一下又照样唱', '高考期间也不消停', 'too noisy every night'],
    short: ['太吵了', '噪音扰民'],
  },
  leak: {
    category: 'housing',
    mentions: ({ name, town, type }) => [`${town}${name}${type}`, `${name}${type}`, `我们${name}的${type}`, `${name}小区${type}`],
    complaints: ['楼顶漏水', '墙上都发霉了', '物业不管不问', '下雨天家里接水的盆都放满了', '外墙渗水', '维修基金申请不下来'],
    details: ['已经漏了{n}个月', '家里的家具都泡坏了', '找了开发商也推给物业', '顶楼几户都一样'],
    short: ['漏水', '房子漏雨'],
  },
};

// Homophones and slips of the input method: a name or a word written another way.
const SLIPS: Array<[string, string]> = [
  ['鑫', '新'], ['达', '大'], ['宏', '鸿'], ['恒', '衡'], ['盛', '胜'], ['兴', '星'], ['源', '元'], ['泰', '太'], ['福', '富'], ['隆', '龙'],
  ['噪音', '燥音'], ['排放', '排方'], ['睡不着', '睡不找'], ['漏水', '露水'], ['社保', '社宝'], ['工资', '工姿'], ['坑坑洼洼', '坑坑哇哇'],
];

const slip = (random: Random, text: string) => {
  const slips = SLIPS.filter(([from]) => text.includes(from));
  if (slips.length === 0) return text;
  const [from, to] = pick(random, slips);
  return text.replace(from, to);
};

const OPENERS = ['', '', '', '领导你好，', '您好，', '我要反映个事情，', '我是本地村民，', '再次反映：'];
const CLOSERS = ['', '', '希望政府管管。', '请尽快处理！', '老百姓实在受不了了。', '到底有没有人管？', '谢谢领导。', '不解决我们就去市里。'];
const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** One petitioner's text about `subject`: their own words, details and slips. */
function petition(random: Random, subject: Subject): string {
  const kind = KINDS[subject.kind]!;
  if (chance(random, 0.04)) return pick(random, kind.short);
  let mention = pick(random, kind.mentions(subject));
  if (chance(random, 0.2)) mention = slip(random, mention);
  const complaints = sample(random, kind.complaints, uniformInt(random, 1, 3)).map((phrase) => fill(random, phrase));
  const details = sample(random, kind.details, uniformInt(random, 0, 2)).map((phrase) => fill(random, phrase));
  const clauses = [`${mention}${complaints[0]}`, ...complaints.slice(1), ...details];
  let text = `${pick(random, OPENERS)}${sample(random, clauses.slice(1), clauses.length - 1).reduce((all, clause) => `${all}，${clause}`, clauses[0]!)}。${pick(random, CLOSERS)}`;
  if (chance(random, 0.15)) text = slip(random, text);
  if (chance(random, 0.3)) text = text.replace(/[，。！？]/g, (mark) => pick(random, [mark, ' ', '', ',']));
  return chance(random, 0.1) ? toTraditional(text) : text;
}

const PUJIANG = '330726';
const TOWNS = ['浦阳街道', '仙华街道', '浦南街道', '黄宅镇', '岩头镇', '郑宅镇', '檀溪镇', '杭坪镇', '白马镇', '花桥乡', '虞宅乡', '大畈乡'];

// The matters of the set. Some are near one another on purpose: two chemical plants, the same
// firm's wages and its social insurance, two villages' roads, two buildings of one estate.
const SUBJECTS: Subject[] = [
  { kind: 'smell', name: '鑫达', type: '化工厂', town: '白马镇' },
  { kind: 'smell', name: '恒盛', type: '化工厂', town: '黄宅镇' },
  { kind: 'smell', name: '宏远', type: '水晶厂', town: '白马镇' },
  { kind: 'smell', name: '华兴', type: '印染厂', town: '郑宅镇' },
  { kind: 'smell', name: '金源', type: '造纸厂', town: '岩头镇' },
  { kind: 'smell', name: '前店', type: '养猪场', town: '黄宅镇' },
  { kind: 'wages', name: '宏达', type: '房地产公司', town: '浦阳街道' },
  { kind: 'wages', name: '福泰', type: '建筑公司', town: '仙华街道' },
  { kind: 'wages', name: '隆顺', type: '置业公司', town: '浦南街道' },
  { kind: 'wages', name: '金华兴', type: '建设集团', town: '黄宅镇' },
  { kind: 'wages', name: '永昌', type: '劳务公司', town: '郑宅镇' },
  { kind: 'insurance', name: '宏达', type: '房地产公司', town: '浦阳街道' },
  { kind: 'insurance', name: '福泰', type: '建筑公司', town: '仙华街道' },
  { kind: 'insurance', name: '美佳', type: '服装厂', town: '浦南街道' },
  { kind: 'road', name: '东明', type: '村', town: '郑宅镇' },
  { kind: 'road', name: '前店', type: '村', town: '黄宅镇' },
  { kind: 'road', name: '郑宅', type: '村', town: '郑宅镇' },
  { kind: 'road', name: '马岭', type: '村', town: '杭坪镇' },
  { kind: 'road', name: '上河', type: '村', town: '檀溪镇' },
  { kind: 'noise', name: '金嗓子', type: 'KTV', town: '浦阳街道' },
  { kind: 'noise', name: '麦乐迪', type: 'KTV', town: '仙华街道' },
  { kind: 'noise', name: '星光', type: 'KTV', town: '浦阳街道' },
  { kind: 'leak', name: '城南花园', type: '3幢', town: '浦阳街道' },
  { kind: 'leak', name: '城南花园', type: '7幢', town: '浦阳街道' },
  { kind: 'leak', name: '和平新村', type: '12幢', town: '浦南街道' },
];

const matterOf = ({ kind, name, type, town }: Subject) => `${kind}:${town}${name}${type}`;

/**
 * The labelled set: each matter's petitions (2 to 18 of them, a few too short
 * to tell), in the order they arrive, all in one county.
 */
export function mattersSet(seed = 2026_12_02): LabelledPetition[] {
  const random = xoroshiro128plus(seed);
  const petitions = SUBJECTS.flatMap((subject) =>
    Array.from({ length: uniformInt(random, 2, 18) }, () => ({ matter: matterOf(subject), county: PUJIANG, category: KINDS[subject.kind]!.category, text: petition(random, subject) })),
  );
  return sample(random, petitions, petitions.length);
}

const NAME_CHARACTERS = [...'鑫达恒盛宏远华兴金源福泰隆顺永昌美佳东明新丰通利嘉瑞合和康宁安平富贵天鸿星光锦绣长江浦阳龙腾凯旋中正'];
const KIND_TYPES: Record<string, string[]> = {
  smell: ['化工厂', '水晶厂', '造纸厂', '印染厂', '养猪场', '电镀厂'],
  wages: ['房地产公司', '建筑公司', '置业公司', '建设集团', '劳务公司'],
  insurance: ['服装厂', '物流公司', '电子厂', '建筑公司'],
  road: ['村'],
  noise: ['KTV', '酒吧', '量贩KTV'],
  leak: ['1幢', '2幢', '5幢', '9幢', '15幢'],
};

/**
 * `count` open petitions about other matters in the same county: each a
 * subject of its own (a name made of two characters, never one of the set's),
 * one to three petitioners each. They stand for the open cases a new case's
 * band keys are looked up among.
 */
export function fillerPetitions(count: number, seed = 2026_12_03): LabelledPetition[] {
  const random = xoroshiro128plus(seed);
  const taken = new Set(SUBJECTS.map(matterOf));
  const petitions: LabelledPetition[] = [];
  while (petitions.length < count) {
    const kind = pick(random, Object.keys(KINDS));
    const subject = { kind, name: `${pick(random, NAME_CHARACTERS)}${pick(random, NAME_CHARACTERS)}`, type: pick(random, KIND_TYPES[kind]!), town: pick(random, TOWNS) };
    if (taken.has(matterOf(subject))) continue;
    const petitioners = Math.min(uniformInt(random, 1, 3), count - petitions.length);
    for (let i = 0; i < petitioners; i++) petitions.push({ matter: `filler:${matterOf(subject)}`, county: PUJIANG, category: KINDS[kind]!.category, text: petition(random, subject) });
  }
  return petitions;
}
