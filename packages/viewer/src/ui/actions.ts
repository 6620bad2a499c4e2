/** The side panel's footer: presenter mode, presenter-safe, exports, and remembering the data on this device. */
import type { ViewerState } from '../state/state.js';
import type { UiContext } from './context.js';
import { el, listen, setChildren } from './dom.js';

const EXPORTS = [
  ['png', 'export.png'],
  ['svg', 'export.svg'],
  ['webm', 'export.webm'],
  ['attention', 'export.csvAttention'],
  ['ties', 'export.csvTies'],
  ['growth', 'export.csvGrowth'],
] as const;

export function mountActions(root: HTMLElement, ctx: UiContext): () => void {
  const present = el('button', { class: 'mz-button mz-primary', attrs: { type: 'button', 'data-testid': 'present' } });
  const safe = el('input', { attrs: { type: 'checkbox', 'data-testid': 'safe' } });
  const codeOrgs = el('input', { attrs: { type: 'checkbox', 'data-testid': 'code-organisations' } });
  const safeText = el('span');
  const codeText = el('span');
  const exportSelect = el('select', { class: 'mz-select', attrs: { 'data-testid': 'export' } });
  const busy = el('span', { class: 'mz-muted mz-busy', attrs: { 'data-testid': 'export-status', 'aria-live': 'polite' } });
  const remember = el('input', { attrs: { type: 'checkbox', 'data-testid': 'remember' } });
  const rememberText = el('span');
  const forget = el('button', { class: 'mz-button mz-small', attrs: { type: 'button', 'data-testid': 'forget' } });
  const safeLabel = el('label', { class: 'mz-check' }, [safe, safeText]);
  const codeLabel = el('label', { class: 'mz-check mz-indent' }, [codeOrgs, codeText]);
  const rememberLabel = el('label', { class: 'mz-check' }, [remember, rememberText]);
  root.append(
    el('div', { class: 'mz-foot-row' }, [present, exportSelect, busy]),
    el('div', { class: 'mz-foot-row' }, [safeLabel, codeLabel]),
    el('div', { class: 'mz-foot-row' }, [rememberLabel, forget]),
  );
  const offs = [
    listen(present, 'click', () => ctx.intents.setPresenting(!ctx.store.getState().presenting)),
    listen(safe, 'change', () => ctx.store.dispatch({ type: 'setSafe', on: safe.checked })),
    listen(codeOrgs, 'change', () => ctx.store.dispatch({ type: 'setCodeOrganisations', on: codeOrgs.checked })),
    listen(exportSelect, 'change', () => {
      const v = exportSelect.value;
      exportSelect.value = '';
      if (v) ctx.intents.exportFile(v as (typeof EXPORTS)[number][0]);
    }),
    listen(remember, 'change', () => ctx.intents.setRemember(remember.checked)),
    listen(forget, 'click', () => ctx.intents.forget()),
  ];
  function render(s: ViewerState): void {
    const t = ctx.t();
    present.textContent = s.presenting ? t('action.leave') : t('action.present');
    safe.checked = s.safe;
    safeText.textContent = t('action.safe');
    safeLabel.title = t('action.safeHint');
    codeOrgs.checked = s.codeOrganisations;
    codeOrgs.disabled = !s.safe;
    codeText.textContent = t('action.codeOrgs');
    setChildren(exportSelect, [
      el('option', { text: t('action.export'), attrs: { value: '' } }),
      ...EXPORTS.map(([v, key]) => {
        const o = el('option', { text: t(key), attrs: { value: v } });
        o.disabled = (v === 'ties' && !s.details?.value) || (v === 'attention' && !s.attention?.value) || (v === 'growth' && !s.legend?.growth);
        return o;
      }),
    ]);
    exportSelect.value = '';
    exportSelect.disabled = !s.hasMap || s.exporting !== null;
    busy.textContent = s.exporting ? t(s.exporting as 'export.busy') : '';
    remember.checked = s.remember;
    rememberText.textContent = t('remember.label');
    rememberLabel.title = t('remember.hint');
    forget.textContent = t('remember.forget');
    forget.title = t('remember.forgetHint');
  }
  render(ctx.store.getState());
  offs.push(
    ctx.store.subscribe((s, p) => {
      if (
        s.lang !== p.lang ||
        s.presenting !== p.presenting ||
        s.safe !== p.safe ||
        s.codeOrganisations !== p.codeOrganisations ||
        s.exporting !== p.exporting ||
        s.remember !== p.remember ||
        s.hasMap !== p.hasMap ||
        s.details !== p.details ||
        s.attention !== p.attention ||
        s.legend !== p.legend
      )
        render(s);
    }),
  );
  return () => {
    offs.forEach((f) => f());
    root.replaceChildren();
  };
}
