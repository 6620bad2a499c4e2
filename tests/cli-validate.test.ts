/** `mycorrhiza validate` end to end through the built CLI (build core first: pnpm -r build). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../packages/core/dist/cli/main.js', import.meta.url));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'validate', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parse stdout as JSON, showing stderr when it is not JSON (e.g. dist rebuilt while the test runs). */
function parseJson(r: ReturnType<typeof run>) {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}).\nstdout: ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr.slice(0, 1500)}`);
  }
}

describe('mycorrhiza validate', () => {
  it('the CLI is built', () => {
    expect(existsSync(cli), `missing ${cli}: run "cd packages/core && npx tsc -p tsconfig.build.json"`).toBe(true);
  });

  it('exit 0 and the counts for the Davis fixture (text)', () => {
    const r = run('tests/fixtures/davis/attendance.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('89 rows, 89 used, 0 rejected');
    expect(r.stdout).toContain('18 people, 0 organisations, 14 events');
  });

  it('--json prints exactly {errors, warnings, suggestions, counts} on stdout', () => {
    const r = run('tests/fixtures/davis/attendance.csv', '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = parseJson(r);
    expect(Object.keys(json)).toEqual(['errors', 'warnings', 'suggestions', 'counts']);
    expect(json.counts).toEqual({ rows: 89, used: 89, rejected: 0, people: 18, organisations: 0, events: 14 });
  });

  it('exit 1 with located errors, each issue exactly {file, row, column, value, message, fix}', () => {
    const r = run('tests/fixtures/io/bad-rows.csv', 'tests/fixtures/davis/attendance.csv', '--json');
    expect(r.code, r.stderr).toBe(1);
    const json = parseJson(r);
    expect(json.counts).toEqual({ rows: 109, used: 99, rejected: 10, people: 27, organisations: 5, events: 17 });
    for (const issue of [...json.errors, ...json.warnings]) expect(Object.keys(issue)).toEqual(['file', 'row', 'column', 'value', 'message', 'fix']);
    expect(json.errors[1]).toMatchObject({ file: 'tests/fixtures/io/bad-rows.csv', row: 4, column: 'date', value: '31/02/2023' });
  });

  it('exit 1 and a readable text report grouped by file', () => {
    const r = run('tests/fixtures/io/bad-rows.csv');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('Errors (10)');
    expect(r.stdout).toContain('  tests/fixtures/io/bad-rows.csv');
    expect(r.stdout).toContain('row 5, column "date", value "14/3/23": "14/3/23" has a two-digit year');
    expect(r.stdout).toContain('fix: Write the year in full');
  });

  it('options reach the reader: --map, --split, --aliases, --organisations, --events, --sheet, --date-format, --person-key', () => {
    const map = run('tests/fixtures/io/peers.csv', '--map', 'person_id=ignore', '--map=organisation=person', '--json');
    expect(parseJson(map).counts).toMatchObject({ people: 2, organisations: 0 });
    const ids = run('tests/fixtures/io/attendance-ids.csv', '--organisations', 'tests/fixtures/io/organisations.csv', '--events', 'tests/fixtures/io/events.csv', '--json');
    expect(ids.code).toBe(0);
    expect(parseJson(ids).warnings).toEqual([]);
    const aliases = run('tests/fixtures/io/near-duplicates.csv', '--aliases', 'tests/fixtures/io/aliases.csv', '--json');
    expect(parseJson(aliases).counts.organisations).toBe(3);
    const sheet = run('tests/fixtures/io/dates.xlsx', '--sheet', 'Andere', '--json');
    expect(sheet.code).toBe(0);
    const split = run('tests/fixtures/io/rows.json', '--split', 'organisation=","', '--person-key', 'name+organisation', '--date-format', 'DD/MM/YYYY', '--json');
    expect(parseJson(split).counts.rows).toBe(4);
  });

  it('exit 2 on usage errors: unknown flag, missing file, no file, bad option value', () => {
    expect(run('tests/fixtures/davis/attendance.csv', '--bogus').code).toBe(2);
    const missing = run('nope.csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot find "nope.csv"');
    expect(run().code).toBe(2);
    expect(run('tests/fixtures/davis/attendance.csv', '--person-key', 'phone').code).toBe(2);
    expect(run('tests/fixtures/davis/attendance.csv', '--date-format', 'DD/MM/YY').code).toBe(2);
    expect(run('tests/fixtures/davis/attendance.csv', '--split', 'date=,').code).toBe(2);
    expect(run('tests/fixtures/davis/attendance.csv', '--aliases', 'missing.csv').code).toBe(2);
  });

  it('--help prints the options and exits 0', () => {
    const r = run('--help');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('--date-format');
  });
});
