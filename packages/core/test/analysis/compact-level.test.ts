/**
 * The bench's compact engine computes what `analyze` computes: `compactLevel` (tie table, CSR), `compactDegrees`,
 * `levelConstraint`, `levelCommunities`, core numbers and betweenness on its CSR equal the analysis's tie tables
 * and node rows, below the graph limit and above it (graphLimit 0: triangle pass, compact Louvain), at both levels.
 */
import { describe, expect, it } from 'vitest';
import { analyze, ANALYZE_DEFAULTS } from '../../src/analysis/analyze.js';
import { InvalidOptionError } from '../../src/errors.js';
import { compactDegrees } from '../../src/analysis/compact-degree.js';
import { COMPACT_LEVEL_DEFAULTS, compactLevel, levelCommunities, levelConstraint } from '../../src/analysis/compact-level.js';
import { betweennessValues } from '../../src/centrality/betweenness.js';
import { coreNumberValues } from '../../src/centrality/core-number.js';
import { buildModel } from '../../src/model/build-model.js';
import { projectOrganisations, projectPersons } from '../../src/network/project.js';
import type { AttendanceRecord } from '../../src/types.js';

/** 200 people in 25 organisations, 60 events of 3–20 people over two years (LCG), plus one solo visit. */
function records(): AttendanceRecord[] {
  let s = 424242;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: AttendanceRecord[] = [];
  for (let e = 0; e < 60; e++) {
    const date = new Date(Date.UTC(2023, 0, 1 + e * 12)).toISOString().slice(0, 10);
    const size = 3 + Math.floor(rnd() * 18);
    const base = Math.floor(rnd() * 150);
    const seen = new Set<number>();
    for (let k = 0; k < size; k++) {
      const p = (base + Math.floor(rnd() * 60)) % 200;
      if (seen.has(p)) continue;
      seen.add(p);
      out.push({ event: `Event ${e}`, date, person: `Person ${p}`, organisation: `Org ${p % 25}`, sector: null, region: null });
    }
  }
  out.push({ event: 'Solo', date: '2023-03-03', person: 'Alone', organisation: 'Alone org', sector: null, region: null });
  return out;
}

const model = buildModel(records());

describe('compact engine of the bench = analyze', () => {
  for (const graphLimit of [1_000_000, 0]) {
    const analysis = analyze(model, { graphLimit, betweenness: 'exact' });
    for (const level of ['person', 'organisation'] as const) {
      it(`${level} level, graphLimit ${graphLimit}`, () => {
        const proj = level === 'person' ? projectPersons(model) : projectOrganisations(model);
        const lv = compactLevel(model, proj, { graphLimit });
        expect(lv.large).toBe(graphLimit === 0);
        // Tie table: same columns as the analysis's.
        const want = analysis.tieTables[level];
        expect(lv.table.length).toBe(want.length);
        for (const col of ['source', 'target', 'shared', 'newman', 'common', 'degree', 'strong', 'fading', 'significant'] as const)
          expect(Array.from(lv.table[col] as ArrayLike<number>), col).toEqual(Array.from(want[col] as ArrayLike<number>));
        expect(Array.from(lv.table.pValue)).toEqual(Array.from(want.pValue));
        // Node measures: the analysis's rows, by id.
        const rows = new Map<string, Record<string, unknown>>((level === 'person' ? analysis.people : analysis.organisations).map((r) => [r.id, r as unknown as Record<string, unknown>]));
        const { csr } = lv;
        expect(csr.ids.length).toBe(rows.size);
        const d = compactDegrees(proj, csr, lv.table.strong);
        const holes = levelConstraint(lv);
        const comm = levelCommunities(lv, 1);
        const core = coreNumberValues(csr);
        const bc = betweennessValues(csr, { mode: 'exact' });
        expect(comm.method).toBe(graphLimit === 0 ? 'compact' : 'graphology');
        expect(comm.count).toBe(new Set(comm.community).size);
        for (let v = 0; v < csr.ids.length; v++) {
          const r = rows.get(csr.ids[v]!)!;
          expect(d.degree[v]).toBe(r.degree);
          expect(d.strength[v]).toBe(r.strength);
          expect(d.newmanStrength[v]).toBe(r.newman_strength);
          expect(d.strongTies![v]).toBe(r.strong_ties);
          const c = holes.constraint[v]!;
          expect(Number.isFinite(c) ? c : null).toBe(r.constraint);
          expect(core[v]).toBe(r.core);
          expect(comm.community[v]).toBe(r.community);
          expect(bc.values[v]!).toBeCloseTo(r.betweenness as number, 9);
        }
      });
    }
  }

  it('defaults to analyze\'s graph limit and rejects a bad one', () => {
    expect(COMPACT_LEVEL_DEFAULTS.graphLimit).toBe(ANALYZE_DEFAULTS.graphLimit);
    expect(() => compactLevel(model, projectPersons(model), { graphLimit: -1 })).toThrow(InvalidOptionError);
    expect(() => compactLevel(model, projectPersons(model), { graphLimit: 1.5 })).toThrow(/graphLimit/);
  });

  it('compactDegrees without strong flags leaves strongTies null', () => {
    const proj = projectPersons(model);
    const lv = compactLevel(model, proj);
    const d = compactDegrees(proj, lv.csr);
    expect(d.strongTies).toBeNull();
    let total = 0;
    for (let v = 0; v < d.degree.length; v++) total += d.degree[v]!;
    expect(total).toBe(2 * proj.length);
  });
});
