import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, NotFoundError } from '../../src/errors.js';
import { EXAMPLE_COLUMNS, EXAMPLE_NAMES, EXAMPLES, exampleToCsv, GENERATE_EXAMPLE_DEFAULTS, generateExample, REGIONS, REGIONS_CONVENOR, type ExampleName } from '../../src/examples/index.js';
import { buildModel } from '../../src/model/index.js';
import { eventSizes } from './helpers.js';

const davisFixture = fileURLToPath(new URL('../../../../tests/fixtures/davis/attendance.csv', import.meta.url));

describe('EXAMPLES and generateExample(name, options)', () => {
  it('lists rupel, regions and davis with a title, a description and the default seed', () => {
    expect(EXAMPLES.map((e) => e.name)).toEqual([...EXAMPLE_NAMES]);
    for (const e of EXAMPLES) {
      expect(e.title.length).toBeGreaterThan(10);
      expect(e.description.length).toBeGreaterThan(40);
    }
    expect(EXAMPLES.map((e) => e.seed)).toEqual([2022, 2023, null]);
    expect(Object.isFrozen(EXAMPLES)).toBe(true);
    expect(Object.isFrozen(GENERATE_EXAMPLE_DEFAULTS)).toBe(true);
  });

  it('throws NotFoundError for an unknown example, naming the choices', () => {
    const call = () => generateExample('utrecht' as ExampleName);
    expect(call).toThrow(NotFoundError);
    expect(call).toThrow(/rupel, regions, davis/);
  });

  it('throws InvalidOptionError for a seed that is not an integer', () => {
    for (const seed of [1.5, Number.NaN, '7' as unknown as number]) {
      try {
        generateExample('rupel', { seed });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(InvalidOptionError);
        expect((err as InvalidOptionError).option).toBe('seed');
      }
    }
  });

  it('uses only the canonical columns, ISO dates and numeric durations', () => {
    const columns = new Set<string>(EXAMPLE_COLUMNS);
    for (const name of EXAMPLE_NAMES) {
      const bad = generateExample(name).filter(
        (r) =>
          !Object.keys(r).every((k) => columns.has(k)) ||
          !/^\d{4}-\d{2}-\d{2}$/.test(r.date ?? '') ||
          !(r.person ?? r.organisation) ||
          (r.duration_hours != null && !(r.duration_hours > 0)),
      );
      expect(bad).toEqual([]);
    }
    const csv = exampleToCsv(generateExample('regions'));
    expect(csv.slice(0, csv.indexOf('\n'))).toBe('event,date,person,organisation,sector,region,event_type,duration_hours,role');
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r');
  });

  it('generates each example in well under 200 ms (measured on a warm run; bound 1 s for noisy CI machines)', () => {
    for (const name of EXAMPLE_NAMES) {
      generateExample(name);
      const t0 = performance.now();
      generateExample(name);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});

describe("generateExample('davis')", () => {
  it('has the rows, names and dates of tests/fixtures/davis/attendance.csv, in the same order', () => {
    const lines = readFileSync(davisFixture, 'utf8').trim().split(/\r?\n/).slice(1);
    const fixture = lines.map((l) => {
      const [person, event, date] = l.split(',');
      return `${person}|${event}|${date}`;
    });
    const records = generateExample('davis');
    expect(records.map((r) => `${r.person}|${r.event}|${r.date}`)).toEqual(fixture);
    expect(records.every((r) => r.organisation === null)).toBe(true);
    const model = buildModel(records);
    expect([model.people.length, model.events.length, model.organisations.length, model.attendance.length]).toEqual([18, 14, 0, 89]);
  });

  it('ignores the seed (published data)', () => {
    expect(exampleToCsv(generateExample('davis', { seed: 5 }))).toBe(exampleToCsv(generateExample('davis')));
  });
});

describe("generateExample('regions')", () => {
  const records = generateExample('regions');
  const model = buildModel(records);
  const sizes = eventSizes(model);
  const ofType = (t: string) => sizes.filter((s) => s.type === t).map((s) => s.size);

  it('spans the four regions with Dutch organisation types', () => {
    const regions = new Set(model.organisations.map((o) => o.region));
    for (const r of REGIONS) expect(regions).toContain(r);
    const sectors = new Set(model.organisations.map((o) => o.sector));
    for (const s of ['wijkteam', 'Veilig Thuis', 'GGD', 'huisarts', 'onderwijs', 'kinderopvang', 'politie', 'jeugdzorg']) expect(sectors).toContain(s);
    expect(model.organisations.some((o) => o.name === REGIONS_CONVENOR)).toBe(true);
  });

  it('mixes webinars of 100–300, trainings and network meetings of 12–25 and case consultations of 4–8', () => {
    const webinars = ofType('webinar');
    expect(webinars.length).toBeGreaterThanOrEqual(6);
    for (const n of webinars) {
      expect(n).toBeGreaterThanOrEqual(100);
      expect(n).toBeLessThanOrEqual(300);
    }
    const inPerson = [...ofType('training'), ...ofType('netwerkmoment').map((n) => n - 1)]; // a programme officer hosts network meetings
    expect(inPerson.length).toBeGreaterThanOrEqual(20);
    for (const n of inPerson) expect(n).toBeLessThanOrEqual(25);
    for (const n of ofType('training').filter((_, i) => i % 2 === 0)) expect(n).toBeGreaterThanOrEqual(12);
    const cases = ofType('casusoverleg');
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const n of cases) {
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(8);
    }
    const topics = model.events.map((e) => e.name).join('\n');
    for (const t of ['traumasensitief', 'praten met kinderen', 'veiligheidsplannen', 'Netwerkbijeenkomst']) expect(topics).toContain(t);
  });

  it('gives byte-identical CSV for the same seed and a different file for another seed', () => {
    expect(exampleToCsv(generateExample('regions', { seed: 11 }))).toBe(exampleToCsv(generateExample('regions', { seed: 11 })));
    expect(exampleToCsv(generateExample('regions', { seed: 12 }))).not.toBe(exampleToCsv(generateExample('regions', { seed: 11 })));
  });
});
