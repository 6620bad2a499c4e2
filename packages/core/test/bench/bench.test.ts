/**
 * Smoke test of the benchmark harness on a tiny generated file (no Python, no peers): the pipeline runs stage
 * by stage, its checksums equal brute-force counts with the benchlib.py definitions, and the report flags a
 * checksum that differs from a peer's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareChecksums, parseChecksum, sameChecksum, top5 } from '../../src/bench/checksum.js';
import { benchPaths, ensureInput, MissingToolError, referenceChecksums, type PeerRun } from '../../src/bench/peers.js';
import { preciseSum, runPipeline, selectStages } from '../../src/bench/pipeline.js';
import { ratioCell, renderReport, type BenchReport } from '../../src/bench/report.js';

/** A tiny attendance CSV with the peers' header (seeded LCG), a duplicate row and a quoted organisation. */
function tinyCsv(seed: number): { text: string; rows: string[][] } {
  let x = seed >>> 0;
  const rand = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const orgs = ['North Labs', 'Oak Care', '"Smith, Jones & Partners"', 'Blue Works', 'Iron Trust'];
  const rows: string[][] = [];
  for (let e = 1; e <= 25; e++) {
    const size = 1 + Math.floor(rand() * 7);
    const seated = new Set<number>();
    while (seated.size < size) seated.add(1 + Math.floor(rand() * 30));
    const date = `2024-${String(1 + Math.floor(e / 3)).padStart(2, '0')}-1${e % 10}`;
    for (const p of seated) {
      const org = orgs[p % orgs.length]!;
      rows.push([`E${String(e).padStart(4, '0')}`, date, 'workshop', `P${String(p).padStart(5, '0')}`, org, 'Health']);
    }
  }
  rows.push([...rows[3]!]); // a double check-in
  const text = ['event_id,event_date,event_type,person_id,organisation,sector', ...rows.map((r) => r.join(','))].join('\n') + '\n';
  return { text, rows };
}

/** benchlib.py's definitions, by brute force. */
function bruteForce(rows: string[][]) {
  const members = new Map<string, Set<string>>();
  const orgsAt = new Map<string, Set<string>>();
  for (const [e, , , p, o] of rows) {
    (members.get(e!) ?? members.set(e!, new Set()).get(e!)!).add(p!);
    (orgsAt.get(e!) ?? orgsAt.set(e!, new Set()).get(e!)!).add(o!);
  }
  const w = new Map<string, number>();
  const nw: number[] = [];
  for (const m of members.values()) {
    const ps = [...m].sort();
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) {
      const k = ps[i] + '|' + ps[j];
      w.set(k, (w.get(k) ?? 0) + 1);
      nw.push(1 / (ps.length - 1));
    }
  }
  const ow = new Map<string, number>();
  for (const m of orgsAt.values()) {
    const os = [...m].sort();
    for (let i = 0; i < os.length; i++) for (let j = i + 1; j < os.length; j++) ow.set(os[i] + '|' + os[j], (ow.get(os[i] + '|' + os[j]) ?? 0) + 1);
  }
  const weights = [...w.values()];
  return {
    attendances: [...members.values()].reduce((s, m) => s + m.size, 0),
    person_edges: w.size,
    total_weight: weights.reduce((a, b) => a + b, 0),
    strong_ties: weights.filter((x) => x >= 2).length,
    newman_sum: preciseSum(nw),
    org_edges: ow.size,
    org_total_weight: [...ow.values()].reduce((a, b) => a + b, 0),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'mycorrhiza-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench harness', () => {
  it('runPipeline(file) times the stages and its checksums match brute-force counts', async () => {
    const { text, rows } = tinyCsv(7);
    const file = join(dir, 'tiny.csv');
    writeFileSync(file, text);
    const res = await runPipeline(file, { stages: ['person-projection', 'organisation-projection', 'components', 'degree', 'betweenness'], betweenness: 'auto', pivots: null, budget: 60 }, () => {});
    expect(res.stages.map((s) => s.id)).toEqual(['model', 'person-projection', 'organisation-projection', 'tie-profiles', 'degree', 'betweenness', 'components']);
    for (const s of res.stages) {
      expect(s.failed).toBeUndefined();
      expect(s.s).toBeGreaterThanOrEqual(0);
      expect(s.peakMb).toBeGreaterThan(10); // a Node process is never below 10 MiB resident
    }
    const bf = bruteForce(rows);
    const ck = res.checksum;
    expect(ck.rows).toBe(rows.length);
    expect(ck.attendances).toBe(bf.attendances);
    expect(ck.person_edges).toBe(bf.person_edges);
    expect(ck.total_weight).toBe(bf.total_weight);
    expect(ck.strong_ties).toBe(bf.strong_ties);
    expect(ck.weak_ties).toBe(bf.person_edges - bf.strong_ties);
    expect(ck.newman_sum as number).toBeCloseTo(bf.newman_sum, 9);
    expect(ck.org_edges).toBe(bf.org_edges);
    expect(ck.org_total_weight).toBe(bf.org_total_weight);
    expect(ck.betweenness_exact_top5).toHaveLength(5);
    expect(res.stages.find((s) => s.id === 'betweenness')?.variant).toMatch(/^exact/);
  });

  it('runPipeline(file, {done, dnf}) rebuilds measured prerequisites without recording them and skips dependents of a DNF', async () => {
    const file = join(dir, 'tiny2.csv');
    writeFileSync(file, tinyCsv(11).text);
    const base = { betweenness: 'auto' as const, pivots: null, budget: 60 };
    const a = await runPipeline(file, { ...base, stages: ['person-projection'], done: ['model'] }, () => {});
    expect(a.stages.map((s) => s.id)).toEqual(['person-projection']);
    expect(a.checksum.person_edges).toBeGreaterThan(0);
    const b = await runPipeline(file, { ...base, stages: ['components'], dnf: ['tie-profiles'] }, () => {});
    expect(b.stages.map((s) => [s.id, s.skipped])).toEqual([['model', undefined], ['components', 'needs tie-profiles']]);
  });

  it('ensureInput without python3 and without the file stops with MissingToolError (the CLI exits 2)', () => {
    const paths = benchPaths(join(dir, 'norepo'));
    expect(() => ensureInput(paths, 'S', null, () => {})).toThrow(MissingToolError);
    expect(() => ensureInput(paths, 'S', null, () => {})).toThrow(/needs python3/);
  });

  it('selectStages adds prerequisites and keeps pipeline order', () => {
    expect(selectStages(['louvain'])).toEqual(['model', 'tie-profiles', 'louvain']);
    expect(selectStages(['growth', 'parse'])).toEqual(['parse', 'model', 'growth']);
  });

  it('compareChecksums flags a differing exact key and only shows loose ones', () => {
    const rows = compareChecksums(
      { person_edges: 10, newman_sum: 24999.5000000004, max_degree: ['P1', 3], louvain_communities: 5 },
      { igraph: { person_edges: 11, newman_sum: 24999.5, max_degree: ['P1', 3], louvain_communities: 6 }, 'results.md': undefined },
    );
    const status = Object.fromEntries(rows.map((r) => [r.key, r.status]));
    expect(status).toEqual({ person_edges: 'MISMATCH', newman_sum: 'ok', max_degree: 'ok', louvain_communities: '~' });
  });

  it('referenceChecksums reads a results.md section back', () => {
    const md = ['### M', '', '| key | limit.c | igraph | networkx | agree |', '|---|---|---|---|---|', '| people | 9772 | 9772 | 9772 | yes |',
      '| max_degree |  | P0000931:3389 | P0000931:3389 | yes |', '| ~ louvain_modularity |  | 0.361 | 0.3525 | ~ |', '', '### L', '| people | 1 | 1 | 1 | yes |'].join('\n');
    expect(referenceChecksums(md, 'M')).toEqual({ people: 9772, max_degree: ['P0000931', 3389], louvain_modularity: 0.361 });
    expect(parseChecksum('A:1.5 B:2')).toEqual([['A', 1.5], ['B', 2]]);
    expect(sameChecksum(top5(['b', 'a', 'c'], [2, 2, 1]), [['a', 2], ['b', 2], ['c', 1]])).toBe(true);
  });

  it('renderReport shows ratios and marks a MISMATCH', () => {
    expect(ratioCell(1, { s: 4, peak_mb: 1 })).toBe('0.25×');
    expect(ratioCell(1, { s: null, peak_mb: null, finished: false, timeout_s: 100 })).toBe('< 0.010×');
    const peers: PeerRun[] = [{ tool: 'igraph', result: { tool: 'igraph', version: '0.10.2', steps: { louvain: { s: 2, peak_mb: 100 } }, checksum: { people: 5 } } }];
    const r: BenchReport = {
      scale: 'M', input: { path: 'bench/data/M.csv', bytes: 1e6 }, machine: { cpu: 'x', cores: 2, node: 'v20', loadStart: 1, loadEnd: 1 }, date: 'now', budget: 120,
      ours: { tool: 'mycorrhiza', node: 'v20', stages: [{ id: 'louvain', s: 1, peakMb: 50 }, { id: 'attention', s: null, peakMb: null, dnf: 600 }], checksum: { people: 4 }, notes: [], processPeakMb: 50, perStagePeak: true },
      peers, reference: {},
    };
    const md = renderReport(r);
    expect(md).toMatch(/\| louvain \| 1\.000 s \/ 50 MB \| 2\.000 s \/ 100 MB \| not run \| — \| 0\.50× \|/);
    expect(md).toMatch(/\| people \| 4 \| 5 \|.*\*\*MISMATCH\*\* \|/);
    expect(md).toMatch(/Louvain within 2× of python-igraph \(M\) \| ours\/igraph = 0\.50× \| yes \|/);
    expect(md).toMatch(/\| attention \| DNF \(> 600 s\) \|/);
    expect(md).not.toMatch(/\| constraint \|/); // not run and nothing to compare: left out
  });
});
