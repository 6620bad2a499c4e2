import { describe, expect, it } from 'vitest';
import { READ_LIMITS, parseTable, readAttendance } from '../../src/io/index.js';
import { textFile } from './helpers.js';

describe('limits: clear messages instead of hangs', () => {
  it('a 5 MB cell makes its row an error; the rows around it survive', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const f = textFile('big.csv', `person,event,date\nAn,Kick-off,2023-01-01\n${big},Kick-off,2023-01-01\nBert,Kick-off,2023-01-01\n`);
    const t0 = performance.now();
    const { report, model } = await readAttendance([f]);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'big.csv', row: 3 });
    expect(['cell-too-long', 'row-too-long']).toContain(report.errors[0]!.code);
    expect(report.errors[0]!.value!.length).toBeLessThan(READ_LIMITS.maxReportedValueChars + 40);
    expect(model.people.map((p) => p.name)).toEqual(['An', 'Bert']);
  });

  it('a 5 MB quoted cell in the middle of the file (spanning chunks) is one row error', async () => {
    const big = 'y'.repeat(5 * 1024 * 1024);
    const rows = Array.from({ length: 2000 }, (_, i) => `P${i},Kick-off,2023-01-01`);
    const f = textFile('quoted.csv', `person,event,date\n${rows.join('\n')}\n"${big}",Kick-off,2023-01-01\n${rows.join('\n')}\n`);
    const { report } = await readAttendance([f]);
    expect(report.errors).toEqual([expect.objectContaining({ row: 2002 })]);
    expect(report.counts).toMatchObject({ rows: 4001, used: 4000, rejected: 1, people: 2000 });
  });

  it('10,000 header columns: one file error', async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
    const f = textFile('wide.csv', `${header}\n${'a,'.repeat(9999)}a\n`);
    const { report } = await readAttendance([f]);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'wide.csv', row: 1, code: 'too-many-columns' })]);
  });

  it('a data row with 10,000 cells is an extra-columns error', async () => {
    const f = textFile('row.csv', `person,event,date\nAn,Kick-off,2023-01-01${',z'.repeat(10_000)}\nBert,Kick-off,2023-01-01\n`);
    const { report } = await readAttendance([f]);
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, code: 'extra-columns' })]);
    expect(report.errors[0]!.value!.length).toBeLessThan(READ_LIMITS.maxReportedValueChars + 40);
    expect(report.counts).toMatchObject({ used: 1, rejected: 1 });
  });

  it('an unclosed quote early in a large file costs one row, not the rest of the file', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `Person ${i % 5000},Org ${i % 300},Event ${i % 400},2023-01-${String((i % 28) + 1).padStart(2, '0')}`);
    rows[10] = '"Broken,Org 1,Event 1,2023-01-01';
    const f = textFile('large.csv', `person,organisation,event,date\n${rows.join('\n')}\n`);
    const t0 = performance.now();
    const { report } = await readAttendance([f], { nearDuplicates: false });
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(report.errors).toEqual([expect.objectContaining({ row: 12, code: 'stray-quote' })]);
    expect(report.counts.rows).toBe(50_000);
    expect(report.counts.rejected).toBe(1);
  });

  it('lists at most maxIssuesPerFile problems per file and says how many more', async () => {
    const n = READ_LIMITS.maxIssuesPerFile + 50;
    const f = textFile('many.csv', 'person,event,date\n' + 'An,,2023-01-01\n'.repeat(n));
    const { report } = await readAttendance([f]);
    expect(report.errors).toHaveLength(READ_LIMITS.maxIssuesPerFile);
    expect(report.counts.rejected).toBe(n);
    expect(report.warnings.at(-1)).toMatchObject({ file: 'many.csv', code: 'too-many-issues' });
    expect(report.warnings.at(-1)!.message).toContain('50 more');
  });

  it('parseTable rows can be iterated twice with the same result (CSV re-parses lazily)', async () => {
    const t = await parseTable(textFile('t.csv', 'a;b\n1;2\n\n3;"4\n5"\n'));
    const once = [...t.rows].map((r) => [r.row, r.cells]);
    expect(once).toEqual([[2, ['1', '2']], [4, ['3', '4\n5']]]);
    expect([...t.rows].map((r) => [r.row, r.cells])).toEqual(once);
  });
});
