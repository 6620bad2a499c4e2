/**
 * Build the columnar attendance model from clean records. Identity rules live here: people and organisations
 * are keyed by `nameKey` (or by name + organisation, or email, with `personKey`), events by name + date.
 * The builder is incremental (`add`, then `build`) so readers can stream rows without keeping them.
 */
import { assertOneOf, resolveOptions } from '../options.js';
import type { AttendanceModel, AttendanceRecord, EventInfo, OrganisationInfo, PersonInfo } from '../types.js';
import { detach, detachOrNull } from './detach.js';
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
 * A set of integer triples (event, person, organisation) in typed arrays with open addressing: a few bytes per
 * attendance instead of a string key per row in a `Set`.
 */
function createTripleSet(): { add(a: number, b: number, c: number): boolean } {
  let cap = 1 << 12;
  let keys = new Int32Array(cap * 3);
  let used = new Uint8Array(cap);
  let size = 0;
  const hash = (a: number, b: number, c: number): number => {
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ (b + 0x7f4a7c15) ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ (c + 0x165667b1) ^ (h >>> 16), 0x27d4eb2f);
    return (h ^ (h >>> 15)) >>> 0;
  };
  const insert = (a: number, b: number, c: number): boolean => {
    const mask = cap - 1;
    for (let i = hash(a, b, c) & mask; ; i = (i + 1) & mask) {
      if (!used[i]) {
        used[i] = 1;
        keys[3 * i] = a;
        keys[3 * i + 1] = b;
        keys[3 * i + 2] = c;
        return true;
      }
      if (keys[3 * i] === a && keys[3 * i + 1] === b && keys[3 * i + 2] === c) return false;
    }
  };
  return {
    add(a: number, b: number, c: number): boolean {
      if (2 * (size + 1) > cap) {
        const oldKeys = keys, oldUsed = used, oldCap = cap;
        cap *= 2;
        keys = new Int32Array(cap * 3);
        used = new Uint8Array(cap);
        for (let i = 0; i < oldCap; i++) if (oldUsed[i]) insert(oldKeys[3 * i]!, oldKeys[3 * i + 1]!, oldKeys[3 * i + 2]!);
      }
      const added = insert(a, b, c);
      if (added) size++;
      return added;
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
   * For readers that keep side data per person or event without keying it by name again. Updated in place.
   */
  readonly last: Readonly<{ event: number; person: number; organisation: number }>;
  build(): AttendanceModel;
}

export function createModelBuilder(options?: BuildModelOptions): ModelBuilder {
  const { personKey } = resolveOptions(BUILD_MODEL_DEFAULTS, options);
  assertOneOf('buildModel', 'personKey', personKey, PERSON_KEYS);

  const eventIds = new Map<string, number>();
  const events: EventDraft[] = [];
  const personIds = new Map<string, number>();
  const personNames: string[] = [];
  const personFirst: number[] = [];
  const orgIds = new Map<string, number>();
  const orgs: OrgDraft[] = [];
  const seen = createTripleSet();
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
  const last = { event: -1, person: -1, organisation: -1 };
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

  function add(r: AttendanceRecord): boolean {
    order++;
    // By raw event, then raw date (no joined key string per row).
    const eDate = r.date ?? '';
    // Rows of one event usually come together: the previous record's event and date first.
    let e: number | undefined;
    let byDate: Map<string, number> | undefined;
    if (r.event === lastEventRaw && eDate === lastDateRaw) e = lastEvent;
    else {
      byDate = eventByRaw.get(r.event);
      if (byDate === undefined) eventByRaw.set(detach(r.event), (byDate = new Map()));
      e = byDate.get(eDate);
    }
    if (e === undefined) {
      const eKey = nameKey(r.event) + '\u0000' + (r.date ?? '');
      e = eventIds.get(eKey);
      if (e === undefined) {
        e = events.length;
        eventIds.set(detach(eKey), e);
        events.push({ name: detach(cleanName(r.event)), date: r.date, type: detachOrNull(r.event_type), durationHours: r.duration_hours ?? null, firstSeen: order });
      } else {
        const d = events[e]!;
        if (d.type == null && r.event_type) d.type = detach(r.event_type);
        if (d.durationHours == null && r.duration_hours != null) d.durationHours = r.duration_hours;
      }
      byDate!.set(detach(eDate), e);
    } else {
      const d = events[e]!;
      if (d.type == null && r.event_type) d.type = detach(r.event_type);
      if (d.durationHours == null && r.duration_hours != null) d.durationHours = r.duration_hours;
    }

    lastEventRaw = r.event;
    lastDateRaw = eDate;
    lastEvent = e;

    let o = -1;
    const rawOrg = r.organisation;
    if (rawOrg != null && (o = orgByRaw.get(rawOrg) ?? -1) >= 0) {
      const d = orgs[o]!;
      if (d.sector == null && r.sector) d.sector = detach(r.sector);
      if (d.region == null && r.region) d.region = detach(r.region);
    } else if (rawOrg != null && rawOrg.trim() !== '') {
      const oKey = nameKey(rawOrg);
      o = orgIds.get(oKey) ?? -1;
      if (o < 0) {
        o = orgs.length;
        orgIds.set(detach(oKey), o);
        orgs.push({ name: detach(cleanName(rawOrg)), sector: detachOrNull(r.sector), region: detachOrNull(r.region), firstSeen: order });
      } else {
        const d = orgs[o]!;
        if (d.sector == null && r.sector) d.sector = detach(r.sector);
        if (d.region == null && r.region) d.region = detach(r.region);
      }
      orgByRaw.set(detach(rawOrg), o);
    }

    let p = -1;
    const rawPerson = r.person;
    if (personKey === 'name' && rawPerson != null && (p = personByRaw.get(rawPerson) ?? -1) >= 0) {
      // Known spelling: same identity key as before.
    } else if (rawPerson != null && rawPerson.trim() !== '') {
      let pKey = nameKey(rawPerson);
      if (personKey === 'email' && r.email) pKey = 'email:' + r.email.trim().toLowerCase();
      else if (personKey === 'name+organisation') pKey += '\u0000' + (r.organisation ? nameKey(r.organisation) : '');
      p = personIds.get(pKey) ?? -1;
      if (p < 0) {
        p = personNames.length;
        personIds.set(detach(pKey), p);
        personNames.push(detach(cleanName(rawPerson)));
        personFirst.push(order);
      }
      if (personKey === 'name') personByRaw.set(detach(rawPerson), p);
    }

    last.event = e;
    last.person = p;
    last.organisation = o;
    if (!seen.add(e, p, o)) return false;
    if (n === ev.length) grow();
    ev[n] = e;
    pe[n] = p;
    og[n] = o;
    roles.push(r.role == null ? null : roleOf(r.role));
    n++;
    return true;
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
  };
}

/** Build a model from records in one call. */
export function buildModel(records: Iterable<AttendanceRecord>, options?: BuildModelOptions): AttendanceModel {
  const builder = createModelBuilder(options);
  for (const r of records) builder.add(r);
  return builder.build();
}
