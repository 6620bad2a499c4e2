/**
 * A small synthetic partner network for tests: 12 organisations in 4 sectors, 36 people, 20 monthly events over
 * two years with a fixed pseudo-random attendance (LCG), so every output has organisations, sectors, strong, weak
 * and fading ties. Names are fictional. `extraRows` lets a test add hostile names.
 */

const SECTORS = ['Welzijn', 'Onderwijs', 'Zorg', 'Politie en justitie'];

export interface SyntheticRow {
  event: string;
  date: string;
  person: string;
  organisation: string;
  sector: string;
  region: string;
}

export function syntheticRows(): SyntheticRow[] {
  let s = 12345;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const orgs = Array.from({ length: 12 }, (_, i) => ({ name: `Organisatie ${String.fromCharCode(65 + i)}`, sector: SECTORS[i % 4]!, region: i % 2 ? 'Boom' : 'Niel' }));
  const people = Array.from({ length: 36 }, (_, i) => ({ name: `Persoon ${i + 1} Testnaam`, org: orgs[i % 12]! }));
  const rows: SyntheticRow[] = [];
  for (let e = 0; e < 20; e++) {
    const month = 1 + e; // Jan 2023 .. Aug 2024
    const y = 2023 + Math.floor((month - 1) / 12);
    const m = ((month - 1) % 12) + 1;
    const date = `${y}-${String(m).padStart(2, '0')}-${String(5 + (e % 20)).padStart(2, '0')}`;
    // Later events draw from more people: the network grows.
    const pool = Math.min(people.length, 10 + e * 2);
    for (let p = 0; p < pool; p++) {
      // Organisation K (index 10-11) stops coming after the first year: its ties fade.
      if (p % 12 >= 10 && e > 10) continue;
      if (rnd() < 0.35) rows.push({ event: `Bijeenkomst ${e + 1}`, date, person: people[p]!.name, organisation: people[p]!.org.name, sector: people[p]!.org.sector, region: people[p]!.org.region });
    }
  }
  return rows;
}

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
}

/** The rows as an attendance CSV (headers the readers recognise). */
export function syntheticCsv(extraRows: SyntheticRow[] = []): string {
  const rows = [...syntheticRows(), ...extraRows];
  return ['event,date,person,organisation,sector,region', ...rows.map((r) => [r.event, r.date, r.person, r.organisation, r.sector, r.region].map(csvCell).join(','))].join('\n') + '\n';
}
