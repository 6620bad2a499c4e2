import { buildModel } from '@mycorrhiza/core';
import { describe, expect, it } from 'vitest';
import { buildScene } from '../../src/scene/build.js';
import { computeFrame, stepCount } from '../../src/scene/frame.js';
import { sectorColors } from '../../src/scene/palette.js';
import { EDGE_HIDDEN, EDGE_STRONG, EDGE_STRONG_FADING, EDGE_WEAK } from '../../src/scene/types.js';

// A and B meet at three events (strong from the third); C meets A once; the last event is a year later.
const rec = (event: string, date: string, organisation: string) => ({ event, date, person: null, organisation, sector: organisation === 'C' ? 'zorg' : 'welzijn' });
const model = buildModel([
  rec('e1', '2023-01-10', 'A'), rec('e1', '2023-01-10', 'B'),
  rec('e2', '2023-02-10', 'A'), rec('e2', '2023-02-10', 'B'), rec('e2', '2023-02-10', 'C'),
  rec('e3', '2023-03-10', 'A'), rec('e3', '2023-03-10', 'B'),
  rec('e4', '2024-03-10', 'C'), rec('e4', '2024-03-10', 'D'),
]);

describe('computeFrame(scene, mode, step)', () => {
  const scene = buildScene(model, 'organisations', { layoutIterations: 50 });
  const ab = [...scene.edgeSource].findIndex((s, i) => scene.nodeId[s] === 'O001' && scene.nodeId[scene.edgeTarget[i]!] === 'O002');
  it('shows nodes and ties as they appear, strong from the third shared event, fading after 9 months', () => {
    expect(stepCount(scene, 'cumulative')).toBe(4);
    const f1 = computeFrame(scene, 'cumulative', 0);
    expect([f1.counts.organisations, f1.counts.ties, f1.edgeClass[ab]]).toEqual([2, 1, EDGE_WEAK]);
    const f3 = computeFrame(scene, 'cumulative', 2);
    expect([f3.counts.organisations, f3.counts.ties, f3.counts.strong, f3.edgeClass[ab]]).toEqual([3, 3, 1, EDGE_STRONG]);
    const f4 = computeFrame(scene, 'cumulative', 3);
    expect([f4.counts.organisations, f4.counts.ties, f4.edgeClass[ab]]).toEqual([4, 4, EDGE_STRONG_FADING]);
  });
  it('keeps only the last 12 months in window mode and counts meetings in meeting mode', () => {
    const w = computeFrame(scene, 'window', 3);
    expect([w.counts.organisations, w.counts.ties, w.edgeClass[ab]]).toEqual([2, 1, EDGE_HIDDEN]);
    expect(stepCount(scene, 'meeting')).toBe(4);
    expect(computeFrame(scene, 'meeting', 1).counts.ties).toBe(3);
  });
  it('lays out the same network the same way every time', () => {
    const again = buildScene(model, 'organisations', { layoutIterations: 50 });
    expect([...again.x]).toEqual([...scene.x]);
    expect([...again.y]).toEqual([...scene.y]);
  });
});

describe('sectorColors(names)', () => {
  it('gives each sector its own colour, independent of the order given', () => {
    const a = sectorColors(['welzijn', 'zorg', 'onderwijs']);
    const b = sectorColors(['onderwijs', 'welzijn', 'zorg']);
    expect(new Set(a).size).toBe(3);
    expect(a[0]).toBe(b[1]);
    expect(a[2]).toBe(b[0]);
  });
});
