/**
 * The small simulation engine behind the synthetic examples: a roster of organisations, people who appear for the
 * first time at a chosen event and come back with their own propensity, and a sign-in sheet that records each
 * attendance the way a coordinator types it (accents sometimes dropped, a name or organisation sometimes misspelt).
 * The stories in rupel.ts and regions.ts schedule events; this module keeps the bookkeeping exact, so the number
 * of distinct people and organisations (by `nameKey`) is fixed by the story, not by the seed.
 */
import { nameKey } from '../model/identity.js';
import type { AttendanceRecord } from '../types.js';
import type { ExampleRng } from './rng.js';

/** An organisation of an example's roster. */
export interface OrgSpec {
  /** Name as it is usually written on the sign-in sheet. */
  name: string;
  sector: string;
  /** Municipality or region. */
  region: string | null;
  /** Relative chance to send a first-timer or a returning member to an open event. 0: only its first contact ever comes. Default 1. */
  weight?: number;
  /** Sends a different person almost every time (first-timers preferred, members rarely come back). Default false. */
  rotating?: boolean;
  /** Job titles of its members (default: the sector's list). */
  roles?: readonly string[];
  /** Last day (ISO) the organisation takes part in open events: afterwards it drifts away. Default: none. */
  until?: string;
}

/** What kind of participant a person is: staff of a partner, a parent in a dialogue, a client in a programme. */
export type PersonKind = 'professional' | 'parent' | 'client';

/** A (fictional) participant. */
export interface Person {
  /** Canonical spelling. */
  name: string;
  /** Identity key (`nameKey(name)`). */
  key: string;
  kind: PersonKind;
  /** Current organisation (changes when the person moves), or null. */
  org: OrgState | null;
  role: string | null;
  /** Propensity to come back to open events (relative weight). */
  activity: number;
  /** Number of events attended so far. */
  visits: number;
}

/** An organisation while the story runs. */
export interface OrgState {
  spec: OrgSpec;
  /** Staff who have attended at least once (in order of first attendance). */
  members: Person[];
  /** True once someone attended for it. */
  joined: boolean;
}

/** An event heading: name, date, type and duration. */
export interface EventHead {
  name: string;
  date: string;
  type: string;
  hours: number;
}

/** One attendance: a person (or only an organisation), optionally written differently on this sheet. */
export interface Attendance {
  person: Person | null;
  /** Organisation when `person` is null (an organisation-only row). */
  org?: OrgState | null;
  /** Person name as written on this sheet (default: the person's spelling, accents sometimes dropped). */
  asName?: string;
  /** Organisation name as written on this sheet (default: the organisation's name). */
  asOrg?: string;
}

/** A name variant that the story planted on purpose (for the alias and near-duplicate features). */
export interface PlantedVariant {
  kind: 'person' | 'organisation';
  /** The usual spelling. */
  canonical: string;
  /** The spelling on one sheet. */
  variant: string;
  /** True when `nameKey` already makes them one (case, accents, spaces); false when the variant is a distinct name. */
  sameKey: boolean;
  /** First event (name) where the variant appears. */
  event: string;
}

/** Draw a propensity to come back: many come once or twice, a core comes to almost everything. */
function drawActivity(rng: ExampleRng): number {
  const r = rng.next();
  return r < 0.35 ? 0.15 : r < 0.8 ? 1 : 3;
}

/** Remove combining accents: "Anaïs" → "Anais" (the key is unchanged). */
export function dropAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** Swap two adjacent lower-case letters in the last word of a name, at a random position (a typing slip). */
export function swapLetters(rng: ExampleRng, name: string): string {
  const start = name.lastIndexOf(' ') + 2; // never touch the capital
  const spots: number[] = [];
  for (let i = Math.max(1, start); i + 1 < name.length; i++) {
    const a = name[i]!, b = name[i + 1]!;
    if (a !== b && /\p{Ll}/u.test(a) && /\p{Ll}/u.test(b)) spots.push(i);
  }
  if (spots.length === 0) return name + 's';
  const i = rng.pick(spots);
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

export interface WorldOptions {
  rng: ExampleRng;
  orgs: readonly OrgSpec[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Role (job title) for a new member of a sector. */
  roles: Readonly<Record<string, readonly string[]>>;
  /** Probability that an accented name is written without its accents on a sheet. Default 0.25. */
  accentSlip?: number;
  /** `run` throws when a created person never attended (stories that count people exactly). Default true. */
  requireAttendance?: boolean;
}

/** The example world: roster, people, schedule and sign-in sheets. */
export interface World {
  readonly rng: ExampleRng;
  /** The organisation of the roster with this name (throws when the story names one that is not in the roster). */
  org(name: string): OrgState;
  /** Every organisation of the roster. */
  readonly orgs: readonly OrgState[];
  /** Everyone who attended at least once, in order of first attendance. */
  readonly people: readonly Person[];
  /** A new person with a name no one else has (same `nameKey`). They count once they attend. */
  newPerson(kind: PersonKind, org: OrgState | null, role?: string | null, firstName?: string): Person;
  /**
   * Up to `count` people who attended before, weighted by their propensity to come back and their organisation's
   * weight, among those `eligible` accepts; organisations past their `until` date stay away.
   */
  returning(date: string, count: number, eligible: (p: Person) => boolean, exclude?: ReadonlySet<Person>): Person[];
  /** Pick an organisation for a first-timer among `candidates` (joined, active, weight > 0), rotating ones preferred. */
  pickOrgForNewcomer(date: string, candidates: readonly OrgState[]): OrgState | null;
  /** Members who still work for the organisation (people who moved away are left out). */
  staff(org: OrgState): Person[];
  /** Move a person to another organisation from now on. */
  move(person: Person, to: OrgState, role?: string | null): void;
  /** Write the sign-in sheet of one event. A person listed twice is written once. */
  attend(head: EventHead, attendances: readonly (Person | Attendance)[]): void;
  /** Schedule a piece of the story on a date; `run` plays everything in date order (stable within a day). */
  schedule(date: string, play: () => void): void;
  /** Play the schedule and return the records (throws when a person was created but never attended). */
  run(): AttendanceRecord[];
  /** Reserve a spelling so that no generated person gets the same key (for a planted misspelling). */
  reserve(name: string): boolean;
  /** Record a planted variant (for the tests and the example's README). */
  plant(variant: PlantedVariant): void;
  readonly variants: readonly PlantedVariant[];
}

export function createWorld(options: WorldOptions): World {
  const { rng, firstNames, lastNames, roles } = options;
  const accentSlip = options.accentSlip ?? 0.25;
  const orgs: OrgState[] = options.orgs.map((spec) => ({ spec, members: [], joined: false }));
  const byName = new Map<string, OrgState>();
  for (const o of orgs) {
    const key = nameKey(o.spec.name);
    if (byName.has(key)) throw new Error(`examples: organisation "${o.spec.name}" is twice in the roster`);
    byName.set(key, o);
  }
  const usedKeys = new Set<string>();
  const people: Person[] = [];
  const created: Person[] = [];
  const records: AttendanceRecord[] = [];
  const agenda: { date: string; order: number; play: () => void }[] = [];
  const variants: PlantedVariant[] = [];

  function org(name: string): OrgState {
    const o = byName.get(nameKey(name));
    if (!o) throw new Error(`examples: the story names "${name}", which is not in the roster`);
    return o;
  }

  function roleFor(org: OrgState | null, kind: PersonKind): string | null {
    if (kind === 'parent') return 'ouder';
    if (kind === 'client') return 'deelnemer';
    const list = org?.spec.roles ?? roles[org?.spec.sector ?? '']; // '' = people without organisation
    return list && list.length > 0 ? rng.pick(list) : null;
  }

  function newPerson(kind: PersonKind, o: OrgState | null, role?: string | null, firstName?: string): Person {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const name = `${firstName ?? rng.pick(firstNames)} ${rng.pick(lastNames)}`;
      const key = nameKey(name);
      if (usedKeys.has(key)) continue;
      usedKeys.add(key);
      const p: Person = { name, key, kind, org: o, role: role === undefined ? roleFor(o, kind) : role, activity: drawActivity(rng), visits: 0 };
      created.push(p);
      return p;
    }
    throw new Error('examples: ran out of distinct names');
  }

  function isActive(o: OrgState | null, date: string): boolean {
    return o == null || o.spec.until == null || date <= o.spec.until;
  }

  function weightOf(p: Person): number {
    const o = p.org;
    const w = o ? (o.spec.weight ?? 1) * (o.spec.rotating ? 0.1 : 1) : 1;
    return p.activity * w;
  }

  function returning(date: string, count: number, eligible: (p: Person) => boolean, exclude?: ReadonlySet<Person>): Person[] {
    let pool = people.filter((p) => p.visits > 0 && isActive(p.org, date) && !exclude?.has(p) && eligible(p) && weightOf(p) > 0);
    const out: Person[] = [];
    while (out.length < count && pool.length > 0) {
      const p = rng.pickWeighted(pool, weightOf);
      out.push(p);
      pool = pool.filter((q) => q !== p);
    }
    return out;
  }

  function pickOrgForNewcomer(date: string, candidates: readonly OrgState[]): OrgState | null {
    const pool = candidates.filter((o) => o.joined && isActive(o, date) && (o.spec.weight ?? 1) > 0);
    if (pool.length === 0) return null;
    return rng.pickWeighted(pool, (o) => (o.spec.weight ?? 1) * (o.spec.rotating ? 4 : 1));
  }

  function move(person: Person, to: OrgState, role?: string | null): void {
    person.org = to;
    if (role !== undefined) person.role = role;
  }

  function attend(head: EventHead, list: readonly (Person | Attendance)[]): void {
    const seen = new Set<Person>();
    for (const item of list) {
      const a: Attendance = 'key' in item ? { person: item } : item;
      const p = a.person;
      if (p) {
        if (seen.has(p)) continue;
        seen.add(p);
      }
      const o = p ? p.org : (a.org ?? null);
      let written = a.asName ?? p?.name ?? null;
      // A sheet drops accents now and then, never on the first visit (the display name keeps them).
      if (p && a.asName === undefined && p.visits > 0 && written !== dropAccents(written!) && rng.chance(accentSlip)) written = dropAccents(written!);
      records.push({
        event: head.name,
        date: head.date,
        person: written,
        organisation: a.asOrg ?? o?.spec.name ?? null,
        sector: o?.spec.sector ?? null,
        region: o?.spec.region ?? null,
        event_type: head.type,
        duration_hours: head.hours,
        role: p?.role ?? null,
      });
      if (p) {
        if (p.visits === 0) people.push(p);
        p.visits++;
      }
      if (o) {
        o.joined = true;
        if (p && !o.members.includes(p)) o.members.push(p);
      }
    }
  }

  function schedule(date: string, play: () => void): void {
    agenda.push({ date, order: agenda.length, play });
  }

  function run(): AttendanceRecord[] {
    // Play the earliest item first (ties: in the order scheduled); items scheduled while playing join the queue.
    const played = new Set<number>();
    for (;;) {
      let next: (typeof agenda)[number] | undefined;
      for (const item of agenda) {
        if (played.has(item.order)) continue;
        if (!next || item.date < next.date || (item.date === next.date && item.order < next.order)) next = item;
      }
      if (!next) break;
      played.add(next.order);
      next.play();
    }
    const ghosts = created.filter((p) => p.visits === 0);
    if (ghosts.length > 0 && options.requireAttendance !== false) throw new Error(`examples: ${ghosts.length} person(s) created but never attended, e.g. ${ghosts[0]!.name}`);
    return records;
  }

  return {
    rng,
    org,
    orgs,
    people,
    newPerson,
    returning,
    pickOrgForNewcomer,
    staff: (o) => o.members.filter((p) => p.org === o),
    move,
    attend,
    schedule,
    run,
    reserve(name: string): boolean {
      const key = nameKey(name);
      if (usedKeys.has(key)) return false;
      usedKeys.add(key);
      return true;
    },
    plant: (v) => void variants.push(v),
    variants,
  };
}
