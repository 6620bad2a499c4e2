/**
 * Partner details: who it is, its attention reasons, its attendance over time (a small d3 chart) and its ties
 * as core's network builder reports them as of the timeline's date (class, state, shared events, dates).
 * The map highlights its ego network through the reducers (selection).
 */
import { axisBottom, scaleUtc, select } from 'd3';
import { formatDate, type Lang } from '../i18n/index.js';
import type { ViewerState } from '../state/state.js';
import type { DetailsView } from '../worker/protocol.js';
import type { UiContext } from './context.js';
import { el, setChildren } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Short month-and-year tick labels in the interface language. */
export function monthTick(lang: Lang): (d: Date) => string {
  const f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-BE' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (d) => f.format(d);
}

/** The attendance timeline: one mark per attended event on a time axis up to the as-of date. */
export function attendanceChart(d: DetailsView, lang: Lang, range: [string, string] | null, width = 320): SVGSVGElement {
  const height = 64;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('class', 'mz-chart mz-attendance-chart');
  svg.setAttribute('aria-hidden', 'true');
  const dates = d.attendance.map((a) => a.date).filter((x): x is string => x !== null);
  if (!dates.length) return svg;
  const lo = range?.[0] ?? dates[0]!;
  const hi = range?.[1] ?? d.asOf ?? dates[dates.length - 1]!;
  const x = scaleUtc()
    .domain([new Date(lo + 'T00:00:00Z'), new Date((hi > lo ? hi : lo) + 'T00:00:00Z')])
    .range([10, width - 10]);
  const root = select(svg);
  root.append('line').attr('x1', 10).attr('x2', width - 10).attr('y1', 28).attr('y2', 28).attr('stroke', '#c9ccd3');
  root
    .append('g')
    .selectAll('circle')
    .data(dates)
    .join('circle')
    .attr('cx', (v) => x(new Date(v + 'T00:00:00Z')))
    .attr('cy', 28)
    .attr('r', 4.5)
    .attr('fill', '#2f6f9f')
    .attr('fill-opacity', 0.75);
  const axis = axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickFormat((v) => monthTick(lang)(v as Date)).tickSizeOuter(0);
  root.append('g').attr('transform', 'translate(0,40)').call(axis).attr('font-size', 11).attr('color', '#5d6677');
  return svg;
}

export function mountDetails(root: HTMLElement, ctx: UiContext): () => void {
  root.setAttribute('data-testid', 'details');

  function render(s: ViewerState): void {
    const t = ctx.t();
    const an = s.details;
    const d = an?.value ?? null;
    if (s.selected === null) {
      setChildren(root, [el('p', { class: 'mz-muted', text: t('details.empty') })]);
      return;
    }
    if (!/^[PO]\d/.test(s.selected)) {
      setChildren(root, [el('p', { class: 'mz-muted', text: t('details.event') })]);
      return;
    }
    if (!d) {
      setChildren(root, [el('p', { class: 'mz-muted mz-busy', text: an?.status === 'error' ? t('attention.failed', { message: an.error ?? '' }) : t('details.loading') })]);
      return;
    }
    const back = el('button', { class: 'mz-button mz-small', text: t('details.back'), attrs: { type: 'button', 'data-testid': 'details-back' } });
    back.addEventListener('click', () => ctx.store.dispatch({ type: 'select', node: null }));
    const facts: string[] = [];
    if (d.sector) facts.push(t('details.sector', { value: d.sector }));
    if (d.region) facts.push(t('details.region', { value: d.region }));
    if (d.organisation) facts.push(t('details.organisation', { value: d.organisation }));
    const counts: string[] = [t('counter.events', { n: d.events })];
    if (d.people !== null) counts.push(d.people === 1 ? t('details.personOne') : t('details.people', { n: d.people }));
    if (d.internalTies) counts.push(t('details.internal', { n: d.internalTies }));
    const head = el('div', { class: 'mz-details-head' }, [
      el('div', { class: 'mz-kind', text: t(d.kind === 'person' ? 'node.person' : 'node.organisation') }),
      el('h2', { class: 'mz-side-title', text: d.name, attrs: { 'data-testid': 'details-name' } }),
      el('p', { class: 'mz-muted', text: facts.join(' · ') }),
      el('p', { class: 'mz-muted', text: counts.join(' · ') }),
      d.firstSeen ? el('p', { class: 'mz-muted', text: t('details.seen', { first: formatDate(s.lang, d.firstSeen), last: formatDate(s.lang, d.lastSeen) }) }) : null,
      d.asOf ? el('p', { class: 'mz-muted', text: t('attention.asOf', { date: formatDate(s.lang, d.asOf) }) }) : null,
    ]);
    const reasons = d.reasons.length
      ? el('div', { class: 'mz-details-reasons', attrs: { 'data-testid': 'details-reasons' } }, [
          el('h3', { text: t('details.reasons', { score: d.score }) }),
          el('ul', { class: 'mz-reasons-list' }, d.reasons.map((r) => el('li', { text: r[s.lang], attrs: { 'data-code': r.code } }))),
          d.suggestions.length
            ? el('div', { class: 'mz-intro' }, [
                el('span', { class: 'mz-intro-label', text: t('attention.introduce') + ': ' }),
                ...d.suggestions.map((x) => {
                  const b = el('button', { class: 'mz-link', text: x.name, title: x[s.lang], attrs: { type: 'button', 'data-id': x.id } });
                  b.addEventListener('click', () => ctx.intents.focusNode(x.id));
                  return el('span', { class: 'mz-intro-item' }, [b, el('span', { class: 'mz-muted', text: ' ' + x[s.lang] })]);
                }),
              ])
            : null,
        ])
      : el('p', { class: 'mz-muted', text: t('details.noReasons') });
    const growth = s.legend?.growth;
    const range: [string, string] | null = growth && growth.length ? [growth[0]!.date, d.asOf ?? growth[growth.length - 1]!.date] : null;
    const attendance = el('div', { class: 'mz-details-attendance' }, [el('h3', { text: t('details.attendance', { n: d.attendance.length }) }), attendanceChart(d, s.lang, range)]);
    const rows = d.ties.map((x) => {
      const name = el('button', { class: 'mz-link', text: x.name, attrs: { type: 'button', 'data-id': x.id } });
      name.addEventListener('click', () => ctx.intents.focusNode(x.id));
      return el('tr', { class: `is-${x.class} is-${x.state}`, attrs: { 'data-id': x.id } }, [
        el('td', {}, [name]),
        el('td', { class: 'mz-num', text: String(x.shared_events) }),
        el('td', {}, [el('span', { class: `mz-tag is-${x.class}`, text: t(`tie.${x.class}`) }), x.state === 'fading' ? el('span', { class: 'mz-tag is-fading', text: t('tie.fading') }) : null]),
        el('td', { class: 'mz-date', text: x.last_shared ?? '' }),
      ]);
    });
    const csv = el('button', { class: 'mz-button mz-small', text: t('export.csvTies'), attrs: { type: 'button', 'data-testid': 'csv-ties' } });
    csv.addEventListener('click', () => ctx.intents.exportFile('ties'));
    const ties = d.ties.length
      ? el('table', { class: 'mz-ties', attrs: { 'data-testid': 'details-ties' } }, [
          el('thead', {}, [
            el('tr', {}, [
              el('th', { text: t('details.col.partner') }),
              el('th', { text: t('details.col.shared') }),
              el('th', { text: t('details.col.class') }),
              el('th', { text: t('details.col.last') }),
            ]),
          ]),
          el('tbody', {}, rows),
        ])
      : el('p', { class: 'mz-muted', text: t('details.noTies') });
    setChildren(root, [back, head, reasons, attendance, el('h3', { text: t('details.ties', { n: d.ties.length }) }), ties, d.ties.length ? csv : null]);
  }
  render(ctx.store.getState());
  const off = ctx.store.subscribe((s, p) => {
    if (s.details !== p.details || s.selected !== p.selected || s.lang !== p.lang) render(s);
  });
  return () => {
    off();
    root.replaceChildren();
  };
}
