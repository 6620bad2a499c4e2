import { describe, expect, it } from 'vitest';
import { attention } from '../../src/attention/index.js';
import { REASON_CODES } from '../../src/attention/types.js';
import { generateExample, RUPEL_CONVENOR } from '../../src/examples/index.js';
import { buildModel } from '../../src/model/index.js';

// The rupel story plants partners for every attention reason: an isolated programme (Praxis Daderhulp), a pair
// of volunteer organisations on their own, partners that only met the convenor, schools that only meet schools,
// one-timers, drifting and single-contact partners.
describe("attention(rupel, { convenor: RUPEL_CONVENOR })", () => {
  const model = buildModel(generateExample('rupel'));
  const items = attention(model, { convenor: RUPEL_CONVENOR });
  const flagged = (code: string) => items.filter((i) => i.reasons.some((r) => r.code === code)).map((i) => i.name);

  it('gives every reason at least one organisation to show', () => {
    for (const code of REASON_CODES) expect(flagged(code).length, code).toBeGreaterThan(0);
  });

  it('flags the planted cases', () => {
    expect(flagged('isolated')).toContain('Praxis Daderhulp Rupel');
    expect(flagged('outside_main')).toEqual(expect.arrayContaining(['Jeugdraad Schelle', 'Vrijwilligerspunt Aartselaar']));
    expect(flagged('convenor_dependent')).toEqual(expect.arrayContaining(['Woonmaatschappij Rupel', 'Sportdienst Aartselaar', 'Bibliotheek Niel']));
    expect(flagged('own_sector_only')).toContain('Basisschool Het Kompas');
  });
});
