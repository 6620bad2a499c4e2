/**
 * `mycorrhiza analyze` on Davis, Gardner & Gardner (1941) Southern Women, end to end through the built CLI:
 * person-ties.csv and people.csv against tests/fixtures/davis/golden.json (networkx 2.8.8, igraph 0.10.2, scipy).
 * Tolerances: counts and core numbers exact; floats 1e-9 relative (p-values 1e-9 absolute + 1e-7 relative).
 * Betweenness is raw (each unordered pair once); weighted betweenness uses length 1/shared_events with exact
 * handling of tied path lengths, so it must equal the exact golden value (34.33 for Theresa Anderson, where
 * float `==` implementations give 35.5).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../packages/core/test/export/helpers.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'packages/core/dist/cli/main.js');
const golden = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/davis/golden.json'), 'utf8')) as {
  nodes: Record<string, Record<string, number>>;
  edges: Record<string, number | string | boolean>[];
};

function close(actual: number, expected: number, rel = 1e-9, abs = 1e-12): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(abs + rel * Math.abs(expected));
}

describe('mycorrhiza analyze on Davis Southern Women', () => {
  let out = '';
  let stdout = '';
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`Build core first: cd packages/core && npx tsc -p tsconfig.build.json (missing ${CLI})`);
    out = mkdtempSync(join(tmpdir(), 'davis-analyze-'));
    stdout = execFileSync(process.execPath, [CLI, 'analyze', join(ROOT, 'tests/fixtures/davis/attendance.csv'), '--out', out, '--seed', '7'], { encoding: 'utf8' });
  });

  it('prints the growth headline and where the files went', () => {
    expect(stdout).toContain('4 → 18 people');
    expect(stdout).toMatch(/people\s+\d+\s+\d+/);
    expect(stdout).toContain(join(out, 'people.csv'));
  });

  it('person-ties.csv has the contractual columns and the 139 golden ties with their values', () => {
    const { header, rows } = parseCsv(readFileSync(join(out, 'person-ties.csv'), 'utf8'));
    expect(header.slice(0, 13)).toEqual(['source', 'target', 'shared_events', 'newman', 'jaccard', 'first_shared', 'last_shared', 'class', 'state', 'p_value', 'significant', 'neighbourhood_overlap', 'local_bridge']);
    const people = parseCsv(readFileSync(join(out, 'people.csv'), 'utf8')).rows;
    const idOf = new Map(people.map((p) => [p.name!, p.id!]));
    const byPair = new Map(rows.map((r) => [`${r.source}|${r.target}`, r]));
    expect(rows).toHaveLength(golden.edges.length);
    for (const e of golden.edges) {
      const a = idOf.get(e.u as string)!, b = idOf.get(e.v as string)!;
      const r = byPair.get(a < b ? `${a}|${b}` : `${b}|${a}`);
      expect(r, `${e.u} -- ${e.v}`).toBeDefined();
      expect(Number(r!.shared_events)).toBe(e.count);
      close(Number(r!.newman), e.newman as number);
      close(Number(r!.jaccard), e.jaccard as number);
      close(Number(r!.neighbourhood_overlap), e.neighbourhood_overlap as number);
      close(Number(r!.p_value), e.p_hypergeom_fixedrow as number, 1e-7, 1e-9);
      expect(r!.significant).toBe(String(e['keep_hypergeom_fixedrow_0.05']));
      expect(r!.class).toBe((e.count as number) >= 3 ? 'strong' : 'weak');
    }
  });

  it('people.csv matches the golden node measures for all 18 women', () => {
    const { header, rows } = parseCsv(readFileSync(join(out, 'people.csv'), 'utf8'));
    expect(header.slice(0, 17)).toEqual(['id', 'name', 'organisation', 'events', 'first_seen', 'last_seen', 'degree', 'strong_ties', 'weak_ties', 'strength', 'newman_strength', 'betweenness', 'betweenness_weighted', 'constraint', 'effective_size', 'core', 'community']);
    expect(rows).toHaveLength(18);
    for (const r of rows) {
      const g = golden.nodes[r.name!];
      expect(g, r.name).toBeDefined();
      expect(Number(r.events)).toBe(g!.events);
      expect(Number(r.degree)).toBe(g!.degree);
      expect(Number(r.strength)).toBe(g!.strength_count);
      close(Number(r.newman_strength), g!.strength_newman!);
      close(Number(r.betweenness), g!.betweenness_unweighted_raw!);
      close(Number(r.betweenness_weighted), g!.betweenness_count_inv_raw!);
      close(Number(r.constraint), g!.burt_constraint_weighted!);
      close(Number(r.effective_size), g!.burt_effective_size_weighted!);
      expect(Number(r.core)).toBe(g!.core_number);
      expect(Number(r.strong_ties) + Number(r.weak_ties)).toBe(g!.degree);
      expect(r.community).toMatch(/^\d+$/);
    }
    const theresa = rows.find((r) => r.name === 'Theresa Anderson')!;
    close(Number(theresa.betweenness_weighted), 34 + 1 / 3);
  });
});
