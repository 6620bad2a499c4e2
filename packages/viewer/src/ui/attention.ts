/**
 * The attention list (core's `attention`, as of the timeline's date): sortable rows with the reasons in plain
 * language and introduction suggestions; a row focuses its partner on the map. The convenor picker and the
 * "without the convenor" toggle show who becomes unconnected (core's `withoutConvenor`).
 */
import { formatDate } from '../i18n/index.js';
import { sortedAttention } from '../state/attention-sort.js';
import { ATTENTION_SORTS, type ViewerState } from '../state/state.js';
import type { AttentionItemView, AttentionView } from '../worker/protocol.js';
import type { UiContext } from './context.js';
import { el, setChildren } from './dom.js';

export function mountAttention(root: HTMLElement, ctx: UiContext): () => void {
  root.setAttribute('data-testid', 'attention');

  // The convenor picker lists every organisation (10,000 on a large map): it is built once per list, language
  // and coding, and kept across the panel's renders.
  let picker: { key: string; orgs: unknown; select: HTMLSelectElement } | null = null;
  const collator = new Intl.Collator(undefined, { sensitivity: 'variant' });

  function convenorPicker(s: ViewerState, orgs: NonNullable<ViewerState['legend']>['organisations']): HTMLSelectElement {
    const t = ctx.t();
    const coded = s.safe && s.codeOrganisations;
    const key = `${s.lang}|${coded}`;
    if (picker?.orgs !== orgs || picker.key !== key) {
      const select = el('select', { class: 'mz-select mz-convenor', attrs: { 'data-testid': 'convenor', 'aria-label': t('convenor.label') } });
      const sorted = [...orgs].sort((x, y) => (coded ? collator.compare(x.id, y.id) : collator.compare(x.name, y.name)));
      setChildren(select, [el('option', { text: t('convenor.none'), attrs: { value: '' } }), ...sorted.map((o) => el('option', { text: coded ? o.id : o.name, attrs: { value: o.id } }))]);
      select.addEventListener('change', () => ctx.store.dispatch({ type: 'setConvenor', convenor: select.value || null }));
      picker = { key, orgs, select };
    }
    picker.select.value = s.convenor ?? '';
    return picker.select;
  }

  function convenorRow(s: ViewerState, a: AttentionView | null): HTMLElement | null {
    const t = ctx.t();
    const orgs = s.legend?.organisations ?? [];
    if (!orgs.length || s.view === 'people') return null;
    const picker = convenorPicker(s, orgs);
    const box = el('input', { attrs: { type: 'checkbox', 'data-testid': 'without-convenor' } });
    box.checked = s.withoutConvenor;
    box.disabled = s.convenor === null;
    box.addEventListener('change', () => ctx.store.dispatch({ type: 'setWithoutConvenor', on: box.checked }));
    const children: (Node | null)[] = [
      el('label', { class: 'mz-field' }, [el('span', { class: 'mz-field-label', text: t('convenor.label') }), picker]),
      el('label', { class: 'mz-check' }, [box, el('span', { text: t('convenor.without') })]),
    ];
    const w = a?.without;
    if (s.withoutConvenor && w && a?.convenor) {
      const name = a.convenor.name;
      const n = w.organisations.length;
      children.push(
        el('p', { class: 'mz-lens-head', text: n === 0 ? t('convenor.allConnected', { name }) : n === 1 ? t('convenor.unconnectedOne', { name }) : t('convenor.unconnected', { name, n }), attrs: { 'data-testid': 'unconnected-head' } }),
        n
          ? el(
              'ul',
              { class: 'mz-unconnected', attrs: { 'data-testid': 'unconnected' } },
              w.organisations.map((o) => {
                const b = el('button', { class: 'mz-link', text: o.name, attrs: { type: 'button', 'data-id': o.id } });
                b.addEventListener('click', () => ctx.intents.focusNode(o.id));
                return el('li', {}, [b, el('span', { class: 'mz-muted', text: ' — ' + t(`convenor.how.${o.how}` as 'convenor.how.gone', { n: o.tiesBefore }) })]);
              }),
            )
          : null,
        el('p', { class: 'mz-muted', text: t('convenor.figures', { before: w.before.mainComponentSize, after: w.after.mainComponentSize, staff: w.staff }) }),
        w.people.length ? el('p', { class: 'mz-muted', text: t('convenor.people', { n: w.people.length }) }) : null,
      );
    }
    return el('div', { class: 'mz-convenor-box' }, children);
  }

  function row(s: ViewerState, item: AttentionItemView): HTMLElement {
    const t = ctx.t();
    const head = el('button', { class: 'mz-att-name', attrs: { type: 'button', 'data-testid': 'attention-focus', title: t('attention.focus') } }, [
      el('span', { text: item.name }),
      el('span', { class: 'mz-score', text: t('attention.score', { n: item.score }) }),
    ]);
    const reasons = el('ul', { class: 'mz-reasons-list' }, item.reasons.map((r) => el('li', { text: r[s.lang], attrs: { 'data-code': r.code } })));
    const intro = item.suggestions.length
      ? el('div', { class: 'mz-intro' }, [
          el('span', { class: 'mz-intro-label', text: t('attention.introduce') + ': ' }),
          ...item.suggestions.map((x) => {
            const b = el('button', { class: 'mz-link', text: x.name, title: x[s.lang], attrs: { type: 'button', 'data-id': x.id } });
            b.addEventListener('click', (e) => {
              e.stopPropagation();
              ctx.intents.focusNode(x.id);
            });
            return el('span', { class: 'mz-intro-item' }, [b, el('span', { class: 'mz-muted', text: ' ' + x[s.lang] })]);
          }),
        ])
      : null;
    const li = el('li', { class: 'mz-att-row' + (s.selected === item.id ? ' is-selected' : ''), attrs: { 'data-id': item.id } }, [head, reasons, intro]);
    head.addEventListener('click', () => ctx.intents.focusNode(item.id));
    return li;
  }

  function render(s: ViewerState): void {
    const t = ctx.t();
    const an = s.attention;
    const a = an?.value ?? null;
    const person = a?.level === 'person' || s.view === 'people';
    const title = el('h2', { class: 'mz-side-title', text: s.withoutConvenor && a?.without ? t('convenor.listWithout') : person ? t('attention.titlePeople') : t('attention.title') });
    const sub = a
      ? el('p', { class: 'mz-muted', attrs: { 'data-testid': 'attention-count' } }, [
          el('span', { text: t('attention.count', { n: a.items.length, total: a.nodes }) }),
          el('span', { text: a.asOf ? ' · ' + t('attention.asOf', { date: formatDate(s.lang, a.asOf) }) : '' }),
        ])
      : null;
    const status =
      an?.status === 'loading'
        ? el('p', { class: 'mz-muted mz-busy', text: t('attention.loading') })
        : an?.status === 'error'
          ? el('p', { class: 'is-error', text: t('attention.failed', { message: an.error ?? '' }) })
          : s.playing
            ? el('p', { class: 'mz-muted', text: t('attention.paused') })
            : null;
    const sorts = el(
      'div',
      { class: 'mz-sorts', attrs: { role: 'group', 'aria-label': t('attention.sortBy') } },
      [
        el('span', { class: 'mz-field-label', text: t('attention.sortBy') }),
        ...ATTENTION_SORTS.map((k) => {
          const active = s.attentionSort === k;
          const b = el('button', {
            class: 'mz-seg mz-small' + (active ? ' is-active' : ''),
            text: t(`attention.sort.${k}`) + (active ? (s.attentionDesc ? ' ↓' : ' ↑') : ''),
            attrs: { type: 'button', 'data-sort': k, 'aria-pressed': String(active) },
          });
          b.addEventListener('click', () => ctx.store.dispatch({ type: 'sortAttention', by: k }));
          return b;
        }),
      ],
    );
    const items = a ? sortedAttention(a.items, s.attentionSort, s.attentionDesc) : [];
    const list = el('ol', { class: 'mz-att-list', attrs: { 'data-testid': 'attention-list' } }, items.map((i) => row(s, i)));
    setChildren(root, [
      title,
      sub,
      convenorRow(s, a),
      status,
      a && a.items.length === 0 ? el('p', { text: t('attention.none') }) : null,
      a && a.items.length > 1 ? sorts : null,
      list,
    ]);
  }
  render(ctx.store.getState());
  const off = ctx.store.subscribe((s, p) => {
    if (
      s.attention !== p.attention ||
      s.lang !== p.lang ||
      s.attentionSort !== p.attentionSort ||
      s.attentionDesc !== p.attentionDesc ||
      s.convenor !== p.convenor ||
      s.withoutConvenor !== p.withoutConvenor ||
      s.legend !== p.legend ||
      s.selected !== p.selected ||
      s.safe !== p.safe ||
      s.codeOrganisations !== p.codeOrganisations ||
      s.playing !== p.playing ||
      s.view !== p.view
    )
      render(s);
  });
  return () => {
    off();
    root.replaceChildren();
  };
}
