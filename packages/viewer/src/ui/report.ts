/** The validation report panel: counts, then errors and warnings with file, row, column, value, problem and fix. */
import type { IssueView, ViewerState } from '../state/state.js';
import type { UiContext } from './context.js';
import { el, setChildren } from './dom.js';

/** Rows shown per list; the rest is summarised. */
export const REPORT_ROWS = 200;

export function mountReport(root: HTMLElement, toggle: HTMLElement, ctx: UiContext): () => void {
  root.setAttribute('data-testid', 'report');
  const button = el('button', { class: 'mz-button mz-report-toggle', attrs: { type: 'button', 'data-testid': 'report-toggle' } });
  toggle.appendChild(button);
  button.addEventListener('click', () => ctx.store.dispatch({ type: 'toggleReport' }));

  function table(issues: IssueView[], kind: 'error' | 'warning'): HTMLElement {
    const t = ctx.t();
    const head = el('tr', {}, (['report.file', 'report.row', 'report.column', 'report.value', 'report.message', 'report.fix'] as const).map((k) => el('th', { text: t(k) })));
    const rows = issues.slice(0, REPORT_ROWS).map((i) =>
      el('tr', { class: `mz-issue is-${kind}` }, [
        el('td', { text: i.file }),
        el('td', { text: i.row === null ? '' : String(i.row) }),
        el('td', { text: i.column ?? '' }),
        el('td', { text: i.value ?? '' }),
        el('td', { text: i.message }),
        el('td', { text: i.fix }),
      ]),
    );
    const more = issues.length > REPORT_ROWS ? el('p', { class: 'mz-more', text: t('report.more', { n: issues.length - REPORT_ROWS }) }) : null;
    return el('div', { class: 'mz-issue-block' }, [el('table', { class: 'mz-issues' }, [el('thead', {}, [head]), el('tbody', {}, rows)]), more]);
  }

  function render(s: ViewerState): void {
    const t = ctx.t();
    const r = s.report;
    const n = r ? r.errors.length + r.warnings.length : 0;
    button.textContent = `${t('report.show')}${n ? ` (${n})` : ''}`;
    button.hidden = !r;
    button.classList.toggle('has-errors', !!r && r.errors.length > 0);
    root.hidden = !r || !s.reportOpen;
    if (!r || !s.reportOpen) {
      root.replaceChildren();
      return;
    }
    const close = el('button', { class: 'mz-button mz-close', text: '×', title: t('report.close'), attrs: { type: 'button', 'aria-label': t('report.close') } });
    close.addEventListener('click', () => ctx.store.dispatch({ type: 'toggleReport', open: false }));
    const c = r.counts;
    setChildren(root, [
      el('div', { class: 'mz-panel-head' }, [el('h2', { text: t('report.title') }), close]),
      el('p', { class: 'mz-report-counts', text: t('report.counts', { ...c }), attrs: { 'data-testid': 'report-counts' } }),
      r.errors.length === 0 && r.warnings.length === 0 ? el('p', { text: t('report.clean') }) : null,
      r.errors.length ? el('h3', { class: 'is-error', text: t('report.errors', { n: r.errors.length }) }) : null,
      r.errors.length ? table(r.errors, 'error') : null,
      r.warnings.length ? el('h3', { class: 'is-warning', text: t('report.warnings', { n: r.warnings.length }) }) : null,
      r.warnings.length ? table(r.warnings, 'warning') : null,
      r.suggestions.length ? el('h3', { text: t('report.suggestions') }) : null,
      r.suggestions.length
        ? el('ul', { class: 'mz-suggestions' }, r.suggestions.slice(0, REPORT_ROWS).map((x) => el('li', { text: `“${x.a}” ≈ “${x.b}” (${Math.round(x.similarity * 100)}%) — ${x.fix}` })))
        : null,
    ]);
  }
  render(ctx.store.getState());
  const off = ctx.store.subscribe((s, p) => {
    if (s.report !== p.report || s.reportOpen !== p.reportOpen || s.lang !== p.lang) render(s);
  });
  return () => {
    off();
    root.replaceChildren();
    button.remove();
  };
}
