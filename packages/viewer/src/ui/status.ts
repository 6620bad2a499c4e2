/** The progress bar and the status line (loading, errors). */
import type { MessageKey } from '../i18n/index.js';
import type { ViewerState } from '../state/state.js';
import type { UiContext } from './context.js';
import { el } from './dom.js';

export function mountStatus(root: HTMLElement, ctx: UiContext): () => void {
  const bar = el('div', { class: 'mz-progress', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'data-testid': 'progress' } }, [el('div', { class: 'mz-progress-fill' })]);
  const message = el('div', { class: 'mz-status-message', attrs: { 'data-testid': 'status', role: 'status' } });
  root.append(bar, message);
  function render(s: ViewerState): void {
    const t = ctx.t();
    const loading = s.status === 'loading';
    bar.hidden = !loading;
    const pct = Math.round(s.progress * 100);
    bar.setAttribute('aria-valuenow', String(pct));
    (bar.firstElementChild as HTMLElement).style.width = `${Math.max(4, pct)}%`;
    root.dataset.status = s.status;
    if (s.error) {
      const text = s.error.startsWith('app.') ? t(s.error as MessageKey) : t('app.failed', { message: s.error });
      message.textContent = text;
      message.className = 'mz-status-message is-error';
    } else if (loading) {
      message.textContent = s.progressPhase ? t(s.progressPhase as MessageKey) + '…' : t('app.loading');
      message.className = 'mz-status-message';
    } else {
      message.textContent = '';
      message.className = 'mz-status-message';
    }
    message.hidden = message.textContent === '';
  }
  render(ctx.store.getState());
  const off = ctx.store.subscribe((s, p) => {
    if (s.status !== p.status || s.progress !== p.progress || s.error !== p.error || s.lang !== p.lang || s.progressPhase !== p.progressPhase) render(s);
  });
  return () => {
    off();
    root.replaceChildren();
  };
}
