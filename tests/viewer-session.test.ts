/**
 * A whole viewer session in real Chromium against `mycorrhiza view` (built app, CSP from the server): open
 * rupel, play, click a partner, open the charts, switch to Dutch, present presenter-safe, export PNG, SVG,
 * CSV and WebM through the UI's download links, remember and forget the data; no request may leave the
 * page's origin and the CSP must refuse nothing. Saves screenshots of the main screen, the details panel, the
 * charts panel and presenter mode to tests/output/screenshots/. Needs `pnpm -r build`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'packages/core/dist/cli/main.js');
const DIST = join(ROOT, 'packages/viewer/dist/index.html');
const SHOTS = join(ROOT, 'tests/output/screenshots');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function serve(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'view', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`view did not start: ${out}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
  });
}

describe('a viewer session', () => {
  let context: BrowserContext;
  let server: { child: ChildProcess; url: string };

  beforeAll(async () => {
    if (!existsSync(DIST) || !existsSync(CLI)) throw new Error('Build first: pnpm -r build.');
    mkdirSync(SHOTS, { recursive: true });
    server = await serve();
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mz-session-')), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ARGS,
      viewport: { width: 1600, height: 900 },
      acceptDownloads: true,
    });
  });

  afterAll(async () => {
    await context?.close();
    server?.child.kill('SIGTERM');
  });

  const state = (page: Page, expr: string) => page.evaluate(`(() => { const v = globalThis.mycorrhizaViewer; const s = v.store.getState(); return ${expr}; })()`);
  const dispatch = (page: Page, action: object) => page.evaluate((a) => (globalThis as any).mycorrhizaViewer.store.dispatch(a), action);

  async function download(page: Page, kind: string): Promise<{ name: string; size: number }> {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.selectOption('[data-testid="export"]', kind)]);
    const path = await d.path();
    const { statSync } = await import('node:fs');
    return { name: d.suggestedFilename(), size: statSync(path).size };
  }

  it('keeps every request on the page origin through loading, playing, panels, presenting and exporting', async () => {
    const page = await context.newPage();
    const origin = new URL(server.url).origin;
    const outside: string[] = [];
    const refused: string[] = [];
    let requests = 0;
    page.on('request', (r) => {
      requests++;
      const u = r.url();
      if (!u.startsWith(origin + '/') && !u.startsWith('blob:' + origin) && !u.startsWith('data:')) outside.push(u);
    });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused/i.test(m.text())) refused.push(m.text());
    });
    page.on('pageerror', (e) => refused.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('#app[data-ready="true"]', { timeout: 30_000 });
    await page.waitForFunction(() => (globalThis as any).mycorrhizaViewer.store.getState().attention?.status === 'ready', null, { timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'viewer-main.png') });

    // Play a few steps from the kick-off.
    await dispatch(page, { type: 'setSpeed', speed: 8 });
    await dispatch(page, { type: 'setStep', step: 20 });
    await page.click('[data-testid="play"]');
    await page.waitForTimeout(1_200);
    await page.keyboard.press('Space');
    // Space pauses; wait for it, or a still-running play would move on past the step set next.
    await page.waitForFunction(() => !(globalThis as any).mycorrhizaViewer.store.getState().playing, null, { timeout: 10_000 });
    await dispatch(page, { type: 'setStep', step: 86 });

    // Click the first attention row: its details open beside the map.
    await page.click('[data-testid="attention-focus"]');
    await page.waitForFunction(() => (globalThis as any).mycorrhizaViewer.store.getState().details?.status === 'ready', null, { timeout: 20_000 });
    await page.waitForTimeout(900);
    await page.screenshot({ path: join(SHOTS, 'viewer-details.png') });
    const tie = await download(page, 'ties');
    expect(tie.size).toBeGreaterThan(100);

    await page.click('[data-tab="charts"]');
    await page.waitForSelector('[data-testid="growth-chart"]');
    // Clicking the growth curve moves the timeline.
    const box = (await page.locator('[data-testid="growth-chart"]').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.5);
    const step = (await state(page, 's.step')) as number;
    expect(step).toBeGreaterThan(10);
    expect(step).toBeLessThan(80);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SHOTS, 'viewer-charts.png') });

    // Exports through the menu: Blob URLs, allowed by the CSP.
    const svg = await download(page, 'svg');
    const png = await download(page, 'png');
    const csv = await download(page, 'growth');
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.size).toBeGreaterThan(20_000);
    expect(png.size).toBeGreaterThan(20_000);
    expect(csv.size).toBeGreaterThan(1_000);
    const video = await page.evaluate(async () => {
      const blob = await (globalThis as any).mycorrhizaViewer.exports.video({ fromStep: 0, toStep: 4, msPerStep: 120, fps: 15 });
      const url = URL.createObjectURL(blob);
      const v = document.createElement('video');
      v.muted = true;
      v.src = url;
      await new Promise((r, j) => ((v.onloadedmetadata = r), (v.onerror = () => j(new Error('video did not load')))));
      if (!Number.isFinite(v.duration)) {
        await new Promise<void>((r) => {
          v.ondurationchange = () => Number.isFinite(v.duration) && r();
          v.currentTime = 1e6;
        });
      }
      return { size: blob.size, duration: v.duration };
    });
    expect(video.size).toBeGreaterThan(1_000);
    expect(video.duration).toBeGreaterThan(0.3);

    // Dutch, presenter-safe, presenter mode.
    await page.selectOption('[data-testid="lang"]', 'nl');
    await page.click('[data-testid="safe"]');
    await page.click('[data-testid="present"]');
    await page.waitForTimeout(1_000);
    expect(await page.isVisible('[data-testid="safe-badge"]')).toBe(true);
    expect(await page.isVisible('[data-testid="sidebar"]')).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'viewer-presenter.png') });
    const at = (await state(page, 's.step')) as number;
    await page.keyboard.press('ArrowLeft');
    expect(await state(page, 's.step')).toBe(at - 1);
    await page.keyboard.press('Space');
    expect(await state(page, 's.playing')).toBe(true);
    await page.keyboard.press('Space');
    expect(await state(page, 's.playing')).toBe(false);
    await page.keyboard.press('Escape');
    expect(await state(page, 's.presenting')).toBe(false);

    // Remember on this device, then forget: IndexedDB only.
    await page.click('[data-testid="remember"]');
    await page.waitForTimeout(300);
    const kept = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(kept).toContain('mycorrhiza-viewer');
    await page.click('[data-testid="forget"]');
    await page.waitForTimeout(300);
    const gone = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(gone).not.toContain('mycorrhiza-viewer');

    console.log(`[viewer] session: ${requests} requests, ${outside.length} outside the origin; downloads svg ${svg.size} B, png ${png.size} B, ties csv ${tie.size} B, growth csv ${csv.size} B; WebM ${video.size} B, ${video.duration.toFixed(2)} s`);
    expect(outside).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  });
});
