/**
 * The analysis as one self-contained HTML page: headline figures, growth, ties by strength and recency, the
 * tie-strength distribution, the sector mix, partners needing attention, before/after, significance and methods.
 * Charts are static SVG drawn in Node (report/charts.ts): no script, no request, printable on A4.
 */
import type { Analysis, AttentionSuggestion, LocalText, TieCounts, TieRef } from '../analysis/types.js';
import { CORRECTION_LABELS, longDate, MONTHS, REASON_LABELS, REPORT_TEXT, reportText, type Lang, type ReportKey } from '../i18n/report-text.js';
import { methodEntries, REFERENCES } from '../i18n/methods.js';
import { horizontalBars, lineChart, stackedColumns } from './charts.js';
import { escapeHtml } from './escape.js';
import { PALETTE, REPORT_CSS, SECTOR_COLOURS } from './styles.js';

/** Options of `renderReportHtml`. */
export interface ReportHtmlOptions {
  /** Language of the report. Default: "en". */
  lang?: Lang;
  /** Rows shown in the attention table (the rest stay in attention.csv). Default: 20. */
  attentionRows?: number;
}

export const REPORT_HTML_DEFAULTS: Readonly<Required<ReportHtmlOptions>> = Object.freeze({ lang: 'en', attentionRows: 20 });

/** The Content-Security-Policy of the report: nothing may be fetched; inline style only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** Format a number for the report: integers plain, others with `digits` decimals (decimal comma in Dutch). */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 2): string {
  if (value == null || !Number.isFinite(value)) return '–';
  const text = Number.isInteger(value) ? String(value) : value.toFixed(digits);
  const [int = '', frac] = text.split('.');
  // Thousands grouped with a narrow no-break space from 10 000 on (both languages), decimal comma in Dutch.
  const grouped = Math.abs(value) >= 10000 ? int.replace(/\B(?=(\d{3})+$)/g, '\u202f') : int;
  return frac === undefined ? grouped : grouped + (lang === 'nl' ? ',' : '.') + frac;
}

function localText(text: LocalText | string, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

/** Render the report. Pure: same analysis and options, same string. */
export function renderReportHtml(analysis: Analysis, options?: ReportHtmlOptions): string {
  const { lang, attentionRows } = { ...REPORT_HTML_DEFAULTS, ...options };
  const t = (key: ReportKey, values?: Record<string, string | number>) => reportText(lang, key, values);
  const T = (key: ReportKey, values?: Record<string, string | number>) => escapeHtml(t(key, values));
  const n = (v: number | null | undefined, d = 2) => escapeHtml(formatNumber(v, lang, d));
  const o = analysis.options;
  const asOf = analysis.period.asOf;
  const sections: string[] = [];
  let num = 0;
  // Person-only data (no organisation column): tie charts fall back to person ties.
  const personLevel = analysis.ties.organisation.total === 0 && analysis.ties.person.total > 0;
  const section = (title: string, body: string, cls = '') => {
    num++;
    sections.push(`<section${cls ? ` class="${cls}"` : ''} id="s${num}"><h2><span class="num">${num}</span>${escapeHtml(title)}</h2>${body}</section>`);
  };

  // Cover
  const subtitle = analysis.period.dated
    ? T('subtitle', { events: analysis.counts.events, first: longDate(analysis.period.first, lang), asOf: longDate(asOf, lang) })
    : T('subtitleUndated', { events: analysis.counts.events });
  const cover = `<header class="cover"><p class="kicker">Mycorrhiza</p><h1>${T('title')}</h1><p class="subtitle">${subtitle}</p><p class="generated">${T('generated', { asOf: longDate(asOf, lang) })}</p>${o.safe ? `<span class="badge">${T('safeBadge')}</span>` : ''}</header>`;

  // 1. Headline figures
  {
    const h = analysis.headline;
    const arrow = (a: number, b: number) => (a === b ? `${n(b)}` : `${n(a)}<span class="arrow">→</span>${n(b)}`);
    const orgTies = analysis.ties.organisation;
    const figures = [
      `<div class="figure"><div class="value">${h ? arrow(h.start.organisations, h.end.organisations) : n(analysis.counts.organisations)}</div><div class="label">${T('organisations')}</div></div>`,
      `<div class="figure people"><div class="value">${h ? arrow(h.start.people, h.end.people) : n(analysis.counts.people)}</div><div class="label">${T('people')}</div></div>`,
      `<div class="figure"><div class="value">${n(analysis.counts.events)}</div><div class="label">${T('events')} · ${n(analysis.counts.attendances)} ${T('attendances')}</div></div>`,
      `<div class="figure"><div class="value">${n(orgTies.strong)}<span class="arrow">/</span>${n(orgTies.total)}</div><div class="label">${T('strongOrgTies')}</div></div>`,
    ];
    const from = h ? `<p class="lead">${T('atStart', { date: longDate(h.start.date, lang) })} → ${T('toDate', { date: longDate(h.end.date, lang) })}</p>` : '';
    section(t('headline'), `<div class="figures">${figures.join('')}</div>${from}`, 'keep');
  }

  // 2. Growth
  if (analysis.growth.length > 0) {
    const g = analysis.growth;
    const pick = (key: keyof (typeof g)[number]) => g.map((r) => ({ date: r.date, value: Number(r[key] ?? 0) }));
    const partners = lineChart(
      [
        { label: t('organisations'), color: PALETTE.organisations, values: pick('organisations') },
        { label: t('people'), color: PALETTE.people, values: pick('people') },
      ],
      { width: 760, height: 250, title: t('growthPartners'), months: MONTHS[lang] },
    );
    const ties = lineChart(
      [
        { label: t('total'), color: PALETTE.weak, values: pick(personLevel ? 'person_ties' : 'organisation_ties') },
        { label: t('strong'), color: PALETTE.strong, values: pick(personLevel ? 'strong_person_ties' : 'strong_organisation_ties') },
        { label: t('fading'), color: PALETTE.fading, values: pick(personLevel ? 'fading_person_ties' : 'fading_organisation_ties'), dashed: true },
      ],
      { width: 760, height: 230, title: t(personLevel ? 'growthPersonTies' : 'growthTies'), months: MONTHS[lang] },
    );
    section(
      t('growth'),
      `<p class="lead">${T('growthLead', { step: t(`step_${o.every}` as ReportKey) })}</p><h3>${T('growthPartners')}</h3>${partners}<h3>${T(personLevel ? 'growthPersonTies' : 'growthTies')}</h3>${ties}`,
    );
  }

  // 3. Ties by class and state, and the strength distribution
  {
    const rule =
      o.strengthBasis === 'significant'
        ? t('tiesRuleSignificant', { fadeAfter: o.fadeAfter, asOf: longDate(asOf, lang) })
        : o.strengthBasis === 'weighted'
          ? t('tiesRuleBasis', { basis: 'weighted', strongMin: o.strongMin, fadeAfter: o.fadeAfter, asOf: longDate(asOf, lang) })
          : t('tiesRule', { strongMin: o.strongMin, fadeAfter: o.fadeAfter, asOf: longDate(asOf, lang) });
    const row = (label: string, c: TieCounts) =>
      `<tr><td>${escapeHtml(label)}</td><td class="n">${n(c.strong_active)}</td><td class="n">${n(c.strong_fading)}</td><td class="n">${n(c.weak_active)}</td><td class="n">${n(c.weak_fading)}</td><td class="n"><strong>${n(c.total)}</strong></td></tr>`;
    const table = `<table><thead><tr><th></th><th class="n">${T('strong')} · ${T('active')}</th><th class="n">${T('strong')} · ${T('fading')}</th><th class="n">${T('weak')} · ${T('active')}</th><th class="n">${T('weak')} · ${T('fading')}</th><th class="n">${T('total')}</th></tr></thead><tbody>${row(t('organisationLevel'), analysis.ties.organisation)}${row(t('personLevel'), analysis.ties.person)}</tbody></table>`;
    const internal = analysis.organisations.reduce((s, r) => s + (r.internal_ties ?? 0), 0);
    // Distribution of organisation ties by shared events, strong/weak stacked.
    const counts = new Map<number, [number, number]>();
    const ties = personLevel ? analysis.tieTables.person : analysis.tieTables.organisation;
    for (let x = 0; x < ties.length; x++) {
      const k = ties.shared[x]!;
      const c = counts.get(k) ?? [0, 0];
      c[ties.strong[x] ? 0 : 1]++;
      counts.set(k, c);
    }
    const maxK = Math.max(0, ...counts.keys());
    const cols = [];
    for (let k = 1; k <= maxK; k++) cols.push({ label: String(k), values: counts.get(k) ?? [0, 0] });
    const dist = stackedColumns(
      cols,
      [
        { label: t('strong'), color: PALETTE.strong },
        { label: t('weak'), color: PALETTE.weak },
      ],
      {
        width: 760,
        height: 240,
        title: t('distribution'),
        xLabel: t('sharedEvents'),
        yLabel: t('ties'),
        ...(o.strengthBasis === 'shared_events' && o.strongMin <= maxK && o.strongMin >= 1 ? { marker: { at: String(Math.ceil(o.strongMin)), label: t('threshold', { n: o.strongMin }) } } : {}),
      },
    );
    const legend = `<div class="legend"><span style="--c:${PALETTE.strong}">${T('strong')}</span><span style="--c:${PALETTE.weak}">${T('weak')}</span></div>`;
    section(
      t('tiesTitle'),
      `<p class="rule">${escapeHtml(rule)}</p>${table}<p class="lead">${T('internalTies', { count: internal })}</p><h3>${T('distribution')}</h3><p class="lead">${T(personLevel ? 'distributionPersonLead' : 'distributionLead')}</p>${legend}${dist || `<p>${T('noData')}</p>`}`,
    );
  }

  // 4. Sector mix and most connected organisations
  {
    const bars = analysis.sectors.map((s, i) => ({
      label: s.sector ?? t('noSector'),
      value: s.organisations,
      color: SECTOR_COLOURS[Math.min(i, SECTOR_COLOURS.length - 1)]!,
      note: `${s.organisations} (${s.people})`,
    }));
    const chart = horizontalBars(bars, { width: 760, title: t('sectorMix') });
    const top = [...analysis.organisations].sort((a, b) => b.degree - a.degree || (b.betweenness ?? 0) - (a.betweenness ?? 0) || (a.id < b.id ? -1 : 1)).slice(0, 10);
    const central = top.length
      ? `<h3>${T('central')}</h3><p class="lead">${T('centralLead')}</p><table><thead><tr><th>${T('organisation')}</th><th class="n">${T('degree')}</th><th class="n">${T('strong')}</th><th class="n">${T('people')}</th><th class="n">${T('events')}</th><th class="n">${T('betweenness')}</th></tr></thead><tbody>${top
          .map((r) => `<tr><td>${escapeHtml(r.name)}<span class="sub">${escapeHtml(r.sector ?? '')}</span></td><td class="n">${n(r.degree)}</td><td class="n">${n(r.strong_ties)}</td><td class="n">${n(r.people)}</td><td class="n">${n(r.events)}</td><td class="n">${n(r.betweenness, 1)}</td></tr>`)
          .join('')}</tbody></table>`
      : '';
    section(t('sectorMix'), `<p class="lead">${T('sectorLead')}</p>${chart || `<p>${T('noData')}</p>`}${central}`);
  }

  // 5. Attention
  {
    const rows = analysis.attention.filter((a) => a.reasons.length > 0);
    const suggestion = (s: AttentionSuggestion) => `<li>${escapeHtml(s.name)}<span class="sub">${escapeHtml(s.reason[lang])}</span></li>`;
    const body = rows.length
      ? `<table><thead><tr><th>${T('organisation')}</th><th class="n">${T('score')}</th><th>${T('reasons')}</th><th>${T('suggestions')}</th></tr></thead><tbody>${rows
          .slice(0, attentionRows)
          .map(
            (a) =>
              `<tr><td><strong>${escapeHtml(a.name)}</strong></td><td class="n score">${n(a.score, 1)}</td><td><ul class="plain">${a.reasons
                .map((r) => `<li><span class="reason-code" title="${escapeHtml(r.code)}">${escapeHtml(REASON_LABELS[lang][r.code] ?? r.code)}</span>${escapeHtml(localText(r.text, lang))}</li>`)
                .join('')}</ul></td><td><ul class="plain">${a.suggestions.map(suggestion).join('') || `<li>–</li>`}</ul></td></tr>`,
          )
          .join('')}</tbody></table>${rows.length > attentionRows ? `<p class="lead">${T('moreAttention', { n: rows.length - attentionRows })}</p>` : ''}`
      : `<p>${T('attentionNone')}</p>`;
    section(t('attention'), `<p class="lead">${T('attentionLead')}</p>${body}`);
  }

  // 6. Before / after
  if (analysis.comparison) {
    let body = '';
    const c = analysis.comparison;
    {
      const span = (p: { from: string; to: string }) => `${longDate(p.from, lang)} – ${longDate(p.to, lang)}`;
      const fig = c.figures
        .map((f) => {
          const pct = f.key === 'repeat_share';
          const fmt = (v: number) => (pct ? `${formatNumber(Math.round(v * 1000) / 10, lang, 1)} %` : formatNumber(v, lang));
          const d = f.after - f.before;
          const diff = d === 0 ? '0' : (d > 0 ? '+' : '−') + fmt(Math.abs(d));
          return `<tr><td>${escapeHtml(reportTextOr(lang, `cmp_${f.key}`, f.key))}</td><td class="n">${escapeHtml(fmt(f.before))}</td><td class="n">${escapeHtml(fmt(f.after))}</td><td class="n ${d > 0 ? 'up' : d < 0 ? 'down' : ''}">${escapeHtml(diff)}</td></tr>`;
        })
        .join('');
      const list = (ties: TieRef[]) =>
        ties.length
          ? `<ul class="cols">${ties
              .slice(0, 16)
              .map((x) => `<li>${escapeHtml(x.source_name)} — ${escapeHtml(x.target_name)}</li>`)
              .join('')}${ties.length > 16 ? `<li>${T('andMore', { n: ties.length - 16 })}</li>` : ''}</ul>`
          : `<p>${T('noneListed')}</p>`;
      body += `<p class="lead">${T('comparisonLead', { before: span(c.before), after: span(c.after) })}</p><table><thead><tr><th>${T('figure')}</th><th class="n">${escapeHtml(span(c.before))}</th><th class="n">${escapeHtml(span(c.after))}</th><th class="n">${T('change')}</th></tr></thead><tbody>${fig}</tbody></table><h3>${T('newTies')} (${n(c.newTieCount ?? c.newTies.length)})</h3>${list(c.newTies)}<h3>${T('lostTies')} (${n(c.lostTieCount ?? c.lostTies.length)})</h3>${list(c.lostTies)}`;
    }
    section(t('comparison'), body);
  }

  // 7. Without the convenor
  if (analysis.withoutConvenor) {
    const w = analysis.withoutConvenor;
    const name = w.convenor.name;
    let body = `<p>${T('convenorLead', { name })} ${T('convenorFigures', { with: w.ties.with, without: w.ties.without, cwith: w.components.with, cwithout: w.components.without })}</p>`;
    body += w.unconnected.length
      ? `<p>${T('convenorSome', { name })}</p><ul class="cols">${w.unconnected.map((u) => `<li>${escapeHtml(u.name)}</li>`).join('')}</ul>`
      : `<p>${T('convenorNone', { name })}</p>`;
    section(t('convenor'), body, 'keep');
  }

  // 8. Significance and methods
  {
    const s = analysis.significance;
    const warnings = [s.organisation.warning, s.person.warning].filter((w): w is LocalText => w != null);
    const uniqueWarnings = [...new Set(warnings.map((w) => w[lang]))];
    const sig = `<h3>${T('significance')}</h3><p>${T('significanceOk', {
      significant: s.organisation.significant,
      tested: s.organisation.tested,
      psignificant: s.person.significant,
      ptested: s.person.tested,
      alpha: lang === 'nl' ? String(o.alpha).replace('.', ',') : String(o.alpha),
      model: o.backbone,
      correction: CORRECTION_LABELS[lang][o.correction] ?? o.correction,
    })}</p>${uniqueWarnings.map((w) => `<p class="note">${escapeHtml(w)}</p>`).join('')}${(analysis.scale?.notes ?? []).map((w) => `<p class="note scale">${escapeHtml(w[lang])}</p>`).join('')}`;
    const methods = `<dl class="methods">${methodEntries(lang)
      .map((m) => {
        const cites = m.cites.map((k) => REFERENCES.findIndex((r) => r.key === k) + 1).filter((i) => i > 0);
        return `<dt>${escapeHtml(m.term)}</dt><dd>${escapeHtml(m.text)}${cites.length ? ` <span class="sub">[${cites.join(', ')}]</span>` : ''}</dd>`;
      })
      .join('')}</dl>`;
    const refs = `<h3>${T('references')}</h3><ol class="refs">${REFERENCES.map((r) => `<li>${escapeHtml(r.text)}${r.doi ? ` <a href="https://doi.org/${escapeHtml(r.doi)}">doi:${escapeHtml(r.doi)}</a>` : ''}</li>`).join('')}</ol>`;
    const opts: [string, string][] = [
      ['as-of', o.asOf ?? asOf ?? '–'],
      ['strong-min', String(o.strongMin)],
      ['strength basis', o.strengthBasis],
      ['fade-after', o.fadeAfter],
      ['drift-after', o.driftAfter],
      ['window', o.window],
      ['max-event-size', o.maxEventSize == null ? '–' : String(o.maxEventSize)],
      ['alpha', String(o.alpha)],
      ['correction', o.correction],
      ['backbone', o.backbone],
      ['every', o.every],
      ['seed', String(o.seed)],
      ['convenor', o.convenor ?? '–'],
      ['safe', o.safe ? 'yes' : 'no'],
    ];
    const optTable = `<h3>${T('options')}</h3><table class="options"><tbody>${opts.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`;
    section(t('methods'), `${sig}<p class="lead">${T('methodsLead')}</p>${methods}${refs}${optTable}`);
  }

  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Mycorrhiza">',
    `<title>${T('title')}${asOf ? ` · ${escapeHtml(asOf)}` : ''}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    cover,
    ...sections,
    `<footer>${T('footer')}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function reportTextOr(lang: Lang, key: string, fallback: string): string {
  return key in REPORT_TEXT[lang] ? reportText(lang, key as ReportKey) : fallback;
}
