/**
 * Renders a joint-meeting report (联席会议) as one self-contained HTML page:
 * the page is projected or printed in the meeting room, often offline, and
 * archived with the minutes, so it carries everything it needs — inline CSS,
 * charts as inline SVG drawn here — and loads nothing from anywhere.
 */
import { chinaMinute } from '../domain/calendar.ts';
import { CHANNEL_NAMES, STATUS_NAMES } from '../domain/display-names.ts';
import type { HardCase, Report, ReportKind } from '../domain/reports.ts';
import { html, type Html } from './html.ts';

const KIND_NAMES: Record<ReportKind, string> = { weekly: '周报', monthly: '月报', quarterly: '季报' };

// The palette: one blue for data, one red for what needs attention (overdue), greys for the rest.
const BLUE = '#2f5d8a';
const RED = '#b3392f';
const GRID = '#e3e6ea';
const MUTED = '#6b7280';

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

function change(rate: number | null): string {
  if (rate === null) return '—';
  if (rate === 0) return '持平';
  return `${rate > 0 ? '↑' : '↓'}${percent(Math.abs(rate))}`;
}

/** China Standard Time, which petition work follows; the stored instant is UTC. */
function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${chinaMinute(iso)}（北京时间）`;
}

/** Axis ticks of 1, 2 or 5 × 10ⁿ so the gridlines fall on readable numbers; whole numbers, as cases are counted. */
function niceAxis(max: number, steps = 4): number[] {
  const raw = Math.max(max / steps, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const top = Math.max(1, Math.ceil(max / step)) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Math.round(i * step));
}

interface Bar {
  label: string;
  value: number;
}

/** Vertical bars with a value axis and gridlines: for the trend, where the order of the bars is time. */
function verticalBars(bars: Bar[], axis: { x: string; y: string }, width = 680, height = 230): Html {
  const [left, right, top, bottom] = [52, 12, 18, 46];
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const ticks = niceAxis(Math.max(0, ...bars.map((b) => b.value)));
  const max = ticks[ticks.length - 1]!;
  const y = (value: number) => top + plotH - (value / max) * plotH;
  const slot = plotW / Math.max(bars.length, 1);
  const barW = Math.min(slot * 0.62, 46);
  const grid = ticks.map(
    (t) => html`<line x1="${left}" x2="${width - right}" y1="${y(t)}" y2="${y(t)}" stroke="${GRID}"/><text x="${left - 6}" y="${y(t) + 4}" text-anchor="end" class="tick">${t}</text>`,
  );
  const columns = bars.map((b, i) => {
    const cx = left + slot * i + slot / 2;
    return html`<rect x="${cx - barW / 2}" y="${y(b.value)}" width="${barW}" height="${top + plotH - y(b.value)}" fill="${BLUE}" rx="2"/><text x="${cx}" y="${y(b.value) - 4}" text-anchor="middle" class="value">${b.value}</text><text x="${cx}" y="${top + plotH + 16}" text-anchor="middle" class="tick">${b.label}</text>`;
  });
  return html`<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${axis.y}">${grid}${columns}<line x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#9aa1a9"/><text x="${left + plotW / 2}" y="${height - 6}" text-anchor="middle" class="axis">${axis.x}</text><text transform="translate(14 ${top + plotH / 2}) rotate(-90)" text-anchor="middle" class="axis">${axis.y}</text></svg>`;
}

/** Horizontal bars, largest first, with count and share: for structure, where the labels are long Chinese names. */
function horizontalBars(bars: Bar[], caption: string, width = 330): Html {
  const [labelW, valueW, row, top] = [92, 70, 24, 6];
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotW = width - labelW - valueW;
  const height = top * 2 + row * bars.length;
  const rows = [...bars]
    .sort((a, b) => b.value - a.value)
    .map((b, i) => {
      const cy = top + row * i + row / 2;
      const w = (b.value / max) * plotW;
      const share = total === 0 ? '' : ` (${Math.round((b.value / total) * 100)}%)`;
      return html`<text x="${labelW - 8}" y="${cy + 4}" text-anchor="end" class="label">${b.label}</text><rect x="${labelW}" y="${cy - 7}" width="${Math.max(w, b.value > 0 ? 2 : 0)}" height="14" fill="${BLUE}" rx="2"/><text x="${labelW + w + 6}" y="${cy + 4}" class="value">${b.value}${share}</text>`;
    });
  return html`<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${caption}"><line x1="${labelW}" x2="${labelW}" y1="${top}" y2="${height - top}" stroke="#9aa1a9"/>${rows}</svg>`;
}

/** One of the three rates as a filled track: a share of 100%, which is what the assessments expect. */
function rateBar(rate: number | null, width = 360): Html {
  const fill = rate === null ? null : html`<rect width="${Math.round(rate * width)}" height="12" rx="6" fill="${BLUE}"/>`;
  return html`<svg viewBox="0 0 ${width} 12" width="${width}" height="12" aria-hidden="true"><rect width="${width}" height="12" rx="6" fill="${GRID}"/>${fill}</svg>`;
}

const section = (title: string, body: Html) => html`<section><h2>${title}</h2>${body}</section>`;
const empty = (message: string) => html`<p class="empty">${message}</p>`;

/** A table whose cells are text or markup of ours; `numeric` names the right-aligned columns. */
function table(headers: string[], rows: Array<Array<string | number | Html>>, numeric: number[]): Html {
  const cell = (tag: 'th' | 'td', i: number, content: string | number | Html) =>
    numeric.includes(i) ? html`<${tag} class="num">${content}</${tag}>` : html`<${tag}>${content}</${tag}>`;
  const head = headers.map((h, i) => cell('th', i, h));
  const body = rows.map((r) => html`<tr>${r.map((c, i) => cell('td', i, c))}</tr>`);
  return html`<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function hardCaseTable(cases: HardCase[], categoryName: (code: string) => string, none: string): Html {
  if (cases.length === 0) return empty(none);
  const rows = cases.map((c) => [
    html`<span class="id" title="${c.id}">${c.id.slice(0, 8)}</span>`,
    // The category under the title rather than in a column of its own: the title needs the width.
    html`${c.title}<div class="sub">${categoryName(c.category)}</div>`,
    c.regionCode,
    STATUS_NAMES[c.status] ?? c.status,
    c.daysOpen,
    c.escalationCount,
    c.responsibleLeader === null ? html`<span class="muted">未明确</span>` : c.responsibleLeader,
  ]);
  return table(['编号', '事项', '属地', '状态', '已办天数', '升级次数', '包案领导'], rows, [4, 5]);
}

const STYLE = html`
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1f2933; font: 14px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { width: 182mm; margin: 0 auto; padding: 10mm 0; }
header { border-bottom: 3px solid ${BLUE}; padding-bottom: 8px; margin-bottom: 14px; }
h1 { font-size: 22px; margin: 0; color: #14213d; letter-spacing: .5px; }
.meta { color: ${MUTED}; font-size: 12px; margin: 4px 0 0; }
section { background: #fff; border: 1px solid ${GRID}; border-radius: 6px; padding: 12px 16px; margin-bottom: 12px; page-break-inside: avoid; break-inside: avoid; }
h2 { font-size: 16px; margin: 0 0 10px; padding-left: 8px; border-left: 4px solid ${BLUE}; color: #14213d; }
h3 { font-size: 13px; margin: 4px 0 6px; color: ${MUTED}; font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 8px; }
.card { border: 1px solid ${GRID}; border-radius: 6px; padding: 8px 10px; }
.card .k { font-size: 12px; color: ${MUTED}; }
.card .v { font-size: 24px; font-weight: 700; line-height: 1.3; font-variant-numeric: tabular-nums; }
.card .d { font-size: 12px; color: ${MUTED}; }
.card.lead { background: #eef3f8; border-color: #cfdceb; }
.card.lead .v + .d { color: #14213d; font-weight: 600; }
.alert .v { color: ${RED}; }
.rates { display: grid; grid-template-columns: 6em 380px 1fr; align-items: center; row-gap: 8px; }
.rates .pct { font-weight: 700; font-variant-numeric: tabular-nums; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
svg { display: block; font-family: inherit; }
svg .tick { font-size: 11px; fill: ${MUTED}; }
svg .axis { font-size: 12px; fill: #4b5563; }
svg .label { font-size: 12px; fill: #1f2933; }
svg .value { font-size: 11px; fill: #1f2933; }
table { width: 100%; border-collapse: collapse; font-size: 12.5px; }
th { text-align: left; font-weight: 600; color: #4b5563; border-bottom: 2px solid #cbd2d9; padding: 4px 6px; }
td { border-bottom: 1px solid ${GRID}; padding: 4px 6px; vertical-align: top; }
th, td:not(:nth-child(2)) { white-space: nowrap; }
td .sub { font-size: 11px; color: ${MUTED}; }
tr:nth-child(even) td { background: #fafbfc; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.id { font-family: "DejaVu Sans Mono", monospace; font-size: 11.5px; }
.muted { color: ${MUTED}; }
.empty { color: ${MUTED}; margin: 4px 0; }
footer { color: ${MUTED}; font-size: 11px; text-align: center; }
@media print { body { background: #fff; } main { width: auto; padding: 0; } section { border-color: #d5dae0; } }
`;

/**
 * The report as a complete HTML5 page for the joint meeting: headline numbers
 * and their change, the three rates, the trend, the structure by category and
 * channel, the hotspots and the hard cases. Every text from the report is
 * escaped; the page references no external resource.
 *
 * @param report The report, as built for the period.
 * @param options.categoryNames Category code → Chinese name, for the labels; codes are shown where missing.
 */
export function renderReport(report: Report, options: { categoryNames?: Record<string, string> } = {}): string {
  const { figures: f, previousFigures: p } = report;
  const categoryName = (code: string) => options.categoryNames?.[code] ?? code;
  const title = `${report.regionName} 信访工作${KIND_NAMES[report.kind]} ${report.period.from} 至 ${report.period.to}`;

  const card = (label: string, value: number, details: string[], kind = '') =>
    html`<div class="card ${kind}"><div class="k">${label}</div><div class="v">${value}</div>${details.map((d) => html`<div class="d">${d}</div>`)}</div>`;
  const headline = html`<div class="cards">${[
    card('本期受理', f.received, [`环比 ${change(report.volumeChange)}`, `上期 ${p.received}`], 'lead'),
    card('超期件', f.overdue, [`上期 ${p.overdue}`], f.overdue > 0 ? 'alert' : ''),
    card('重复访', f.repeat, [`上期 ${p.repeat}`]),
    card('集体访', f.collective, [`上期 ${p.collective}`]),
    card('越级访', f.overLevel, [`上期 ${p.overLevel}`]),
    card('升级（级次）', f.escalated, [`上期 ${p.escalated}`]),
    // Reports compiled before ownership (包案) have no count of it.
    card('包案在办', f.hardCases ?? 0, [`上期 ${p.hardCases ?? 0}`]),
    // Reports compiled before co-handling (协办) have no count of it either.
    card('协办超期', f.coHandlingOverdue ?? 0, [`上期 ${p.coHandlingOverdue ?? 0}`], (f.coHandlingOverdue ?? 0) > 0 ? 'alert' : ''),
  ]}</div>`;

  const rates = (
    [
      ['及时受理率', f.timelyAcceptanceRate, p.timelyAcceptanceRate],
      ['按期办结率', f.onTimeClosureRate, p.onTimeClosureRate],
      ['群众满意率', f.satisfactionRate, p.satisfactionRate],
    ] as const
  ).map(
    ([label, rate, before]) =>
      html`<div>${label}</div>${rateBar(rate)}<div><span class="pct">${rate === null ? '暂无数据' : percent(rate)}</span> <span class="muted">上期 ${before === null ? '暂无数据' : percent(before)}</span></div>`,
  );

  // A week's trend is by day, a month's or a quarter's by week: the axis says which.
  const trendBars = report.trend.map((t) => ({ label: t.start.slice(5), value: t.received }));
  const trend = trendBars.length
    ? verticalBars(trendBars, { x: report.kind === 'weekly' ? '日期' : '周（起始日）', y: '受理件数' })
    : empty('本期无趋势数据');

  const structure = (bars: Bar[], caption: string) =>
    html`<div><h3>${caption}</h3>${f.received === 0 ? empty('本期无受理件') : horizontalBars(bars, caption)}</div>`;
  const byCategory = Object.entries(f.byCategory).map(([code, value]) => ({ label: categoryName(code), value }));
  const byChannel = Object.entries(f.byChannel).map(([code, value]) => ({ label: CHANNEL_NAMES[code] ?? code, value }));

  const hotspots = report.hotspots.length
    ? table(
        ['排名', '代码', '地区', '件数', '每万人', '超期', '重复访', '热度分'],
        report.hotspots.map((h, i) => [i + 1, h.code, h.name, h.volume, h.per10k.toFixed(2), h.overdue, h.repeat, h.score.toFixed(2)]),
        [0, 3, 4, 5, 6, 7],
      )
    : empty('本期无热点地区');

  // Reports compiled before matter groups have none.
  const matters = report.matters?.length
    ? table(
        ['排名', '事项', '类别', '信访人数', '地区代码'],
        report.matters.map((m, i) => [i + 1, m.title, categoryName(m.category), m.size, m.regionCode]),
        [0, 3],
      )
    : empty('本期无多人反映的同一事项');

  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${title}</h1>
<p class="meta">报告编号 ${report.id} · 对比期 ${report.previousPeriod.from} 至 ${report.previousPeriod.to} · 生成时间 ${chinaTime(report.generatedAt)}</p>
</header>
${section('一、总体情况', headline)}
${section('二、三率', html`<div class="rates">${rates}</div>`)}
${section('三、受理趋势', trend)}
${section('四、信访结构', html`<div class="two">${structure(byCategory, '按事项类别')}${structure(byChannel, '按来源渠道')}</div>`)}
${section('五、热点地区', hotspots)}
${section('六、疑难积案：办理时间最长', hardCaseTable(report.hardCases.longestOpen, categoryName, '本期无长期未结案件'))}
${section('七、疑难积案：升级次数最多', hardCaseTable(report.hardCases.mostEscalated, categoryName, '本期无升级案件'))}
${section('八、同一事项多人反映（举一反三）', matters)}
<footer>${report.regionName}信访工作联席会议 · ${report.id}</footer>
</main>
</body>
</html>
`.toString();
}
