import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.js';
import { detectMapping, guessField, normaliseHeader, readAttendance } from '../../src/io/index.js';
import { fixture, textFile } from './helpers.js';

describe('normaliseHeader', () => {
  it('folds case, accents, spaces and punctuation', () => {
    expect(normaliseHeader('  Activité_Date ')).toBe('activite date');
    expect(normaliseHeader('E-MAIL')).toBe('e mail');
    expect(normaliseHeader('Duur (uren)')).toBe('duur uren');
  });
});

describe('guessField', () => {
  const cases: [string, string | null][] = [
    // Dutch
    ['Naam', 'person'], ['Deelnemer', 'person'], ['Naam deelnemer', 'person'], ['Organisatie', 'organisation'], ['Dienst', 'organisation'],
    ['Werkgever', 'organisation'], ['Activiteit', 'event'], ['Sessie', 'event'], ['Vorming', 'event'], ['Bijeenkomst', 'event'],
    ['Datum', 'date'], ['Dag', 'date'], ['Sector', 'sector'], ['Type organisatie', 'sector'], ['Organisatietype', 'sector'],
    ['Gemeente', 'region'], ['Regio', 'region'], ['Soort', 'event_type'], ['Vorm', 'event_type'], ['Duur', 'duration_hours'],
    ['Uren', 'duration_hours'], ['Functie', 'role'], ['E-mail', 'email'], ['Activiteitsdatum', 'date'], ['Datum activiteit', 'date'],
    ['Organisatienaam', 'organisation'], ['Naam organisatie', 'organisation'], ['Organisatie deelnemer', 'organisation'],
    // English
    ['Name', 'person'], ['Participant', 'person'], ['Attendee', 'person'], ['Organization', 'organisation'], ['ORG', 'organisation'],
    ['Event', 'event'], ['Activity', 'event'], ['Meeting', 'event'], ['Event date', 'date'], ['Event type', 'event_type'],
    ['Format', 'event_type'], ['Municipality', 'region'], ['Hours', 'duration_hours'], ['Role', 'role'], ['Email address', 'email'],
    // French
    ['Nom', 'person'], ['Organisme', 'organisation'], ['Activité', 'event'], ['Séance', 'event'], ['Jour', 'date'], ['Secteur', 'sector'],
    ['Commune', 'region'], ['Durée', 'duration_hours'], ['Fonction', 'role'], ['Courriel', 'email'], ["Type d'activité", 'event_type'],
    // The peers' benchmark header line.
    ['event_id', 'event'], ['event_date', 'date'], ['event_type', 'event_type'], ['person_id', 'person'], ['organisation', 'organisation'],
    // Not attendance fields.
    ['Geboortedatum', null], ['Date de naissance', null], ['Telefoon', null], ['ID', null], ['Opmerkingen', null], ['', null],
  ];
  it.each(cases)('guessField(%j) → %s', (header, field) => {
    expect(guessField(header).field).toBe(field);
  });
});

describe('detectMapping', () => {
  it('maps the peers header line without help, and is sure', () => {
    const d = detectMapping(['event_id', 'event_date', 'event_type', 'person_id', 'organisation', 'sector']);
    expect(d.mapping).toEqual({ 0: 'event', 1: 'date', 2: 'event_type', 3: 'person', 4: 'organisation', 5: 'sector' });
    expect(d.unsure).toBe(false);
  });

  it('is unsure when two columns claim one field; the first keeps it', () => {
    const d = detectMapping(['Naam', 'Deelnemer', 'Activiteit', 'Datum']);
    expect(d.mapping).toEqual({ 0: 'person', 1: null, 2: 'event', 3: 'date' });
    expect(d.unsure).toBe(true);
    expect(d.conflicts).toEqual([{ field: 'person', kept: 0, dropped: 1 }]);
    expect(d.reasons.join(' ')).toContain('"Deelnemer" also looks like person');
  });

  it('is unsure when the event, or both person and organisation, or the date are missing', () => {
    expect(detectMapping(['Naam', 'Datum']).unsure).toBe(true);
    expect(detectMapping(['Activiteit', 'Datum', 'Sector']).unsure).toBe(true);
    expect(detectMapping(['Naam', 'Activiteit']).unsure).toBe(true);
    expect(detectMapping(['Naam', 'Activiteit', 'Datum']).unsure).toBe(false);
  });

  it('joins first-name and last-name columns into person without being unsure', () => {
    const d = detectMapping(['Voornaam', 'Achternaam', 'Vorming', 'Datum']);
    expect(d.mapping).toEqual({ 0: 'person', 1: 'person', 2: 'event', 3: 'date' });
    expect(d.unsure).toBe(false);
    const f = detectMapping(['Prénom', 'Nom', 'Séance', 'Date']);
    expect(f.mapping).toEqual({ 0: 'person', 1: 'person', 2: 'event', 3: 'date' });
    expect(f.unsure).toBe(false);
  });

  it('overrides win (record or "Header=field" strings), regardless of case and accents, and take the field away from others', () => {
    const headers = ['Wie', 'Naam', 'Wat', 'Wanneer'];
    const a = detectMapping(headers, ['wie=person', 'WAT=event']);
    expect(a.mapping).toEqual({ 0: 'person', 1: null, 2: 'event', 3: 'date' });
    expect(a.unsure).toBe(false);
    const b = detectMapping(headers, { Wie: 'person', Wat: 'event', Naam: 'ignore' });
    expect(b.mapping).toEqual(a.mapping);
  });

  it('rejects an override to an unknown field with InvalidOptionError', () => {
    expect(() => detectMapping(['A'], ['A=persoon'])).toThrow(InvalidOptionError);
    expect(() => detectMapping(['A'], ['no equals sign'])).toThrow(InvalidOptionError);
  });
});

describe('readAttendance header mapping end to end', () => {
  it('reads the peers benchmark file without options', async () => {
    const { report, model } = await readAttendance([fixture('peers.csv')]);
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ rows: 3, used: 3, rejected: 0, people: 2, organisations: 2, events: 2 });
    expect(model.events.map((e) => [e.name, e.date, e.type])).toEqual([['E1', '2023-01-10', 'training'], ['E2', '2023-02-14', 'webinar']]);
    expect(model.organisations[0]).toMatchObject({ name: 'CAW Antwerpen', sector: 'welzijn' });
  });

  it('--map "Naam deelnemer=person" style override reads an otherwise unmapped file', async () => {
    const f = textFile('custom.csv', 'Wie kwam er;Welke sessie;Wanneer\nAn;Kick-off;14/03/2023\n');
    const bare = await readAttendance([f]);
    expect(bare.report.errors[0]).toMatchObject({ code: 'missing-column' });
    // What a mapping screen needs: headers, the guess, why it is unsure, and an example value per column.
    expect(bare.mappings[0]).toMatchObject({ headers: ['Wie kwam er', 'Welke sessie', 'Wanneer'], unsure: true, samples: ['An', 'Kick-off', '14/03/2023'] });
    expect(bare.report.counts).toMatchObject({ rows: 1, rejected: 1 });
    const { report, model } = await readAttendance([f], { map: ['Wie kwam er=person', 'Welke sessie=event', 'Wanneer=date'] });
    expect(report.errors).toEqual([]);
    expect(model.people[0]!.name).toBe('An');
  });

  it('warns once when --map names a column that no file has', async () => {
    const { report } = await readAttendance([fixture('peers.csv')], { map: ['Naam deelnemer=person'] });
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'unknown-map-column', column: 'Naam deelnemer' })]);
  });

  it('warns about a dropped duplicate column at the header row', async () => {
    const f = textFile('two.csv', 'Naam,Deelnemer,Activiteit,Datum\nAn,An P.,Kick-off,2023-01-01\nBert,Bert V.,Kick-off,2023-01-01\n');
    const { report, model } = await readAttendance([f]);
    expect(report.warnings).toEqual([expect.objectContaining({ row: 1, column: 'Deelnemer', code: 'mapping-conflict' })]);
    expect(model.people.map((p) => p.name)).toEqual(['An', 'Bert']);
  });
});
