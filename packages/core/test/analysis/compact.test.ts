/**
 * The compact path of `analyze` (projection columns and CSR instead of graphology graphs) against the graph path:
 * node measures, tie rows and attention entries equal what the graph-based functions give on the same model;
 * the graph limit changes only what is kept as row objects and what goes into the network files, never the
 * CSV tables; compactLouvain finds planted communities deterministically.
 */
import { describe, expect, it } from 'vitest';
import { analyze, analyzeAsync } from '../../src/analysis/analyze.js';
import { inThreadRunner } from '../../src/centrality/betweenness-kernel.js';
import { attentionEntries } from '../../src/analysis/attention-entries.js';
import { compactAttention } from '../../src/analysis/attention-compact.js';
import { compactLouvain, modularityOf } from '../../src/analysis/compact-louvain.js';
import { compactNodeMeasures, triangleMeasures, type CompactMeasures } from '../../src/analysis/compact-measures.js';
import { nodeMeasureRows } from '../../src/analysis/measures.js';
import { tieRows, tieTableCounts, tieTableOf } from '../../src/analysis/tie-table.js';
import { betweennessValues } from '../../src/centrality/betweenness.js';
import { structuralHoles } from '../../src/centrality/structural-holes.js';
import { createRng } from '../../src/community/rng.js';
import { analysisFileChunks, analysisFiles } from '../../src/export/analysis-files.js';
import { toCsv } from '../../src/export/csv.js';
import { csvChunks, ORGANISATION_TIE_COLUMNS, ORGANISATION_TIE_EXTRAS, PERSON_TIE_COLUMNS, PERSON_TIE_EXTRAS, tieCsvChunks } from '../../src/export/tables.js';
import { buildModel } from '../../src/model/build-model.js';
import { resolveNetworkOptions } from '../../src/network/options.js';
import { organisationNetwork } from '../../src/network/organisation-network.js';
import { personNetwork } from '../../src/network/person-network.js';
import { projectOrganisations, projectPersons, type Projection } from '../../src/network/project.js';
import { tieProfiles } from '../../src/network/tie-profile.js';
import type { AttendanceRecord } from '../../src/types.js';
import { syntheticRows } from './synthetic.js';

/** A medium network: 40 organisations in 5 sectors, 300 people, 90 events of 4–25 people over two years (LCG). */
function mediumRecords(): AttendanceRecord[] {
  let s = 987654321;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const sectors = ['Zorg', 'Onderwijs', 'Welzijn', 'Cultuur', 'Sport'];
  const out: AttendanceRecord[] = [];
  for (let e = 0; e < 90; e++) {
    const day = 1 + Math.floor(e * 8.1);
    const date = new Date(Date.UTC(2023, 0, day)).toISOString().slice(0, 10);
    const size = 4 + Math.floor(rnd() * 22);
    const seen = new Set<number>();
    const base = Math.floor(rnd() * 250);
    for (let k = 0; k < size; k++) {
      const p = (base + Math.floor(rnd() * 80)) % 300;
      if (seen.has(p)) continue;
      seen.add(p);
      const o = p % 40;
      out.push({ event: `Event ${e}`, date, person: `Person ${p}`, organisation: `Org ${o}`, sector: sectors[o % 5]!, region: null });
    }
    // Peripheral partners: one-timers, single contacts, drifting and isolated organisations.
    if (e % 7 === 0) out.push({ event: `Event ${e}`, date, person: `Guest ${e}`, organisation: `Guest org ${e % 4}`, sector: e % 2 ? 'Wonen' : null, region: null });
    if (e === 5) out.push({ event: 'Solo visit', date, person: 'Lonely person', organisation: 'Lonely org', sector: 'Zorg', region: null });
  }
  return out;
}

const medium = buildModel(mediumRecords());
const small = buildModel(syntheticRows());

function run(proj: Projection, ids: readonly string[], louvain: 'graphology' | 'compact', betweenness = true): CompactMeasures {
  const prof = tieProfiles(owner.get(proj)!, proj);
  const steps = compactNodeMeasures(proj, prof, ids, { seed: 1, louvain, betweenness: betweenness ? { mode: 'exact' } : null });
  let next = steps.next();
  while (!next.done) next = steps.next(betweennessValues(next.value.csr, next.value.options));
  return next.value;
}
const owner = new Map<Projection, typeof medium>();
function project(model: typeof medium, level: 'person' | 'organisation', options = {}): Projection {
  const r = resolveNetworkOptions(model, options, 'test');
  const p = level === 'person' ? projectPersons(model, r) : projectOrganisations(model, r);
  owner.set(p, model);
  return p;
}

describe('compactNodeMeasures(projection) equals nodeMeasureRows(graph)', () => {
  for (const [name, model] of [['synthetic', small], ['medium', medium]] as const) {
    for (const level of ['person', 'organisation'] as const) {
      it(`${name}, ${level} level`, () => {
        const proj = project(model, level);
        const ids = (level === 'person' ? model.people : model.organisations).map((x) => x.id);
        const graph = level === 'person' ? personNetwork(model) : organisationNetwork(model);
        const expected = nodeMeasureRows(graph as never, { seed: 1 });
        const got = run(proj, ids, 'graphology');
        expect(got.nodes).toBe(graph.order);
        for (const [id, want] of expected) {
          const row = got.rows[ids.indexOf(id)]!;
          const { betweenness, betweenness_weighted, ...rest } = row;
          const { betweenness: wb, betweenness_weighted: wbw, ...wantRest } = want;
          expect(rest).toEqual(wantRest);
          // Exact betweenness: the same kernel; sums may differ in the last bits only.
          expect(betweenness!).toBeCloseTo(wb!, 9);
          expect(betweenness_weighted!).toBeCloseTo(wbw!, 9);
        }
      });
    }
  }

  it('skips betweenness on request and reports it', () => {
    const proj = project(medium, 'organisation');
    const got = run(proj, medium.organisations.map((o) => o.id), 'compact', false);
    expect(got.betweenness.method).toBe('skipped');
    expect(got.rows.filter((r) => r !== null).every((r) => r!.betweenness === null && r!.betweenness_weighted === null)).toBe(true);
  });

  it('structuralHoles and triangleMeasures give Burt\'s definitions, computed naively', () => {
    const proj = project(medium, 'person');
    const prof = tieProfiles(medium, proj);
    const adj = prof.adjacency;
    const weight = Float64Array.from(adj.edge, (t) => proj.shared[t]!);
    const c = { ids: medium.people.map((p) => p.id), index: new Map<string, number>(), start: adj.start, neighbour: adj.neighbour, weight };
    const both = structuralHoles(c);
    // Reference: w as a map per node; p_ij = w_ij / Σ_k w_ik; constraint Σ_j (p_ij + Σ_q p_iq p_qj)²;
    // effective size Σ_j (1 − Σ_q p_iq w_jq / max_k w_jk).
    const w = c.ids.map((_, v) => {
      const m = new Map<number, number>();
      for (let x = adj.start[v]!; x < adj.start[v + 1]!; x++) m.set(adj.neighbour[x]!, weight[x]!);
      return m;
    });
    const total = (v: number) => [...w[v]!.values()].reduce((a, b) => a + b, 0);
    const p = (i: number, j: number) => (w[i]!.get(j) ?? 0) / total(i);
    for (let i = 0; i < c.ids.length; i += 7) {
      if (w[i]!.size === 0) {
        expect(both.constraint[i]).toBeNaN();
        expect(both.effectiveSize[i]).toBeNaN();
        continue;
      }
      let con = 0;
      let eff = 0;
      for (const j of w[i]!.keys()) {
        let indirect = 0;
        let redundancy = 0;
        const maxJ = Math.max(...w[j]!.values());
        for (const q of w[i]!.keys()) {
          if (q === j || !w[q]!.has(j)) continue;
          indirect += p(i, q) * p(q, j);
          redundancy += p(i, q) * (w[j]!.get(q)! / maxJ);
        }
        con += (p(i, j) + indirect) ** 2;
        eff += 1 - redundancy;
      }
      expect(Math.abs(both.constraint[i]! - con)).toBeLessThan(1e-12 * Math.max(1, con));
      expect(Math.abs(both.effectiveSize[i]! - eff)).toBeLessThan(1e-9 * Math.max(1, eff));
    }
    const tri = triangleMeasures(adj, proj.shared);
    expect(Array.from(tri.common)).toEqual(Array.from(prof.common));
    for (let v = 0; v < c.ids.length; v++) {
      if (Number.isNaN(both.constraint[v])) {
        expect(tri.constraint[v]).toBeNaN();
        continue;
      }
      expect(Math.abs(tri.constraint[v]! - both.constraint[v]!)).toBeLessThan(1e-12);
      expect(Math.abs(tri.effectiveSize[v]! - both.effectiveSize[v]!)).toBeLessThan(1e-9);
    }
  });
});

describe('tie tables', () => {
  it('make the same rows as the graph, in id order, with the same counts', () => {
    const proj = project(medium, 'person');
    const table = tieTableOf(medium, proj as never, tieProfiles(medium, proj));
    const graph = personNetwork(medium);
    const rows = Array.from(tieRows(table));
    expect(rows).toHaveLength(graph.size);
    const byKey = new Map(rows.map((r) => [`${r.source}--${r.target}`, r]));
    graph.forEachEdge((key, a) => {
      const r = byKey.get(key)!;
      expect(r.shared_events).toBe(a.shared_events);
      expect(r.newman).toBe(a.newman);
      expect(r.jaccard).toBe(a.jaccard);
      expect(r.first_shared).toBe(a.first_shared);
      expect(r.class).toBe(a.class);
      expect(r.state).toBe(a.state);
      expect(r.neighbourhood_overlap).toBe(a.neighbourhood_overlap);
      expect(r.p_value).toBe(Number.isFinite(a.p_value) ? a.p_value : null);
    });
    const keys = rows.map((r) => `${r.source}\u0000${r.target}`);
    expect(keys).toEqual([...keys].sort());
    const c = tieTableCounts(table);
    expect(c.total).toBe(rows.length);
    expect(c.strong + c.weak).toBe(rows.length);
    expect(c.strong_active + c.strong_fading + c.weak_active + c.weak_fading).toBe(rows.length);
  });

  it('tieCsvChunks writes what toCsv writes for the rows', () => {
    for (const level of ['person', 'organisation'] as const) {
      const proj = project(medium, level);
      const table = tieTableOf(medium, proj as never, tieProfiles(medium, proj));
      const columns = level === 'person' ? [...PERSON_TIE_COLUMNS, ...PERSON_TIE_EXTRAS] : [...ORGANISATION_TIE_COLUMNS, ...ORGANISATION_TIE_EXTRAS];
      const want = toCsv(Array.from(tieRows(table)) as never, columns);
      expect(Array.from(tieCsvChunks(table, columns)).join('')).toBe(want);
    }
  });

  it('csvChunks joined is toCsv', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => ({ a: i, b: i % 3 ? `x${i}` : '=cmd', c: null }));
    expect(Array.from(csvChunks(rows, ['a', 'b', 'c'])).join('')).toBe(toCsv(rows, ['a', 'b', 'c']));
    expect(Array.from(csvChunks(rows, ['a', 'b', 'c'])).length).toBeGreaterThan(1);
  });
});

describe('compactAttention equals attentionEntries', () => {
  for (const [name, model] of [['synthetic', small], ['medium', medium]] as const) {
    for (const convenor of [null, model.organisations[1]!.name]) {
      it(`${name}, convenor ${convenor ?? 'none'}`, () => {
        const last = model.events[model.events.length - 1]!.date!;
        const net = { to: last, asOf: last };
        const resolved = resolveNetworkOptions(model, net, 'test');
        const proj = projectOrganisations(model, resolved);
        const prof = tieProfiles(model, proj);
        const want = attentionEntries(model, { ...net, driftAfter: '6m', convenor });
        expect(want.length).toBeGreaterThan(0);
        expect(compactAttention(model, proj, prof.adjacency, prof.strong, { net, resolved, driftAfter: '6m', convenor })).toEqual(want);
      });
    }
  }
});

describe('analyze above the graph limit', () => {
  const full = analyze(medium, { seed: 2 });
  const compact = analyze(medium, { seed: 2, graphLimit: 50 });

  it('keeps ties as columns only and says so', () => {
    expect(full.personTies.length).toBe(full.tieTables.person.length);
    expect(compact.personTies).toEqual([]);
    expect(compact.organisationTies).toEqual([]);
    expect(compact.tieTables.person.length).toBe(full.personTies.length);
    expect(compact.ties).toEqual(full.ties);
    expect(compact.scale.person).toMatchObject({ tieRows: false, communities: 'compact', graphTies: 'none', graphTieCount: 0 });
    expect(compact.scale.organisation).toMatchObject({ tieRows: false, communities: 'compact', graphTies: 'strongest', graphTieCount: 50 });
    expect(compact.scale.notes.length).toBeGreaterThan(0);
    expect(full.scale.notes).toEqual([]);
  });

  it('writes the same tie tables, people only below the limit in the network files, a bounded report.json', () => {
    const a = analysisFiles(full);
    const b = analysisFiles(compact);
    expect(b['person-ties.csv']).toBe(a['person-ties.csv']);
    expect(b['organisation-ties.csv']).toBe(a['organisation-ties.csv']);
    expect(b['events.csv']).toBe(a['events.csv']);
    expect(a['network.gexf']).toContain('kind" value="person"');
    expect(b['network.gexf']).not.toContain('value="person"');
    expect(b['network.gexf'].match(/<edge /g)).toHaveLength(50);
    expect(b['network.graphml'].match(/<edge /g)).toHaveLength(50);
    const json = JSON.parse(b['report.json']);
    expect(json.scale.person.ties).toBe(full.tieTables.person.length);
    expect(json.tieTables).toBeUndefined();
    expect(b['report.html']).toContain('class="note scale"');
  });

  it('gives the same pieces as the whole files', () => {
    const chunks = analysisFileChunks(compact);
    const whole = analysisFiles(compact);
    for (const [name, text] of Object.entries(whole)) expect(Array.from(chunks[name as keyof typeof chunks]).join('')).toBe(text);
  });

  it('people rows do not depend on the limit except communities (and rounding of Burt measures)', () => {
    const strip = (r: Record<string, unknown>) => ({ ...r, community: null, constraint: null, effective_size: null });
    expect(compact.people.map(strip)).toEqual(full.people.map(strip));
    compact.people.forEach((r, i) => {
      const f = full.people[i]!;
      expect(Math.abs((r.constraint ?? 0) - (f.constraint ?? 0))).toBeLessThan(1e-12);
      expect(Math.abs((r.effective_size ?? 0) - (f.effective_size ?? 0))).toBeLessThan(1e-9);
    });
    expect(compact.attention).toEqual(full.attention);
  });
});

describe('analyzeAsync', () => {
  it('gives the analysis of analyze, through a runner, with sampled betweenness and its notes', async () => {
    const options = { seed: 4, graphLimit: 50, betweenness: 'sampled' as const, betweennessBudget: 1 };
    const sync = analyze(medium, options);
    const viaRunner = await analyzeAsync(medium, { ...options, betweennessRunner: inThreadRunner });
    expect(viaRunner.people).toEqual(sync.people);
    expect(viaRunner.organisations).toEqual(sync.organisations);
    expect(viaRunner.scale).toEqual(sync.scale);
    expect(sync.scale.person.betweenness.method).toBe('sampled');
    expect(sync.scale.notes.some((n) => n.en.includes('sampled sources'))).toBe(true);
  });

  it('rejects bad scale options', () => {
    expect(() => analyze(small, { graphLimit: -1 })).toThrow(/graphLimit/);
    expect(() => analyze(small, { betweenness: 'fast' as never })).toThrow(/betweenness/);
  });
});

describe('compactLouvain', () => {
  // Four planted cliques of 8 joined by single edges.
  const n = 32;
  const edges: [number, number][] = [];
  for (let c = 0; c < 4; c++) for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) edges.push([c * 8 + i, c * 8 + j]);
  for (let c = 0; c < 4; c++) edges.push([c * 8, ((c + 1) % 4) * 8 + 1]);
  const start = new Int32Array(n + 1);
  for (const [a, b] of edges) (start[a + 1]!++, start[b + 1]!++);
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const neighbour = new Int32Array(2 * edges.length);
  for (const [a, b] of edges) (neighbour[fill[a]!++] = b, neighbour[fill[b]!++] = a);
  const g = { start, neighbour, weight: new Float64Array(neighbour.length).fill(1) };
  const present = new Uint8Array(n).fill(1);

  it('finds the planted cliques, labels in node order, deterministic per seed', () => {
    const c = compactLouvain(g, present, { rng: createRng(1) });
    expect(Array.from(c)).toEqual(Array.from({ length: n }, (_, v) => Math.floor(v / 8)));
    expect(Array.from(compactLouvain(g, present, { rng: createRng(1) }))).toEqual(Array.from(c));
    expect(modularityOf(g, c)).toBeGreaterThan(0.6);
  });

  it('gives absent nodes -1 and isolated nodes their own community', () => {
    const p = present.slice();
    p[3] = 0;
    const c = compactLouvain(g, p, { rng: createRng(5) });
    expect(c[3]).toBe(-1);
    const empty = { start: new Int32Array(4), neighbour: new Int32Array(0), weight: new Float64Array(0) };
    expect(Array.from(compactLouvain(empty, new Uint8Array([1, 0, 1]), { rng: createRng(1) }))).toEqual([0, -1, 1]);
  });
});
