/** The presenter-safe badge (visible whenever it is on) and the presenter mode's key hint. */
import type { ViewerState } from '../state/state.js';
import type { UiContext } from './context.js';
import { el } from './dom.js';

export function mountBadge(root: HTMLElement, ctx: UiContext): () => void {
  const badge = el('div', { class: 'mz-badge', attrs: { 'data-testid': 'safe-badge', role: 'status' } });
  const keys = el('div', { class: 'mz-keys', attrs: { 'data-testid': 'presenter-keys' } });
  const leave = el('button', { class: 'mz-button mz-leave', attrs: { type: 'button', 'data-testid': 'leave' } });
  leave.addEventListener('click', () => ctx.intents.setPresenting(false));
  root.append(badge, keys, leave);
  function render(s: ViewerState): void {
    const t = ctx.t();
    badge.hidden = !s.safe;
    badge.textContent = t('badge.safe');
    keys.hidden = !s.presenting;
    keys.textContent = t('presenter.keys');
    leave.hidden = !s.presenting;
    leave.textContent = '×';
    leave.title = t('action.leave');
    leave.setAttribute('aria-label', t('action.leave'));
  }
  render(ctx.store.getState());
  const off = ctx.store.subscribe((s, p) => {
    if (s.safe !== p.safe || s.presenting !== p.presenting || s.lang !== p.lang) render(s);
  });
  return () => {
    off();
    root.replaceChildren();
  };
}
