/** The top bar: title, example picker, file opener, view switch and language. */
import { LANGS, type Lang } from '../i18n/index.js';
import { VIEWS, type ViewKind } from '../scene/types.js';
import type { ExampleName, ViewerState } from '../state/state.js';
import type { UiContext } from './context.js';
import { el, listen, setChildren } from './dom.js';

export function mountToolbar(root: HTMLElement, ctx: UiContext): () => void {
  const offs: (() => void)[] = [];
  const title = el('div', { class: 'mz-brand' });
  const picker = el('select', { class: 'mz-select', attrs: { 'data-testid': 'example-picker' } });
  const pickerLabel = el('label', { class: 'mz-field' });
  const fileInput = el('input', { attrs: { type: 'file', multiple: '', accept: '.csv,.tsv,.txt,.xlsx,.json,text/csv,application/json', 'data-testid': 'file-input' }, class: 'mz-hidden' });
  const openButton = el('button', { class: 'mz-button', attrs: { type: 'button', 'data-testid': 'open-files' } });
  const views = el('div', { class: 'mz-segmented', attrs: { role: 'group', 'data-testid': 'view-switch' } });
  const lang = el('select', { class: 'mz-select mz-lang', attrs: { 'data-testid': 'lang' } });
  root.append(title, pickerLabel, openButton, fileInput, views, lang);

  offs.push(
    listen(picker, 'change', () => {
      if (picker.value.startsWith('example:')) ctx.intents.loadExample(picker.value.slice(8) as ExampleName);
    }),
    listen(openButton, 'click', () => fileInput.click()),
    listen(fileInput, 'change', () => {
      const files = [...(fileInput.files ?? [])];
      fileInput.value = '';
      if (files.length) ctx.intents.openFiles(files);
    }),
    listen(lang, 'change', () => ctx.store.dispatch({ type: 'setLang', lang: lang.value as Lang })),
  );

  function render(s: ViewerState): void {
    const t = ctx.t();
    setChildren(title, [el('span', { class: 'mz-brand-name', text: t('app.title') }), el('span', { class: 'mz-brand-tag', text: t('app.tagline') })]);
    const options = ctx.examples.map((name) => el('option', { text: t(`picker.${name}` as 'picker.rupel'), attrs: { value: `example:${name}` } }));
    if (s.source?.kind === 'files') options.push(el('option', { text: `${t('picker.files')}: ${s.source.names.join(', ')}`, attrs: { value: 'files' } }));
    if (s.source?.kind === 'model') options.push(el('option', { text: t('picker.files'), attrs: { value: 'model' } }));
    setChildren(picker, options);
    picker.value = s.source?.kind === 'example' ? `example:${s.source.name}` : s.source?.kind ?? '';
    setChildren(pickerLabel, [el('span', { class: 'mz-field-label', text: t('picker.label') }), picker]);
    openButton.textContent = t('loader.open');
    openButton.title = t('loader.hint');
    const hasOrgs = s.legend?.hasOrganisations ?? true;
    setChildren(
      views,
      VIEWS.filter((v) => hasOrgs || v === 'people' || v === 'two-mode').map((v: ViewKind) => {
        const b = el('button', { class: 'mz-seg' + (s.view === v ? ' is-active' : ''), text: t(`view.${v}`), attrs: { type: 'button', 'data-view': v, 'aria-pressed': String(s.view === v) } });
        b.addEventListener('click', () => ctx.store.dispatch({ type: 'setView', view: v }));
        return b;
      }),
    );
    setChildren(lang, LANGS.map((l) => el('option', { text: l.toUpperCase(), attrs: { value: l } })));
    lang.value = s.lang;
    lang.title = t('lang.label');
  }
  render(ctx.store.getState());
  offs.push(
    ctx.store.subscribe((s, p) => {
      if (s.lang !== p.lang || s.source !== p.source || s.view !== p.view || s.legend !== p.legend) render(s);
    }),
  );
  return () => {
    offs.forEach((f) => f());
    root.replaceChildren();
  };
}
