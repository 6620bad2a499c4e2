/** Search: a box above the panels; matches on the map are listed, Enter or a click focuses one. */
import type { ViewerState } from '../state/state.js';
import type { UiContext } from './context.js';
import { el, listen, setChildren } from './dom.js';

export function mountSearch(root: HTMLElement, ctx: UiContext): () => void {
  const input = el('input', { class: 'mz-input mz-search', attrs: { type: 'search', 'data-testid': 'search', autocomplete: 'off', spellcheck: 'false' } });
  const results = el('ul', { class: 'mz-search-results', attrs: { 'data-testid': 'search-results', role: 'listbox' } });
  root.append(input, results);
  const pick = (id: string) => {
    ctx.intents.focusNode(id);
    results.hidden = true;
  };
  const offs = [
    listen(input, 'input', () => ctx.store.dispatch({ type: 'setSearch', text: input.value })),
    listen(input, 'keydown', (e) => {
      if (e.key === 'Enter') {
        const first = ctx.store.getState().searchResults[0];
        if (first) pick(first.id);
      } else if (e.key === 'Escape') {
        input.value = '';
        ctx.store.dispatch({ type: 'setSearch', text: '' });
      }
    }),
    listen(input, 'focus', () => (results.hidden = false)),
  ];
  function render(s: ViewerState): void {
    const t = ctx.t();
    input.placeholder = t('search.placeholder');
    input.setAttribute('aria-label', t('search.label'));
    if (input.value !== s.search) input.value = s.search;
    if (!s.search.trim()) {
      results.replaceChildren();
      results.hidden = true;
      return;
    }
    results.hidden = false;
    if (!s.searchResults.length) {
      setChildren(results, [el('li', { class: 'mz-search-none', text: t('search.none') })]);
      return;
    }
    setChildren(
      results,
      s.searchResults.map((r) => {
        const b = el('button', { class: 'mz-search-hit', text: r.label, attrs: { type: 'button', role: 'option', 'data-id': r.id } });
        b.addEventListener('click', () => pick(r.id));
        return el('li', {}, [b]);
      }),
    );
  }
  render(ctx.store.getState());
  offs.push(
    ctx.store.subscribe((s, p) => {
      if (s.search !== p.search || s.searchResults !== p.searchResults || s.lang !== p.lang) render(s);
    }),
  );
  return () => {
    offs.forEach((f) => f());
    root.replaceChildren();
  };
}
