/**
 * The bad-input corpus (tests/fixtures/bad, issue 10): every hostile file is read without a crash or a hang, each
 * problem comes back at its place (file, spreadsheet row, column) with a clear message and a fix, and every good
 * row is kept — `rows = used + rejected`, and each rejected row has an error of its own. The expectations live in
 * tests/fixtures/bad/manifest.json; the same files also go through `mycorrhiza validate --json`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAttendance } from '../packages/core/src/io/read-attendance.js';
import { READ_LIMITS } from '../packages/core/src/io/limits.js';
import type { ReadOptions } from '../packages/core/src/io/options.js';
import type { Issue, ReadResult } from '../packages/core/src/io/types.js';
import { corpusFile } from './helpers/bad-generated.js';
import { requireBuiltCli, ROOT, runCli, tempDir } from './helpers/cli.js';

interface ExpectedIssue {
  severity: 'error' | 'warning';
  file?: string;
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}
interface BadCase {
  file: string;
  what: string;
  timeoutMs: number;
  counts: { rows: number; used: number; rejected: number; people?: number; organisations?: number; events?: number };
  issues: ExpectedIssue[];
  people?: string[];
  options?: { dateFormat?: ReadOptions['dateFormat']; events?: string };
  generated?: string;
  knownGap?: string;
  totals?: { errors: number; warnings: number };
}

const DIR = join(ROOT, 'tests/fixtures/bad');
const MANIFEST = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { cases: BadCase[] };
const CASES = MANIFEST.cases;
const SUPPORT = new Set(['manifest.json', 'README.md', 'make-bad.mjs']);

async function readCase(c: BadCase): Promise<{ result: ReadResult; ms: number }> {
  const file = await corpusFile(c.file, c.generated);
  const options: ReadOptions = {};
  if (c.options?.dateFormat) options.dateFormat = c.options.dateFormat;
  if (c.options?.events) options.events = await corpusFile(c.options.events);
  const t0 = performance.now();
  const result = await readAttendance([file], options);
  return { result, ms: performance.now() - t0 };
}

const show = (i: Issue) => `${i.file} row ${i.row} column ${i.column} [${i.code}] ${i.message}`;

function expectIssue(actual: Issue | undefined, expected: ExpectedIssue, c: BadCase): void {
  expect(actual, `missing ${expected.severity} ${JSON.stringify(expected)}`).toBeDefined();
  const a = actual!;
  expect({ file: a.file, row: a.row, column: a.column, code: a.code }, show(a)).toEqual({ file: expected.file ?? c.file, row: expected.row, column: expected.column, code: expected.code });
  expect(a.message, show(a)).toContain(expected.message);
  // Every line says what is wrong and how to fix it, and never quotes more than the report limit.
  expect(a.message.length).toBeGreaterThan(10);
  expect(a.fix.length).toBeGreaterThan(10);
  if (a.value != null) expect(a.value.length).toBeLessThan(READ_LIMITS.maxReportedValueChars + 40);
}

function checkCase(c: BadCase, result: ReadResult, ms: number): void {
  const { report, model } = result;
  expect(ms, `${c.file} took ${Math.round(ms)} ms`).toBeLessThan(c.timeoutMs);
  expect(report.counts).toMatchObject(c.counts);
  // Nothing dropped silently: every row is used or rejected, and a rejected row has an error naming it.
  expect(report.counts.used + report.counts.rejected).toBe(report.counts.rows);
  const wholeFile = report.errors.some((e) => e.row == null || e.code === 'missing-column' || e.code === 'too-many-columns');
  if (!wholeFile && !c.totals) {
    const rejectedRows = new Set(report.errors.filter((e) => e.file === c.file).map((e) => e.row));
    expect(rejectedRows.size).toBe(report.counts.rejected);
  }
  const errors = c.issues.filter((i) => i.severity === 'error');
  const warnings = c.issues.filter((i) => i.severity === 'warning');
  if (c.totals) {
    expect(report.errors).toHaveLength(c.totals.errors);
    expect(report.warnings).toHaveLength(c.totals.warnings);
  } else {
    expect(report.errors.map(show)).toHaveLength(errors.length);
    expect(report.warnings.map(show)).toHaveLength(warnings.length);
  }
  errors.forEach((e, i) => expectIssue(report.errors[i], e, c));
  warnings.forEach((w, i) => expectIssue(c.totals ? report.warnings.at(i - warnings.length) : report.warnings[i], w, c));
  if (c.people) expect(model.people.map((p) => p.name)).toEqual(c.people);
  // The model holds exactly the used rows' people, organisations and events.
  expect(model.people.length).toBe(report.counts.people);
  expect(model.events.length).toBe(report.counts.events);
}

describe('the bad-input corpus (tests/fixtures/bad/manifest.json)', () => {
  it('has at least 40 cases, and every committed file is in the manifest and the README', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const listed = new Set(CASES.flatMap((c) => [c.file, ...(c.options?.events ? [c.options.events] : [])]));
    const committed = readdirSync(DIR).filter((f) => !SUPPORT.has(f));
    for (const f of committed) expect(listed.has(f), `${f} is not in manifest.json`).toBe(true);
    for (const c of CASES) if (!c.generated) expect(committed, `${c.file} is listed but missing`).toContain(c.file);
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const c of CASES) expect(readme, `${c.file} missing from README.md`).toContain(`\`${c.file}\``);
  });

  for (const c of CASES) {
    const title = `${c.file}: ${c.what}`;
    if (c.knownGap) {
      // A known gap of the readers (see knownGap): this test fails until it is fixed, then `it.fails` turns red as a reminder.
      it.fails(`${title} — known gap`, async () => {
        const { result, ms } = await readCase(c);
        checkCase(c, result, ms);
      });
      it(`${title}: at least no crash, no hang, counts add up`, async () => {
        const { result, ms } = await readCase(c);
        expect(ms).toBeLessThan(c.timeoutMs);
        expect(result.report.counts.used + result.report.counts.rejected).toBe(result.report.counts.rows);
      });
      continue;
    }
    it(title, async () => {
      const { result, ms } = await readCase(c);
      checkCase(c, result, ms);
    }, Math.max(30_000, c.timeoutMs * 3));
  }
});

describe('mycorrhiza validate --json on the corpus (built CLI)', () => {
  let dir = '';
  beforeAll(async () => {
    requireBuiltCli();
    dir = tempDir('bad-corpus-');
    for (const c of CASES.filter((x) => x.generated && x.generated !== 'tooLarge')) writeFileSync(join(dir, c.file), (await corpusFile(c.file, c.generated)).bytes);
  });

  it('reads every committed bad file in one run: exit 1, JSON report, the same errors per file as the library', async () => {
    const committed = CASES.filter((c) => !c.generated && !c.options);
    const paths = committed.map((c) => join('tests/fixtures/bad', c.file));
    const run = runCli(['validate', '--json', ...paths], { timeoutMs: 60_000 });
    expect(run.timedOut).toBe(false);
    expect(run.stderr).not.toContain('unexpected failure');
    expect(run.code, run.stderr).toBe(1);
    const json = JSON.parse(run.stdout) as { errors: Issue[]; warnings: Issue[]; counts: { rows: number; used: number; rejected: number } };
    expect(json.counts.used + json.counts.rejected).toBe(json.counts.rows);
    for (const c of committed) {
      const { result } = await readCase(c);
      const mine = json.errors.filter((e) => e.file === join('tests/fixtures/bad', c.file)).map((e) => [e.row, e.column, e.message]);
      expect(mine, c.file).toEqual(result.report.errors.map((e) => [e.row, e.column, e.message]));
    }
    expect(json.counts.rows).toBe(committed.reduce((s, c) => s + c.counts.rows, 0));
  }, 120_000);

  it('reads the generated big files (10,000 columns, 5 MB cells, an unclosed quote before 5 MB) within the time bound', () => {
    const big = CASES.filter((x) => x.generated && x.generated !== 'tooLarge');
    const bound = big.reduce((s, c) => s + c.timeoutMs, 0);
    const run = runCli(['validate', '--json', ...big.map((c) => join(dir, c.file))], { timeoutMs: bound });
    expect(run.timedOut, `validate took over ${bound} ms`).toBe(false);
    expect(run.code, run.stderr).toBe(1);
    const json = JSON.parse(run.stdout) as { errors: Issue[]; counts: Record<string, number> };
    expect(json.counts.rows).toBe(big.reduce((s, c) => s + c.counts.rows, 0));
    expect(json.counts.used).toBe(big.reduce((s, c) => s + c.counts.used, 0));
    for (const c of big) expect(json.errors.some((e) => e.file === join(dir, c.file)), c.file).toBe(true);
  }, 120_000);

  it('the text report names file, row and column, and exits 1 (never 70, the crash code)', () => {
    const run = runCli(['validate', 'tests/fixtures/bad/dates-rejected.csv', 'tests/fixtures/bad/png-renamed.csv', 'tests/fixtures/bad/mixed-delimiters.csv']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('tests/fixtures/bad/dates-rejected.csv');
    expect(run.stdout).toContain('row 3, column "date", value "14/3/23": "14/3/23" has a two-digit year');
    expect(run.stdout).toContain('this file is a PNG picture');
    expect(run.stdout).toMatch(/row 3, value "Bert,CAW,Kick-off,2023-01-10": this row is separated by ","/);
  });
});
