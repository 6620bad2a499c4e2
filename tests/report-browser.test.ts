/**
 * report.html in real Chromium (playwright-core, system /usr/bin/chromium): the charts render as SVG with data,
 * nothing is requested but the file itself, hostile names create no element, the page prints on A4, and
 * network.gexf / network.graphml parse as XML in the browser. Saves tests/output/report.png and report.pdf.
 * Regenerate by running this test; look at the PNG after any change to the report's layout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCsv } from '../packages/core/test/analysis/synthetic.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'packages/core/dist/cli/main.js');
const OUTPUT = join(ROOT, 'tests/output');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUPEL = join(ROOT, 'examples/rupel/attendance.csv');

function analyze(input: string, out: string, extra: string[]): void {
  const r = spawnSync(process.execPath, [CLI, 'analyze', input, '--out', out, ...extra], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`analyze failed (${r.status}): ${r.stderr}`);
}

describe('report.html in Chromium', () => {
  let context: BrowserContext;
  let dir = '';
  let reportDir = '';
  let hostileDir = '';

  /** Open a local file, refusing (and recording) every other request. */
  async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[]; dialogs: string[] }> {
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u === url) return route.continue();
      requests.push(u);
      return route.abort();
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, errors, dialogs };
  }

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`Build core first: cd packages/core && npx tsc -p tsconfig.build.json (missing ${CLI})`);
    dir = mkdtempSync(join(tmpdir(), 'report-browser-'));
    reportDir = join(dir, 'report');
    const input = existsSync(RUPEL) ? RUPEL : join(dir, 'synthetic.csv');
    if (!existsSync(RUPEL)) writeFileSync(input, syntheticCsv());
    analyze(input, reportDir, ['--lang', 'en', ...(existsSync(RUPEL) ? ['--convenor', 'Zorgregie Rupel'] : [])]);
    const hostile = join(dir, 'hostile.csv');
    writeFileSync(hostile, syntheticCsv([
      { event: 'Bijeenkomst 3', date: '2023-03-07', person: '<img src=x onerror=alert(1)>', organisation: '<img src=x onerror=alert(1)>', sector: '<script>alert(2)</script>', region: 'x' },
      { event: 'Bijeenkomst 4', date: '2023-04-08', person: '<img src=x onerror=alert(1)>', organisation: '<img src=x onerror=alert(1)>', sector: '<script>alert(2)</script>', region: 'x' },
    ]));
    hostileDir = join(dir, 'hostile');
    analyze(hostile, hostileDir, ['--lang', 'nl']);
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), { executablePath: '/usr/bin/chromium', headless: true, args: ARGS, viewport: { width: 1100, height: 900 } });
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('renders the charts from data, requests nothing, prints on A4', async () => {
    const { page, requests, errors } = await open(join(reportDir, 'report.html'));
    const stats = await page.evaluate(() => ({
      charts: document.querySelectorAll('svg.chart').length,
      lines: [...document.querySelectorAll('svg.line-chart path.series')].map((p) => (p.getAttribute('d') ?? '').length),
      columns: document.querySelectorAll('svg.column-chart rect.bar').length,
      sectorBars: document.querySelectorAll('svg.bar-chart rect.bar').length,
      sections: document.querySelectorAll('section').length,
      h1: document.querySelector('h1')?.textContent,
      attentionRows: document.querySelectorAll('section table tbody tr').length,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      scripts: document.querySelectorAll('script').length,
      widest: Math.max(...[...document.querySelectorAll('svg.chart')].map((s) => s.getBoundingClientRect().width)),
      main: document.querySelector('main')!.getBoundingClientRect().width,
      methods: document.body.textContent?.includes('10.1103/PhysRevE.64.016132') && document.body.textContent?.includes('10.1088/1742-5468/2008/10/P10008'),
    }));
    expect(stats.charts).toBeGreaterThanOrEqual(4);
    expect(stats.lines.length).toBeGreaterThanOrEqual(4);
    for (const len of stats.lines) expect(len).toBeGreaterThan(40);
    expect(stats.columns).toBeGreaterThanOrEqual(3);
    expect(stats.sectorBars).toBeGreaterThanOrEqual(2);
    expect(stats.sections).toBeGreaterThanOrEqual(6);
    expect(stats.h1).toBe('Partner network report');
    expect(stats.csp).toContain("default-src 'none'");
    expect(stats.scripts).toBe(0);
    expect(stats.widest).toBeLessThanOrEqual(stats.main);
    expect(stats.methods).toBe(true);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(OUTPUT, 'report.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(30);
    await page.close();
  });

  it('shows hostile names as text: no element, no dialog, no request (Dutch report)', async () => {
    const { page, requests, errors, dialogs } = await open(join(hostileDir, 'report.html'));
    const dom = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      lang: document.documentElement.lang,
      text: document.body.textContent ?? '',
    }));
    expect(dom.imgs).toBe(0);
    expect(dom.scripts).toBe(0);
    expect(dom.lang).toBe('nl');
    expect(dom.text).toContain('<img src=x onerror=alert(1)>');
    expect(dom.text).toContain('Partners die aandacht vragen');
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('parses network.gexf and network.graphml as XML in the browser', async () => {
    const page = await context.newPage();
    for (const name of ['network.gexf', 'network.graphml']) {
      const xml = readFileSync(join(hostileDir, name), 'utf8');
      const result = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const err = doc.getElementsByTagName('parsererror')[0];
        return {
          error: err ? err.textContent : null,
          root: doc.documentElement.localName,
          ns: doc.documentElement.namespaceURI,
          nodes: doc.getElementsByTagNameNS('*', 'node').length,
          edges: doc.getElementsByTagNameNS('*', 'edge').length,
          labels: [...doc.getElementsByTagNameNS('*', 'node')].map((n) => n.getAttribute('label')).filter(Boolean) as string[],
          mode: doc.getElementsByTagNameNS('*', 'graph')[0]?.getAttribute('mode') ?? null,
        };
      }, xml);
      expect(result.error, name).toBeNull();
      expect(result.nodes).toBeGreaterThan(10);
      expect(result.edges).toBeGreaterThan(10);
      if (name.endsWith('gexf')) {
        expect(result.ns).toBe('http://gexf.net/1.3');
        expect(result.mode).toBe('dynamic');
        expect(result.labels).toContain('<img src=x onerror=alert(1)>');
      } else expect(result.root).toBe('graphml');
    }
    await page.close();
  });
});
