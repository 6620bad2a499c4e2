/**
 * Round-trip properties of the CSV writer and the readers (fast-check): any table `toCsv` writes reads back
 * identical through `parseTable`, and identical attendances through `readAttendance`, whatever the names hold —
 * quotes, delimiters, line breaks, leading = + - @ (formula neutralisation), spaces, any Unicode.
 *
 * What "identical" means (the contract this file pins down):
 * - a cell reads back as the written text with leading and trailing white space trimmed (readers trim every
 *   cell; inner white space, line breaks and all other characters are kept exactly);
 * - names in the model are compared as identities (`nameKey`: Unicode-normalised, case and accents folded,
 *   spaces collapsed), and shown in their first spelling, NFC, with inner spaces collapsed;
 * - lone UTF-16 surrogates cannot be stored in a UTF-8 file (U+FFFD on disk), and C0 control characters other
 *   than tab, CR and LF make the readers refuse a file as binary (a NUL always does): both are outside this
 *   contract (tests/output-safety.test.ts checks what the writers do with them).
 * The seed is fixed (FC_SEED overrides it) and printed in the failure message with the shrunk counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../packages/core/src/export/csv.js';
import { readAttendance } from '../packages/core/src/io/read-attendance.js';
import { parseTable } from '../packages/core/src/io/table.js';
import { cellText } from '../packages/core/src/io/values.js';
import { nameKey } from '../packages/core/src/model/identity.js';

const SEED = Number(process.env.FC_SEED ?? 20241010);
const RUNS = Number(process.env.FC_RUNS ?? 150);
const params = { seed: SEED, numRuns: RUNS, verbose: 1 as const };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
/** Characters that break naive CSV and spreadsheets, mixed with any Unicode text. */
const TRICKY = ['"', ',', ';', '\t', '\n', '\r\n', '\r', '=', '+', '-', '@', "'", ' ', '\u00a0', 'é', 'e\u0301', 'ß', '€', '😀', '👩‍👩‍👧', 'مرحبا', '\u202e', '\u200b', '<b>', '&amp;', ']]>', '\\'];
const tricky = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }).map((s) => s.replace(CONTROL, '')) },
);
/** A cell: several tricky pieces joined (so quotes sit next to delimiters, formulas after quotes, ...). */
const cell = fc.array(tricky, { maxLength: 6 }).map((parts) => parts.join(''));
/** A name that is not blank once trimmed (readers need an event and a person). */
const name = fc.tuple(fc.constantFrom('A', 'é', '=', '+', '-', '@', '"', '😀', 'ß', 'Z'), cell).map(([a, b]) => a + b);

const utf8 = (text: string) => new TextEncoder().encode(text);
const DELIMITERS = [',', ';', '\t'] as const;

describe('toCsv → parseTable: every cell reads back as written, trimmed', () => {
  it(`arbitrary cells, all three delimiters (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(...DELIMITERS), async (rows, delimiter) => {
        const columns = ['a', 'b', 'c', 'd'];
        const csv = toCsv(rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]!]))), columns, delimiter);
        const table = await parseTable({ name: 't.csv', bytes: utf8(csv) });
        expect(table.errors).toEqual([]);
        expect(table.delimiter).toBe(delimiter);
        expect(table.headers).toEqual(columns);
        const expected = rows.map((r) => r.map((v) => v.trim())).filter((r) => r.some((v) => v !== ''));
        const got = [...table.rows].map((r) => {
          expect(r.broken).toBeUndefined();
          return r.cells.map((c) => cellText(c));
        });
        expect(got).toEqual(expected);
      }),
      params,
    );
  });
});

describe('toCsv → readAttendance: every attendance reads back, nothing rejected', () => {
  it(`arbitrary names of people, organisations and events (seed ${SEED})`, async () => {
    const row = fc.record({ event: name, person: name, organisation: cell, role: cell, day: fc.integer({ min: 1, max: 28 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 10 }), fc.constantFrom(...DELIMITERS), async (rows, delimiter) => {
        const records = rows.map((r) => ({ ...r, date: `2023-05-${String(r.day).padStart(2, '0')}` }));
        const csv = toCsv(records, ['event', 'date', 'person', 'organisation', 'role'], delimiter);
        const { model, report } = await readAttendance([{ name: 'rt.csv', bytes: utf8(csv) }], { nearDuplicates: false });
        expect(report.errors).toEqual([]);
        expect(report.counts).toMatchObject({ rows: records.length, used: records.length, rejected: 0 });
        // Same identities, and each person's display name is the first spelling (NFC, spaces collapsed).
        const people = new Map<string, string>();
        for (const r of records) if (!people.has(nameKey(r.person))) people.set(nameKey(r.person), r.person.normalize('NFC').replace(/\s+/g, ' ').trim());
        expect(new Set(model.people.map((p) => nameKey(p.name)))).toEqual(new Set(people.keys()));
        for (const p of model.people) expect(p.name).toBe(people.get(nameKey(p.name)));
        // Every input attendance is in the model: (event identity, date, person identity, organisation identity).
        const a = model.attendance;
        const got = new Set<string>();
        for (let i = 0; i < a.length; i++) {
          const e = model.events[a.event[i]!]!;
          const o = a.organisation[i]! >= 0 ? model.organisations[a.organisation[i]!]!.name : '';
          got.add([nameKey(e.name), e.date, nameKey(model.people[a.person[i]!]!.name), nameKey(o)].join('\u0001'));
        }
        const want = new Set(records.map((r) => [nameKey(r.event), r.date, nameKey(r.person), nameKey(r.organisation)].join('\u0001')));
        expect(got).toEqual(want);
        // Roles are kept as written (trimmed), row by row.
        const roles = new Set(records.map((r) => r.role.trim()).filter((x) => x !== ''));
        for (const role of a.role) if (role != null) expect(roles.has(role)).toBe(true);
      }),
      params,
    );
  });

  it('a cell that begins with an apostrophe before a formula character survives the round trip', async () => {
    // The writer neutralises "=x" as "'=x" and the reader removes that apostrophe; a value that itself begins
    // with "'=" must therefore get a second apostrophe, or it would come back as "=x".
    for (const value of ["'=SUM(A1)", "'+32", "'-", "'@home", "''=x"]) {
      const csv = toCsv([{ event: 'E', date: '2023-01-01', person: value }], ['event', 'date', 'person']);
      const { model } = await readAttendance([{ name: 'q.csv', bytes: utf8(csv) }], { nearDuplicates: false });
      expect(model.people.map((p) => p.name), csv).toEqual([value]);
    }
  });
});
