/**
 * Which attendance rows a network is built from: the rows of the window's events, minus the excluded
 * organisation and its staff, and which events create ties (`maxEventSize`). Produces event × actor
 * incidences (CSR, one distinct actor per event, ascending) for people and for organisations.
 */
import type { AttendanceModel } from '../types.js';
import type { ResolvedNetworkOptions } from './options.js';

/** Rows kept for a network and per-event sizes over the window's events. */
export interface Selection {
  /** First event index of the window. */
  eventFrom: number;
  /** Number of events in the window (local event k is model event `eventFrom + k`). */
  eventCount: number;
  /** First and one-past-last attendance row of the window. */
  rowFrom: number;
  rowTo: number;
  /** 1 for each row (indexed from `rowFrom`) that is used. */
  rowKept: Uint8Array;
  /** 1 for each person left out as staff of the excluded organisation (length = people). */
  excludedPerson: Uint8Array;
  /** Distinct people per window event, after exclusion. */
  eventPeople: Int32Array;
  /** Distinct organisations per window event, after exclusion. */
  eventOrganisations: Int32Array;
  /**
   * 1 when the event creates ties: its size is at most `maxEventSize`. The size is the number of distinct
   * people present, or, for an event whose rows name no person at all, the number of organisations present.
   */
  tieEvent: Uint8Array;
}

/** An event × actor incidence restricted to the window: `members[start[k] .. start[k+1]-1]` are at local event k. */
export interface Incidence {
  eventFrom: number;
  eventCount: number;
  /** Size of the actor index space (people or organisations of the model). */
  actorCount: number;
  start: Int32Array;
  /** Distinct actor indices per event, ascending. */
  members: Int32Array;
  /** Per local event: 1 when it creates ties. */
  ties: Uint8Array;
  /**
   * The transpose, when the builder had it at hand (`buildIncidence` does): the entries of actor v are
   * `actorStart[v] .. actorStart[v+1]-1`, each with its local event (`actorEvent`, ascending) and the actor's
   * position in that event's `members` (`actorPos`). Incidences built by hand may leave it out.
   */
  actorStart?: Int32Array;
  actorEvent?: Int32Array;
  actorPos?: Int32Array;
}

/**
 * Select the rows of a network. Staff of the excluded organisation are the people with at least one row
 * for it inside the window; all their rows (whatever the organisation) and all rows of the organisation go.
 */
export function selectRows(model: AttendanceModel, r: ResolvedNetworkOptions): Selection {
  const selection = windowSelection(model, r);
  sizesAndEntries(model, selection, r.maxEventSize, null, null, null);
  return selection;
}

/** The window's rows, kept or not, with zeroed event-size columns (filled by `sizesAndEntries`). */
function windowSelection(model: AttendanceModel, r: ResolvedNetworkOptions): Selection {
  const { attendance: a } = model;
  const eventFrom = r.eventFrom;
  const eventCount = Math.max(0, r.eventTo - r.eventFrom);
  const rowFrom = a.eventStart[eventFrom] ?? a.length;
  const rowTo = a.eventStart[eventFrom + eventCount] ?? a.length;
  const excludedPerson = staffOf(model, r.excludedOrganisation, rowFrom, rowTo);
  const rowKept = keptRows(model, r.excludedOrganisation, excludedPerson, rowFrom, rowTo);
  return { eventFrom, eventCount, rowFrom, rowTo, rowKept, excludedPerson, eventPeople: new Int32Array(eventCount), eventOrganisations: new Int32Array(eventCount), tieEvent: new Uint8Array(eventCount) };
}

// The passes are separate functions so that one call compiles each loop on its own (see `accumulatePairs`).

/** 1 for each person with a row for organisation `x` in rows `rowFrom .. rowTo-1` (none when x = -1). */
function staffOf(model: AttendanceModel, x: number, rowFrom: number, rowTo: number): Uint8Array {
  const a = model.attendance;
  const excludedPerson = new Uint8Array(model.people.length);
  if (x < 0) return excludedPerson;
  for (let i = rowFrom; i < rowTo; i++) if (a.organisation[i] === x && a.person[i]! >= 0) excludedPerson[a.person[i]!] = 1;
  return excludedPerson;
}

function keptRows(model: AttendanceModel, x: number, excludedPerson: Uint8Array, rowFrom: number, rowTo: number): Uint8Array {
  const a = model.attendance;
  const rowKept = new Uint8Array(rowTo - rowFrom);
  if (x < 0) return rowKept.fill(1);
  for (let i = rowFrom; i < rowTo; i++) {
    const p = a.person[i]!;
    const o = a.organisation[i]!;
    if (o === x || (p >= 0 && excludedPerson[p] === 1)) continue;
    rowKept[i - rowFrom] = 1;
  }
  return rowKept;
}

/**
 * Per person (arrays of length = people, filled by `selectAndIndex` from the kept rows naming a person and an
 * organisation; null: not wanted): the organisation of its last such row and of its first (both start at
 * -1), and 1 when another such row names another organisation.
 */
export interface PersonOrganisations {
  last: Int32Array | null;
  first: Int32Array | null;
  several: Uint8Array | null;
}

/**
 * `selectRows(model, r)` and `buildIncidence(model, selection, column)` at once, with one pass over the
 * window's rows for the event sizes and the incidence entries (the same stamps serve both), which also fills
 * `orgs` when given. The same results as the two calls.
 */
export function selectAndIndex(
  model: AttendanceModel,
  r: ResolvedNetworkOptions,
  column: 'person' | 'organisation',
  orgs: PersonOrganisations | null,
): { selection: Selection; incidence: Incidence } {
  const selection = windowSelection(model, r);
  const actorCount = column === 'person' ? model.people.length : model.organisations.length;
  const index: EntryCounts = { byPerson: column === 'person', start: new Int32Array(selection.eventCount + 1), actorStart: new Int32Array(actorCount + 1), entry: new Uint8Array(selection.rowTo - selection.rowFrom) };
  sizesAndEntries(model, selection, r.maxEventSize, index, orgs?.last ?? null, orgs?.first && orgs.several ? orgs : null);
  const { start, actorStart, entry } = index;
  return { selection, incidence: incidenceFrom(model, selection, column, actorCount, start, actorStart, entry) };
}

/** What `selectAndIndex` counts beside the event sizes: per event its members, per actor its events, and the rows that are entries. */
interface EntryCounts {
  byPerson: boolean;
  start: Int32Array;
  actorStart: Int32Array;
  entry: Uint8Array;
}

/**
 * The event sizes of a selection (distinct people and organisations per window event, and whether it creates
 * ties) in one pass over its kept rows; with `index`, the incidence entry counts too (the same stamps serve
 * both), and with `lastOrg` / `firstOf` each person's last organisation, first organisation and whether it came
 * for several.
 */
function sizesAndEntries(
  model: AttendanceModel,
  s: Selection,
  max: number | null,
  index: EntryCounts | null,
  lastOrg: Int32Array | null,
  firstOf: { first: Int32Array | null; several: Uint8Array | null } | null,
): void {
  const entry = index?.entry ?? null, actorStart = index?.actorStart ?? null, start = index?.start ?? null;
  const byPerson = index !== null && index.byPerson;
  const byOrganisation = index !== null && !index.byPerson;
  const firstOrg = firstOf?.first ?? null, several = firstOf?.several ?? null;
  const a = model.attendance;
  const { eventFrom, eventCount, rowFrom, rowKept, eventPeople, eventOrganisations, tieEvent } = s;
  const pStamp = new Int32Array(model.people.length).fill(-1);
  const oStamp = new Int32Array(model.organisations.length).fill(-1);
  for (let k = 0; k < eventCount; k++) {
    const e = eventFrom + k;
    let np = 0;
    let no = 0;
    for (let i = a.eventStart[e]!, end = a.eventStart[e + 1]!; i < end; i++) {
      if (rowKept[i - rowFrom] === 0) continue;
      const p = a.person[i]!;
      const o = a.organisation[i]!;
      if (p >= 0 && pStamp[p] !== e) {
        pStamp[p] = e;
        np++;
        if (byPerson) {
          entry![i - rowFrom] = 1;
          actorStart![p + 1]!++;
        }
      }
      if (o >= 0 && oStamp[o] !== e) {
        oStamp[o] = e;
        no++;
        if (byOrganisation) {
          entry![i - rowFrom] = 1;
          actorStart![o + 1]!++;
        }
      }
      if (p < 0 || o < 0) continue;
      if (lastOrg !== null) lastOrg[p] = o;
      if (firstOrg !== null && several !== null) {
        const f = firstOrg[p]!;
        if (f === -1) firstOrg[p] = o;
        else if (f !== o) several[p] = 1;
      }
    }
    eventPeople[k] = np;
    eventOrganisations[k] = no;
    if (start !== null) start[k + 1] = byPerson ? np : no;
    const size = np > 0 ? np : no;
    tieEvent[k] = max === null || size <= max ? 1 : 0;
  }
}

/**
 * Distinct people (`column = "person"`) or organisations per window event, from the kept rows, with the
 * transpose. Counting sorts, no comparison sort: the kept rows (event order) give each actor's events
 * ascending (`actorEvent`); then the actors, visited in index order, fill the events' member lists, which so
 * come out ascending, and note their positions (`actorPos`). Each pass is its own function (see
 * `accumulatePairs`).
 */
export function buildIncidence(model: AttendanceModel, s: Selection, column: 'person' | 'organisation'): Incidence {
  const actorCount = column === 'person' ? model.people.length : model.organisations.length;
  const col = model.attendance[column];
  const start = new Int32Array(s.eventCount + 1);
  const actorStart = new Int32Array(actorCount + 1);
  // 1 for the first kept row of its actor at its event (the incidence entries).
  const entry = new Uint8Array(s.rowTo - s.rowFrom);
  countEntries(model, s, col, actorCount, start, actorStart, entry);
  return incidenceFrom(model, s, column, actorCount, start, actorStart, entry);
}

/** The incidence and its transpose from the counted entries (`start`, `actorStart`: counts at index + 1). */
function incidenceFrom(
  model: AttendanceModel,
  s: Selection,
  column: 'person' | 'organisation',
  actorCount: number,
  start: Int32Array,
  actorStart: Int32Array,
  entry: Uint8Array,
): Incidence {
  prefixSums(start);
  prefixSums(actorStart);
  const actorEvent = new Int32Array(actorStart[actorCount]!);
  placeActorEvents(model, s, model.attendance[column], actorStart, entry, actorEvent);
  const members = new Int32Array(start[s.eventCount]!);
  const actorPos = new Int32Array(actorEvent.length);
  placeMembers(start, actorStart, actorEvent, members, actorPos);
  return { eventFrom: s.eventFrom, eventCount: s.eventCount, actorCount, start, members, ties: s.tieEvent, actorStart, actorEvent, actorPos };
}

/** Counts to CSR starts in place: `a[v + 1] += a[v]` for every v (one loop for every such pass). */
export function prefixSums(a: Int32Array): void {
  for (let v = 0, n = a.length - 1; v < n; v++) a[v + 1]! += a[v]!;
}

function countEntries(
  model: AttendanceModel,
  s: Selection,
  col: Int32Array,
  actorCount: number,
  start: Int32Array,
  actorStart: Int32Array,
  entry: Uint8Array,
): void {
  const eventStart = model.attendance.eventStart;
  const { rowFrom, rowKept } = s;
  const stamp = new Int32Array(actorCount).fill(-1);
  for (let k = 0; k < s.eventCount; k++) {
    const e = s.eventFrom + k;
    let size = 0;
    for (let i = eventStart[e]!, end = eventStart[e + 1]!; i < end; i++) {
      if (rowKept[i - rowFrom] === 0) continue;
      const v = col[i]!;
      if (v < 0 || stamp[v] === e) continue;
      stamp[v] = e;
      entry[i - rowFrom] = 1;
      actorStart[v + 1]!++;
      size++;
    }
    start[k + 1] = size;
  }
}

function placeActorEvents(model: AttendanceModel, s: Selection, col: Int32Array, actorStart: Int32Array, entry: Uint8Array, actorEvent: Int32Array): void {
  const eventStart = model.attendance.eventStart;
  const fill = actorStart.slice(0, actorStart.length - 1);
  const rowFrom = s.rowFrom;
  for (let k = 0; k < s.eventCount; k++) {
    const e = s.eventFrom + k;
    for (let i = eventStart[e]!, end = eventStart[e + 1]!; i < end; i++) {
      if (entry[i - rowFrom] === 0) continue;
      actorEvent[fill[col[i]!]!++] = k;
    }
  }
}

function placeMembers(start: Int32Array, actorStart: Int32Array, actorEvent: Int32Array, members: Int32Array, actorPos: Int32Array): void {
  const fill = start.slice(0, start.length - 1);
  for (let v = 0, n = actorStart.length - 1; v < n; v++) {
    for (let x = actorStart[v]!, end = actorStart[v + 1]!; x < end; x++) {
      const at = fill[actorEvent[x]!]!++;
      members[at] = v;
      actorPos[x] = at;
    }
  }
}
