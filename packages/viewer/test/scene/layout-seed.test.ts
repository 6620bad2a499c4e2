import { buildModel, generateExample } from '@mycorrhiza/core';
import { describe, expect, it } from 'vitest';
import { buildScene } from '../../src/scene/build.js';
import { computeFrame, stepCount } from '../../src/scene/frame.js';

// Determinism of the map (issue 10): the same data and layout seed give identical positions; another seed moves
// the nodes but changes nothing else — the same nodes, ties, classes and counters at every step.
describe('buildScene(model, view, {layoutSeed})', () => {
  const model = buildModel(generateExample('rupel'));
  const a = buildScene(model, 'organisations', { layoutIterations: 60 });
  const again = buildScene(model, 'organisations', { layoutIterations: 60, layoutSeed: 0 });
  const other = buildScene(model, 'organisations', { layoutIterations: 60, layoutSeed: 7 });

  it('gives identical positions for the same data and seed', () => {
    expect([...again.x]).toEqual([...a.x]);
    expect([...again.y]).toEqual([...a.y]);
  });

  it('changes only the layout with another seed', () => {
    const moved = [...a.x].filter((x, i) => Math.abs(x - other.x[i]!) > 1e-6 || Math.abs(a.y[i]! - other.y[i]!) > 1e-6).length;
    expect(moved).toBeGreaterThan(a.x.length / 2);
    expect(other.nodeId).toEqual(a.nodeId);
    expect([...other.edgeSource]).toEqual([...a.edgeSource]);
    expect([...other.edgeTarget]).toEqual([...a.edgeTarget]);
    const steps = stepCount(a, 'cumulative');
    expect(stepCount(other, 'cumulative')).toBe(steps);
    for (const step of [0, Math.floor(steps / 2), steps - 1]) {
      const fa = computeFrame(a, 'cumulative', step);
      const fo = computeFrame(other, 'cumulative', step);
      expect(fo.counts).toEqual(fa.counts);
      expect([...fo.edgeClass]).toEqual([...fa.edgeClass]);
    }
  });
});
