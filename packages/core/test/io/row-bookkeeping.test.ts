/**
 * The reader's per-row bookkeeping, checked against a plain string-keyed oracle written from its rules (the
 * reader itself keeps integer ids in typed tables): a repeated attendance (same event identity, date, person and
 * organisation) is counted once and warned as `duplicate-row`, naming the row that added that attendance (whatever
 * its spelling), with the file when it is another one; a person at two different
 * events on one day is warned once per person-day as `two-events-one-day`, naming the earlier row and the first
 * spelling of its event. Random files mix case, accents, spacing and repeated rows, over one or two files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAttendance } from '../../src/io/read-attendance.js';
import { nameKey } from '../../src/model/identity.js';

const SEED = Number(process.env.FC_SEED ?? 20261121);
const EVENTS = ['Kick-off', 'kick-off', 'KICK-OFF', 'Workshop', 'workshop ', 'Été', 'ete', 'Ete'];
const DATES = ['2023-01-02', '2023-01-03', '2023-02-01'];
const PEOPLE = ['Jan Peeters', 'jan peeters', 'Jan  Peeters', 'JAN PEETERS', 'Élise', 'élise', 'Elise', 'An', 'Bo'];
const ORGS = ['CAW', 'caw', 'Caw ', 'Stad Gent', 'stad  gent', ''];

interface Row {
  event: string;
  date: string;
  person: string;
  organisation: string;
}

const row = fc.record({ event: fc.constantFrom(...EVENTS), date: fc.constantFrom(...DATES), person: fc.constantFrom(...PEOPLE), organisation: fc.constantFrom(...ORGS) });
const file = fc.array(row, { minLength: 1, maxLength: 40 });

/** The warnings the rules give, in row order: [file, row, code, message]. */
function oracle(files: { name: string; rows: Row[] }[]): [string, number, string, string][] {
  const out: [string, number, string, string][] = [];
  const firstRow = new Map<string, { fi: number; row: number }>();
  const days = new Map<string, { event: string; fi: number; row: number }>();
  const warned = new Set<string>();
  const eventNames = new Map<string, string>();
  const where = (ref: { fi: number; row: number }, fi: number) => `row ${ref.row}${ref.fi !== fi ? ` of ${files[ref.fi]!.name}` : ''}`;
  files.forEach((f, fi) =>
    f.rows.forEach((r, i) => {
      const rowNumber = i + 2;
      const event = r.event.trim(), person = r.person.trim(), organisation = r.organisation.trim();
      const identity = [nameKey(event), r.date, nameKey(person), organisation ? nameKey(organisation) : '-'].join('\u0001');
      const first = firstRow.get(identity);
      if (first) {
        out.push([f.name, rowNumber, 'duplicate-row', `this row repeats the attendance of ${where(first, fi)} (same event, date, person and organisation); it is counted once.`]);
        return;
      }
      firstRow.set(identity, { fi, row: rowNumber });
      const eventKey = nameKey(event);
      if (!eventNames.has(eventKey)) eventNames.set(eventKey, event);
      const day = nameKey(person) + '\u0001' + r.date;
      const earlier = days.get(day);
      if (!earlier) days.set(day, { event: eventKey, fi, row: rowNumber });
      else if (earlier.event !== eventKey && !warned.has(day)) {
        warned.add(day);
        out.push([f.name, rowNumber, 'two-events-one-day', `this person is also at "${eventNames.get(earlier.event)}" on ${r.date} (${where(earlier, fi)}): two different events on one day.`]);
      }
    }),
  );
  return out;
}

/** The files' bookkeeping warnings as read ([file, row, code, message]), the read's errors, and the oracle's. */
async function readBoth(tables: Row[][]) {
  const files = tables.map((rows, i) => ({ name: `f${i}.csv`, rows }));
  const inputs = files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(['event,date,person,organisation', ...f.rows.map((r) => [r.event, r.date, r.person, r.organisation].join(','))].join('\n') + '\n') }));
  const { report } = await readAttendance(inputs, { nearDuplicates: false });
  const got = report.warnings.filter((w) => w.code === 'duplicate-row' || w.code === 'two-events-one-day').map((w) => [w.file, w.row, w.code, w.message]);
  return { got, errors: report.errors, want: oracle(files) };
}

// Rows in date order (the usual export) keep the person-day bookkeeping on its table-free path; one late row out of
// order (`late`) moves it to the table part-way through.
const sortedFile = fc.tuple(file, fc.option(row)).map(([rows, late]) => {
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return late ? [...sorted, { ...late, date: DATES[0]! }] : sorted;
});

describe('duplicate rows and two events on one day', () => {
  it('are warned as the rules say, rows in date order or not (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sortedFile, { minLength: 1, maxLength: 2 }), async (tables) => {
        const { got, want } = await readBoth(tables);
        expect(got).toEqual(want);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('are warned as the rules say, with the right earlier row and spelling (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 2 }), async (tables) => {
        const { got, errors, want } = await readBoth(tables);
        expect(got).toEqual(want);
        expect(errors).toEqual([]);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('are warned as the rules say when a long chain of person-days is walked back (table from then on)', async () => {
    // One person on 99 days in date order (not day 60), then back to a missing day, early and late days, with other
    // events and repeats: short walks, walks that stop at an earlier date, walks too long (the table).
    const day = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
    const rows: Row[] = [];
    for (let i = 0; i < 100; i++) if (i !== 60) rows.push({ event: `Meeting ${i}`, date: day(i), person: 'An', organisation: 'CAW' });
    for (const i of [60, 98, 60, 90, 3, 50, 0, 99, 120, 7]) rows.push({ event: `Other ${i % 4}`, date: day(i), person: i % 2 ? 'An' : 'an', organisation: 'CAW' });
    rows.push({ event: 'Meeting 5', date: day(5), person: 'Bo', organisation: '' });
    const { got, want } = await readBoth([rows]);
    expect(got).toEqual(want);
    expect(want.filter((w) => w[2] === 'two-events-one-day').length).toBeGreaterThanOrEqual(5);
  });
});
