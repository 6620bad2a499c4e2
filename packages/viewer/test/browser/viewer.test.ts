/**
 * The viewer in real Chromium (WebGL through SwiftShader): the rupel example's counters against core's
 * growthSeries, pixels on the canvas, a full play with no node moving, loading files through the file input
 * (Dutch headers, a broken file), the time of a timeline step, and a 10,000-node / 50,000-edge network.
 */
import { buildModel, createModelBuilder, generateExample, growthSeries, RUPEL_CLOSE, RUPEL_KICK_OFF, type AttendanceModel } from '@mycorrhiza/core';
import { expect, test } from 'vitest';
import type { ViewerHandle } from '../../src/index.js';
import { until, viewerHarness } from './harness.js';

const { mount, host } = viewerHarness(1200, 760);

/** Non-background pixels on the sigma WebGL layers, read synchronously right after a refresh (ENV.md pitfall 7). */
function paintedPixels(h: ViewerHandle): number {
  const renderer = h.map.renderer!;
  renderer.refresh();
  let painted = 0;
  for (const canvas of Object.values(renderer.sigma.getCanvases())) {
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) continue;
    const px = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
    gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, px);
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) painted++;
  }
  return painted;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

test('rupel opens with counters equal to core growthSeries at the kick-off and the close, and a painted canvas', async () => {
  const t0 = performance.now();
  const h = mount({ example: 'rupel' });
  await h.ready;
  const firstFrameMs = performance.now() - t0;
  expect(h.store.getState().status).toBe('ready');

  const model = buildModel(generateExample('rupel'));
  const rows = growthSeries(model, { every: 'event' }).rows;
  const scene = h.map.scene!;
  expect(scene.stepDate).toEqual(rows.map((r) => r.date));

  const at = (date: string) => {
    const step = scene.stepDate.indexOf(date);
    expect(step).toBeGreaterThanOrEqual(0);
    h.store.dispatch({ type: 'setStep', step });
    return { info: h.store.getState().frameInfo!, counts: h.map.frame!.counts, row: rows[step]! };
  };
  for (const date of [RUPEL_KICK_OFF.date, RUPEL_CLOSE.date]) {
    const { info, counts, row } = at(date);
    // The caption shows core's figures, and the map's own frame draws exactly as many nodes and strong ties.
    expect(info.fromCore).toBe(true);
    expect([info.organisations, info.people, info.strong]).toEqual([row.organisations, row.people, row.strong_organisation_ties]);
    expect([counts.organisations, counts.people, counts.ties, counts.strong, counts.fading]).toEqual([
      row.organisations,
      row.people,
      row.organisation_ties,
      row.strong_organisation_ties,
      row.fading_organisation_ties,
    ]);
    const shown = h.map.frame!.nodeVisible.reduce((a, b) => a + b, 0);
    expect(shown).toBe(row.organisations);
  }
  expect(at(RUPEL_KICK_OFF.date).info.organisations).toBe(25);
  expect(at(RUPEL_CLOSE.date).info.organisations).toBe(88);
  const counters = host().querySelector('[data-testid="counters"]')!.textContent!;
  expect(counters).toContain('88 organisations');

  const painted = paintedPixels(h);
  expect(painted).toBeGreaterThan(5_000);
  console.log(`[viewer] rupel first frame in vitest browser mode: ${firstFrameMs.toFixed(0)} ms; painted pixels at the close: ${painted}`);
});

test('every step of rupel equals core growthSeries, and playing to the end moves no node and not the camera', async () => {
  const h = mount({ example: 'rupel' }, { step: 'first' });
  await h.ready;
  const rows = growthSeries(buildModel(generateExample('rupel')), { every: 'event' }).rows;
  const sigma = h.map.renderer!.sigma;
  const camera = JSON.stringify(sigma.getCamera().getState());
  let prev = h.map.renderer!.visiblePositions();
  let maxMove = 0;
  h.map.stepTimes.length = 0;
  const n = h.store.getState().stepCount;
  for (let s = 1; s < n; s++) {
    h.store.dispatch({ type: 'stepBy', delta: 1 });
    const c = h.map.frame!.counts;
    const row = rows[s]!;
    expect([c.organisations, c.people, c.strong, c.ties]).toEqual([row.organisations, row.people, row.strong_organisation_ties, row.organisation_ties]);
    const pos = h.map.renderer!.visiblePositions();
    for (const [id, p] of pos) {
      const q = prev.get(id);
      if (q) maxMove = Math.max(maxMove, Math.hypot(p.x - q.x, p.y - q.y));
    }
    // Nodes only appear over time in cumulative mode.
    for (const id of prev.keys()) expect(pos.has(id)).toBe(true);
    prev = pos;
  }
  expect(maxMove).toBeLessThanOrEqual(0.5);
  expect(JSON.stringify(sigma.getCamera().getState())).toBe(camera);
  const med = median(h.map.stepTimes);
  console.log(`[viewer] rupel timeline step (frame + reducers + draw call), ${h.map.stepTimes.length} steps: median ${med.toFixed(2)} ms, max ${Math.max(...h.map.stepTimes).toFixed(1)} ms; max node move ${maxMove} px`);
  expect(med).toBeLessThan(16);

  // Play through the UI: the play button runs to the end on its own.
  h.store.dispatch({ type: 'setSpeed', speed: 8 });
  h.store.dispatch({ type: 'setStep', step: n - 8 });
  (host().querySelector('[data-testid="play"]') as HTMLButtonElement).click();
  expect(h.store.getState().playing).toBe(true);
  await until(() => !h.store.getState().playing, 10_000, 'the end of play');
  expect(h.store.getState().step).toBe(n - 1);
});

function setFiles(input: HTMLInputElement, files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

test('a CSV with Dutch headers loads through the file input; a broken file shows the report and keeps the map', async () => {
  const h = mount({ example: 'davis' });
  await h.ready;
  const input = host().querySelector('[data-testid="file-input"]') as HTMLInputElement;
  const csv = [
    'Activiteit;Datum;Naam deelnemer;Organisatie;Sector',
    'Vorming A;14/03/2023;An Peeters;CAW Rupel;welzijn',
    'Vorming A;14/03/2023;Bart Claes;Gemeente Boom;lokaal bestuur',
    'Vorming A;14/03/2023;Chris Maes;Politiezone Rupel;politie',
    'Intervisie B;02/05/2023;An Peeters;CAW Rupel;welzijn',
    'Intervisie B;02/05/2023;Dirk Jacobs;Huis van het Kind;gezinsondersteuning',
    'Netwerkmoment C;31/02/2023;Eva Wouters;School De Boom;onderwijs',
  ].join('\r\n');
  setFiles(input, [new File([csv], 'aanwezigheden.csv', { type: 'text/csv' })]);
  await until(() => h.store.getState().source?.kind === 'files' && h.store.getState().status === 'ready', 20_000, 'the CSV');
  const s = h.store.getState();
  expect(s.view).toBe('organisations');
  expect(h.map.frame!.counts.organisations).toBe(4);
  expect(s.frameInfo!.organisations).toBe(4);
  // The impossible date is a row error, shown with its place in the report.
  expect(s.report!.errors.some((e) => e.file === 'aanwezigheden.csv' && e.row === 7 && /datum/i.test(e.column ?? ''))).toBe(true);
  expect(host().querySelector('[data-testid="report"]')!.textContent).toContain('aanwezigheden.csv');

  // A file that is no spreadsheet at all: the report says so and the previous map stays usable.
  const before = h.map.scene;
  const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
  setFiles(input, [new File([junk], 'kapot.xlsx')]);
  await until(() => h.store.getState().status !== 'loading' && h.store.getState().error !== null, 20_000, 'the broken file');
  const after = h.store.getState();
  expect(after.status).toBe('ready');
  expect(h.map.scene).toBe(before);
  expect(after.report!.errors.length).toBeGreaterThan(0);
  expect(after.report!.errors[0]!.file).toBe('kapot.xlsx');
  expect(host().querySelector('[data-testid="report"]')!.textContent).toContain('kapot.xlsx');
  h.store.dispatch({ type: 'setStep', step: 0 });
  expect(h.store.getState().frameInfo!.organisations).toBe(h.map.frame!.counts.organisations);
  expect(paintedPixels(h)).toBeGreaterThan(0);
});

/** A seeded network of 10,000 organisations and about 50,000 ties: 3,400 meetings of 6 organisations each. */
function bigModel(): AttendanceModel {
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const b = createModelBuilder();
  const sectors = ['onderwijs', 'welzijn', 'gezondheid', 'politie', 'kinderopvang', 'lokaal bestuur', 'jeugdhulp', 'justitie'];
  for (let e = 0; e < 3400; e++) {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(e / 5) * 86_400_000).toISOString().slice(0, 10);
    const seen = new Set<number>();
    // Mostly local meetings (neighbouring ids), so the network has structure.
    const centre = Math.floor(rnd() * 10_000);
    while (seen.size < 6) seen.add(rnd() < 0.8 ? (centre + Math.floor(rnd() * 60)) % 10_000 : Math.floor(rnd() * 10_000));
    for (const o of seen) b.add({ event: `Meeting ${e}`, date: day, person: null, organisation: `Org ${o}`, sector: sectors[o % sectors.length]! });
  }
  for (let o = 0; o < 10_000; o++) b.add({ event: 'Closing', date: '2022-01-01', person: null, organisation: `Org ${o}`, sector: sectors[o % sectors.length]! });
  return b.build();
}

test('a 10,000-node / 50,000-edge network loads in the worker and steps without freezing the page', async () => {
  const model = bigModel();
  const t0 = performance.now();
  let longest = 0;
  let longestAt = 0;
  let last = performance.now();
  let beating = true;
  const beat = () => {
    const now = performance.now();
    if (now - last > longest) {
      longest = now - last;
      longestAt = now - t0;
    }
    last = now;
    if (beating) setTimeout(beat, 10);
  };
  setTimeout(beat, 10);
  const h = mount({ model }, { sceneOptions: { layoutIterations: 20, maxEventSize: 7 } });
  await h.ready;
  const loadMs = performance.now() - t0;
  const loadPause = longest;
  const scene = h.map.scene!;
  expect(scene.nodeCount).toBe(10_000);
  expect(h.map.renderer!.light).toBe(true);
  const closing = scene.stepDate.length - 1;
  h.map.stepTimes.length = 0;
  for (const step of [10, 200, 400, closing - 1]) h.store.dispatch({ type: 'setStep', step });
  h.store.dispatch({ type: 'stepBy', delta: -1 });
  h.store.dispatch({ type: 'stepBy', delta: 1 });
  await new Promise((r) => setTimeout(r, 50));
  beating = false;
  const loadLongest = longest;
  console.log(
    `[viewer] 10k network: ${scene.nodeCount} nodes, ${scene.edgeCount} edges; loaded in ${loadMs.toFixed(0)} ms (layout ${scene.layoutMs} ms in the worker); ` +
      `steps ${h.map.stepTimes.map((x) => x.toFixed(0)).join(', ')} ms; longest main-thread pause ${loadLongest.toFixed(0)} ms at ${longestAt.toFixed(0)} ms (${loadPause.toFixed(0)} ms before the map was ready)`,
  );
  expect(scene.edgeCount).toBeGreaterThan(45_000);
  expect(h.store.getState().step).toBe(closing - 1);
  expect(Math.max(...h.map.stepTimes)).toBeLessThan(2_000);
  // Software WebGL (SwiftShader on 2 cores) needs seconds of GPU time per 50k-edge frame; the main thread must
  // never wait longer than that for the worker's work.
  expect(loadPause).toBeLessThan(1_500);
  expect(loadLongest).toBeLessThan(6_000);
});
