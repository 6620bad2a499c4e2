import { describe, expect, it } from 'vitest';
import { readAttendance, type Issue } from '../../src/io/index.js';
import { fixture } from './helpers.js';

const place = (i: Issue) => [i.row, i.column, i.value, i.code];

describe('readAttendance(bad-rows.csv): every bad row reported at its place, every good row kept', async () => {
  const { model, report } = await readAttendance([fixture('bad-rows.csv')]);

  it('reports each error with file, spreadsheet row, column header and value', () => {
    expect(report.errors.every((e) => e.file === 'bad-rows.csv')).toBe(true);
    expect(report.errors.map(place)).toEqual([
      [3, 'event', null, 'missing-event'],
      [4, 'date', '31/02/2023', 'bad-date'],
      [5, 'date', '14/3/23', 'two-digit-year'],
      [6, 'person', null, 'missing-person-and-organisation'],
      [9, null, '"Frank Goossens,Politie Rupel,Kick-off,2023-03-14,,', 'stray-quote'],
      [11, null, 'extra,x', 'extra-columns'],
      [13, 'date', '1899-04-20', 'date-out-of-range'],
      [15, 'date', '2023-13-02', 'bad-date'],
      [16, 'date', null, 'missing-date'],
      [20, 'date', 'gisteren', 'bad-date'],
    ]);
    for (const e of report.errors) {
      expect(e.message.length).toBeGreaterThan(10);
      expect(e.fix.length).toBeGreaterThan(10);
    }
    expect(report.errors[1]!.message).toContain('February 2023 has 28 days');
    expect(report.errors[6]!.message).toContain('check the year');
  });

  it('reports warnings for rows that are still used', () => {
    expect(report.warnings.map(place)).toEqual([
      [8, null, null, 'duplicate-row'],
      [12, 'duration_hours', null, 'too-few-columns'],
      [14, 'duration_hours', 'twee uur', 'bad-duration'],
    ]);
    expect(report.warnings[0]!.message).toContain('row 2');
  });

  it('counts: rows = used + rejected, nothing dropped silently', () => {
    expect(report.counts).toEqual({ rows: 20, used: 10, rejected: 10, people: 9, organisations: 5, events: 3 });
    expect(report.counts.used + report.counts.rejected).toBe(report.counts.rows);
  });

  it('keeps exactly the good rows (the multi-line cell is one row; the neutralised cell is restored)', () => {
    expect(model.people.map((p) => p.name).sort()).toEqual(
      ['An Peeters', 'Eva Fransen', 'Greet Hermans', 'Ilse Kools', 'Karin Maes', 'Marc Oris', 'Nina Peeters', 'Olaf Quist', 'Paul Rens'].sort(),
    );
    // 10 used rows, one of them a duplicate attendance.
    expect(model.attendance.length).toBe(9);
    const marc = model.people.find((p) => p.name === 'Marc Oris')!;
    const row = [...model.attendance.person].indexOf(marc.index);
    expect(model.attendance.role[row]).toBe('wijk\nagent');
    expect(model.organisations.map((o) => o.name)).toContain('@Home vzw');
    expect(model.events.map((e) => [e.name, e.date])).toEqual([
      ['Kick-off', '2023-03-14'],
      ['Intervisie', '2023-04-20'],
      ['Dialoog', '2023-05-10'],
    ]);
  });
});

describe('readAttendance with several files', () => {
  it('concatenates files and names each problem with its own file', async () => {
    const { report } = await readAttendance([fixture('attendance.csv', 'davis'), fixture('bad-rows.csv'), fixture('picture.csv')]);
    expect(report.counts.rows).toBe(89 + 20);
    expect(new Set(report.errors.map((e) => e.file))).toEqual(new Set(['bad-rows.csv', 'picture.csv']));
  });

  it('a duplicate across files names the earlier file', async () => {
    const f1 = { name: 'a.csv', bytes: new TextEncoder().encode('person,event,date\nAn,Kick-off,2023-01-01\n') };
    const f2 = { name: 'b.csv', bytes: new TextEncoder().encode('naam,activiteit,datum\nBert,Kick-off,01/01/2023\nan,kick-off,2023-01-01\n') };
    const { report, model } = await readAttendance([f1, f2]);
    expect(report.warnings).toEqual([expect.objectContaining({ file: 'b.csv', row: 3, code: 'duplicate-row' })]);
    expect(report.warnings[0]!.message).toContain('row 2 of a.csv');
    expect(model.events).toHaveLength(1);
    expect(report.counts).toMatchObject({ rows: 3, used: 3, rejected: 0, people: 2 });
  });

  it('a file without a date column is read with one warning and no dates', async () => {
    const f = { name: 'undated.csv', bytes: new TextEncoder().encode('person,event\nAn,Kick-off\nBert,Kick-off\nAn,Dialoog\n') };
    const { report, model } = await readAttendance([f]);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ file: 'undated.csv', row: null, code: 'undated-file' })]);
    expect(model.dated).toBe(false);
    expect(report.counts).toMatchObject({ rows: 3, used: 3 });
  });

  it('a file without an event column: one file error, all rows counted as rejected', async () => {
    const f = { name: 'noevent.csv', bytes: new TextEncoder().encode('person,date\nAn,2023-01-01\nBert,2023-01-01\n') };
    const { report } = await readAttendance([f]);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'noevent.csv', row: 1, code: 'missing-column' })]);
    expect(report.counts).toMatchObject({ rows: 2, used: 0, rejected: 2 });
  });

  it('a header without rows gives one warning', async () => {
    const f = { name: 'header.csv', bytes: new TextEncoder().encode('person,event,date\n') };
    const { report } = await readAttendance([f]);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ file: 'header.csv', code: 'empty-file' })]);
    expect(report.counts.rows).toBe(0);
  });

  it('a row with several errors lists each of them', async () => {
    const f = { name: 'multi.csv', bytes: new TextEncoder().encode('person,organisation,event,date\n,,,31/02/2023\n') };
    const { report } = await readAttendance([f]);
    expect(report.errors.map((e) => e.code)).toEqual(['missing-event', 'missing-person-and-organisation', 'bad-date']);
    expect(report.counts).toMatchObject({ rows: 1, rejected: 1 });
  });

  it('reports progress in bytes up to the total', async () => {
    const calls: [number, number][] = [];
    const f = fixture('bad-rows.csv');
    await readAttendance([f, fixture('attendance.csv', 'davis')], { onProgress: (d, t) => calls.push([d, t]) });
    const total = f.bytes.length + fixture('attendance.csv', 'davis').bytes.length;
    expect(calls.at(-1)).toEqual([total, total]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
  });
});
