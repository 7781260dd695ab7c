/**
 * The figures page (figures.html): a region's public figures
 * (GET /v1/stats/public, by month): the three rates, the volumes by
 * category and channel, and the monthly trend, as charts. Counts too small to
 * publish come back null and are shown as withheld.
 */
import { CHANNEL_NAMES } from '../../functions/domain/display-names.ts';
import { api, call } from './api.ts';
import { barChart, columnChart, type Bar } from './charts.ts';
import { byId, h } from './dom.ts';
import { showLoaded } from './loaded.ts';
import type { components } from '../index.ts';
import { regionPicker } from './regions.ts';

type PublicStats = components['schemas']['PublicStats'];

const WITHHELD = '不公开';
const NONE_YET = '暂无';

const out = byId('figures');
const months = byId<HTMLSelectElement>('months');
const picker = regionPicker(byId<HTMLFieldSetElement>('figures-region'), 'regionCode', { requiredDepth: 1, remember: 'petitions.region' });
const categoryNames = call(() => api.GET('/v1/categories')).then((outcome) =>
  outcome.kind === 'answer' ? Object.fromEntries(outcome.data.items.map((item) => [item.code, item.name])) : ({} as Record<string, string>),
);

const day = (date: Date) => date.toISOString().slice(0, 10);
/** A rate is null when it is withheld, or when nothing counts towards it yet. */
const percent = (rate: number | null, withheld: boolean): Bar['shown'] => (rate === null ? (withheld ? WITHHELD : NONE_YET) : `${Math.round(rate * 1000) / 10}%`);
const count = (value: number | null): Bar['shown'] => (value === null ? WITHHELD : `${value} 件`);

function volumes(counts: Record<string, number | null>, names: Record<string, string>): Bar[] {
  return Object.entries(counts)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
    .map(([code, value]) => ({ label: names[code] ?? code, value, shown: count(value) }));
}

async function showFigures(): Promise<void> {
  const regionCode = picker.value;
  if (!regionCode) return void out.replaceChildren(h('p', {}, '请选择地区。'));
  const to = new Date();
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - Number(months.value) + 1, 1));
  await showLoaded(
    out,
    () => call(() => api.GET('/v1/stats/public', { params: { query: { regionCode, from: day(from), to: day(to), by: 'month' } } })),
    async (stats) => figuresOf(stats, await categoryNames),
  );
}

function figuresOf(stats: PublicStats, names: Record<string, string>): Node[] {
  const withheld = stats.suppressed !== null;
  return [
    h('p', { class: 'total' }, '收到信访事项 ', h('strong', {}, count(stats.received))),
    barChart(
      '三率',
      [
        { label: '及时受理率', value: stats.timelyAcceptanceRate, shown: percent(stats.timelyAcceptanceRate, withheld) },
        { label: '按期办结率', value: stats.onTimeClosureRate, shown: percent(stats.onTimeClosureRate, withheld) },
        { label: '群众满意率', value: stats.satisfactionRate, shown: percent(stats.satisfactionRate, withheld) },
      ],
      1,
    ),
    columnChart(
      '每月收到的信访事项',
      (stats.periods ?? []).map((period) => ({ label: `${Number(period.start.slice(5, 7))}月`, value: period.received, shown: period.received === null ? '—' : String(period.received) })),
    ),
    barChart('按类别', volumes(stats.byCategory, names)),
    barChart('按渠道', volumes(stats.byChannel, CHANNEL_NAMES)),
    ...(stats.suppressed ? [h('p', { class: 'muted' }, `为保护个人信息，少于 ${stats.suppressed.below} 件的数字不公开。`)] : []),
  ];
}

picker.onChange(() => void showFigures());
months.addEventListener('change', () => void showFigures());
void showFigures();
