import { describe, expect, it } from 'vitest';
import { EXAMPLE_NAMES, exampleToCsv, generateExample } from '../../src/examples/index.js';
import { readAttendance } from '../../src/io/index.js';
import { buildModel } from '../../src/model/index.js';

// The examples are files in the project's own input format: the readers must take every row, find the same
// people, organisations and events as buildModel on the generator's records, and point out the planted variants.
describe('example CSVs read back through readAttendance', () => {
  for (const name of EXAMPLE_NAMES) {
    it(`${name}: every row used, 0 errors, the same counts as buildModel`, async () => {
      const records = generateExample(name);
      const csv = exampleToCsv(records);
      const { report, model } = await readAttendance([{ name: `${name}.csv`, bytes: new TextEncoder().encode(csv) }]);
      const direct = buildModel(records);
      expect(report.errors).toEqual([]);
      expect(report.counts).toEqual({
        rows: records.length,
        used: records.length,
        rejected: 0,
        people: direct.people.length,
        organisations: direct.organisations.length,
        events: direct.events.length,
      });
      expect(model.people.map((p) => p.name)).toEqual(direct.people.map((p) => p.name));
      expect(model.organisations.map((o) => [o.name, o.sector, o.region])).toEqual(direct.organisations.map((o) => [o.name, o.sector, o.region]));
    });
  }

  it('rupel: the near-duplicate suggestions include the planted misspellings and the C.A.W. variant', async () => {
    const { records, variants } = generateExample.detailed('rupel');
    const { report } = await readAttendance([{ name: 'rupel.csv', bytes: new TextEncoder().encode(exampleToCsv(records)) }]);
    const pairs = new Set(report.suggestions.map((s) => [s.kind, ...[s.a, s.b].sort()].join('|')));
    const has = (kind: string, x: string, y: string) => pairs.has([kind, ...[x, y].sort()].join('|'));
    const typos = variants.filter((v) => v.kind === 'person' && !v.sameKey);
    expect(typos.length).toBe(4);
    for (const v of typos) expect(has('person', v.variant, v.canonical)).toBe(true);
    expect(has('organisation', 'C.A.W. Rupelstreek', 'CAW Rupelstreek')).toBe(true);
    expect(has('organisation', "Kinderdagverblijf 't Molentje", 'Kinderdagverblijf Het Molentje')).toBe(true);
  });
});
