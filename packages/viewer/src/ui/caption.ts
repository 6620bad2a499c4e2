/** The caption over the map: the date in large type and the live counters. */
import { counterPhrases } from '../i18n/captions.js';
import { formatDate } from '../i18n/index.js';
import type { ViewerState } from '../state/state.js';
import type { UiContext } from './context.js';
import { el, setChildren } from './dom.js';

export function mountCaption(root: HTMLElement, ctx: UiContext): () => void {
  const date = el('div', { class: 'mz-caption-date', attrs: { 'data-testid': 'caption-date' } });
  const counters = el('div', { class: 'mz-caption-counters', attrs: { 'data-testid': 'counters', 'aria-live': 'polite' } });
  const note = el('div', { class: 'mz-caption-note' });
  root.append(date, counters, note);

  function render(s: ViewerState): void {
    const t = ctx.t();
    const f = s.frameInfo;
    if (!f) {
      date.textContent = '';
      counters.textContent = '';
      note.textContent = '';
      return;
    }
    date.textContent = f.date ? formatDate(s.lang, f.date) : s.legend && !s.legend.dated ? t('time.undated') : '';
    const parts = counterPhrases(t, s);
    setChildren(counters, parts.flatMap((p, i) => [i > 0 ? el('span', { class: 'mz-dot', text: ' · ' }) : null, el('span', { text: p })]));
    counters.dataset.organisations = String(f.organisations);
    counters.dataset.people = String(f.people);
    counters.dataset.strong = String(f.strong);
    note.textContent = f.meeting ? t('time.meeting', { n: f.meeting.n, total: f.meeting.total, name: f.meeting.name }) : '';
  }
  render(ctx.store.getState());
  const off = ctx.store.subscribe((s, p) => {
    if (s.frameInfo !== p.frameInfo || s.lang !== p.lang || s.view !== p.view) render(s);
  });
  return () => {
    off();
    root.replaceChildren();
  };
}
