/** The legend: sector colours, the size rule (with a switch), edge styles and the tie rule in words. */
import { durationText } from '../i18n/captions.js';
import { EVENT_COLOR } from '../scene/palette.js';
import { EDGE_LOOKS } from '../render/style.js';
import { EDGE_PLAIN, EDGE_STRONG, EDGE_STRONG_FADING, EDGE_WEAK } from '../scene/types.js';
import type { ViewerState } from '../state/state.js';
import type { UiContext } from './context.js';
import { discSwatch, el, lineSwatch, setChildren } from './dom.js';

export { durationText } from '../i18n/captions.js';

export function mountLegend(root: HTMLElement, ctx: UiContext): () => void {
  root.setAttribute('data-testid', 'legend');
  function render(s: ViewerState): void {
    const t = ctx.t();
    const l = s.legend;
    if (!l) {
      root.replaceChildren();
      return;
    }
    const sectorRows = l.sectors.map((x) =>
      el('li', { class: 'mz-legend-row' }, [discSwatch(x.color), el('span', { class: 'mz-legend-text', text: x.name ?? t('legend.noSector') }), el('span', { class: 'mz-legend-count', text: String(x.count) })]),
    );
    if (l.hasEvents) sectorRows.push(el('li', { class: 'mz-legend-row' }, [discSwatch(EVENT_COLOR, 4), el('span', { class: 'mz-legend-text', text: t('legend.events') })]));
    const sizeSelect = el('select', { class: 'mz-select mz-small', attrs: { 'data-testid': 'size-by' } }, [
      el('option', { text: t('legend.sizeBy.ties'), attrs: { value: 'ties' } }),
      el('option', { text: t('legend.sizeBy.attendance'), attrs: { value: 'attendance' } }),
    ]);
    sizeSelect.value = s.sizeBy;
    sizeSelect.addEventListener('change', () => ctx.store.dispatch({ type: 'setSizeBy', sizeBy: sizeSelect.value === 'attendance' ? 'attendance' : 'ties' }));
    const edgeRows: HTMLElement[] = [];
    const line = (cls: number, key: 'legend.strong' | 'legend.weak' | 'legend.fading' | 'legend.membership' | 'legend.attendance') => {
      const look = EDGE_LOOKS[cls]!;
      edgeRows.push(el('li', { class: 'mz-legend-row' }, [lineSwatch(look.color, Math.max(1, look.size)), el('span', { class: 'mz-legend-text', text: t(key) })]));
    };
    if (l.hasTies) {
      line(EDGE_STRONG, 'legend.strong');
      line(EDGE_WEAK, 'legend.weak');
      if (l.dated) line(EDGE_STRONG_FADING, 'legend.fading');
    }
    if (s.view === 'people-organisations') line(EDGE_PLAIN, 'legend.membership');
    if (s.view === 'two-mode') line(EDGE_PLAIN, 'legend.attendance');
    const children: (Node | null)[] = [
      el('div', { class: 'mz-legend-title', text: t('legend.sectors') }),
      el('ul', { class: 'mz-legend-list mz-legend-sectors' }, sectorRows),
      el('div', { class: 'mz-legend-size' }, [el('span', { text: t('legend.sizeBy') + ' ' }), sizeSelect]),
      el('ul', { class: 'mz-legend-list' }, edgeRows),
      l.hasTies ? el('p', { class: 'mz-legend-rule', text: t('legend.rule', { strongMin: l.strongMin, fadeAfter: durationText(t, l.fadeAfter) }), attrs: { 'data-testid': 'legend-rule' } }) : null,
    ];
    if (l.hasPeople) {
      const box = el('input', { attrs: { type: 'checkbox', 'data-testid': 'person-labels' } });
      box.checked = s.personLabels;
      box.addEventListener('change', () => ctx.store.dispatch({ type: 'setPersonLabels', on: box.checked }));
      children.push(el('label', { class: 'mz-check' }, [box, el('span', { text: t('legend.personLabels') })]));
    }
    setChildren(root, children);
  }
  render(ctx.store.getState());
  const off = ctx.store.subscribe((s, p) => {
    if (s.legend !== p.legend || s.lang !== p.lang || s.sizeBy !== p.sizeBy || s.personLabels !== p.personLabels || s.view !== p.view) render(s);
  });
  return () => {
    off();
    root.replaceChildren();
  };
}
