import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseTable, readAttendance } from '../../src/io/index.js';
import { fixture } from './helpers.js';

describe('XLSX (read-excel-file universal entry)', () => {
  it('reads the first sheet: real date cells, a serial number and a text date become ISO dates', async () => {
    const { model, report, mappings } = await readAttendance([fixture('dates.xlsx')]);
    expect(mappings[0]).toMatchObject({ format: 'xlsx', sheet: 'Aanwezigheden', headers: ['Naam', 'Organisatie', 'Activiteit', 'Datum', 'Duur'] });
    expect(model.events.map((e) => [e.name, e.date, e.durationHours])).toEqual([
      ['Oudercafé', '2023-03-14', 2],
      ['Vorming', '2023-04-21', 3.5],
      ['Netwerkmoment', '2023-06-02', 1.5],
    ]);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'dates.xlsx', row: 6, column: 'Datum', value: '31/04/2023', code: 'bad-date' })]);
    expect(report.counts).toEqual({ rows: 5, used: 4, rejected: 1, people: 4, organisations: 4, events: 3 });
  });

  it('reads a named sheet (case-insensitive) and lists the sheets when the name is wrong', async () => {
    const { model, report } = await readAttendance([fixture('dates.xlsx')], { sheet: 'andere' });
    expect(report.errors).toEqual([]);
    expect(model.events[0]).toMatchObject({ name: 'Intervisie', date: '2024-01-09' });
    const bad = await readAttendance([fixture('dates.xlsx')], { sheet: 'Blad1' });
    expect(bad.report.errors[0]).toMatchObject({ file: 'dates.xlsx', code: 'unreadable-file' });
    expect(bad.report.errors[0]!.message).toContain('"Aanwezigheden", "Andere"');
  });

  it('numbers the rows as the sheet does when blank rows come first', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('B3').value = 'Deelnemer';
    ws.getCell('C3').value = 'Sessie';
    ws.getCell('D3').value = 'Datum';
    ws.getCell('B4').value = 'An';
    ws.getCell('C4').value = 'Kick-off';
    ws.getCell('D4').value = '2023-02-30';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const t = await parseTable({ name: 's.xlsx', bytes });
    expect(t.headerRow).toBe(3);
    const { report } = await readAttendance([{ name: 's.xlsx', bytes }]);
    expect(report.errors).toEqual([expect.objectContaining({ row: 4, column: 'Datum', code: 'bad-date' })]);
  });

  it('a zip that is not a workbook is a file error', async () => {
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const { report } = await readAttendance([{ name: 'x.xlsx', bytes }]);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'x.xlsx', row: null, code: 'unreadable-file' })]);
  });
});

describe('JSON', () => {
  it('reads an array of row objects; arrays are multi-values; a non-object element is a row error', async () => {
    const { model, report, mappings } = await readAttendance([fixture('rows.json')]);
    expect(mappings[0]!.format).toBe('json');
    expect(report.errors).toEqual([expect.objectContaining({ file: 'rows.json', row: 4, code: 'bad-value' })]);
    expect(report.counts).toEqual({ rows: 4, used: 3, rejected: 1, people: 2, organisations: 4, events: 2 });
    const tom = model.people.find((p) => p.name === 'Tom Dens')!;
    const orgsOfTom = [];
    for (let i = 0; i < model.attendance.length; i++) if (model.attendance.person[i] === tom.index) orgsOfTom.push(model.organisations[model.attendance.organisation[i]!]!.name);
    expect(orgsOfTom).toEqual(['OCMW Boom', 'Sociaal Huis Niel']);
    expect(model.events[0]).toMatchObject({ name: 'Kick-off', type: 'netwerkmoment', durationHours: 2 });
    expect(model.organisations.find((o) => o.name === 'Huis van het Kind Boom')!.sector).toBe('Gezin');
  });

  it('invalid JSON is a file error with the parser message', async () => {
    const { report } = await readAttendance([{ name: 'bad.json', bytes: new TextEncoder().encode('[{"person": "An",]') }]);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'bad.json', code: 'unreadable-file' })]);
  });

  it('accepts {"rows": [...]} and mappable keys', async () => {
    const text = JSON.stringify({ rows: [{ Naam: 'An', Activiteit: 'Kick-off', Datum: '14/03/2023' }] });
    const { model, report } = await readAttendance([{ name: 'r.json', bytes: new TextEncoder().encode(text) }]);
    expect(report.errors).toEqual([]);
    expect(model.events[0]!.date).toBe('2023-03-14');
  });
});
