/** Filters of the map (sector, region, tie class, minimum shared events), applied by the reducers. */
import { activeFilterCount, TIE_CLASS_FILTERS, type TieClassFilter, type ViewerState } from '../state/state.js';
import type { UiContext } from './context.js';
import { el, setChildren } from './dom.js';

export function mountFilters(root: HTMLElement, ctx: UiContext): () => void {
  const details = el('details', { class: 'mz-filters', attrs: { 'data-testid': 'filters' } });
  root.appendChild(details);
  let open = false;
  details.addEventListener('toggle', () => (open = details.open));

  function multi(names: string[], chosen: string[], label: string, testid: string, noneLabel: string, apply: (v: string[]) => void): HTMLElement {
    const select = el('select', { class: 'mz-select mz-multi', attrs: { multiple: '', size: String(Math.min(6, names.length + 1)), 'data-testid': testid, 'aria-label': label } });
    setChildren(select, [...names.map((n) => el('option', { text: n || noneLabel, attrs: { value: n } }))]);
    for (const o of select.options) o.selected = chosen.includes(o.value);
    select.addEventListener('change', () => apply([...select.selectedOptions].map((o) => o.value)));
    return el('label', { class: 'mz-filter' }, [el('span', { class: 'mz-field-label', text: label }), select]);
  }

  function render(s: ViewerState): void {
    const t = ctx.t();
    const f = s.filters;
    const n = activeFilterCount(f);
    const summary = el('summary', { text: n ? t('filters.active', { n }) : t('filters.title') });
    const sectors = (s.legend?.sectors ?? []).map((x) => x.name ?? '');
    const regions = s.legend?.regions ?? [];
    const cls = el('select', { class: 'mz-select', attrs: { 'data-testid': 'filter-class', 'aria-label': t('filters.class') } });
    setChildren(cls, TIE_CLASS_FILTERS.map((c) => el('option', { text: t(`filters.class.${c}`), attrs: { value: c } })));
    cls.value = f.tieClass;
    cls.addEventListener('change', () => ctx.store.dispatch({ type: 'setFilters', filters: { tieClass: cls.value as TieClassFilter } }));
    const min = el('input', { class: 'mz-input mz-number', attrs: { type: 'number', min: '1', step: '1', value: String(f.minShared), 'data-testid': 'filter-min-shared', 'aria-label': t('filters.minShared') } });
    min.addEventListener('change', () => ctx.store.dispatch({ type: 'setFilters', filters: { minShared: Number(min.value) } }));
    const clear = el('button', { class: 'mz-button mz-small', text: t('filters.clear'), attrs: { type: 'button', 'data-testid': 'filter-clear' } });
    clear.disabled = n === 0;
    clear.addEventListener('click', () => ctx.store.dispatch({ type: 'clearFilters' }));
    setChildren(details, [
      summary,
      el('div', { class: 'mz-filter-grid' }, [
        sectors.length ? multi(sectors, f.sectors, t('filters.sector'), 'filter-sector', t('legend.noSector'), (v) => ctx.store.dispatch({ type: 'setFilters', filters: { sectors: v } })) : null,
        regions.length ? multi(regions, f.regions, t('filters.region'), 'filter-region', t('legend.noSector'), (v) => ctx.store.dispatch({ type: 'setFilters', filters: { regions: v } })) : null,
        el('label', { class: 'mz-filter' }, [el('span', { class: 'mz-field-label', text: t('filters.class') }), cls]),
        el('label', { class: 'mz-filter' }, [el('span', { class: 'mz-field-label', text: t('filters.minShared') }), min]),
        clear,
      ]),
    ]);
    details.open = open;
  }
  render(ctx.store.getState());
  const off = ctx.store.subscribe((s, p) => {
    if (s.filters !== p.filters || s.legend !== p.legend || s.lang !== p.lang) render(s);
  });
  return () => {
    off();
    root.replaceChildren();
  };
}
