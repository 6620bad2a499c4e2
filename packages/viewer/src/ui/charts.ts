/**
 * d3 charts of the network: growth curves (organisations, participants, strong and weak ties; core's
 * growthSeries) with a cursor at the timeline's date (a click moves the timeline to the nearest date), the
 * tie-strength distribution and the sector mix of the frame on the map.
 */
import { axisBottom, axisLeft, line, max, scaleBand, scaleLinear, scaleUtc, select, type Selection } from 'd3';
import type { ViewerState } from '../state/state.js';
import type { GrowthCounters } from '../scene/types.js';
import type { UiContext } from './context.js';
import { monthTick } from './details.js';
import { el, setChildren } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const W = 330;

/** The growth series the chart draws (organisation or person ties by the view). */
export const GROWTH_SERIES = [
  { key: 'organisations', label: 'charts.organisations', color: '#2f6f9f' },
  { key: 'people', label: 'charts.people', color: '#e17c05' },
  { key: 'strong', label: 'charts.strong', color: '#1c2230' },
  { key: 'weak', label: 'charts.weak', color: '#9aa0ab' },
] as const;

function value(r: GrowthCounters, key: (typeof GROWTH_SERIES)[number]['key'], orgTies: boolean): number {
  if (key === 'organisations') return r.organisations;
  if (key === 'people') return r.people;
  if (key === 'strong') return orgTies ? r.strong_organisation_ties : r.strong_person_ties;
  return orgTies ? r.weak_organisation_ties : r.weak_person_ties;
}

/** `n` dates spread evenly over a sorted list (first, last and between). */
export function evenTicks(dates: Date[], n: number): Date[] {
  if (dates.length <= n) return dates;
  return Array.from({ length: n }, (_, i) => dates[Math.round((i * (dates.length - 1)) / (n - 1))]!);
}

function svgBox(width: number, height: number, cls: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('class', `mz-chart ${cls}`);
  return svg;
}

export function mountCharts(root: HTMLElement, ctx: UiContext): () => void {
  root.setAttribute('data-testid', 'charts');
  const growthBox = el('div', { class: 'mz-chart-box' });
  const strengthBox = el('div', { class: 'mz-chart-box' });
  const sectorBox = el('div', { class: 'mz-chart-box' });
  root.append(growthBox, strengthBox, sectorBox);
  let cursor: Selection<SVGLineElement, unknown, null, undefined> | null = null;
  let xOf: ((step: number) => number) | null = null;

  function renderGrowth(s: ViewerState): void {
    const t = ctx.t();
    const g = s.legend?.growth ?? null;
    cursor = null;
    xOf = null;
    if (!g || g.length === 0) {
      setChildren(growthBox, [el('h3', { text: t('charts.growth') }), el('p', { class: 'mz-muted', text: t('charts.noGrowth') })]);
      return;
    }
    const orgTies = s.legend!.organisationTies;
    const series = GROWTH_SERIES.filter((x) => s.legend!.hasOrganisations || x.key !== 'organisations');
    const h = 190, m = { l: 40, r: 10, t: 8, b: 24 };
    const svg = svgBox(W, h, 'mz-growth-chart');
    svg.setAttribute('data-testid', 'growth-chart');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('charts.growth'));
    const dates = g.map((r) => new Date(r.date + 'T00:00:00Z'));
    const x = scaleUtc().domain([dates[0]!, dates[dates.length - 1]!]).range([m.l, W - m.r]);
    const top = max(g, (r) => Math.max(...series.map((k) => value(r, k.key, orgTies)))) ?? 1;
    const y = scaleLinear().domain([0, Math.max(1, top)]).nice().range([h - m.b, m.t]);
    const root2 = select(svg);
    root2.append('g').attr('transform', `translate(0,${h - m.b})`).call(axisBottom(x).tickValues(evenTicks(dates, 3)).tickFormat((v) => monthTick(s.lang)(v as Date)).tickSizeOuter(0)).attr('font-size', 10.5).attr('color', '#5d6677');
    root2.append('g').attr('transform', `translate(${m.l},0)`).call(axisLeft(y).ticks(5).tickSizeOuter(0)).attr('font-size', 10.5).attr('color', '#5d6677');
    for (const k of series) {
      const path = line<GrowthCounters>()
        .x((_, i) => x(dates[i]!))
        .y((r) => y(value(r, k.key, orgTies)));
      root2.append('path').attr('d', path(g)).attr('fill', 'none').attr('stroke', k.color).attr('stroke-width', 2).attr('data-series', k.key);
    }
    xOf = (step) => x(dates[Math.max(0, Math.min(dates.length - 1, step))]!);
    cursor = root2.append('line').attr('class', 'mz-cursor').attr('y1', m.t).attr('y2', h - m.b).attr('stroke', '#c0262d').attr('stroke-width', 1.5).attr('data-testid', 'growth-cursor');
    // A transparent layer takes the clicks: the nearest date step becomes the timeline's step.
    root2
      .append('rect')
      .attr('x', m.l)
      .attr('y', m.t)
      .attr('width', W - m.l - m.r)
      .attr('height', h - m.t - m.b)
      .attr('fill', 'transparent')
      .style('cursor', 'pointer')
      .on('click', (e: MouseEvent) => {
        const bounds = svg.getBoundingClientRect();
        const when = x.invert(e.clientX - bounds.left).getTime();
        let best = 0;
        for (let i = 1; i < dates.length; i++) if (Math.abs(dates[i]!.getTime() - when) < Math.abs(dates[best]!.getTime() - when)) best = i;
        ctx.store.dispatch({ type: 'pause' });
        if (ctx.store.getState().mode === 'meeting') ctx.intents.setMode('cumulative');
        ctx.store.dispatch({ type: 'setStep', step: best });
      });
    const keys = el(
      'div',
      { class: 'mz-chart-keys' },
      series.map((k) => el('span', { class: 'mz-chart-key' }, [el('i', { class: 'mz-key-swatch', attrs: { style: `background:${k.color}` } }), el('span', { text: t(k.label) })])),
    );
    const csv = el('button', { class: 'mz-button mz-small', text: t('export.csvGrowth'), attrs: { type: 'button', 'data-testid': 'csv-growth' } });
    csv.addEventListener('click', () => ctx.intents.exportFile('growth'));
    setChildren(growthBox, [el('h3', { text: t('charts.growth') }), keys, svg, el('p', { class: 'mz-muted mz-small-text', text: t('charts.growthHint') }), csv]);
    moveCursor(s);
  }

  function moveCursor(s: ViewerState): void {
    if (!cursor || !xOf) return;
    const g = s.legend?.growth;
    const date = s.frameInfo?.date;
    // The cursor follows the date on the map (meeting mode: the meeting's date).
    const step = g && date ? g.findIndex((r) => r.date === date) : s.step;
    const xv = xOf(step >= 0 ? step : s.step);
    cursor.attr('x1', xv).attr('x2', xv).attr('data-step', String(step));
  }

  function renderBars(s: ViewerState): void {
    const t = ctx.t();
    const f = s.frameInfo;
    const strongMin = s.legend?.strongMin ?? 3;
    if (!f || f.strength.every((v) => v === 0)) {
      setChildren(strengthBox, [el('h3', { text: t('charts.strength') }), el('p', { class: 'mz-muted', text: t('charts.noTies') })]);
    } else {
      const h = 130, m = { l: 40, r: 10, t: 8, b: 22 };
      const svg = svgBox(W, h, 'mz-strength-chart');
      svg.setAttribute('data-testid', 'strength-chart');
      const labels = f.strength.map((_, i) => (i === f.strength.length - 1 ? `${i + 1}+` : String(i + 1)));
      const x = scaleBand<string>().domain(labels).range([m.l, W - m.r]).padding(0.18);
      const y = scaleLinear().domain([0, Math.max(1, max(f.strength) ?? 1)]).nice().range([h - m.b, m.t]);
      const r = select(svg);
      r.append('g').attr('transform', `translate(0,${h - m.b})`).call(axisBottom(x).tickSizeOuter(0)).attr('font-size', 10.5).attr('color', '#5d6677');
      r.append('g').attr('transform', `translate(${m.l},0)`).call(axisLeft(y).ticks(4).tickSizeOuter(0)).attr('font-size', 10.5).attr('color', '#5d6677');
      r.append('g')
        .selectAll('rect')
        .data(f.strength)
        .join('rect')
        .attr('x', (_, i) => x(labels[i]!)!)
        .attr('width', x.bandwidth())
        .attr('y', (v) => y(v))
        .attr('height', (v) => h - m.b - y(v))
        .attr('fill', (_, i) => (i + 1 >= strongMin ? '#5d6983' : '#c3c7cf'));
      setChildren(strengthBox, [el('h3', { text: t('charts.strength') }), svg, el('p', { class: 'mz-muted mz-small-text', text: t('legend.rule', { strongMin, fadeAfter: '' }).split(';')[0]! })]);
    }
    if (!f || !f.sectorMix.length) {
      sectorBox.replaceChildren();
      return;
    }
    const rowH = 17;
    const mix = f.sectorMix;
    const h = mix.length * rowH + 6;
    const svg = svgBox(W, h, 'mz-sector-chart');
    svg.setAttribute('data-testid', 'sector-chart');
    const top = max(mix, (d) => d.count) ?? 1;
    const x = scaleLinear().domain([0, top]).range([0, W - 170]);
    const r = select(svg);
    const g = r.selectAll('g').data(mix).join('g').attr('transform', (_, i) => `translate(0,${i * rowH + 3})`);
    g.append('text').attr('x', 126).attr('y', 11).attr('text-anchor', 'end').attr('font-size', 11.5).attr('fill', '#1c2230').text((d) => d.name ?? t('legend.noSector'));
    g.append('rect').attr('x', 132).attr('y', 2).attr('height', rowH - 5).attr('width', (d) => Math.max(1, x(d.count))).attr('fill', (d) => d.color);
    g.append('text').attr('x', (d) => 136 + x(d.count)).attr('y', 11).attr('font-size', 11).attr('fill', '#5d6677').text((d) => String(d.count));
    setChildren(sectorBox, [el('h3', { text: t('charts.sectors') }), svg]);
  }

  const active = (s: ViewerState) => s.tab === 'charts';
  let stale = true;
  function full(s: ViewerState): void {
    renderGrowth(s);
    renderBars(s);
    stale = false;
  }
  if (active(ctx.store.getState())) full(ctx.store.getState());
  const off = ctx.store.subscribe((s, p) => {
    if (s.legend !== p.legend || s.lang !== p.lang) stale = true;
    if (!active(s)) return;
    if (stale || !active(p)) return full(s);
    if (s.frameInfo !== p.frameInfo) {
      moveCursor(s);
      renderBars(s);
    }
  });
  return () => {
    off();
    root.replaceChildren();
  };
}
