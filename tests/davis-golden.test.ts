/**
 * Davis Southern Women (Davis, Gardner & Gardner 1941): every tie and every woman against golden.json
 * (networkx 2.8.8, python-igraph 0.10.2, scipy 1.10.1, cross-checked with tnet; see fixtures/davis/README.md).
 * Tolerances, stated per figure:
 * - counts, degrees, core numbers: exact;
 * - fractions (newman, jaccard, overlap, strengths, betweenness, constraint, effective size, density): 1e-9 absolute;
 * - hypergeometric, Holm, SDSM (exact and RNA) and disparity p-values: 1e-9 absolute (golden used the same formulas in double precision);
 * - keep flags: exact (p < 0.05, strict).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  backbone,
  betweenness,
  buildModel,
  constraint,
  coreNumber,
  effectiveSize,
  nodeMeasures,
  personNetwork,
  projectPersons,
  type AttendanceRecord,
  type PersonGraph,
} from '../packages/core/src/index.js';

const dir = fileURLToPath(new URL('./fixtures/davis/', import.meta.url));

interface GoldenEdge {
  u: string;
  v: string;
  count: number;
  newman: number;
  jaccard: number;
  neighbourhood_overlap: number;
  p_hypergeom_fixedrow: number;
  p_hypergeom_holm: number;
  p_sdsm_bicm_exact: number;
  p_sdsm_bicm_rna: number;
  p_disparity_count: number;
  [flag: string]: number | string | boolean;
}
interface GoldenNode {
  events: number;
  degree: number;
  strength_count: number;
  strength_newman: number;
  betweenness_unweighted_raw: number;
  betweenness_unweighted_norm: number;
  betweenness_count_inv_raw: number;
  betweenness_count_inv_norm: number;
  betweenness_newman_inv_raw: number;
  burt_constraint_weighted: number;
  burt_constraint_unweighted: number;
  burt_effective_size_weighted: number;
  core_number: number;
}
const golden = JSON.parse(readFileSync(dir + 'golden.json', 'utf8')) as {
  graph: { projection_edges: number; projection_density: number; backbone_edge_counts_0_05?: unknown };
  nodes: Record<string, GoldenNode>;
  edges: GoldenEdge[];
};

function loadDavis() {
  const lines = readFileSync(dir + 'attendance.csv', 'utf8').trim().split(/\r?\n/);
  const records: AttendanceRecord[] = lines.slice(1).map((line) => {
    const [person, event, date] = line.split(',');
    return { person: person!, event: event!, date: date!, organisation: null };
  });
  return buildModel(records);
}

const model = loadDavis();
const idOf = new Map(model.people.map((p) => [p.name, p.id]));
const nameOf = new Map(model.people.map((p) => [p.id, p.name]));
const graph: PersonGraph = personNetwork(model);
const tieOf = (e: GoldenEdge) => graph.getEdgeAttributes(graph.edge(idOf.get(e.u)!, idOf.get(e.v)!)!);

describe('Davis Southern Women: ties', () => {
  it('has 18 women, 14 events, 89 attendances, 139 ties and density 0.908497', () => {
    expect(model.people).toHaveLength(18);
    expect(model.events).toHaveLength(14);
    expect(model.attendance.length).toBe(89);
    expect(graph.order).toBe(18);
    expect(graph.size).toBe(golden.edges.length);
    expect(graph.size).toBe(139);
    const density = graph.size / ((graph.order * (graph.order - 1)) / 2);
    expect(density).toBeCloseTo(golden.graph.projection_density, 9);
    expect(density).toBeCloseTo(0.908497, 6);
  });

  it('matches shared_events (exact), newman, jaccard and neighbourhood_overlap (1e-9) on all 139 ties', () => {
    for (const e of golden.edges) {
      const t = tieOf(e);
      expect(t.shared_events, `${e.u}–${e.v}`).toBe(e.count);
      expect(Math.abs(t.newman - e.newman), `${e.u}–${e.v} newman`).toBeLessThan(1e-9);
      expect(Math.abs(t.jaccard - e.jaccard), `${e.u}–${e.v} jaccard`).toBeLessThan(1e-9);
      expect(Math.abs(t.neighbourhood_overlap - e.neighbourhood_overlap), `${e.u}–${e.v} overlap`).toBeLessThan(1e-9);
      expect(t.local_bridge).toBe(false);
    }
  });

  it('matches hypergeometric p-values (1e-9) and keep flags at alpha 0.05', () => {
    let kept = 0;
    for (const e of golden.edges) {
      const t = tieOf(e);
      expect(Math.abs(t.p_value - e.p_hypergeom_fixedrow), `${e.u}–${e.v}`).toBeLessThan(1e-9);
      expect(t.significant).toBe(e['keep_hypergeom_fixedrow_0.05']);
      if (t.significant) kept++;
    }
    expect(kept).toBe(17);
  });

  it('matches Holm-corrected p-values over the 139 observed ties (1e-9), none kept', () => {
    const holm = personNetwork(model, { correction: 'holm' });
    for (const e of golden.edges) {
      const t = holm.getEdgeAttributes(holm.edge(idOf.get(e.u)!, idOf.get(e.v)!)!);
      expect(Math.abs(t.p_value - e.p_hypergeom_holm), `${e.u}–${e.v}`).toBeLessThan(1e-9);
      expect(t.significant).toBe(e['keep_hypergeom_holm_0.05']);
    }
    // No warning: two women with 8 events each could share all 8 (p = 1/C(14,8) = 1/3003 < 0.05/139).
    expect(holm.getAttribute('significance_warning')).toBeNull();
    expect(graph.getAttribute('significance_warning')).toBeNull();
  });

  it('matches SDSM (BiCM) p-values, exact Poisson-binomial and RNA (1e-9), and keep flags', () => {
    const proj = projectPersons(model);
    const exact = backbone(proj, { backbone: 'sdsm', sdsmMethod: 'exact' });
    const rna = backbone(proj, { backbone: 'sdsm', sdsmMethod: 'rna' });
    const viaGraph = personNetwork(model, { backbone: 'sdsm' });
    for (const e of golden.edges) {
      const t = proj.find(model.people.findIndex((p) => p.name === e.u), model.people.findIndex((p) => p.name === e.v));
      expect(Math.abs(exact.pValue[t]! - e.p_sdsm_bicm_exact), `${e.u}–${e.v} exact`).toBeLessThan(1e-9);
      expect(Math.abs(rna.pValue[t]! - e.p_sdsm_bicm_rna), `${e.u}–${e.v} rna`).toBeLessThan(1e-9);
      expect(exact.significant[t] === 1).toBe(e['keep_sdsm_bicm_exact_0.05']);
      expect(rna.significant[t] === 1).toBe(e['keep_sdsm_bicm_rna_0.05']);
      const g = viaGraph.getEdgeAttributes(viaGraph.edge(idOf.get(e.u)!, idOf.get(e.v)!)!);
      expect(Math.abs(g.p_value - e.p_sdsm_bicm_exact)).toBeLessThan(1e-9);
    }
  });

  it('matches disparity-filter p-values on shared_events (1e-9) and keep flags', () => {
    const d = personNetwork(model, { backbone: 'disparity' });
    for (const e of golden.edges) {
      const t = d.getEdgeAttributes(d.edge(idOf.get(e.u)!, idOf.get(e.v)!)!);
      expect(Math.abs(t.p_value - e.p_disparity_count), `${e.u}–${e.v}`).toBeLessThan(1e-9);
      expect(t.significant).toBe(e['keep_disparity_count_0.05']);
    }
  });
});

describe('Davis Southern Women: node measures', () => {
  const measures = nodeMeasures(graph, { seed: 1 });
  const bw = betweenness(graph, { getEdgeWeight: 'shared_events' });
  const bwNorm = betweenness(graph, { getEdgeWeight: 'shared_events', normalized: true });
  const bwNewman = betweenness(graph, { getEdgeWeight: 'newman' });
  const bu = betweenness(graph, { getEdgeWeight: null });
  const buNorm = betweenness(graph, { getEdgeWeight: null, normalized: true });
  const cUnweighted = constraint(graph, { getEdgeWeight: null });
  const cWeighted = constraint(graph);
  const es = effectiveSize(graph);
  const core = coreNumber(graph);

  it('matches degree, events (exact) and strengths (1e-9) for all 18 women', () => {
    for (const [name, g] of Object.entries(golden.nodes)) {
      const m = measures[idOf.get(name)!]!;
      expect(m.degree, name).toBe(g.degree);
      expect(m.events, name).toBe(g.events);
      expect(m.strength, name).toBe(g.strength_count);
      expect(Math.abs(m.newman_strength - g.strength_newman), name).toBeLessThan(1e-9);
      expect(m.strong_ties + m.weak_ties).toBe(g.degree);
    }
  });

  it('matches unweighted betweenness, raw and normalized (1e-9)', () => {
    for (const [name, g] of Object.entries(golden.nodes)) {
      const id = idOf.get(name)!;
      expect(Math.abs(bu[id]! - g.betweenness_unweighted_raw), name).toBeLessThan(1e-9);
      expect(Math.abs(buNorm[id]! - g.betweenness_unweighted_norm), name).toBeLessThan(1e-9);
      expect(Math.abs(measures[id]!.betweenness - g.betweenness_unweighted_raw), name).toBeLessThan(1e-9);
    }
  });

  it('matches exact weighted betweenness with length 1/shared_events, not the float-tie values (1e-9)', () => {
    for (const [name, g] of Object.entries(golden.nodes)) {
      const id = idOf.get(name)!;
      expect(Math.abs(bw[id]! - g.betweenness_count_inv_raw), name).toBeLessThan(1e-9);
      expect(Math.abs(bwNorm[id]! - g.betweenness_count_inv_norm), name).toBeLessThan(1e-9);
      expect(Math.abs(measures[id]!.betweenness_weighted - g.betweenness_count_inv_raw), name).toBeLessThan(1e-9);
    }
    // Theresa Anderson: 34.333… exactly; networkx's float comparison gives 35.5.
    expect(bw[idOf.get('Theresa Anderson')!]).toBeCloseTo(103 / 3, 12);
  });

  it('matches weighted betweenness with length 1/newman (tolerant tie handling, 1e-9)', () => {
    for (const [name, g] of Object.entries(golden.nodes)) {
      expect(Math.abs(bwNewman[idOf.get(name)!]! - g.betweenness_newman_inv_raw), name).toBeLessThan(1e-9);
    }
  });

  it('matches Burt constraint (weighted by shared_events and unweighted) and effective size (1e-9)', () => {
    for (const [name, g] of Object.entries(golden.nodes)) {
      const id = idOf.get(name)!;
      expect(Math.abs(cWeighted[id]! - g.burt_constraint_weighted), name).toBeLessThan(1e-9);
      expect(Math.abs(cUnweighted[id]! - g.burt_constraint_unweighted), name).toBeLessThan(1e-9);
      expect(Math.abs(es[id]! - g.burt_effective_size_weighted), name).toBeLessThan(1e-9);
      expect(Math.abs(measures[id]!.constraint - g.burt_constraint_weighted), name).toBeLessThan(1e-9);
      expect(Math.abs(measures[id]!.effective_size - g.burt_effective_size_weighted), name).toBeLessThan(1e-9);
    }
  });

  it('matches core numbers (exact)', () => {
    for (const [name, g] of Object.entries(golden.nodes)) {
      expect(core[idOf.get(name)!], name).toBe(g.core_number);
      expect(measures[idOf.get(name)!]!.core, name).toBe(g.core_number);
    }
  });

  it('gives a seeded Louvain partition that is the same on every run', () => {
    const again = nodeMeasures(personNetwork(model), { seed: 1 });
    for (const id of nameOf.keys()) expect(again[id]!.community).toBe(measures[id]!.community);
  });
});
