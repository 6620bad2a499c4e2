/**
 * `regions`: a synthetic Dutch programme against child abuse and domestic violence across four regions (Utrecht,
 * West-Brabant, Hart van Brabant, Gelderland-Zuid). National webinars of 100–300 people, in-person trainings of
 * 12–25 (trauma-sensitive work, talking with children about abuse, safety plans), regional network meetings and
 * case consultations of 4–8: the example that shows why event size and type matter for tie strength
 * (compare `organisationNetwork(model)` with `{ maxEventSize: 40 }`). People and attendance are invented;
 * organisations are type-and-place labels (wijkteam, Veilig Thuis, GGD, ...), not real bodies' records.
 */
import type { AttendanceRecord } from '../types.js';
import { DUTCH_FIRST_NAMES, DUTCH_LAST_NAMES } from './names.js';
import { createRng } from './rng.js';
import type { EventHead, OrgSpec, OrgState, Person } from './world.js';
import { createWorld } from './world.js';

/** Default seed of the `regions` example. */
export const REGIONS_SEED = 2023;

/** The four regions of the programme. */
export const REGIONS = Object.freeze(['Utrecht', 'West-Brabant', 'Hart van Brabant', 'Gelderland-Zuid'] as const);

/** The national programme office that organises the webinars (the convenor of this example). */
export const REGIONS_CONVENOR = 'Programmabureau Samen Veilig Opgroeien';

const TOWNS: Record<(typeof REGIONS)[number], readonly string[]> = {
  Utrecht: ['Utrecht', 'Nieuwegein', 'Zeist', 'Houten', 'IJsselstein'],
  'West-Brabant': ['Breda', 'Roosendaal', 'Bergen op Zoom', 'Etten-Leur', 'Oosterhout'],
  'Hart van Brabant': ['Tilburg', 'Waalwijk', 'Oisterwijk', 'Dongen', 'Goirle'],
  'Gelderland-Zuid': ['Nijmegen', 'Wijchen', 'Tiel', 'Culemborg', 'Beuningen'],
};

const ROLES: Record<string, readonly string[]> = {
  'Veilig Thuis': ['medewerker triage', 'aandachtsfunctionaris', 'gedragswetenschapper'],
  wijkteam: ['wijkteammedewerker', 'jeugd- en gezinswerker', 'gedragswetenschapper'],
  GGD: ['jeugdarts', 'jeugdverpleegkundige', 'epidemioloog'],
  politie: ['wijkagent', 'jeugd- en zedenrechercheur'],
  jeugdzorg: ['jeugdhulpverlener', 'gezinsbehandelaar', 'orthopedagoog'],
  huisarts: ['huisarts', 'praktijkondersteuner jeugd'],
  onderwijs: ['intern begeleider', 'leerkracht', 'directeur'],
  kinderopvang: ['pedagogisch medewerker', 'locatiemanager'],
  'maatschappelijk werk': ['maatschappelijk werker', 'schuldhulpverlener'],
  gemeente: ['beleidsadviseur jeugd', 'contractmanager'],
  vrouwenopvang: ['hulpverlener vrouwenopvang', 'ambulant hulpverlener'],
  reclassering: ['reclasseringswerker'],
  jeugdbescherming: ['raadsonderzoeker', 'jeugdbeschermer'],
  ziekenhuis: ['SEH-verpleegkundige', 'kinderarts'],
  jeugdgezondheidszorg: ['jeugdverpleegkundige', 'consultatiebureauarts'],
  programmabureau: ['programmamanager', 'programmasecretaris'],
};

const YOUTH_CARE = ['De Horizon', 'Het Baken', 'Kompasgroep', 'De Wissel', 'Opvoedpunt', 'Stroomop', 'De Brugge', 'Koersvast', 'Het Anker', 'Sterk Thuis', 'De Boog', 'Lindenhout'];
const SCHOOLS = ['De Regenboog', 'De Vlinder', 'Het Kompas', 'De Wegwijzer', 'De Klimop', 'Het Palet', 'De Zonnewijzer', 'De Springplank', 'Het Mozaïek', 'De Sterrenkijker', 'De Linde', 'Het Talent', 'De Ontdekking', 'De Schakel', 'Het Startpunt', 'De Boomgaard', 'De Fontein', 'De Vuurtoren', 'Het Baken', 'De Wereldwijzer'];
const CHILDCARE = ['Ukkie', 'Het Speelnest', 'De Kikkerpoel', 'Zonnestraal', 'De Hummeltjes', 'Kindercampus', 'Het Boomhuis', 'Dribbel', 'De Knuffelberg', 'Pippeloentje', 'Kinderrijk', 'De Speeltuin'];
const GP = ['De Linde', 'Het Plein', 'Oost', 'De Brink', 'Centrum', 'De Hoven', 'Noord', 'Het Park', 'De Akker', 'Zuid', 'De Esch', 'Het Kanaal', 'West', 'De Molen', 'De Vaart', 'Het Hof'];

/** Staff pool per organisation type: how many different people it could send. Weight: how often it is invited. */
const POOL: Record<string, { staff: number; weight: number }> = {
  'Veilig Thuis': { staff: 10, weight: 2 },
  wijkteam: { staff: 8, weight: 2 },
  GGD: { staff: 5, weight: 1.5 },
  politie: { staff: 4, weight: 1 },
  jeugdzorg: { staff: 7, weight: 1.5 },
  huisarts: { staff: 2, weight: 0.7 },
  onderwijs: { staff: 4, weight: 1.2 },
  kinderopvang: { staff: 4, weight: 1 },
  'maatschappelijk werk': { staff: 5, weight: 1 },
  gemeente: { staff: 3, weight: 0.6 },
  vrouwenopvang: { staff: 4, weight: 1 },
  reclassering: { staff: 3, weight: 0.6 },
  jeugdbescherming: { staff: 4, weight: 1 },
  ziekenhuis: { staff: 3, weight: 0.6 },
  jeugdgezondheidszorg: { staff: 4, weight: 1 },
  programmabureau: { staff: 3, weight: 0 },
};

/** Build the roster: per region about thirty organisations of the usual Dutch types, plus the programme office. */
function roster(): OrgSpec[] {
  const out: OrgSpec[] = [{ name: REGIONS_CONVENOR, sector: 'programmabureau', region: 'landelijk', weight: 0 }];
  REGIONS.forEach((region, r) => {
    const towns = TOWNS[region];
    const add = (name: string, sector: string) => out.push({ name, sector, region, weight: POOL[sector]!.weight });
    add(`Veilig Thuis ${region}`, 'Veilig Thuis');
    add(`GGD ${region}`, 'GGD');
    add(`Vrouwenopvang ${region}`, 'vrouwenopvang');
    add(`Reclassering ${region}`, 'reclassering');
    add(`Raad voor de Kinderbescherming regio ${region}`, 'jeugdbescherming');
    add(`Politie basisteam ${towns[0]}`, 'politie');
    add(`Politie basisteam ${towns[1]}-${towns[2]}`, 'politie');
    add(`Gemeente ${towns[0]}`, 'gemeente');
    add(`Gemeente ${towns[3]}`, 'gemeente');
    add(`Maatschappelijk werk ${region}`, 'maatschappelijk werk');
    add(`SEH Ziekenhuis ${towns[0]}`, 'ziekenhuis');
    add(`JGZ ${towns[0]}`, 'jeugdgezondheidszorg');
    for (const town of towns) add(`Wijkteam ${town}`, 'wijkteam');
    for (let k = 0; k < 3; k++) add(`Jeugdhulp ${YOUTH_CARE[3 * r + k]!}`, 'jeugdzorg');
    for (let k = 0; k < 4; k++) add(`Huisartsenpraktijk ${GP[4 * r + k]!} ${towns[k % towns.length]!}`, 'huisarts');
    for (let k = 0; k < 5; k++) add(`Basisschool ${SCHOOLS[5 * r + k]!} ${towns[k]!}`, 'onderwijs');
    for (let k = 0; k < 3; k++) add(`Kinderopvang ${CHILDCARE[3 * r + k]!} ${towns[k + 1]!}`, 'kinderopvang');
  });
  return out;
}

const WEBINARS: readonly [string, string][] = [
  ['2023-02-09', 'Webinar: wat is de Meldcode?'],
  ['2023-04-13', 'Webinar: signalen van kindermishandeling'],
  ['2023-06-15', 'Webinar: huiselijk geweld en de huisarts'],
  ['2023-09-21', 'Webinar: gesprekken met ouders over zorgen'],
  ['2023-11-16', 'Webinar: online seksueel geweld'],
  ['2024-02-15', 'Webinar: ouderenmishandeling in de wijk'],
  ['2024-05-16', 'Webinar: veiligheid na de scheiding'],
  ['2024-09-19', 'Webinar: wat werkt bij kindermishandeling'],
];

/** In-person trainings per region: two meetings of one group (12–25 people of the sectors invited). */
const TRAININGS: readonly { topic: string; months: readonly [string, string]; sectors: readonly string[] }[] = [
  { topic: 'Training traumasensitief werken', months: ['2023-03', '2023-04'], sectors: ['wijkteam', 'jeugdzorg', 'onderwijs', 'kinderopvang', 'maatschappelijk werk', 'vrouwenopvang'] },
  { topic: 'Training praten met kinderen over mishandeling', months: ['2023-10', '2023-11'], sectors: ['onderwijs', 'kinderopvang', 'jeugdgezondheidszorg', 'wijkteam', 'huisarts', 'GGD'] },
  { topic: 'Training werken met veiligheidsplannen', months: ['2024-03', '2024-04'], sectors: ['Veilig Thuis', 'wijkteam', 'jeugdzorg', 'politie', 'jeugdbescherming', 'reclassering', 'vrouwenopvang'] },
];
/** Regional network meetings (12–25, open to every sector). */
const NETWORK_MEETINGS = ['2023-05', '2023-12', '2024-06', '2024-11'];
/** Case consultations: every other month, 4–8 from the region's core table. */
const CASE_MONTHS = ['2023-03', '2023-05', '2023-07', '2023-09', '2023-11', '2024-01', '2024-03', '2024-05', '2024-07', '2024-09', '2024-11'];
const CASE_SECTORS = ['Veilig Thuis', 'wijkteam', 'politie', 'jeugdzorg', 'jeugdbescherming', 'GGD', 'vrouwenopvang', 'reclassering'];

/** Build the `regions` records for a seed. */
export function generateRegions(seed: number = REGIONS_SEED): AttendanceRecord[] {
  const rng = createRng(seed);
  const w = createWorld({ rng, orgs: roster(), firstNames: DUTCH_FIRST_NAMES, lastNames: DUTCH_LAST_NAMES, roles: ROLES, requireAttendance: false });
  // Every organisation's possible attendees, created up front (those never drawn never appear in the file).
  const pool = new Map<OrgState, Person[]>();
  for (const o of w.orgs) {
    const n = POOL[o.spec.sector]!.staff;
    pool.set(o, Array.from({ length: n }, () => w.newPerson('professional', o)));
  }
  const office = pool.get(w.org(REGIONS_CONVENOR))!;
  const inRegion = (region: string) => w.orgs.filter((o) => o.spec.region === region);
  const day = (month: string, r: number, offset: number) => `${month}-${String(4 + 6 * ((r + offset) % 4)).padStart(2, '0')}`;

  /** Draw `size` distinct people from the organisations, weighted by organisation weight and personal activity. */
  function draw(orgs: readonly OrgState[], size: number): Person[] {
    const candidates = orgs.flatMap((o) => pool.get(o)!);
    const weight = (p: Person) => (p.org!.spec.weight ?? 1) * p.activity;
    return weightedSample(candidates, size, weight);
  }
  function weightedSample(candidates: Person[], size: number, weight: (p: Person) => number): Person[] {
    // Efraimidis–Spirakis: key u^(1/w), keep the largest; one pass, exact weighted sampling without replacement.
    const keyed = candidates.filter((p) => weight(p) > 0).map((p) => ({ p, k: Math.log(rng.next() || Number.MIN_VALUE) / weight(p) }));
    keyed.sort((a, b) => b.k - a.k);
    return keyed.slice(0, size).map((x) => x.p);
  }

  // National webinars: 100–300 people from every region; the programme office hosts.
  for (const [date, name] of WEBINARS) {
    w.schedule(date, () => {
      const others = w.orgs.filter((o) => o.spec.sector !== 'programmabureau');
      w.attend({ name, date, type: 'webinar', hours: 1.5 }, [office[0]!, office[1]!, ...draw(others, rng.between(98, 298))]);
    });
  }

  REGIONS.forEach((region, r) => {
    const orgs = inRegion(region);
    // Trainings: one group of 12–25 meets twice; most come back for the second meeting.
    for (const t of TRAININGS) {
      let group: Person[] = [];
      t.months.forEach((month, k) => {
        const date = day(month, r, k);
        w.schedule(date, () => {
          if (k === 0) group = draw(orgs.filter((o) => t.sectors.includes(o.spec.sector)), rng.between(12, 25));
          const sheet = k === 0 ? group : group.filter(() => rng.chance(0.85));
          const head: EventHead = { name: `${t.topic} (${region}), bijeenkomst ${k + 1}`, date, type: 'training', hours: 3 };
          w.attend(head, sheet);
        });
      });
    }
    // Network meetings: 12–25 from every sector of the region, with a programme officer.
    NETWORK_MEETINGS.forEach((month, k) => {
      const date = day(month, r, 2);
      w.schedule(date, () =>
        w.attend({ name: `Netwerkbijeenkomst ${region} ${k + 1}`, date, type: 'netwerkmoment', hours: 2 }, [office[2]!, ...draw(orgs, rng.between(12, 25))]),
      );
    });
    // Case consultations: a standing table of about ten, of whom 4–8 come each time.
    let table: Person[] = [];
    CASE_MONTHS.forEach((month, k) => {
      const date = day(month, r, 3);
      w.schedule(date, () => {
        if (k === 0) {
          const seats = orgs.filter((o) => CASE_SECTORS.includes(o.spec.sector));
          table = rng.sample(seats, 10).map((o) => pool.get(o)![0]!);
        }
        w.attend({ name: `Casusoverleg ${region} ${k + 1}`, date, type: 'casusoverleg', hours: 1.5 }, rng.sample(table, rng.between(4, 8)));
      });
    });
  });

  return w.run();
}
