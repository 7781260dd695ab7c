/**
 * Charts as SVG built in the page (no library, no inline style: the CSP
 * forbids it): horizontal bars for rates and volumes, columns for a trend.
 * Each is a figure with a caption, and its numbers are its text, so a screen
 * reader reads the same figures the eye sees.
 */
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 340;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

export interface Bar {
  label: string;
  /** null: withheld (too few to publish). */
  value: number | null;
  /** How the value is written beside its bar. */
  shown: string;
}

function figure(caption: string, chart: SVGSVGElement): HTMLElement {
  const element = document.createElement('figure');
  const text = document.createElement('figcaption');
  text.textContent = caption;
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', `${caption}：${[...chart.querySelectorAll('title')].map((title) => title.textContent).join('；')}`);
  element.append(text, chart);
  return element;
}

/** Horizontal bars, longest at `max` (the largest value by default). */
export function barChart(caption: string, bars: Bar[], max = Math.max(1, ...bars.map((bar) => bar.value ?? 0))): HTMLElement {
  const row = 30;
  const labelWidth = 96;
  const valueWidth = 64;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${bars.length * row}`, class: 'chart' });
  bars.forEach((bar, i) => {
    const y = i * row;
    const length = bar.value === null ? 0 : ((WIDTH - labelWidth - valueWidth) * bar.value) / max;
    const group = svg('g', {});
    group.append(
      svg('title', {}, `${bar.label} ${bar.shown}`),
      svg('text', { x: 0, y: y + 19, class: 'chart-label' }, bar.label),
      svg('rect', { x: labelWidth, y: y + 6, width: Math.max(length, bar.value ? 2 : 0), height: 18, rx: 3, class: 'chart-bar' }),
      svg('text', { x: labelWidth + length + 6, y: y + 19, class: 'chart-value' }, bar.shown),
    );
    chart.append(group);
  });
  return figure(caption, chart);
}

/** Columns over time, e.g. the cases received each month. */
export function columnChart(caption: string, columns: Bar[]): HTMLElement {
  const height = 160;
  const base = height - 24;
  const max = Math.max(1, ...columns.map((column) => column.value ?? 0));
  const step = WIDTH / Math.max(columns.length, 1);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart' });
  chart.append(svg('line', { x1: 0, x2: WIDTH, y1: base, y2: base, class: 'chart-axis' }));
  columns.forEach((column, i) => {
    const tall = column.value === null ? 0 : ((base - 20) * column.value) / max;
    const x = i * step;
    const group = svg('g', {});
    group.append(
      svg('title', {}, `${column.label} ${column.shown}`),
      svg('rect', { x: x + step * 0.15, y: base - tall, width: step * 0.7, height: tall, class: 'chart-bar' }),
      svg('text', { x: x + step / 2, y: base - tall - 4, class: 'chart-value', 'text-anchor': 'middle' }, column.shown),
      svg('text', { x: x + step / 2, y: height - 6, class: 'chart-label', 'text-anchor': 'middle' }, column.label),
    );
    chart.append(group);
  });
  return figure(caption, chart);
}
