/** The side panel beside the map: search, filters, tabs (attention list, partner details, charts), actions. */
import { TABS, type Tab, type ViewerState } from '../state/state.js';
import { mountActions } from './actions.js';
import { mountAttention } from './attention.js';
import { mountCharts } from './charts.js';
import type { UiContext } from './context.js';
import { mountDetails } from './details.js';
import { el, setChildren } from './dom.js';
import { mountFilters } from './filters.js';
import { mountSearch } from './search.js';

export function mountSidebar(root: HTMLElement, ctx: UiContext): () => void {
  root.setAttribute('data-testid', 'sidebar');
  const search = el('div', { class: 'mz-side-search' });
  const filters = el('div', { class: 'mz-side-filters' });
  const tabs = el('div', { class: 'mz-tabs', attrs: { role: 'tablist' } });
  const bodies: Record<Tab, HTMLElement> = {
    attention: el('section', { class: 'mz-tab-body', attrs: { role: 'tabpanel' } }),
    details: el('section', { class: 'mz-tab-body', attrs: { role: 'tabpanel' } }),
    charts: el('section', { class: 'mz-tab-body', attrs: { role: 'tabpanel' } }),
  };
  const scroll = el('div', { class: 'mz-side-scroll' }, TABS.map((k) => bodies[k]));
  const foot = el('div', { class: 'mz-side-foot' });
  root.append(search, filters, tabs, scroll, foot);
  const disposers = [
    mountSearch(search, ctx),
    mountFilters(filters, ctx),
    mountAttention(bodies.attention, ctx),
    mountDetails(bodies.details, ctx),
    mountCharts(bodies.charts, ctx),
    mountActions(foot, ctx),
  ];
  function render(s: ViewerState): void {
    const t = ctx.t();
    tabs.setAttribute('aria-label', t('tab.label'));
    setChildren(
      tabs,
      TABS.map((k) => {
        const b = el('button', {
          class: 'mz-tab' + (s.tab === k ? ' is-active' : ''),
          text: t(`tab.${k}`),
          attrs: { type: 'button', role: 'tab', 'aria-selected': String(s.tab === k), 'data-tab': k },
        });
        b.addEventListener('click', () => ctx.store.dispatch({ type: 'setTab', tab: k }));
        return b;
      }),
    );
    for (const k of TABS) bodies[k].hidden = s.tab !== k;
  }
  render(ctx.store.getState());
  const off = ctx.store.subscribe((s, p) => {
    if (s.tab !== p.tab || s.lang !== p.lang) render(s);
  });
  return () => {
    off();
    disposers.forEach((d) => d());
    root.replaceChildren();
  };
}
