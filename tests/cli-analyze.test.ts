/**
 * `mycorrhiza analyze` end to end on a small synthetic network (packages/core/test/analysis/synthetic.ts) plus
 * hostile names: every output file exists with the contractual columns; formula-like and markup-like names
 * stay inert (CSV neutralised, XML escaped and well-formed, HTML escaped); `--safe` leaks no person name; two
 * runs give byte-identical files; CSVs read back through the project's readers; exit codes 0 / 1 / 2.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTable } from '../packages/core/src/io/table.js';
import { readAttendance } from '../packages/core/src/io/read-attendance.js';
import { cellText } from '../packages/core/src/io/values.js';
import { checkXml, parseCsv } from '../packages/core/test/export/helpers.js';
import { syntheticCsv, syntheticRows, type SyntheticRow } from '../packages/core/test/analysis/synthetic.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'packages/core/dist/cli/main.js');
const FILES = ['people.csv', 'organisations.csv', 'events.csv', 'person-ties.csv', 'organisation-ties.csv', 'growth.csv', 'attention.csv', 'report.json', 'network.gexf', 'network.graphml', 'report.html'];

const FORMULA = '=HYPERLINK("http://x","y")';
const IMG = '<img src=x onerror=alert(1)>';
const HOSTILE: SyntheticRow[] = [
  { event: 'Bijeenkomst 3', date: '2023-03-07', person: FORMULA, organisation: IMG, sector: '<script>alert(2)</script>', region: '@SUM(A1)' },
  { event: 'Bijeenkomst 4', date: '2023-04-08', person: FORMULA, organisation: IMG, sector: '<script>alert(2)</script>', region: '@SUM(A1)' },
  { event: 'Bijeenkomst 4', date: '2023-04-08', person: IMG, organisation: FORMULA, sector: '+cmd', region: '-2+3' },
  { event: 'Bijeenkomst 5 & <b>co</b>', date: '2023-05-09', person: 'Ann "Quote" & Co', organisation: 'Org, with comma', sector: 'Welzijn', region: 'Boom' },
  { event: 'Bijeenkomst 5 & <b>co</b>', date: '2023-05-09', person: IMG, organisation: FORMULA, sector: '+cmd', region: '-2+3' },
];

function run(args: string[]) {
  return spawnSync(process.execPath, [CLI, 'analyze', ...args], { encoding: 'utf8' });
}

function readAll(dir: string): Record<string, string> {
  return Object.fromEntries(FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('mycorrhiza analyze (synthetic network with hostile names)', () => {
  let input = '';
  let outA = '';
  let outB = '';
  let stdoutA = '';
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`Build core first: cd packages/core && npx tsc -p tsconfig.build.json (missing ${CLI})`);
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    input = join(dir, 'attendance.csv');
    writeFileSync(input, syntheticCsv(HOSTILE));
    outA = join(dir, 'a');
    outB = join(dir, 'b');
    const a = run([input, '--out', outA, '--convenor', 'Organisatie A', '--seed', '3', '--lang', 'en']);
    expect(a.status, a.stderr).toBe(0);
    stdoutA = a.stdout;
    const b = run([input, '--out', outB, '--convenor', 'Organisatie A', '--seed', '3', '--lang', 'en']);
    expect(b.status, b.stderr).toBe(0);
  });

  it('writes exactly the eleven files with the contractual first columns', () => {
    const files = readAll(outA);
    const first = (name: string) => parseCsv(files[name]!).header;
    expect(first('people.csv').slice(0, 17)).toEqual(['id', 'name', 'organisation', 'events', 'first_seen', 'last_seen', 'degree', 'strong_ties', 'weak_ties', 'strength', 'newman_strength', 'betweenness', 'betweenness_weighted', 'constraint', 'effective_size', 'core', 'community']);
    expect(first('organisations.csv').slice(0, 17)).toEqual(['id', 'name', 'sector', 'region', 'people', 'events', 'first_seen', 'last_seen', 'degree', 'strong_ties', 'weak_ties', 'internal_ties', 'betweenness', 'constraint', 'core', 'community', 'attention_score']);
    expect(first('organisation-ties.csv').slice(0, 13)).toEqual(['source', 'target', 'shared_events', 'person_pairs', 'newman', 'first_shared', 'last_shared', 'class', 'state', 'p_value', 'significant', 'neighbourhood_overlap', 'local_bridge']);
    expect(first('attention.csv').slice(0, 5)).toEqual(['organisation', 'score', 'reasons', 'details', 'suggestions']);
    expect(first('growth.csv').slice(0, 18)).toEqual(['date', 'events', 'people', 'organisations', 'new_people', 'new_organisations', 'person_ties', 'strong_person_ties', 'organisation_ties', 'strong_organisation_ties', 'weak_organisation_ties', 'fading_organisation_ties', 'person_density', 'organisation_density', 'person_components', 'organisation_components', 'largest_organisation_component_share', 'repeat_share']);
    const growth = parseCsv(files['growth.csv']!).rows;
    expect(growth.length).toBeGreaterThan(12);
    for (const r of growth) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number(growth[growth.length - 1]!.organisations)).toBe(parseCsv(files['organisations.csv']!).rows.length);
    expect(stdoutA).toMatch(/Growth: \d+ → 15 organisations, \d+ → 37 people/);
    for (const f of FILES) expect(stdoutA).toContain(join(outA, f));
  });

  it('gives byte-identical files on a second run with the same input and seed', () => {
    const a = readAll(outA), b = readAll(outB);
    for (const f of FILES) expect(b[f], f).toBe(a[f]);
  });

  it('keeps formula-like and markup-like names inert in every file', () => {
    const files = readAll(outA);
    for (const f of FILES.filter((x) => x.endsWith('.csv'))) {
      const { rows } = parseCsv(files[f]!);
      for (const r of rows) for (const v of Object.values(r)) expect(/^[=+@\t\r]|^-(?![\d.])/.test(v), `${f}: ${v}`).toBe(false);
    }
    expect(files['people.csv']).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const f of ['network.gexf', 'network.graphml']) {
      const check = checkXml(files[f]!);
      expect(check.root).toBe(f.endsWith('gexf') ? 'gexf' : 'graphml');
      expect(files[f]).not.toContain('<img');
      expect(files[f]).not.toContain('<script');
      expect(files[f]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    const html = files['report.html']!;
    expect(html).not.toMatch(/<img|<script|<b>co/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(JSON.parse(files['report.json']!).period.asOf).toBe('2024-08-24');
  });

  it('reads its CSV tables back through the project readers, values intact', async () => {
    const files = readAll(outA);
    const people = await parseTable({ name: 'people.csv', bytes: new TextEncoder().encode(files['people.csv']) });
    expect(people.errors).toEqual([]);
    const names = [...people.rows].map((r) => cellText(r.cells[people.headers.indexOf('name')]));
    expect(names).toContain(FORMULA);
    expect(names).toContain(IMG);
    expect(names).toContain('Ann "Quote" & Co');
    // organisations.csv and events.csv serve as side tables of the original attendance file.
    const again = await readAttendance([{ name: 'attendance.csv', bytes: readFileSync(input) }], {
      organisations: { name: 'organisations.csv', bytes: new TextEncoder().encode(files['organisations.csv']) },
      events: { name: 'events.csv', bytes: new TextEncoder().encode(files['events.csv']) },
    });
    expect(again.report.errors).toEqual([]);
    const org = again.model.organisations.find((o) => o.name === FORMULA)!;
    expect(org.sector).toBe('+cmd');
    expect(again.model.events).toHaveLength(parseCsv(files['events.csv']!).rows.length);
  });

  it('--safe leaves no person name in any file or on the terminal', () => {
    const out = join(outA, '..', 'safe');
    const r = run([input, '--out', out, '--safe', '--convenor', 'Organisatie A']);
    expect(r.status, r.stderr).toBe(0);
    const files = readAll(out);
    const names = [...new Set([...syntheticRows(), ...HOSTILE].map((x) => x.person))];
    const organisations = new Set([...syntheticRows(), ...HOSTILE].map((x) => x.organisation));
    const escaped = (s: string) => [s, s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'), s.replace(/"/g, '""')];
    for (const name of names.filter((n) => !organisations.has(n))) {
      for (const f of FILES) for (const form of escaped(name)) expect(files[f]!.includes(form), `${name} in ${f}`).toBe(false);
      expect(r.stdout + r.stderr).not.toContain(name);
    }
    expect(parseCsv(files['people.csv']!).rows.every((p) => /^P\d{3}$/.test(p.name!))).toBe(true);
    expect(files['report.html']).toContain('Safe mode');
  });

  it('exits 1 with the validation report when rows have errors, 2 on usage errors', () => {
    const bad = join(outA, '..', 'bad.csv');
    writeFileSync(bad, syntheticCsv() + 'Bijeenkomst 99,2023-13-45,Iemand,Organisatie A,Welzijn,Boom\n');
    const out = join(outA, '..', 'bad-out');
    const r = run([bad, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/row 172/);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(run([bad, '--out', out, '--strong-min', 'many']).status).toBe(2);
    expect(run([bad]).status).toBe(2);
    expect(run([bad, '--out', out, '--correction', 'bonferroni']).status).toBe(2);
    expect(execFileSync(process.execPath, [CLI, 'analyze', '--help'], { encoding: 'utf8' })).toContain('Exit codes');
  });
});
