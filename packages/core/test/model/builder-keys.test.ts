/**
 * The builder's fast paths (identity keys cached by raw spelling, attendances deduplicated on integer triples)
 * give the same model as the rules say: spellings that fold to one key are one person, organisation or event,
 * whichever spelling comes first; repeated attendances are dropped; many distinct attendances all stay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, createModelBuilder } from '../../src/model/build-model.js';
import type { AttendanceRecord } from '../../src/types.js';

const rec = (event: string, date: string, person: string | null, organisation: string | null): AttendanceRecord => ({ event, date, person, organisation });

describe('builder identity caches', () => {
  it('folds spellings to one identity, also after a spelling was cached', () => {
    const m = buildModel([
      rec('Kick-off', '2023-01-01', 'Élise Dupont', 'CAW'),
      rec('Kick-off', '2023-01-01', 'Élise Dupont', 'CAW'),
      rec('kick-off ', '2023-01-01', ' elise  dupont', 'caw'),
      rec('Kick-off', '2023-02-01', 'ELISE DUPONT', 'Caw '),
      rec('Kick-off', '2023-02-01', 'Élise Dupont', 'CAW'),
    ]);
    expect(m.people.map((p) => p.name)).toEqual(['Élise Dupont']);
    expect(m.organisations.map((o) => o.name)).toEqual(['CAW']);
    expect(m.events.map((e) => [e.name, e.date])).toEqual([['Kick-off', '2023-01-01'], ['Kick-off', '2023-02-01']]);
    expect(m.attendance.length).toBe(2);
  });

  it('keys people by name + organisation and by e-mail without the name cache', () => {
    const rows = [rec('A', '2023-01-01', 'An', 'X'), rec('A', '2023-01-01', 'An', 'Y'), rec('B', '2023-01-02', 'An', 'X')];
    expect(buildModel(rows, { personKey: 'name+organisation' }).people).toHaveLength(2);
    const mail = buildModel([{ ...rows[0]!, email: 'a@x.org' }, { ...rows[1]!, email: 'b@x.org' }], { personKey: 'email' });
    expect(mail.people).toHaveLength(2);
  });

  it('reports repeats and keeps 200,000 distinct attendances', () => {
    const b = createModelBuilder();
    let added = 0;
    for (let e = 0; e < 400; e++) for (let p = 0; p < 500; p++) if (b.add(rec(`E${e}`, '2023-01-01', `P${p}`, `O${p % 50}`))) added++;
    expect(added).toBe(200_000);
    expect(b.add(rec('E7', '2023-01-01', 'P9', 'O9'))).toBe(false);
    expect(b.add(rec('E7', '2023-01-01', 'P9', null))).toBe(true);
    expect(b.size).toBe(200_001);
  });

  it('finds repeats and the earlier attendance whether events come in runs or come back (property)', () => {
    // Events in runs of rows (the usual export), some coming back later; repeats within and across runs.
    const row = fc.record({ person: fc.integer({ min: 0, max: 30 }), org: fc.integer({ min: -1, max: 5 }) });
    const run = fc.record({ event: fc.integer({ min: 0, max: 12 }), rows: fc.array(row, { minLength: 1, maxLength: 90 }) });
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 12 }), (runs) => {
        const b = createModelBuilder();
        const first = new Map<string, number>();
        let count = 0;
        for (const r of runs)
          for (const x of r.rows) {
            const key = `${r.event}|${x.person}|${x.org}`;
            const added = b.add(rec(`E${r.event}`, '2023-01-01', `P${x.person}`, x.org < 0 ? null : `O${x.org}`));
            const expected = first.get(key);
            expect(added).toBe(expected === undefined);
            if (expected === undefined) first.set(key, count++);
            expect(b.last.attendance).toBe(first.get(key));
          }
        expect(b.size).toBe(count);
      }),
      { numRuns: 300, seed: Number(process.env.FC_SEED ?? 20261121) },
    );
  });
});
