/**
 * Output safety of every writer of `mycorrhiza analyze --out DIR` (issue 10), fed hostile names through a JSON
 * input (JSON can carry what a CSV cannot: lone surrogates and control characters as escapes):
 * - CSV: no cell starts a spreadsheet formula; every table reads back through the project's reader;
 * - GEXF and GraphML: well-formed XML 1.0 (no control characters, no lone surrogates, no U+FFFE/U+FFFF, `]]>`,
 *   `&`, `<` and quotes escaped), checked by a strict XML parser in Chromium;
 * - report.html: parsed and run in Chromium (playwright-core, /usr/bin/chromium): no injected element, no script
 *   error, no payload ran; the names are shown as text;
 * - report.json parses; the terminal gets no escape sequence.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTable } from '../packages/core/src/io/table.js';
import { syntheticRows } from '../packages/core/test/analysis/synthetic.js';
import { checkXml } from '../packages/core/test/export/helpers.js';
import { readFolder, requireBuiltCli, runCli, tempDir } from './helpers/cli.js';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Hostile names: control characters, XML and HTML breakers, script break-outs, formulas, lone surrogates. */
export const HOSTILE = {
  control: 'Ctrl\u0001\u0007\u001b[31mRed\u001b[0m\u000b\u000c end',
  cdata: 'Cdata ]]> & <tag> "dq" \'sq\' &amp; &#x41;',
  surrogate: 'Lone \ud800 high \udfff low',
  scriptBreak: '</script><script>window.__pwned=3</script>',
  img: '<img src=x onerror="window.__pwned=1">',
  svg: '"><svg onload="window.__pwned=2">',
  formula: '=HYPERLINK("http://x","y")',
  comment: '<!-- c --> <![CDATA[x]]> <?pi x?>',
  separators: 'Line\u2028sep\u2029para',
  template: '${window.__pwned=4} {{constructor}}',
  nonchar: 'Non\ufffe\uffffchar',
};
const NAMES = Object.values(HOSTILE);

function hostileInput(): string {
  const base = syntheticRows().map((r) => ({ ...r }));
  const rows: Record<string, string>[] = base.map((r) => ({ event: r.event, date: r.date, person: r.person, organisation: r.organisation, sector: r.sector, region: r.region }));
  // Each hostile name is a person, an organisation, a sector, a region, a role and an event, tied to the network.
  NAMES.forEach((h, i) => {
    const date = `2023-0${(i % 8) + 1}-1${i % 10}`;
    const event = `${h} event`;
    rows.push({ event, date, person: h, organisation: h, sector: h, region: h, role: h });
    rows.push({ event, date, person: base[i]!.person, organisation: base[i]!.organisation, sector: base[i]!.sector, region: base[i]!.region });
    rows.push({ event: base[i * 3]!.event, date: base[i * 3]!.date, person: h, organisation: h, sector: h, region: h, role: h });
  });
  return JSON.stringify(rows);
}

/** Characters XML 1.0 forbids: C0 controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. */
function xmlForbidden(text: string): string | null {
  const m = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}: ${JSON.stringify(text.slice(Math.max(0, m.index - 30), m.index + 30))}` : null;
}

describe('analyze --out with hostile names: every writer is safe', () => {
  let out = '';
  let files = new Map<string, Buffer>();
  let stdout = '';
  let stderr = '';
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    requireBuiltCli();
    const dir = tempDir('output-safety-');
    const input = join(dir, 'hostile.json');
    writeFileSync(input, hostileInput());
    out = join(dir, 'out');
    const run = runCli(['analyze', input, '--out', out, '--seed', '7', '--lang', 'en'], { timeoutMs: 120_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    stdout = run.stdout;
    stderr = run.stderr;
    files = readFolder(out);
    context = await chromium.launchPersistentContext(tempDir('chromium-'), { executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
  });

  it('writes the eleven files', () => {
    expect([...files.keys()].sort()).toEqual(['attention.csv', 'events.csv', 'growth.csv', 'network.gexf', 'network.graphml', 'organisation-ties.csv', 'organisations.csv', 'people.csv', 'person-ties.csv', 'report.html', 'report.json']);
  });

  it('CSV: no cell starts a formula, every table reads back, the hostile names come back intact', async () => {
    const seen = new Set<string>();
    for (const [name, bytes] of files) {
      if (!name.endsWith('.csv')) continue;
      const table = await parseTable({ name, bytes: new Uint8Array(bytes) });
      expect(table.errors, name).toEqual([]);
      for (const row of table.rows) {
        expect(row.broken, `${name} row ${row.row}`).toBeUndefined();
        for (const c of row.cells) {
          const raw = String(c);
          // A spreadsheet runs = + - @ (and tab/CR) at the start of a cell; negative numbers are harmless.
          expect(/^[=+@\t\r]|^-(?![\d.]+$)/.test(raw), `${name} row ${row.row}: ${JSON.stringify(raw)}`).toBe(false);
          seen.add(raw.replace(/^'/, ''));
        }
      }
    }
    expect(seen.has(HOSTILE.formula)).toBe(true);
    expect(seen.has(HOSTILE.img)).toBe(true);
  });

  it('GEXF and GraphML: no character XML 1.0 forbids, well-formed for our checker and for Chromium', async () => {
    for (const name of ['network.gexf', 'network.graphml']) {
      const xml = files.get(name)!.toString('utf8');
      expect(xmlForbidden(xml), name).toBeNull();
      expect(checkXml(xml).root).toBe(name.endsWith('gexf') ? 'gexf' : 'graphml');
      expect(xml).not.toContain('<img');
      expect(xml).not.toContain('<script');
      expect(xml).not.toContain(']]>'); // forbidden in XML character data
    }
    const page = await context!.newPage();
    try {
      for (const name of ['network.gexf', 'network.graphml']) {
        const xml = files.get(name)!.toString('utf8');
        const result = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const error = doc.getElementsByTagName('parsererror')[0];
          const labels = [...doc.querySelectorAll('node')].map((n) => n.getAttribute('label') ?? n.textContent ?? '');
          return { error: error ? error.textContent : null, root: doc.documentElement.nodeName, nodes: labels.length, text: doc.documentElement.textContent ?? '' };
        }, xml);
        expect(result.error, name).toBeNull();
        expect(result.nodes, name).toBeGreaterThan(10);
      }
    } finally {
      await page.close();
    }
  });

  it('report.html: no injected element, no script error, no payload ran; names shown as text', async () => {
    const page = await context!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        img: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
        scripts: [...document.scripts].filter((s) => s.textContent?.includes('__pwned') && !/^\s*[[{]|JSON|application\/json/.test(s.type + s.textContent.slice(0, 40))).length,
        tags: [...document.querySelectorAll('tag, script')].filter((e) => e.tagName.toLowerCase() === 'tag').length,
        text: document.body.innerText,
      }));
      expect(errors, errors.join('\n')).toEqual([]);
      expect(state.pwned).toBeNull();
      expect(state.img).toBe(0);
      expect(state.tags).toBe(0);
      expect(state.scripts).toBe(0);
      // The organisations table / attention list shows the hostile organisation names as plain text.
      expect(state.text).toContain('window.__pwned=1');
    } finally {
      await page.close();
    }
  });

  it('report.json parses and keeps the names; the terminal gets no escape sequence or control character', () => {
    const json = JSON.parse(files.get('report.json')!.toString('utf8'));
    expect(JSON.stringify(json)).toContain('window.__pwned=3');
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000-\u0008\u000B-\u001F\u007F]/.test(stdout), JSON.stringify(stdout.match(/.{0,20}[\u0000-\u0008\u000B-\u001F\u007F].{0,20}/)?.[0])).toBe(false);
    // eslint-disable-next-line no-control-regex
    expect(/\u001b/.test(stderr)).toBe(false);
  });
});
