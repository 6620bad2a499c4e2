import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, parseTable, readAttendance, sniffBytes } from '../../src/io/index.js';
import { fixture } from './helpers.js';

describe('decodeWindows1252', () => {
  it('maps 0x80–0x9F through the Windows-1252 table, not to C1 controls', () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x96, 0x93, 0x94, 0x8a, 0x9f]))).toBe('€–“”ŠŸ');
    expect(decodeWindows1252(Uint8Array.from([0xe9, 0xeb, 0xe7, 0x41]))).toBe('éëçA');
  });
});

describe('decodeText', () => {
  it('strips a UTF-8 BOM and reports it', () => {
    const r = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9]));
    expect(r).toEqual({ text: 'aé', encoding: 'utf-8-bom' });
  });
  it('reads UTF-16 BE with BOM and UTF-16 LE without BOM', () => {
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0x00, 0x61, 0x00, 0xe9]))).toEqual({ text: 'aé', encoding: 'utf-16be' });
    const le = Uint8Array.from([...'name,event\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeText(le)).toEqual({ text: 'name,event\n', encoding: 'utf-16le' });
  });
  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]))).toEqual({ text: 'Café €', encoding: 'windows-1252' });
  });
});

describe('parseTable / readAttendance on encoded fixtures', () => {
  it('semicolon Windows-1252 CSV with Dutch headers keeps accents, dashes and curly quotes', async () => {
    const t = await parseTable(fixture('dutch-windows1252.csv'));
    expect(t.encoding).toBe('windows-1252');
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['Naam', 'Organisatie', 'Activiteit', 'Datum', 'Sector', 'Gemeente', 'Duur (uren)']);
    const { model, report, mappings } = await readAttendance([fixture('dutch-windows1252.csv')]);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(mappings[0]!.mapping).toEqual({ 0: 'person', 1: 'organisation', 2: 'event', 3: 'date', 4: 'sector', 5: 'region', 6: 'duration_hours' });
    expect(model.people.map((p) => p.name)).toEqual(['Élise Dubois', 'Chloë Maes', 'François Peeters', 'Noël Verbeeck']);
    expect(model.events.map((e) => [e.name, e.date, e.durationHours])).toEqual([
      ['Oudercafé – opvoeding', '2023-03-14', 2],
      ['Vorming “kindermishandeling”', '2023-04-21', 3.5],
      ['Netwerkmoment', '2023-06-02', 1.5],
    ]);
    expect(model.organisations.find((o) => o.name === 'CAW Antwerpen')).toMatchObject({ sector: 'Welzijn', region: 'Antwerpen' });
    expect(report.counts).toEqual({ rows: 5, used: 5, rejected: 0, people: 4, organisations: 4, events: 3 });
  });

  it('UTF-8 with BOM: the first header is "Name", not "\\ufeffName"; quoted commas stay in the cell', async () => {
    const t = await parseTable(fixture('utf8-bom.csv'));
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.headers[0]).toBe('Name');
    const { model, report } = await readAttendance([fixture('utf8-bom.csv')]);
    expect(report.errors).toEqual([]);
    expect(model.organisations.map((o) => o.name)).toContain('Politie Rupel, wijk Boom');
    expect(model.people.map((p) => p.name)).toEqual(['Zoë Janssens', 'Jürgen Wouters']);
  });

  it('UTF-16 LE with BOM, French headers, CRLF', async () => {
    const { model, report, mappings } = await readAttendance([fixture('utf16le-bom.csv')]);
    expect(mappings[0]).toMatchObject({ encoding: 'utf-16le', delimiter: ';' });
    expect(report.errors).toEqual([]);
    expect(model.people.map((p) => p.name)).toEqual(['Hélène Lefèvre', 'Benoît Leroy']);
    expect(model.events).toHaveLength(1);
    expect(model.events[0]).toMatchObject({ name: 'Séance d’information', date: '2023-03-14' });
    expect(model.organisations[0]).toMatchObject({ name: 'Maison de l’enfant', sector: 'Famille' });
  });

  it('tab-separated file named .csv is detected from its header line', async () => {
    const { model, report, mappings } = await readAttendance([fixture('tab-separated.csv')]);
    expect(mappings[0]!.delimiter).toBe('\t');
    expect(mappings[0]!.mapping).toEqual({ 0: 'person', 1: 'organisation', 2: 'event', 3: 'date', 4: 'event_type' });
    expect(report.errors).toEqual([]);
    expect(model.events.map((e) => e.type)).toEqual(['intervisie', 'webinar']);
  });

  it('an Excel "sep=;" first line sets the delimiter and is not a row', async () => {
    const f = { name: 's.csv', bytes: new TextEncoder().encode('sep=;\nNaam;Activiteit;Datum\nAn, B.;Kick-off;2023-01-01\nBert;Kick-off;31/02/2023\n') };
    const { model, report, mappings } = await readAttendance([f]);
    expect(mappings[0]!.delimiter).toBe(';');
    expect(model.people[0]!.name).toBe('An, B.');
    expect(report.errors).toEqual([expect.objectContaining({ row: 3, code: 'bad-date' })]);
  });

  it('a PNG renamed .csv is one clear file-level error, not garbage rows', async () => {
    expect(sniffBytes(fixture('picture.csv').bytes)).toEqual({ binary: 'a PNG picture' });
    const { report, model } = await readAttendance([fixture('picture.csv')]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'picture.csv', row: null, column: null, code: 'unsupported-format' });
    expect(report.errors[0]!.message).toContain('PNG');
    expect(report.counts.rows).toBe(0);
    expect(model.attendance.length).toBe(0);
  });

  it('binary data without a known signature is refused as binary', async () => {
    const bytes = new Uint8Array(512);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
    const { report } = await readAttendance([{ name: 'x.csv', bytes }]);
    expect(report.errors.map((e) => e.code)).toEqual(['unsupported-format']);
  });

  it('an empty file is an error naming the file', async () => {
    const { report } = await readAttendance([{ name: 'empty.csv', bytes: new Uint8Array(0) }]);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'empty.csv', code: 'empty-file' })]);
  });
});
