/**
 * The readers in a real browser Web Worker (Chromium via playwright-core): the source of src/io is bundled by
 * Vite for the browser, served on 127.0.0.1, and run on fixtures inside a module worker. Checks that src/io needs
 * no Node built-ins and that read-excel-file's universal entry reads XLSX from bytes there too.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const srcIo = fileURLToPath(new URL('../../src/io/index.ts', import.meta.url));
const fixtures = fileURLToPath(new URL('../../../../tests/fixtures/io/', import.meta.url));

const WORKER = `import { readAttendance } from './io.js';
onmessage = async (e) => {
  const out = [];
  for (const [name, b64] of e.data) {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const r = await readAttendance([{ name, bytes }]);
    out.push({ name, counts: r.report.counts, errors: r.report.errors.map((x) => x.row + ':' + x.code), people: r.model.people.map((p) => p.name), events: r.model.events.map((ev) => ev.name + '@' + ev.date) });
  }
  postMessage(out);
};`;

let dir = '';
let server: Server | null = null;
afterAll(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(CHROMIUM))('readAttendance in a browser Web Worker', () => {
  it('reads Windows-1252 CSV, UTF-16 CSV, XLSX and reports bad rows exactly as in Node', async () => {
    dir = mkdtempSync(join(tmpdir(), 'myco-io-browser-'));
    const { build } = await import('vite');
    await build({
      configFile: false,
      logLevel: 'silent',
      resolve: { conditions: ['browser'] },
      build: { outDir: join(dir, 'www'), emptyOutDir: true, minify: false, lib: { entry: srcIo, formats: ['es'], fileName: () => 'io.js' } },
    });
    const bundle = readFileSync(join(dir, 'www', 'io.js'), 'utf8');
    expect(bundle).not.toMatch(/from\s*["']node:/);
    writeFileSync(join(dir, 'www', 'worker.js'), WORKER);
    server = createServer((req, res) => {
      const file = req.url === '/' ? null : join(dir, 'www', (req.url ?? '').replace(/[^a-z.]/gi, ''));
      if (!file) return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>io</title>');
      if (!existsSync(file)) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    }).listen(0, '127.0.0.1');
    await new Promise((r) => server!.once('listening', r));
    const port = (server.address() as { port: number }).port;

    const { chromium } = await import('playwright-core');
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      const names = ['dutch-windows1252.csv', 'utf16le-bom.csv', 'dates.xlsx', 'bad-rows.csv', 'picture.csv'];
      const files = names.map((n) => [n, readFileSync(join(fixtures, n)).toString('base64')]);
      // Written as a string: core's type-check has no DOM library.
      const script = `new Promise((resolve) => {
        const w = new Worker('/worker.js', { type: 'module' });
        w.onmessage = (e) => resolve(e.data);
        w.onerror = (e) => { e.preventDefault(); resolve('worker error: ' + e.message); };
        w.postMessage(${JSON.stringify(files)});
      })`;
      const out = (await page.evaluate(script)) as { name: string; counts: Record<string, number>; errors: string[]; people: string[]; events: string[] }[];
      expect(Array.isArray(out), String(out)).toBe(true);
      const by = Object.fromEntries(out.map((o) => [o.name, o]));
      expect(by['dutch-windows1252.csv']!.people).toEqual(['Élise Dubois', 'Chloë Maes', 'François Peeters', 'Noël Verbeeck']);
      expect(by['dutch-windows1252.csv']!.events[0]).toBe('Oudercafé – opvoeding@2023-03-14');
      expect(by['utf16le-bom.csv']!.people).toEqual(['Hélène Lefèvre', 'Benoît Leroy']);
      expect(by['dates.xlsx']!.events).toEqual(['Oudercafé@2023-03-14', 'Vorming@2023-04-21', 'Netwerkmoment@2023-06-02']);
      expect(by['dates.xlsx']!.errors).toEqual(['6:bad-date']);
      expect(by['bad-rows.csv']!.counts).toEqual({ rows: 20, used: 10, rejected: 10, people: 9, organisations: 5, events: 3 });
      expect(by['picture.csv']!.errors).toEqual(['null:unsupported-format']);
    } finally {
      await context.close();
    }
  }, 90_000);
});
