import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.js';
import { createAliasResolver, findNearDuplicates, jaroWinkler, readAttendance } from '../../src/io/index.js';
import { fixture, textFile } from './helpers.js';

describe('identity', () => {
  it('NFC and NFD spellings, case and spaces are one person', async () => {
    const nfc = 'Élise Dubois'.normalize('NFC');
    const nfd = 'Élise Dubois'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    const f = textFile('n.csv', `person,event,date\n${nfc},A,2023-01-01\n${nfd},B,2023-01-02\n  élise   DUBOIS ,C,2023-01-03\n`);
    const { model, report } = await readAttendance([f]);
    expect(report.counts).toMatchObject({ people: 1, events: 3 });
    expect(model.people[0]!.name).toBe(nfc);
  });

  it('personKey: name (default), name+organisation, email', async () => {
    const f = textFile('k.csv', 'person,organisation,event,date,email\nAn Smet,CAW,A,2023-01-01,an@caw.be\nAn Smet,OCMW,B,2023-01-02,an.smet@ocmw.be\nAnn Smet,OCMW,C,2023-01-03,an@caw.be\n');
    expect((await readAttendance([f])).report.counts.people).toBe(2);
    expect((await readAttendance([f], { personKey: 'name+organisation' })).report.counts.people).toBe(3);
    expect((await readAttendance([f], { personKey: 'email' })).report.counts.people).toBe(2);
    const byEmail = await readAttendance([f], { personKey: 'email' });
    // An Smet at CAW and "Ann Smet" share an e-mail: one person, first spelling kept.
    expect(byEmail.model.people.map((p) => p.name)).toEqual(['An Smet', 'An Smet']);
    await expect(readAttendance([f], { personKey: 'phone' as never })).rejects.toThrow(InvalidOptionError);
  });

  it('a bad e-mail is a warning that never repeats the address', async () => {
    const f = textFile('e.csv', 'person,event,date,email\nAn,A,2023-01-01,not-an-address\n');
    const { report } = await readAttendance([f]);
    expect(report.warnings).toEqual([expect.objectContaining({ row: 2, column: 'email', value: null, code: 'bad-email' })]);
    expect(JSON.stringify(report)).not.toContain('not-an-address');
    const ok = await readAttendance([textFile('m.csv', 'person,event,date,email\nAn,A,2023-01-01,an@caw.be\n')]);
    expect(ok.mappings[0]!.samples).toEqual(['An', 'A', '2023-01-01', '(e-mail)']);
    expect(JSON.stringify(ok)).not.toContain('an@caw.be');
  });
});

describe('split', () => {
  const f = textFile('s.csv', 'person,organisation,event,date\nAn,"CAW, OCMW Boom",Kick-off,2023-01-01\n,"Politie; School",Overleg,2023-01-02\n');
  it('without split a cell is one value', async () => {
    const { model } = await readAttendance([f]);
    expect(model.organisations.map((o) => o.name)).toEqual(['CAW, OCMW Boom', 'Politie; School']);
  });
  it('with split, one attendance per value (record form and "field=sep" strings)', async () => {
    const a = await readAttendance([f], { split: { organisation: ',' } });
    expect(a.model.organisations.map((o) => o.name)).toEqual(['CAW', 'OCMW Boom', 'Politie; School']);
    expect(a.model.attendance.length).toBe(3);
    const b = await readAttendance([f], { split: ['organisation=;'] });
    expect(b.model.organisations.map((o) => o.name)).toEqual(['CAW, OCMW Boom', 'Politie', 'School']);
    expect(b.report.counts).toMatchObject({ rows: 2, used: 2 });
  });
  it('rejects splitting a field that cannot hold several values', async () => {
    await expect(readAttendance([f], { split: ['date=,'] })).rejects.toThrow(InvalidOptionError);
    await expect(readAttendance([f], { split: ['organisation='] })).rejects.toThrow(InvalidOptionError);
  });
});

describe('aliases', () => {
  it('merges variants before identity, from a file or a list, following chains', async () => {
    const base = await readAttendance([fixture('near-duplicates.csv')], { nearDuplicates: false });
    expect(base.report.counts.organisations).toBe(5);
    const { model, report } = await readAttendance([fixture('near-duplicates.csv')], { aliases: fixture('aliases.csv') });
    expect(model.organisations.map((o) => o.name)).toEqual(['CAW Antwerpen', 'Basisschool 1', 'Basisschool 2']);
    expect(model.people.map((p) => p.name)).toEqual(['Lies Claes', 'Tom Dens', 'Sara Wouters', 'Sarah Wouters']);
    expect(report.suggestions.filter((s) => s.kind === 'organisation')).toEqual([]);
    const chain = createAliasResolver([{ alias: 'a', canonical: 'b' }, { alias: 'B', canonical: 'c' }, { alias: 'c', canonical: 'a' }]);
    expect(chain.resolve('person', 'A')).toBe('c');
    const kinds = createAliasResolver([{ alias: 'X', canonical: 'Y', kind: 'organisation' }]);
    expect(kinds.resolve('person', 'x')).toBe('x');
    expect(kinds.resolve('organisation', 'x')).toBe('Y');
  });
});

describe('near-duplicate suggestions', () => {
  it('suggests the CAW variants and similar person names with a score; never merges them', async () => {
    const { report } = await readAttendance([fixture('near-duplicates.csv')]);
    const pairs = report.suggestions.map((s) => [s.kind, s.a, s.b]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['organisation', 'C.A.W. Antwerpen', 'CAW Antwerpen'],
        ['organisation', 'CAW Antwerp', 'CAW Antwerpen'],
        ['person', 'Sarah Wouters', 'Sara Wouters'],
        ['person', 'Liesbeth Claes', 'Lies Claes'],
      ]),
    );
    for (const s of report.suggestions) {
      expect(s.similarity).toBeGreaterThanOrEqual(0.92);
      expect(s.similarity).toBeLessThanOrEqual(1);
      expect(s.fix).toContain('--aliases');
    }
    expect(report.suggestions.find((s) => s.a === 'C.A.W. Antwerpen')!.similarity).toBe(1);
    // Numbered schools are different organisations.
    expect(pairs.some(([, a]) => a === 'Basisschool 1' || a === 'Basisschool 2')).toBe(false);
    expect(report.counts.organisations).toBe(5);
  });

  it('jaroWinkler matches the published example values', () => {
    // Winkler (1990) / standard examples: MARTHA–MARHTA 0.961, DWAYNE–DUANE 0.840, DIXON–DICKSONX 0.813.
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
  });

  it('stays fast on 20,000 distinct names (blocking, not all pairs)', () => {
    const first = ['An', 'Bart', 'Carla', 'Dirk', 'Eva', 'Frank', 'Greet', 'Hilde', 'Ilse', 'Jan', 'Karin', 'Lotte', 'Marc', 'Nina', 'Olaf', 'Paul', 'Rita', 'Sven', 'Tine', 'Wim'];
    const names: { name: string; count: number }[] = [];
    for (let i = 0; i < 20000; i++) names.push({ name: `${first[i % 20]} Familie${i}`, count: 1 });
    names.push({ name: 'An Familie0 ', count: 1 }, { name: 'Ann Familie0', count: 1 });
    const t0 = performance.now();
    const found = findNearDuplicates(names, 'person');
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(5000);
    expect(found.some((s) => s.a === 'Ann Familie0' || s.b === 'Ann Familie0')).toBe(true);
    // Names that differ only in their number are never paired.
    expect(found.every((s) => (s.a.match(/\d+/) ?? [''])[0] === (s.b.match(/\d+/) ?? [''])[0])).toBe(true);
  });
});

describe('side tables', () => {
  it('join organisations and events on id or name and fill sector, region, date, type and duration', async () => {
    const { model, report } = await readAttendance([fixture('attendance-ids.csv')], { organisations: fixture('organisations.csv'), events: fixture('events.csv') });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(model.organisations).toEqual([
      expect.objectContaining({ name: 'CAW Antwerpen', sector: 'Welzijn', region: 'Antwerpen' }),
      expect.objectContaining({ name: 'OCMW Boom', sector: 'Lokaal bestuur', region: 'Boom' }),
    ]);
    expect(model.events.map((e) => [e.name, e.date, e.type, e.durationHours])).toEqual([
      ['Kick-off', '2022-12-06', 'netwerkmoment', 2],
      ['Dialoog 1', '2023-01-17', 'dialoog', 1.5],
    ]);
    expect(model.dated).toBe(true);
    expect(report.counts).toEqual({ rows: 4, used: 4, rejected: 0, people: 2, organisations: 2, events: 2 });
  });

  it('without the events table the same file is undated', async () => {
    const { report, model } = await readAttendance([fixture('attendance-ids.csv')]);
    expect(report.warnings.map((w) => w.code)).toEqual(['undated-file']);
    expect(model.dated).toBe(false);
  });

  it('an event missing from the events table is a row error when the file has no date column', async () => {
    const f = textFile('x.csv', 'person,event\nAn,E1\nBert,E9\n');
    const { report } = await readAttendance([f], { events: fixture('events.csv') });
    expect(report.errors).toEqual([expect.objectContaining({ file: 'x.csv', row: 3, code: 'missing-date', value: 'E9' })]);
  });
});
