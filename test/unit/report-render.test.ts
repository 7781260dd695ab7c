import { describe, expect, it } from 'vitest';
import type { Figures } from '../../functions/domain/figures.ts';
import type { HardCase, Report } from '../../functions/domain/reports.ts';
import { DEFAULT_CATEGORIES } from '../../functions/reference/demo.ts';
import { renderReport } from '../../functions/reports/render.ts';

const categoryNames = Object.fromEntries(DEFAULT_CATEGORIES.map((category) => [category.code, category.name]));

const figures = (received: number, rates: [number | null, number | null, number | null]): Figures => ({
  received,
  byChannel: { online: 61, letter: 12, visit: 38, phone: 19, leader_visit: 8 },
  byCategory: { housing: 34, land: 27, labour: 22, environment: 14, public_security: 11, health: 7, education: 6, civil_affairs: 9, transport: 5, other: 3 },
  byStatus: { received: 9, accepted: 71, not_accepted: 6, forwarded: 4, replied: 28, under_review: 3, under_rereview: 1, closed: 15, final: 1 },
  repeat: 17,
  collective: 3,
  overLevel: 5,
  overdue: 6,
  escalated: 9,
  returned: 0,
  returnedByUnit: {},
  paused: 0,
  idle: 0,
  hardCases: 2,
  urges: 4,
  coHandlingOverdue: 3,
  timelyAcceptanceRate: rates[0],
  onTimeClosureRate: rates[1],
  satisfactionRate: rates[2],
});

const hostile: HardCase = {
  id: '7c1e9a42-5b0d-4f3e-9a61-2d8c4e7f1b30',
  title: '城南社区<script>alert(1)</script>加装电梯 & 噪音扰民',
  category: 'housing',
  regionCode: '330726001001',
  status: 'accepted',
  level: 'county',
  receivedAt: '2026-08-31T01:20:00.000Z',
  daysOpen: 83,
  escalationCount: 2,
  responsibleLeader: '张建华（副县长）',
  leadUnit: '330726:housing',
  coUnits: ['330726001'],
};
const unowned: HardCase = {
  id: 'b4d03f1e-8a27-4c55-b1e9-6f0a3d92c714',
  title: '前店村土地征收补偿款未发放',
  category: 'land',
  regionCode: '330726101202',
  status: 'under_review',
  level: 'county',
  receivedAt: '2026-09-22T06:05:00.000Z',
  daysOpen: 61,
  escalationCount: 1,
  responsibleLeader: null,
  leadUnit: '330726:land',
  coUnits: [],
};
const wages: HardCase = {
  id: 'e92f6c08-13ad-4b7e-8d4f-0c5b7a6e2f91',
  title: '郑宅镇某企业拖欠农民工工资',
  category: 'labour',
  regionCode: '330726103',
  status: 'accepted',
  level: 'county',
  receivedAt: '2026-10-12T02:40:00.000Z',
  daysOpen: 41,
  escalationCount: 3,
  responsibleLeader: '李明（县人社局局长）',
  leadUnit: '330726:labour',
  coUnits: [],
};

/** A week of Pujiang county: 138 received against 123 the week before (↑12.2%). */
function pujiangWeek(): Report {
  return {
    id: '330726-weekly-2026-11-16',
    kind: 'weekly',
    regionCode: '330726',
    regionName: '浦江县',
    regionLevel: 'county',
    period: { from: '2026-11-16', to: '2026-11-22' },
    previousPeriod: { from: '2026-11-09', to: '2026-11-15' },
    generatedAt: '2026-11-23T00:05:00.000Z',
    figures: figures(138, [0.9565, 0.8723, 0.9412]),
    previousFigures: figures(123, [0.9412, 0.8511, 0.9]),
    volumeChange: (138 - 123) / 123,
    trend: [
      { start: '2026-11-16', received: 24 },
      { start: '2026-11-17', received: 27 },
      { start: '2026-11-18', received: 22 },
      { start: '2026-11-19', received: 25 },
      { start: '2026-11-20', received: 21 },
      { start: '2026-11-21', received: 11 },
      { start: '2026-11-22', received: 8 },
    ],
    hotspots: [
      { code: '330726109', name: '大畈乡', volume: 6, per10k: 8.57, overdue: 1, repeat: 2, urges: 0, score: 12.857 },
      { code: '330726103', name: '郑宅镇', volume: 12, per10k: 3.75, overdue: 1, repeat: 2, urges: 0, score: 4.688 },
      { code: '330726101', name: '黄宅镇', volume: 19, per10k: 3.39, overdue: 1, repeat: 3, urges: 0, score: 4.107 },
      { code: '330726001', name: '浦阳街道', volume: 31, per10k: 3.16, overdue: 2, repeat: 5, urges: 0, score: 3.878 },
      { code: '330726002', name: '仙华街道', volume: 15, per10k: 2.42, overdue: 0, repeat: 1, urges: 0, score: 2.581 },
    ],
    hardCases: { longestOpen: [hostile, unowned], mostEscalated: [wages, hostile] },
    matters: [{ id: 'MG-5d2be90c', title: '白马镇鑫达化工厂排放臭气', category: 'environment', size: 12, regionCode: '330726101202' }],
  };
}

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('renderReport', () => {
  const html = renderReport(pujiangWeek(), { categoryNames });

  it('is a complete HTML5 document in Chinese and UTF-8', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<title>浦江县 信访工作周报 2026-11-16 至 2026-11-22</title>');
  });

  it('references nothing outside itself and runs no script', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|@import|url\(/i);
  });

  it('escapes the petitioner-written titles', () => {
    expect(html).toContain('城南社区&lt;script&gt;alert(1)&lt;/script&gt;加装电梯 &amp; 噪音扰民');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('加装电梯 & 噪音');
  });

  it('names the report by kind, region and period, with when it was generated (China time)', () => {
    expect(html).toContain('<h1>浦江县 信访工作周报 2026-11-16 至 2026-11-22</h1>');
    expect(html).toContain('2026-11-23 08:05');
    const monthly = renderReport({ ...pujiangWeek(), kind: 'monthly', period: { from: '2026-11-01', to: '2026-11-30' } });
    expect(monthly).toContain('浦江县 信访工作月报 2026-11-01 至 2026-11-30');
    const quarterly = renderReport({ ...pujiangWeek(), kind: 'quarterly', period: { from: '2026-10-01', to: '2026-12-31' } });
    expect(quarterly).toContain('浦江县 信访工作季报 2026-10-01 至 2026-12-31');
  });

  it('shows the headline numbers and the change against the period before', () => {
    expect(html).toContain('一、总体情况');
    expect(html).toMatch(/本期受理<\/div><div class="v">138</);
    expect(html).toContain('环比 ↑12.2%');
    expect(html).toContain('上期 123');
    expect(html).toMatch(/超期件<\/div><div class="v">6</);
    expect(html).toMatch(/重复访<\/div><div class="v">17</);
    expect(html).toMatch(/集体访<\/div><div class="v">3</);
    expect(html).toMatch(/越级访<\/div><div class="v">5</);
    expect(renderReport({ ...pujiangWeek(), volumeChange: -0.0813 })).toContain('环比 ↓8.1%');
    expect(renderReport({ ...pujiangWeek(), volumeChange: null })).toContain('环比 —');
  });

  it('shows the open cases owned by a leader (包案), and 0 for a report compiled before ownership', () => {
    expect(html).toMatch(/包案在办<\/div><div class="v">2</);
    expect(html).toMatch(/协办超期<\/div><div class="v">3</);
    const { hardCases: _now, coHandlingOverdue: _tasks, ...before } = figures(138, [0.957, 0.872, 0.941]);
    const old = renderReport({ ...pujiangWeek(), figures: before as Figures, previousFigures: before as Figures });
    expect(old).toMatch(/包案在办<\/div><div class="v">0<\/div><div class="d">上期 0</);
    expect(old).toMatch(/协办超期<\/div><div class="v">0<\/div><div class="d">上期 0</);
  });

  it('shows the three rates as percentages, and 暂无数据 where there are none', () => {
    expect(html).toContain('二、三率');
    for (const text of ['及时受理率', '按期办结率', '群众满意率', '95.7%', '87.2%', '94.1%']) expect(html).toContain(text);
    expect(html).not.toContain('暂无数据');
    const none = renderReport({ ...pujiangWeek(), figures: figures(138, [null, null, null]) });
    expect(count(none, '>暂无数据<')).toBe(3);
  });

  it('draws the trend, the category and the channel structure as inline SVG', () => {
    expect(html).toContain('三、受理趋势');
    expect(html).toContain('四、信访结构');
    // Trend, category, channel, and one bar for each of the three rates.
    expect(count(html, '<svg')).toBe(6);
    expect(count(html, '</svg>')).toBe(6);
    for (const text of ['受理件数', '11-16', '11-22', '住房城乡建设', '网上信访', '领导下访']) expect(html).toContain(text);
    // Without names the codes label the categories.
    expect(renderReport(pujiangWeek())).toContain('>housing<');
  });

  it('lists the hotspots in the order given', () => {
    expect(html).toContain('五、热点地区');
    const names = ['大畈乡', '郑宅镇', '黄宅镇', '浦阳街道', '仙华街道'];
    const positions = names.map((name) => html.indexOf(name));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('8.57');
    expect(html).toContain('12.86');
  });

  it('lists the hard cases with their shortened id, status and responsible leader', () => {
    expect(html).toContain('六、疑难积案：办理时间最长');
    expect(html).toContain('七、疑难积案：升级次数最多');
    expect(html).toContain('>7c1e9a42<');
    expect(html).toContain('330726101202');
    expect(html).toContain('复查中');
    expect(html).toContain('张建华（副县长）');
    expect(html).toContain('李明（县人社局局长）');
    expect(html).toContain('未明确');
  });

  it('lists the largest matters of many petitioners', () => {
    expect(html).toContain('八、同一事项多人反映（举一反三）');
    expect(html).toContain('白马镇鑫达化工厂排放臭气');
  });

  it('says so where a section is empty', () => {
    const quiet = renderReport({ ...pujiangWeek(), hotspots: [], hardCases: { longestOpen: [], mostEscalated: [] }, matters: [] });
    expect(quiet).toContain('本期无多人反映的同一事项');
    expect(quiet).toContain('本期无热点地区');
    expect(quiet).toContain('本期无长期未结案件');
    expect(quiet).toContain('本期无升级案件');
    expect(quiet).not.toContain('<table');
    expect(html).not.toContain('本期无');
  });
});
