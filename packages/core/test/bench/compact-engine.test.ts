/**
 * `--engine compact` (the default: the typed arrays and CSR `mycorrhiza analyze` runs on) and `--engine graph`
 * (graphology graphs) give the same checksums on the same file: degree, strength, Newman strength, exact
 * betweenness, components and edge counts; the report names the engine under the stage table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sameChecksum } from '../../src/bench/checksum.js';
import { runPipeline, type PipelineOptions } from '../../src/bench/pipeline.js';
import { renderReport, type BenchReport } from '../../src/bench/report.js';

/** 60 people in 6 organisations, 40 events of 2–9 people (seeded LCG), two people who only meet each other. */
function csv(seed: number): string {
  let x = seed >>> 0;
  const rand = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const lines = ['event_id,event_date,event_type,person_id,organisation,sector'];
  for (let e = 1; e <= 40; e++) {
    const size = 2 + Math.floor(rand() * 8);
    const seated = new Set<number>();
    while (seated.size < size) seated.add(1 + Math.floor(rand() * 60));
    const date = `2024-${String(1 + (e % 12)).padStart(2, '0')}-${String(1 + (e % 28)).padStart(2, '0')}`;
    for (const p of seated) lines.push(`E${e},${date},workshop,P${String(p).padStart(4, '0')},Org ${p % 6},Health`);
  }
  lines.push('E99,2024-06-30,visit,P0900,Org 9,Care', 'E99,2024-06-30,visit,P0901,Org 9,Care');
  return lines.join('\n') + '\n';
}

const dir = mkdtempSync(join(tmpdir(), 'mycorrhiza-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench engines', () => {
  it('compact and graph engines agree on every exact checksum; the variant labels and engine are recorded', async () => {
    const file = join(dir, 'engines.csv');
    writeFileSync(file, csv(3));
    const base: PipelineOptions = { stages: ['degree', 'betweenness', 'constraint', 'core', 'components', 'louvain'], betweenness: 'exact', pivots: null, budget: 60 };
    const compact = await runPipeline(file, base, () => {});
    const graph = await runPipeline(file, { ...base, engine: 'graph' }, () => {});
    expect(compact.engine).toBe('compact');
    expect(graph.engine).toBe('graph');
    for (const r of [compact, graph]) {
      expect(r.stages.map((s) => s.id)).toEqual(['model', 'tie-profiles', 'degree', 'betweenness', 'constraint', 'core', 'components', 'louvain']);
      for (const s of r.stages) expect(s.failed).toBeUndefined();
    }
    const keys = ['person_edges', 'total_weight', 'strong_ties', 'newman_sum', 'org_edges', 'org_total_weight', 'max_degree', 'max_strength', 'max_newman_strength', 'betweenness_exact_top5', 'components', 'largest_component'];
    for (const k of keys) {
      expect(compact.checksum[k], k).toBeDefined();
      expect(sameChecksum(compact.checksum[k]!, graph.checksum[k]!), `${k}: ${JSON.stringify(compact.checksum[k])} vs ${JSON.stringify(graph.checksum[k])}`).toBe(true);
    }
    // Two components at least: the pair that only met each other.
    expect(compact.checksum.components as number).toBeGreaterThanOrEqual(2);
    // Below the graph limit both engines run graphology's Louvain on graphs in the same order: the same partition.
    expect(compact.checksum.louvain_communities).toBe(graph.checksum.louvain_communities);
    expect(compact.checksum.louvain_modularity as number).toBeCloseTo(graph.checksum.louvain_modularity as number, 4);
    expect(compact.stages.find((s) => s.id === 'louvain')?.variant).toBe('graphology');
    expect(compact.stages.find((s) => s.id === 'tie-profiles')?.variant).toBe('compact');

    const report = (ours: typeof compact): BenchReport => ({
      scale: 'S', input: { path: 'x.csv', bytes: 1 }, machine: { cpu: 'x', cores: 2, node: 'v20', loadStart: 0, loadEnd: 0 }, date: 'now', budget: 1, ours, peers: [], reference: {},
    });
    expect(renderReport(report(compact))).toMatch(/Engine: \*\*compact\*\*/);
    expect(renderReport(report(graph))).toMatch(/Engine: \*\*graph\*\*/);
  });
});
