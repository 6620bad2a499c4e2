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
}

/**
 * Select the rows of a network. Staff of the excluded organisation are the people with at least one row
 * for it inside the window; all their rows (whatever the organisation) and all rows of the organisation go.
 */
export function selectRows(model: AttendanceModel, r: ResolvedNetworkOptions): Selection {
  const { attendance: a } = model;
  const eventFrom = r.eventFrom;
  const eventCount = Math.max(0, r.eventTo - r.eventFrom);
  const rowFrom = a.eventStart[eventFrom] ?? a.length;
  const rowTo = a.eventStart[eventFrom + eventCount] ?? a.length;
  const excludedPerson = staffOf(model, r.excludedOrganisation, rowFrom, rowTo);
  const rowKept = keptRows(model, r.excludedOrganisation, excludedPerson, rowFrom, rowTo);
  const sizes = eventSizes(model, eventFrom, eventCount, rowKept, rowFrom, r.maxEventSize);
  return { eventFrom, eventCount, rowFrom, rowTo, rowKept, excludedPerson, ...sizes };
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

function eventSizes(
  model: AttendanceModel,
  eventFrom: number,
  eventCount: number,
  rowKept: Uint8Array,
  rowFrom: number,
  max: number | null,
): Pick<Selection, 'eventPeople' | 'eventOrganisations' | 'tieEvent'> {
  const a = model.attendance;
  const eventPeople = new Int32Array(eventCount);
  const eventOrganisations = new Int32Array(eventCount);
  const tieEvent = new Uint8Array(eventCount);
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
      }
      if (o >= 0 && oStamp[o] !== e) {
        oStamp[o] = e;
        no++;
      }
    }
    eventPeople[k] = np;
    eventOrganisations[k] = no;
    const size = np > 0 ? np : no;
    tieEvent[k] = max === null || size <= max ? 1 : 0;
  }
  return { eventPeople, eventOrganisations, tieEvent };
}

/** Distinct people (`column = "person"`) or organisations per window event, from the kept rows. */
export function buildIncidence(model: AttendanceModel, s: Selection, column: 'person' | 'organisation'): Incidence {
  const a = model.attendance;
  const col = a[column];
  const actorCount = column === 'person' ? model.people.length : model.organisations.length;
  const start = new Int32Array(s.eventCount + 1);
  const members = new Int32Array(s.rowTo - s.rowFrom);
  const stamp = new Int32Array(actorCount).fill(-1);
  let m = 0;
  for (let k = 0; k < s.eventCount; k++) {
    const e = s.eventFrom + k;
    start[k] = m;
    for (let i = a.eventStart[e]!, end = a.eventStart[e + 1]!; i < end; i++) {
      if (s.rowKept[i - s.rowFrom] === 0) continue;
      const v = col[i]!;
      if (v < 0 || stamp[v] === e) continue;
      stamp[v] = e;
      members[m++] = v;
    }
    members.subarray(start[k], m).sort();
  }
  start[s.eventCount] = m;
  return { eventFrom: s.eventFrom, eventCount: s.eventCount, actorCount, start, members: members.slice(0, m), ties: s.tieEvent };
}
