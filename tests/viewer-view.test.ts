/**
 * `mycorrhiza view` end to end in real Chromium (playwright-core, /usr/bin/chromium): the built viewer is served
 * on 127.0.0.1 with a Content-Security-Policy, opens on `rupel` (time from navigation to the first painted map
 * measured, with the page's own timeline of the load printed beside it), loads files given on
 * the command line, requests nothing outside its origin, and saves screenshots of the organisations view at the
 * kick-off, the middle and the close to tests/output/screenshots/ (look at them after any change to the map).
 * Needs `pnpm -r build` (the root `pnpm test` runs it first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'packages/core/dist/cli/main.js');
const DIST = join(ROOT, 'packages/viewer/dist/index.html');
const SHOTS = join(ROOT, 'tests/output/screenshots');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Served {
  child: ChildProcess;
  url: string;
}

/** Start `mycorrhiza view` on a free port and wait for the address it prints. */
function serve(args: string[]): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'view', ...args, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`view did not start: ${out} ${err}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Mycorrhiza viewer: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`view exited with ${code}: ${err}`));
    });
  });
}

describe('mycorrhiza view', () => {
  let context: BrowserContext;
  const servers: Served[] = [];

  beforeAll(async () => {
    if (!existsSync(DIST) || !existsSync(CLI)) throw new Error('Build first: pnpm -r build (packages/viewer/dist and packages/core/dist are needed).');
    mkdirSync(SHOTS, { recursive: true });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mz-view-')), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ARGS,
      viewport: { width: 1600, height: 900 },
    });
  });

  afterAll(async () => {
    await context?.close();
    for (const s of servers) s.child.kill('SIGTERM');
  });

  async function open(url: string): Promise<{ page: Page; outside: string[]; errors: string[]; readyMs: number }> {
    const page = await context.newPage();
    const outside: string[] = [];
    const errors: string[] = [];
    const origin = new URL(url).origin;
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !/GPU stall/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const t0 = Date.now();
    await page.goto(url);
    // Checked at every animation frame: waitForSelector polls with a back-off of up to 500 ms, which would add
    // up to half a second to the time measured. The page sets data-ready once the first map has been painted.
    await page.waitForFunction(() => document.querySelector('#app[data-ready="true"]') !== null, null, { timeout: 30_000, polling: 'raf' });
    return { page, outside, errors, readyMs: Date.now() - t0 };
  }

  /** The page's own timeline of the load (User Timing marks and measures named `mz:…`), one line. */
  async function loadTimeline(page: Page): Promise<string> {
    return page.evaluate(() =>
      performance
        .getEntries()
        .filter((e) => e.name.startsWith('mz:') && (e.entryType === 'mark' || e.entryType === 'measure'))
        .sort((a, b) => a.startTime + a.duration - (b.startTime + b.duration))
        .map((e) => `${e.name.slice(3)} ${e.entryType === 'measure' ? `${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}` : e.startTime.toFixed(0)}`)
        .join(', '),
    );
  }

  async function setStep(page: Page, step: number): Promise<void> {
    await page.evaluate((s) => (globalThis as any).mycorrhizaViewer.store.dispatch({ type: 'setStep', step: s }), step);
    // Let the newcomers' fade-in finish before the picture is taken.
    await page.waitForTimeout(600);
  }

  it('serves the built viewer with a CSP, opens rupel quickly and saves screenshots of the growth', async () => {
    const s = await serve([]);
    servers.push(s);
    const res = await fetch(s.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await res.text()).toContain('Content-Security-Policy');
    expect((await fetch(new URL('data/manifest.json', s.url))).status).toBe(200);
    expect((await fetch(new URL('%2e%2e/%2e%2e/package.json', s.url))).status).not.toBe(200);

    // Warm the browser once (process start, shader compilation), then measure a fresh load.
    const warm = await open(s.url);
    await warm.page.close();
    const { page, outside, errors, readyMs } = await open(s.url);
    const state = await page.evaluate(() => {
      const st = (globalThis as any).mycorrhizaViewer.store.getState();
      return { source: st.source, view: st.view, stepCount: st.stepCount, info: st.frameInfo };
    });
    console.log(`[viewer] rupel first frame after load (built app, served by mycorrhiza view): ${readyMs} ms (page timeline in ms since navigation: ${await loadTimeline(page)})`);
    expect(state.source).toEqual({ kind: 'example', name: 'rupel' });
    expect(state.view).toBe('organisations');
    expect(state.info.organisations).toBe(88);
    expect(readyMs).toBeLessThan(1_500);

    const { RUPEL_KICK_OFF } = await import('../packages/core/dist/index.js');
    const kickoff = await page.evaluate((d) => (globalThis as any).mycorrhizaViewer.map.scene.stepDate.indexOf(d), RUPEL_KICK_OFF.date);
    expect(kickoff).toBeGreaterThanOrEqual(0);
    const shots: [string, number][] = [
      ['organisations-kickoff', kickoff],
      ['organisations-middle', Math.floor((kickoff + state.stepCount - 1) / 2)],
      ['organisations-close', state.stepCount - 1],
    ];
    for (const [name, step] of shots) {
      await setStep(page, step);
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
      if (name === 'organisations-kickoff') expect(await page.evaluate(() => (globalThis as any).mycorrhizaViewer.store.getState().frameInfo.organisations)).toBe(25);
    }
    const kick = await page.evaluate(() => (globalThis as any).mycorrhizaViewer.store.getState().frameInfo);
    expect(kick.organisations).toBe(88);
    expect(outside).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
    await page.close();
  });

  it('loads the files given on the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mz-view-files-'));
    const file = join(dir, 'aanwezigheden.csv');
    writeFileSync(
      file,
      [
        'Activiteit;Datum;Naam;Organisatie;Sector',
        'Vorming;14/03/2023;An Peeters;CAW Rupel;welzijn',
        'Vorming;14/03/2023;Bart Claes;Gemeente Boom;lokaal bestuur',
        'Intervisie;02/05/2023;An Peeters;CAW Rupel;welzijn',
        'Intervisie;02/05/2023;Chris Maes;Politiezone Rupel;politie',
      ].join('\n'),
    );
    const s = await serve([file]);
    servers.push(s);
    const { page, outside } = await open(s.url);
    const st = await page.evaluate(() => {
      const x = (globalThis as any).mycorrhizaViewer.store.getState();
      return { source: x.source, info: x.frameInfo };
    });
    expect(st.source).toEqual({ kind: 'files', names: ['aanwezigheden.csv'] });
    expect(st.info.organisations).toBe(3);
    expect(st.info.people).toBe(3);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('says how to fix a missing build', async () => {
    const { startViewServer } = await import('../packages/core/dist/cli/view.js');
    await expect(startViewServer({ dist: join(tmpdir(), 'no-such-viewer-dist') })).rejects.toThrow(/pnpm -r build/);
  });
});
