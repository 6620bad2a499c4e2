/**
 * The map's redraws in real Chromium: a time step redraws only the nodes and edges it changes (sigma's partial
 * refresh), so after any sequence of steps, mode switches and filters the drawn data must equal a full redraw;
 * a large map (light programs) is built in slices and shown the same way. The load records its User Timing marks.
 */
import { createModelBuilder, type AttendanceModel } from '@mycorrhiza/core';
import { expect, test } from 'vitest';
import type { ViewerHandle } from '../../src/index.js';
import { viewerHarness } from './harness.js';

const { mount, host } = viewerHarness(1200, 760);

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What sigma holds for every node and edge (the data its programs draw). */
function drawn(h: ViewerHandle): string {
  const sigma = h.map.renderer!.sigma;
  const graph = sigma.getGraph();
  const out: string[] = [];
  graph.forEachNode((id) => {
    const d = sigma.getNodeDisplayData(id)!;
    out.push(`${id} ${d.hidden ? 'hidden' : `${d.size.toFixed(3)} ${d.color} ${d.label} ${d.forceLabel} ${d.highlighted}`}`);
  });
  graph.forEachEdge((key) => {
    const d = sigma.getEdgeDisplayData(key)!;
    out.push(`${key} ${d.hidden ? 'hidden' : `${d.size} ${d.color}`}`);
  });
  return out.join('\n');
}

/** The drawn data after partial redraws equals the data of a full redraw. */
function expectSameAsFullRedraw(h: ViewerHandle, what: string): void {
  const partial = drawn(h);
  h.map.renderer!.refresh();
  const full = drawn(h);
  if (partial !== full) {
    const a = partial.split('\n'), b = full.split('\n');
    const diff = a.map((line, i) => (line === b[i] ? null : `${line}  ≠  ${b[i]}`)).filter(Boolean);
    throw new Error(`${what}: ${diff.length} items differ from a full redraw, e.g.\n${diff.slice(0, 5).join('\n')}`);
  }
}

test('rupel: after steps (with fade-ins), jumps, mode switches and filters the map holds what a full redraw draws', async () => {
  const h = mount({ example: 'rupel' }, { step: 'first' });
  await h.ready;
  const n = h.store.getState().stepCount;
  for (let s = 1; s <= 6; s++) h.store.dispatch({ type: 'stepBy', delta: 1 });
  await wait(600); // the fade-in ends
  expectSameAsFullRedraw(h, 'after six steps');
  for (const step of [40, 12, n - 1, 0, 55, 56, 30]) {
    h.store.dispatch({ type: 'setStep', step });
    expectSameAsFullRedraw(h, `after a jump to ${step}`);
  }
  const toWindow = h.map.modeSwitch('window');
  h.store.dispatch({ type: 'setMode', mode: 'window', stepCount: toWindow.stepCount, step: toWindow.step });
  h.store.dispatch({ type: 'setStep', step: 70 });
  expectSameAsFullRedraw(h, 'in window mode');
  h.store.dispatch({ type: 'setFilters', filters: { tieClass: 'strong', minShared: 4 } });
  h.store.dispatch({ type: 'setStep', step: 60 });
  expectSameAsFullRedraw(h, 'with a strong-tie filter');
  const back = h.map.modeSwitch('cumulative');
  h.store.dispatch({ type: 'setMode', mode: 'cumulative', stepCount: back.stepCount, step: back.step });
  expectSameAsFullRedraw(h, 'back in cumulative mode');
});

/** 1,500 organisations in 900 meetings of 5: about 8,000 ties, above the light-program threshold. */
function mediumModel(): AttendanceModel {
  let seed = 99;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const b = createModelBuilder();
  for (let e = 0; e < 900; e++) {
    const day = new Date(Date.UTC(2021, 0, 1) + Math.floor(e / 3) * 86_400_000).toISOString().slice(0, 10);
    const seen = new Set<number>();
    const centre = Math.floor(rnd() * 1_500);
    while (seen.size < 5) seen.add(rnd() < 0.7 ? (centre + Math.floor(rnd() * 40)) % 1_500 : Math.floor(rnd() * 1_500));
    for (const o of seen) b.add({ event: `Meeting ${e}`, date: day, person: null, organisation: `Org ${o}`, sector: o % 3 === 0 ? 'welzijn' : 'onderwijs' });
  }
  return b.build();
}

test('a large map is built in slices, then steps redraw only what changes and still equal a full redraw', async () => {
  const h = mount({ model: mediumModel() }, { sceneOptions: { layoutIterations: 10 } });
  await h.ready;
  const r = h.map.renderer!;
  expect(r.light).toBe(true);
  expect(r.scene.edgeCount).toBeGreaterThan(5_000);
  expectSameAsFullRedraw(h, 'the first frame');
  const n = h.store.getState().stepCount;
  for (const step of [3, 100, 101, 102, 250, n - 1, n - 2, 10]) {
    h.store.dispatch({ type: 'setStep', step });
    expectSameAsFullRedraw(h, `after step ${step}`);
  }
  // Its load left User Timing marks (the page's own timeline of the load).
  expect(performance.getEntriesByName('mz:set-scene', 'measure').length).toBeGreaterThan(0);
  expect(performance.getEntriesByName('mz:worker:scene', 'measure').length).toBeGreaterThan(0);
});

test('a new size of the map box draws the map again, even when no node or edge changed', async () => {
  const h = mount({ example: 'rupel' });
  await h.ready;
  const r = h.map.renderer!;
  let renders = 0;
  r.sigma.on('afterRender', () => renders++);
  // One pixel less: the canvases are resized (and so cleared), the labels stay where they were.
  host().style.height = '759px';
  r.resize();
  expect(renders).toBeGreaterThan(0);
  // Read back at once, before the frame is presented (no preserveDrawingBuffer).
  let painted = 0;
  for (const canvas of Object.values(r.sigma.getCanvases())) {
    const gl = canvas.getContext('webgl2');
    if (!gl) continue;
    const px = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
    gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, px);
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) painted++;
  }
  expect(painted).toBeGreaterThan(5_000);
});
