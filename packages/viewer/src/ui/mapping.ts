/** The column-mapping step: one select per column, shown when core's header detection is unsure. */
import { FIELDS } from '@mycorrhiza/core';
import type { ViewerState } from '../state/state.js';
import type { UiContext } from './context.js';
import { el, setChildren } from './dom.js';

export function mountMapping(root: HTMLElement, ctx: UiContext): () => void {
  root.setAttribute('data-testid', 'mapping');
  function render(s: ViewerState): void {
    const t = ctx.t();
    const m = s.mapping;
    root.hidden = !m;
    if (!m) {
      root.replaceChildren();
      return;
    }
    const selects = m.headers.map((h, i) => {
      const select = el('select', { class: 'mz-select', attrs: { 'data-header': h } }, [
        el('option', { text: t('mapping.ignore'), attrs: { value: '' } }),
        ...FIELDS.map((f) => el('option', { text: t(`field.${f}`), attrs: { value: f } })),
      ]);
      select.value = m.mapping[i] ?? '';
      return select;
    });
    const missing = el('p', { class: 'mz-mapping-missing is-error' });
    const confirm = el('button', { class: 'mz-button mz-primary', text: t('mapping.confirm'), attrs: { type: 'button', 'data-testid': 'mapping-confirm' } });
    const cancel = el('button', { class: 'mz-button', text: t('mapping.cancel'), attrs: { type: 'button' } });
    const check = (): boolean => {
      const chosen = new Set(selects.map((x) => x.value));
      const need: string[] = [];
      if (!chosen.has('event')) need.push(t('field.event'));
      if (!chosen.has('person') && !chosen.has('organisation')) need.push(`${t('field.person')} / ${t('field.organisation')}`);
      missing.textContent = need.length ? t('mapping.missing', { fields: need.join(', ') }) : '';
      confirm.disabled = need.length > 0;
      return need.length === 0;
    };
    selects.forEach((x) => x.addEventListener('change', check));
    check();
    confirm.addEventListener('click', () => {
      if (!check()) return;
      const map: Record<string, string | null> = {};
      m.headers.forEach((h, i) => (map[h] = selects[i]!.value || null));
      ctx.intents.confirmMapping(map);
    });
    cancel.addEventListener('click', () => ctx.intents.cancelMapping());
    const rows = m.headers.map((h, i) =>
      el('tr', {}, [el('th', { text: h }), el('td', {}, [selects[i]!]), el('td', { class: 'mz-sample', text: m.samples[i] ? t('mapping.sample', { value: m.samples[i]! }) : '' })]),
    );
    setChildren(root, [
      el('div', { class: 'mz-dialog', attrs: { role: 'dialog', 'aria-modal': 'true' } }, [
        el('h2', { text: t('mapping.title') }),
        el('p', { text: t('mapping.intro', { file: m.file }) }),
        el('table', { class: 'mz-mapping-table' }, [el('tbody', {}, rows)]),
        m.reasons.length ? el('ul', { class: 'mz-reasons' }, m.reasons.map((r) => el('li', { text: r }))) : null,
        missing,
        el('div', { class: 'mz-dialog-actions' }, [cancel, confirm]),
      ]),
    ]);
  }
  render(ctx.store.getState());
  const off = ctx.store.subscribe((s, p) => {
    if (s.mapping !== p.mapping || s.lang !== p.lang) render(s);
  });
  return () => {
    off();
    root.replaceChildren();
  };
}
