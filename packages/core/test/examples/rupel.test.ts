import { describe, expect, it } from 'vitest';
import { exampleToCsv, generateExample, RUPEL_CLOSE, RUPEL_CONVENOR, RUPEL_DIALOGUE_SERIES, RUPEL_KICK_OFF } from '../../src/examples/index.js';
import { buildModel, nameKey } from '../../src/model/index.js';
import { countAsOf, eventSizes, seriesVisits } from './helpers.js';

// The published shape the example must reproduce, counted as the readers count it: buildModel, nameKey identity,
// no aliases (misspelt names and organisation variants count as distinct, exactly as they would in the file).
function headline(seed?: number) {
  const model = buildModel(generateExample('rupel', { seed }));
  const kickOff = countAsOf(model, RUPEL_KICK_OFF.date);
  const close = countAsOf(model, RUPEL_CLOSE.date);
  const dialogues = RUPEL_DIALOGUE_SERIES.map((prefix) => {
    const visits = seriesVisits(model, prefix);
    const several = [...visits.values()].filter((v) => v >= 2).length;
    return { unique: visits.size, several, share: several / visits.size };
  });
  return { model, kickOff, close, dialogues };
}

describe("generateExample('rupel')", () => {
  const { model, kickOff, close, dialogues } = headline();

  it('has 25 organisations and 48 people as of the kick-off (December 2022)', () => {
    expect(RUPEL_KICK_OFF.date.slice(0, 7)).toBe('2022-12');
    // The kick-off is the first event, so a growth headline from the first event reads "25 → 88, 48 → 452".
    expect([model.events[0]!.name, model.events[0]!.date]).toEqual([RUPEL_KICK_OFF.event, RUPEL_KICK_OFF.date]);
    expect(kickOff).toEqual({ people: 48, organisations: 25 });
  });

  it('closes in October 2024 with 88 organisations and 452 people, the close being the last event', () => {
    expect(close).toEqual({ people: 452, organisations: 88 });
    const last = model.events.at(-1)!;
    expect(last.name).toBe(RUPEL_CLOSE.event);
    expect(last.date).toBe(RUPEL_CLOSE.date);
    expect(last.date!.slice(0, 7)).toBe('2024-10');
    expect(model.people.length).toBe(452);
    expect(model.organisations.length).toBe(88);
  });

  it('has parent-dialogue series of 66 and 110 unique participants, more than a third of each at several sessions', () => {
    expect(dialogues.map((d) => d.unique)).toEqual([66, 110]);
    for (const d of dialogues) expect(d.share).toBeGreaterThan(1 / 3);
    // Dialogues are with parents (no organisation) and the family centre's facilitators.
    const centre = model.organisations.find((o) => o.name === 'Gezinscentrum De Wieg')!;
    expect(centre.sector).toBe('gezinsondersteuning');
  });

  it('has elder-abuse trainings drawing home-help and care workers', () => {
    const sectorsAt = (prefix: string) => {
      const s = new Map<string, number>();
      const a = model.attendance;
      for (let i = 0; i < a.length; i++) {
        const e = model.events[a.event[i]!]!;
        const o = a.organisation[i]!;
        if (e.name.startsWith(prefix) && o >= 0) s.set(model.organisations[o]!.sector!, (s.get(model.organisations[o]!.sector!) ?? 0) + 1);
      }
      return s;
    };
    const elder = sectorsAt('Vorming ouderenmis(be)handeling');
    const total = [...elder.values()].reduce((x, y) => x + y, 0);
    expect(((elder.get('thuiszorg') ?? 0) + (elder.get('ouderenzorg') ?? 0)) / total).toBeGreaterThan(0.6);
  });

  it('involves many primary schools, childcare and childminders, and the listed sectors and municipalities', () => {
    const orgs = model.organisations;
    expect(orgs.filter((o) => /basisschool/i.test(o.name)).length).toBeGreaterThanOrEqual(12);
    expect(orgs.filter((o) => o.sector === 'kinderopvang').length).toBeGreaterThanOrEqual(8);
    expect(model.attendance.role.filter((r) => r != null && /onthaalouder/.test(r)).length).toBeGreaterThan(5);
    const sectors = new Set(orgs.map((o) => o.sector));
    for (const s of ['politie', 'justitie', 'sociaal werk', 'welzijn', 'gezondheid', 'lokaal bestuur', 'jeugdhulp', 'onderwijs', 'kinderopvang', 'thuiszorg', 'ouderenzorg']) expect(sectors).toContain(s);
    const regions = new Set(orgs.map((o) => o.region));
    for (const r of ['Boom', 'Niel', 'Schelle', 'Hemiksem', 'Rumst', 'Aartselaar']) expect(regions).toContain(r);
  });

  it('runs the perpetrator programme individually (events of one or two people)', () => {
    const sessions = eventSizes(model).filter((e) => e.name.startsWith('Daderprogramma'));
    expect(sessions.length).toBeGreaterThanOrEqual(12);
    for (const s of sessions) {
      expect(s.size).toBeGreaterThanOrEqual(1);
      expect(s.size).toBeLessThanOrEqual(2);
    }
  });

  it('has a convenor whose staff come to most events', () => {
    const convenor = model.organisations.find((o) => o.name === RUPEL_CONVENOR)!;
    expect(convenor).toBeDefined();
    const present = new Set<number>();
    const a = model.attendance;
    for (let i = 0; i < a.length; i++) if (a.organisation[i] === convenor.index) present.add(a.event[i]!);
    const nonProgramme = model.events.filter((e) => !e.name.startsWith('Daderprogramma') && !e.name.startsWith('Intervisie') && !e.name.startsWith('Lerend netwerk'));
    expect(nonProgramme.filter((e) => present.has(e.index)).length / nonProgramme.length).toBeGreaterThan(0.6);
  });

  it('has the texture of real sign-in sheets: movers, people without organisation, name variants', () => {
    const a = model.attendance;
    const orgsOf = new Map<number, Set<number>>();
    let noOrg = 0;
    for (let i = 0; i < a.length; i++) {
      const p = a.person[i]!, o = a.organisation[i]!;
      if (o < 0) noOrg++;
      else (orgsOf.get(p) ?? orgsOf.set(p, new Set()).get(p)!).add(o);
    }
    expect([...orgsOf.values()].filter((s) => s.size > 1).length).toBeGreaterThanOrEqual(2);
    expect(noOrg).toBeGreaterThan(0);
    const { variants } = generateExample.detailed('rupel');
    const distinct = variants.filter((v) => !v.sameKey);
    expect(distinct.filter((v) => v.kind === 'person').length).toBe(4);
    expect(distinct.map((v) => v.variant)).toContain('C.A.W. Rupelstreek');
    for (const v of variants) expect(nameKey(v.variant) === nameKey(v.canonical)).toBe(v.sameKey);
    // The variants really are in the file.
    const csv = exampleToCsv(generateExample('rupel'));
    for (const v of variants) expect(csv).toContain(v.variant);
  });

  it('gives byte-identical CSV for the same seed', () => {
    expect(exampleToCsv(generateExample('rupel', { seed: 7 }))).toBe(exampleToCsv(generateExample('rupel', { seed: 7 })));
    expect(exampleToCsv(generateExample('rupel'))).toBe(exampleToCsv(generateExample('rupel', { seed: 2022 })));
  });

  it('gives a different network with the same headline figures for other seeds', () => {
    const base = exampleToCsv(generateExample('rupel'));
    for (const seed of [1, 99, 123456]) {
      const other = headline(seed);
      expect(exampleToCsv(generateExample('rupel', { seed }))).not.toBe(base);
      expect(other.kickOff).toEqual({ people: 48, organisations: 25 });
      expect(other.close).toEqual({ people: 452, organisations: 88 });
      expect(other.dialogues.map((d) => d.unique)).toEqual([66, 110]);
      for (const d of other.dialogues) expect(d.share).toBeGreaterThan(1 / 3);
    }
  });
});
