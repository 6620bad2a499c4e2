/**
 * Static SVG charts for the report, drawn in Node with d3's scales and shape generators (no DOM, no script):
 * a time line chart, a stacked histogram and horizontal bars. Coordinates are rounded so output is stable.
 */
import { curveMonotoneX, line, max, scaleBand, scaleLinear, scaleUtc } from 'd3';
import { escapeHtml } from './escape.js';

/** One line of a line chart. */
export interface LineSeries {
  label: string;
  color: string;
  values: { date: string; value: number }[];
  dashed?: boolean;
}

export interface ChartFrame {
  width: number;
  height: number;
  /** Accessible title (read by screen readers, shown as tooltip). */
  title: string;
  /** Month names for the time axis (12 short names). */
  months?: readonly string[];
}

const M = { top: 14, right: 118, bottom: 28, left: 46 };
const r1 = (v: number) => Math.round(v * 10) / 10;

function dateOf(iso: string): Date {
  return new Date(iso + 'T00:00:00Z');
}

function numberTick(v: number): string {
  return Math.abs(v) >= 10000 ? `${r1(v / 1000)}k` : String(r1(v));
}

function open(frame: ChartFrame, cls: string): string {
  return `<svg class="chart ${cls}" viewBox="0 0 ${frame.width} ${frame.height}" width="100%" role="img" aria-label="${escapeHtml(frame.title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(frame.title)}</title>`;
}

/** A line chart over ISO dates: gridlines, y axis, month/year x axis, labels at the line ends. */
export function lineChart(series: readonly LineSeries[], frame: ChartFrame): string {
  const all = series.flatMap((s) => s.values);
  if (all.length === 0) return '';
  const dates = all.map((v) => dateOf(v.date).getTime());
  const x0 = Math.min(...dates), x1 = Math.max(...dates);
  const x = scaleUtc().domain([new Date(x0), new Date(x1 === x0 ? x0 + 86_400_000 : x1)]).range([M.left, frame.width - M.right]);
  const y = scaleLinear().domain([0, Math.max(1, max(all, (v) => v.value) ?? 1)]).nice(5).range([frame.height - M.bottom, M.top]);
  const parts: string[] = [open(frame, 'line-chart')];
  for (const t of y.ticks(5)) {
    parts.push(`<line class="grid" x1="${M.left}" x2="${frame.width - M.right}" y1="${r1(y(t))}" y2="${r1(y(t))}"/>`);
    parts.push(`<text class="tick" x="${M.left - 6}" y="${r1(y(t)) + 3}" text-anchor="end">${escapeHtml(numberTick(t))}</text>`);
  }
  const months = frame.months;
  const spanDays = (x1 - x0) / 86_400_000;
  for (const t of x.ticks(spanDays > 900 ? 6 : 8)) {
    const label = months && (t.getUTCMonth() !== 0 || spanDays < 400) ? `${months[t.getUTCMonth()]}${t.getUTCMonth() === 0 ? ' ' + t.getUTCFullYear() : ''}` : String(t.getUTCFullYear());
    parts.push(`<line class="axis" x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${frame.height - M.bottom}" y2="${frame.height - M.bottom + 4}"/>`);
    parts.push(`<text class="tick" x="${r1(x(t))}" y="${frame.height - M.bottom + 16}" text-anchor="middle">${escapeHtml(label)}</text>`);
  }
  parts.push(`<line class="axis" x1="${M.left}" x2="${frame.width - M.right}" y1="${frame.height - M.bottom}" y2="${frame.height - M.bottom}"/>`);
  const gen = line<{ date: string; value: number }>()
    .x((v) => x(dateOf(v.date)))
    .y((v) => y(v.value))
    .curve(curveMonotoneX)
    .digits(1);
  // End labels, nudged apart so they never overlap.
  const ends = series
    .filter((s) => s.values.length > 0)
    .map((s) => ({ s, last: s.values[s.values.length - 1]!, y: y(s.values[s.values.length - 1]!.value) }))
    .sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) if (ends[i]!.y - ends[i - 1]!.y < 13) ends[i]!.y = ends[i - 1]!.y + 13;
  for (const s of series) {
    if (s.values.length === 0) continue;
    parts.push(`<path class="series" d="${gen(s.values) ?? ''}" stroke="${s.color}"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    if (s.values.length === 1) {
      const v = s.values[0]!;
      parts.push(`<circle cx="${r1(x(dateOf(v.date)))}" cy="${r1(y(v.value))}" r="3" fill="${s.color}"/>`);
    }
  }
  for (const e of ends) {
    parts.push(`<text class="end-label" x="${frame.width - M.right + 6}" y="${r1(e.y) + 4}" fill="${e.s.color}">${escapeHtml(`${e.s.label} ${e.last.value}`)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/** One column of a stacked column chart. */
export interface StackedColumn {
  label: string;
  values: number[];
}

/** Stacked columns (e.g. number of ties per shared-event count, split strong / weak). */
export function stackedColumns(columns: readonly StackedColumn[], keys: readonly { label: string; color: string }[], frame: ChartFrame & { xLabel: string; yLabel: string; marker?: { at: string; label: string } }): string {
  if (columns.length === 0) return '';
  const m = { top: 22, right: 12, bottom: 40, left: 46 };
  const x = scaleBand().domain(columns.map((c) => c.label)).range([m.left, frame.width - m.right]).paddingInner(0.18).paddingOuter(0.1);
  const top = Math.max(1, ...columns.map((c) => c.values.reduce((a, b) => a + b, 0)));
  const y = scaleLinear().domain([0, top]).nice(5).range([frame.height - m.bottom, m.top]);
  const parts: string[] = [open(frame, 'column-chart')];
  for (const t of y.ticks(5)) {
    parts.push(`<line class="grid" x1="${m.left}" x2="${frame.width - m.right}" y1="${r1(y(t))}" y2="${r1(y(t))}"/>`);
    parts.push(`<text class="tick" x="${m.left - 6}" y="${r1(y(t)) + 3}" text-anchor="end">${escapeHtml(numberTick(t))}</text>`);
  }
  const bw = x.bandwidth();
  const every = Math.ceil(columns.length / 24);
  columns.forEach((c, ci) => {
    let acc = 0;
    c.values.forEach((v, k) => {
      if (v <= 0) return;
      const y0 = y(acc), y1 = y(acc + v);
      acc += v;
      parts.push(`<rect class="bar" x="${r1(x(c.label) ?? 0)}" y="${r1(y1)}" width="${r1(bw)}" height="${r1(Math.max(0.5, y0 - y1))}" fill="${keys[k]?.color ?? '#999'}"><title>${escapeHtml(`${c.label}: ${v} ${keys[k]?.label ?? ''}`)}</title></rect>`);
    });
    if (ci % every === 0) parts.push(`<text class="tick" x="${r1((x(c.label) ?? 0) + bw / 2)}" y="${frame.height - m.bottom + 14}" text-anchor="middle">${escapeHtml(c.label)}</text>`);
  });
  if (frame.marker) {
    const mx = x(frame.marker.at);
    if (mx != null) {
      const px = r1(mx - (x.step() - bw) / 2);
      parts.push(`<line class="marker" x1="${px}" x2="${px}" y1="${m.top - 6}" y2="${frame.height - m.bottom}"/>`);
      parts.push(`<text class="marker-label" x="${px + 4}" y="${m.top - 8}">${escapeHtml(frame.marker.label)}</text>`);
    }
  }
  parts.push(`<line class="axis" x1="${m.left}" x2="${frame.width - m.right}" y1="${frame.height - m.bottom}" y2="${frame.height - m.bottom}"/>`);
  parts.push(`<text class="axis-label" x="${(m.left + frame.width - m.right) / 2}" y="${frame.height - 6}" text-anchor="middle">${escapeHtml(frame.xLabel)}</text>`);
  parts.push(`<text class="axis-label" transform="translate(12 ${(m.top + frame.height - m.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(frame.yLabel)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** One horizontal bar, optionally split into two stacked parts. */
export interface HBar {
  label: string;
  value: number;
  color: string;
  /** Text after the bar (default: the value). */
  note?: string;
}

/** Horizontal bars with labels on the left and values on the right (sector mix, tie classes). */
export function horizontalBars(bars: readonly HBar[], frame: Omit<ChartFrame, 'height'> & { labelWidth?: number }): string {
  if (bars.length === 0) return '';
  const row = 22;
  const labelWidth = frame.labelWidth ?? 190;
  const height = bars.length * row + 8;
  const x = scaleLinear().domain([0, Math.max(1, ...bars.map((b) => b.value))]).range([0, frame.width - labelWidth - 70]);
  const parts: string[] = [open({ ...frame, height }, 'bar-chart')];
  bars.forEach((b, i) => {
    const y = 4 + i * row;
    const label = b.label.length > 30 ? b.label.slice(0, 29) + '…' : b.label;
    parts.push(`<text class="bar-label" x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(label)}</text>`);
    parts.push(`<rect class="bar" x="${labelWidth}" y="${y + 3}" width="${r1(Math.max(b.value > 0 ? 1 : 0, x(b.value)))}" height="${row - 8}" rx="2" fill="${b.color}"><title>${escapeHtml(`${b.label}: ${b.note ?? b.value}`)}</title></rect>`);
    parts.push(`<text class="bar-value" x="${r1(labelWidth + x(b.value) + 6)}" y="${y + 14}">${escapeHtml(b.note ?? String(b.value))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
