/**
 * Build the columnar attendance model from clean records. Identity rules live here: people and organisations
 * are keyed by `nameKey` (or by name + organisation, or email, with `personKey`), events by name + date.
 * The builder is incremental (`add`, then `build`) so readers can stream rows without keeping them.
 */
import { assertOneOf, resolveOptions } from '../options.js';
import type { AttendanceModel, AttendanceRecord, EventInfo, OrganisationInfo, PersonInfo } from '../types.js';
import { detach, detachOrNull } from './detach.js';
import { createInterner } from './intern.js';
import { cleanName, nameKey } from './identity.js';

export const PERSON_KEYS = ['name', 'name+organisation', 'email'] as const;
export type PersonKey = (typeof PERSON_KEYS)[number];

export interface BuildModelOptions {
  /** What identifies a person: the name (default), name + organisation, or email (falls back to name when a row has no email). */
  personKey?: PersonKey;
}

export const BUILD_MODEL_DEFAULTS: Readonly<Required<BuildModelOptions>> = Object.freeze({ personKey: 'name' });

interface EventDraft {
  name: string;
  date: string | null;
  type: string | null;
  durationHours: number | null;
  firstSeen: number;
}
interface OrgDraft {
  name: string;
  sector: string | null;
  region: string | null;
  firstSeen: number;
}

/**
 * A set of integer triples (event, person, organisation) in typed arrays with open addressing, each with the
 * index of its attendance: a few bytes per attendance instead of a string key per row in a `Map`.
 */
function createTripleSet(): { add(a: number, b: number, c: number, index: number): number } {
  // Per slot: a, b, c and the index (-1: empty), side by side so that a probe touches one cache line.
  let cap = 1 << 12;
  let slots = new Int32Array(cap * 4).fill(-1);
  let size = 0;
  const hash = (a: number, b: number, c: number): number => {
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ (b + 0x7f4a7c15) ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ (c + 0x165667b1) ^ (h >>> 16), 0x27d4eb2f);
    return (h ^ (h >>> 15)) >>> 0;
  };
  /** The index stored for (a, b, c), or -1 after storing `index` for it. */
  const insert = (a: number, b: number, c: number, index: number): number => {
    const mask = cap - 1;
    for (let i = hash(a, b, c) & mask; ; i = (i + 1) & mask) {
      const s = 4 * i;
      const id = slots[s + 3]!;
      if (id === -1) {
        slots[s] = a;
        slots[s + 1] = b;
        slots[s + 2] = c;
        slots[s + 3] = index;
        return -1;
      }
      if (slots[s] === a && slots[s + 1] === b && slots[s + 2] === c) return id;
    }
  };
  return {
    /** -1 when (a, b, c) is new (then it gets `index`), else the index it got when it was added. */
    add(a: number, b: number, c: number, index: number): number {
      if (2 * (size + 1) > cap) {
        const old = slots;
        cap *= 2;
        slots = new Int32Array(cap * 4).fill(-1);
        for (let s = 0; s < old.length; s += 4) if (old[s + 3] !== -1) insert(old[s]!, old[s + 1]!, old[s + 2]!, old[s + 3]!);
      }
      const found = insert(a, b, c, index);
      if (found === -1) size++;
      return found;
    },
  };
}

/** Incremental model builder: feed records in any order, then `build()` once. */
export interface ModelBuilder {
  /** Add one record; returns false (and adds nothing) when it repeats an attendance already added. */
  add(record: AttendanceRecord): boolean;
  /** Number of distinct attendances added so far. */
  readonly size: number;
  /**
   * Draft ids of the event, person (-1: none) and organisation (-1: none) of the record last given to `add`
   * (also when it was a repeat): dense, in order of first appearance, one per identity (`build` renumbers them).
   * For readers that keep side data per person or event without keying it by name again. `attendance` is the
   * attendance's index in order of adding (of the earlier one, for a repeat). Updated in place.
   */
  readonly last: Readonly<{ event: number; person: number; organisation: number; attendance: number }>;
  build(): AttendanceModel;
  /**
   * `add` in steps, for readers that memoise the draft ids of repeated cell values: `add(r)` is exactly
   * `begin()`, `e = event(r.event, r.date, r.event_type, r.duration_hours)`, `o = organisation(r.organisation,
   * r.sector, r.region)`, `p = person(r.person, r.organisation, r.email)`, `commit(e, p, o, r.role)`. A reader
   * that knows `e` (or `o`) already from an earlier record with the same values calls `touchEvent(e, type,
   * duration)` (`touchOrganisation(o, sector, region)`) instead, which is what `event` (`organisation`) does for a
   * known draft; a known person draft needs no call (personKey "name"). These calls do not remember raw
   * spellings for `add` (the caller memoises), so they cost no map entry per distinct spelling.
   */
  readonly drafts: Readonly<{
    begin(): void;
    event(name: string, date: string | null, type: string | null | undefined, duration: number | null | undefined): number;
    touchEvent(e: number, type: string | null | undefined, duration: number | null | undefined): void;
    organisation(name: string | null | undefined, sector: string | null | undefined, region: string | null | undefined): number;
    touchOrganisation(o: number, sector: string | null | undefined, region: string | null | undefined): void;
    person(name: string | null | undefined, organisation: string | null | undefined, email: string | null | undefined): number;
    commit(e: number, p: number, o: number, role: string | null | undefined): boolean;
  }>;
}

export function createModelBuilder(options?: BuildModelOptions): ModelBuilder {
  const { personKey } = resolveOptions(BUILD_MODEL_DEFAULTS, options);
  assertOneOf('buildModel', 'personKey', personKey, PERSON_KEYS);

  // Identity keys → draft ids (dense, in order of first sight, as the interner numbers them).
  const eventIds = createInterner();
  const events: EventDraft[] = [];
  const personIds = createInterner();
  const personNames: string[] = [];
  const personFirst: number[] = [];
  const orgIds = createInterner();
  const orgs: OrgDraft[] = [];
  // Repeated attendances. While each event's rows come together (the usual export), a repeat can only be in the
  // current event's run: a small table of the run's (person, organisation) pairs, which stays in cache, is enough.
  // When an event comes back after another one, the table of every attendance is built from the attendances so far
  // and used from then on.
  let seen: ReturnType<typeof createTripleSet> | null = null;
  let runEvent = -1;
  let runEnded = new Uint8Array(256);
  let runCap = 64;
  let runKeys = new Int32Array(runCap * 2);
  let runIndex = new Int32Array(runCap);
  let runStamp = new Int32Array(runCap);
  let stamp = 0;
  let runSize = 0;
  // Identity keys by raw spelling: a name seen before (byte for byte) skips `nameKey` (Unicode folding).
  const eventByRaw = new Map<string, Map<string, number>>();
  const orgByRaw = new Map<string, number>();
  const personByRaw = new Map<string, number>();
  let ev = new Int32Array(1024);
  let pe = new Int32Array(1024);
  let og = new Int32Array(1024);
  const roles: (string | null)[] = [];
  let n = 0;
  let order = 0;
  const last = { event: -1, person: -1, organisation: -1, attendance: -1 };
  // Roles are kept per attendance: one string per distinct role (see `detach`).
  const roleTexts = new Map<string, string>();
  const roleOf = (role: string): string => {
    let kept = roleTexts.get(role);
    if (kept === undefined) roleTexts.set((kept = detach(role)), kept);
    return kept;
  };
  let lastEventRaw: string | null = null;
  let lastDateRaw = '';
  let lastEvent = -1;

  function grow(): void {
    const cap = ev.length * 2;
    const e2 = new Int32Array(cap); e2.set(ev); ev = e2;
    const p2 = new Int32Array(cap); p2.set(pe); pe = p2;
    const o2 = new Int32Array(cap); o2.set(og); og = o2;
  }

  /** Fill an event draft's type and duration when they are still unknown (the first row that has them wins). */
  function touchEvent(e: number, type: string | null | undefined, duration: number | null | undefined): void {
    const d = events[e]!;
    if (d.type == null && type) d.type = detach(type);
    if (d.durationHours == null && duration != null) d.durationHours = duration;
  }

  /**
   * The draft of an event (made when new). `cache`: remember the raw spelling for the next record (the general
   * reader's records); a reader that memoises draft ids itself passes false and saves the map entries.
   */
  function eventOf(name: string, date: string | null, type: string | null | undefined, duration: number | null | undefined, cache = true): number {
    // By raw event, then raw date (no joined key string per row).
    const eDate = date ?? '';
    // Rows of one event usually come together: the previous record's event and date first.
    let e: number | undefined;
    let byDate: Map<string, number> | undefined;
    if (!cache) e = undefined;
    else if (name === lastEventRaw && eDate === lastDateRaw) e = lastEvent;
    else {
      byDate = eventByRaw.get(name);
      if (byDate === undefined) eventByRaw.set(detach(name), (byDate = new Map()));
      e = byDate.get(eDate);
    }
    if (e === undefined) {
      // Interned identity keys: a new key is the next draft id.
      e = eventIds.string(nameKey(name) + '\u0000' + eDate);
      if (e === events.length) {
        events.push({ name: detach(cleanName(name)), date, type: detachOrNull(type), durationHours: duration ?? null, firstSeen: order });
      } else touchEvent(e, type, duration);
      byDate?.set(detach(eDate), e);
    } else touchEvent(e, type, duration);
    if (cache) {
      lastEventRaw = name;
      lastDateRaw = eDate;
      lastEvent = e;
    }
    return e;
  }

  /** Fill an organisation draft's sector and region when they are still unknown. */
  function touchOrganisation(o: number, sector: string | null | undefined, region: string | null | undefined): void {
    const d = orgs[o]!;
    if (d.sector == null && sector) d.sector = detach(sector);
    if (d.region == null && region) d.region = detach(region);
  }

  function organisationOf(rawOrg: string | null | undefined, sector: string | null | undefined, region: string | null | undefined, cache = true): number {
    let o = -1;
    if (cache && rawOrg != null && (o = orgByRaw.get(rawOrg) ?? -1) >= 0) touchOrganisation(o, sector, region);
    else if (rawOrg != null && rawOrg.trim() !== '') {
      o = orgIds.string(nameKey(rawOrg));
      if (o === orgs.length) {
        orgs.push({ name: detach(cleanName(rawOrg)), sector: detachOrNull(sector), region: detachOrNull(region), firstSeen: order });
      } else touchOrganisation(o, sector, region);
      if (cache) orgByRaw.set(detach(rawOrg), o);
    }
    return o;
  }

  function personOf(rawPerson: string | null | undefined, organisation: string | null | undefined, email: string | null | undefined, cache = true): number {
    let p = -1;
    if (cache && personKey === 'name' && rawPerson != null && (p = personByRaw.get(rawPerson) ?? -1) >= 0) {
      // Known spelling: same identity key as before.
    } else if (rawPerson != null && rawPerson.trim() !== '') {
      let pKey = nameKey(rawPerson);
      if (personKey === 'email' && email) pKey = 'email:' + email.trim().toLowerCase();
      else if (personKey === 'name+organisation') pKey += '\u0000' + (organisation ? nameKey(organisation) : '');
      p = personIds.string(pKey);
      if (p === personNames.length) {
        personNames.push(detach(cleanName(rawPerson)));
        personFirst.push(order);
      }
      if (cache && personKey === 'name') personByRaw.set(detach(rawPerson), p);
    }
    return p;
  }

  /** -1 when (e, p, o) is new (it gets attendance `index`), else the index of the earlier attendance. */
  function repeatOf(e: number, p: number, o: number, index: number): number {
    if (seen === null) {
      if (e !== runEvent) {
        if (e < runEnded.length && runEnded[e]) {
          // The event comes back: from here on, the table of every attendance.
          seen = createTripleSet();
          for (let i = 0; i < n; i++) seen.add(ev[i]!, pe[i]!, og[i]!, i);
          return seen.add(e, p, o, index);
        }
        if (runEvent >= 0) {
          if (runEvent >= runEnded.length) {
            const r2 = new Uint8Array(Math.max(2 * runEnded.length, runEvent + 1));
            r2.set(runEnded);
            runEnded = r2;
          }
          runEnded[runEvent] = 1;
        }
        runEvent = e;
        stamp++;
        runSize = 0;
      }
      return runRepeat(p, o, index);
    }
    return seen.add(e, p, o, index);
  }

  /** `repeatOf` within the current event's run (slots of earlier runs carry an older stamp: empty). */
  function runRepeat(p: number, o: number, index: number): number {
    const mask = runCap - 1;
    let k = (Math.imul(p ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(o + 0x7f4a7c15, 0xc2b2ae35)) >>> 0;
    k = (k ^ (k >>> 15)) & mask;
    while (runStamp[k] === stamp) {
      if (runKeys[2 * k] === p && runKeys[2 * k + 1] === o) return runIndex[k]!;
      k = (k + 1) & mask;
    }
    if (2 * (runSize + 1) > runCap) {
      const oldKeys = runKeys, oldIndex = runIndex, oldStamp = runStamp, oldCap = runCap;
      runCap *= 2;
      runKeys = new Int32Array(runCap * 2);
      runIndex = new Int32Array(runCap);
      runStamp = new Int32Array(runCap);
      const size = runSize;
      runSize = 0;
      for (let j = 0; j < oldCap; j++) if (oldStamp[j] === stamp) runRepeat(oldKeys[2 * j]!, oldKeys[2 * j + 1]!, oldIndex[j]!);
      runSize = size;
      return runRepeat(p, o, index);
    }
    runStamp[k] = stamp;
    runKeys[2 * k] = p;
    runKeys[2 * k + 1] = o;
    runIndex[k] = index;
    runSize++;
    return -1;
  }

  function commit(e: number, p: number, o: number, role: string | null | undefined): boolean {
    last.event = e;
    last.person = p;
    last.organisation = o;
    const earlier = repeatOf(e, p, o, n);
    if (earlier !== -1) {
      last.attendance = earlier;
      return false;
    }
    last.attendance = n;
    if (n === ev.length) grow();
    ev[n] = e;
    pe[n] = p;
    og[n] = o;
    roles.push(role == null ? null : roleOf(role));
    n++;
    return true;
  }

  function add(r: AttendanceRecord): boolean {
    order++;
    const e = eventOf(r.event, r.date, r.event_type, r.duration_hours);
    const o = organisationOf(r.organisation, r.sector, r.region);
    const p = personOf(r.person, r.organisation, r.email);
    return commit(e, p, o, r.role);
  }

  function build(): AttendanceModel {
    // Chronological event order: date, then first appearance; undated events last.
    const eOrder = events.map((_, i) => i).sort((a, b) => {
      const A = events[a]!, B = events[b]!;
      if (A.date !== B.date) {
        if (A.date == null) return 1;
        if (B.date == null) return -1;
        return A.date < B.date ? -1 : 1;
      }
      return A.firstSeen - B.firstSeen;
    });
    const eRank = new Int32Array(events.length);
    eOrder.forEach((old, rank) => (eRank[old] = rank));

    // Counting sort of rows by event rank (stable: keeps input order inside an event).
    const eventStart = new Int32Array(events.length + 1);
    for (let i = 0; i < n; i++) eventStart[eRank[ev[i]!]! + 1]!++;
    for (let e = 0; e < events.length; e++) eventStart[e + 1]! += eventStart[e]!;
    const fill = eventStart.slice(0, events.length);
    const pos = new Int32Array(n);
    for (let i = 0; i < n; i++) pos[i] = fill[eRank[ev[i]!]!]!++;

    // People and organisations are numbered by first attendance in chronological order, so codes are stable.
    const pRank = new Int32Array(personNames.length).fill(-1);
    const oRank = new Int32Array(orgs.length).fill(-1);
    const sortedRows = new Int32Array(n);
    for (let i = 0; i < n; i++) sortedRows[pos[i]!] = i;
    let np = 0, no = 0;
    for (let k = 0; k < n; k++) {
      const i = sortedRows[k]!;
      const p = pe[i]!, o = og[i]!;
      if (p >= 0 && pRank[p] === -1) pRank[p] = np++;
      if (o >= 0 && oRank[o] === -1) oRank[o] = no++;
    }

    const event = new Int32Array(n), person = new Int32Array(n), organisation = new Int32Array(n);
    const role: (string | null)[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const k = pos[i]!;
      event[k] = eRank[ev[i]!]!;
      person[k] = pe[i]! >= 0 ? pRank[pe[i]!]! : -1;
      organisation[k] = og[i]! >= 0 ? oRank[og[i]!]! : -1;
      role[k] = roles[i]!;
    }

    const width = (count: number) => Math.max(3, String(count).length);
    const eventInfos: EventInfo[] = eOrder.map((old, index) => {
      const d = events[old]!;
      return { index, id: 'E' + String(index + 1).padStart(width(events.length), '0'), name: d.name, date: d.date, type: d.type, durationHours: d.durationHours };
    });
    const people: PersonInfo[] = new Array(np);
    for (let p = 0; p < personNames.length; p++) {
      const index = pRank[p]!;
      if (index >= 0) people[index] = { index, id: 'P' + String(index + 1).padStart(width(np), '0'), name: personNames[p]! };
    }
    const organisations: OrganisationInfo[] = new Array(no);
    for (let o = 0; o < orgs.length; o++) {
      const index = oRank[o]!;
      const d = orgs[o]!;
      if (index >= 0) organisations[index] = { index, id: 'O' + String(index + 1).padStart(width(no), '0'), name: d.name, sector: d.sector, region: d.region };
    }

    return {
      events: eventInfos,
      people,
      organisations,
      attendance: { length: n, event, person, organisation, role, eventStart },
      dated: events.length > 0 && events.every((e) => e.date != null),
    };
  }

  return {
    add,
    get size() {
      return n;
    },
    last,
    build,
    drafts: {
      begin(): void {
        order++;
      },
      event: (name, date, type, duration) => eventOf(name, date, type, duration, false),
      touchEvent,
      organisation: (name, sector, region) => organisationOf(name, sector, region, false),
      touchOrganisation,
      person: (name, organisation, email) => personOf(name, organisation, email, false),
      commit,
    },
  };
}

/** Build a model from records in one call. */
export function buildModel(records: Iterable<AttendanceRecord>, options?: BuildModelOptions): AttendanceModel {
  const builder = createModelBuilder(options);
  for (const r of records) builder.add(r);
  return builder.build();
}
