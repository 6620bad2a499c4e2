/** renderReportHtml(analysis, options): offline, escaped, bilingual, with every section and real SVG charts. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { buildModel } from '../../src/model/build-model.js';
import { lineChart, stackedColumns } from '../../src/report/charts.js';
import { escapeHtml } from '../../src/report/escape.js';
import { formatNumber, renderReportHtml, REPORT_CSP } from '../../src/report/html.js';
import { langFromEnv } from '../../src/i18n/report-text.js';
import { syntheticRows } from '../analysis/synthetic.js';

const IMG = '<img src=x onerror=alert(1)>';
const rows = syntheticRows().map((r) => (r.organisation === 'Organisatie B' ? { ...r, organisation: IMG, sector: '<b>bold</b>' } : r));
const analysis = analyze(buildModel(rows), { convenor: 'Organisatie A' });

describe('renderReportHtml(analysis)', () => {
  const html = renderReportHtml(analysis, { lang: 'en' });

  it('is one offline document: CSP meta, inline style, no script, no external URL but DOI links', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    const urls = html.match(/https?:\/\/[^"'<\s]+/g) ?? [];
    for (const u of urls) expect(u).toMatch(/^https:\/\/doi\.org\/|^http:\/\/www\.w3\.org\/2000\/svg$/);
    expect(html).toContain('@page { size: A4');
  });

  it('escapes user text', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<b>bold');
  });

  it('has every section, the rule in words, charts with data and the references', () => {
    for (const h of ['At a glance', 'Growth', 'Ties by strength and recency', 'Sector mix', 'Partners needing attention', 'Before and after', 'Without the convenor', 'Methods'])
      expect(html).toContain(`</span>${h}</h2>`);
    expect(html).toContain('A tie is strong when the two met at 3 or more shared events');
    expect((html.match(/<path class="series" d="M[^"]{20,}"/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect((html.match(/<rect class="bar"/g) ?? []).length).toBeGreaterThan(5);
    for (const doi of ['10.1103/PhysRevE.64.016132', '10.1073/pnas.0610245104', '10.1371/journal.pone.0017994', '10.1016/j.socnet.2014.06.001', '10.1073/pnas.0808904106', '10.1080/0022250X.2001.9990249', '10.1088/1742-5468/2008/10/P10008'])
      expect(html).toContain(doi);
    expect(html).toContain('Burt, R. S. (1992)');
    expect(html).toContain('Batagelj');
    expect(html).toContain('Granovetter');
  });

  it('speaks Dutch with lang nl, with decimal commas', () => {
    const nl = renderReportHtml(analysis, { lang: 'nl' });
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('Rapport partnernetwerk');
    expect(nl).toContain('Partners die aandacht vragen');
    expect(formatNumber(1.5, 'nl')).toBe('1,50');
    expect(formatNumber(12345, 'en')).toBe('12\u202f345');
    expect(formatNumber(null, 'en')).toBe('–');
  });

  it('is the same string for the same analysis', () => {
    expect(renderReportHtml(analysis, { lang: 'en' })).toBe(html);
  });
});

describe('charts', () => {
  it('lineChart draws one path per series over dates, with end labels', () => {
    const svg = lineChart(
      [
        { label: 'a', color: '#000', values: [{ date: '2023-01-01', value: 1 }, { date: '2023-06-01', value: 5 }] },
        { label: '<b>', color: '#111', values: [{ date: '2023-01-01', value: 2 }, { date: '2023-06-01', value: 3 }] },
      ],
      { width: 400, height: 200, title: 'T & t' },
    );
    expect((svg.match(/<path class="series"/g) ?? []).length).toBe(2);
    expect(svg).toContain('a 5</text>');
    expect(svg).toContain('&lt;b&gt; 3</text>');
    expect(svg).toContain('<title>T &amp; t</title>');
    expect(lineChart([], { width: 1, height: 1, title: '' })).toBe('');
  });

  it('stackedColumns stacks values and marks the threshold', () => {
    const svg = stackedColumns([{ label: '1', values: [0, 4] }, { label: '3', values: [2, 0] }], [{ label: 's', color: '#000' }, { label: 'w', color: '#999' }], { width: 300, height: 200, title: 't', xLabel: 'x', yLabel: 'y', marker: { at: '3', label: 'strong from 3' } });
    expect((svg.match(/<rect class="bar"/g) ?? []).length).toBe(2);
    expect(svg).toContain('strong from 3');
  });
});

describe('langFromEnv(env)', () => {
  it('picks Dutch from LC_ALL, LC_MESSAGES or LANG starting with nl', () => {
    expect(langFromEnv({ LANG: 'nl_BE.UTF-8' })).toBe('nl');
    expect(langFromEnv({ LC_ALL: 'en_GB.UTF-8', LANG: 'nl_NL' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });
});
