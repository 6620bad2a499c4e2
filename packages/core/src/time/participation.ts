/**
 * Who takes part in an event, by the rules the network builders use: the excluded organisation ("without the
 * convenor") leaves with its staff, every person and organisation is counted once per event, and an event
 * larger than `maxEventSize` keeps its attendance but creates no ties.
 */
import { findOrganisation } from '../network/options.js';
import type { AttendanceModel } from '../types.js';

/**
 * The organisation left out and its staff. As in the network builders (network/selection.ts), staff are the
 * people with at least one row for the organisation inside the window, so in a cumulative replay the staff
 * grows as time goes forward: `staff` holds the people known to be staff so far.
 */
export interface Exclusion {
  /** Organisation index, or -1 when nothing is excluded. */
  organisation: number;
  /** 1 for every person left out with it (so far). */
  staff: Uint8Array;
}

/** Resolve `exclude` (id or name, or null) into an organisation index with an empty staff mask. */
export function resolveExclusion(model: AttendanceModel, exclude: string | null | undefined, who: string): Exclusion {
  const staff = new Uint8Array(model.people.length);
  if (exclude == null) return { organisation: -1, staff };
  return { organisation: findOrganisation(model, exclude, who), staff };
}

/**
 * People who come for the excluded organisation at event `e` and are not yet staff. The caller marks them
 * and, when one of them was seen before, rebuilds its state (their earlier rows leave the network too).
 */
export function newStaffAt(model: AttendanceModel, e: number, exclusion: Exclusion): number[] {
  const x = exclusion.organisation;
  if (x < 0) return [];
  const { person, organisation, eventStart } = model.attendance;
  const out: number[] = [];
  for (let r = eventStart[e]!; r < eventStart[e + 1]!; r++) {
    const p = person[r]!;
    if (organisation[r] === x && p >= 0 && exclusion.staff[p] === 0 && !out.includes(p)) out.push(p);
  }
  return out;
}

/** Reusable scratch space to list the distinct participants of one event without allocating per event. */
export interface EventParticipants {
  persons: Int32Array;
  personCount: number;
  organisations: Int32Array;
  organisationCount: number;
}

/** Scratch space with stamps (a fresh stamp per call, so an event can be listed again after a rebuild). */
export interface ParticipantScratch extends EventParticipants {
  stamp: number;
  personStamp: Int32Array;
  orgStamp: Int32Array;
}

/** Create scratch space sized for a model. */
export function createParticipants(model: AttendanceModel): ParticipantScratch {
  return {
    stamp: 0,
    persons: new Int32Array(model.people.length),
    personCount: 0,
    organisations: new Int32Array(model.organisations.length),
    organisationCount: 0,
    personStamp: new Int32Array(model.people.length).fill(-1),
    orgStamp: new Int32Array(model.organisations.length).fill(-1),
  };
}

/** Fill `out` with the distinct people and organisations of event `e` after the exclusion. */
export function eventParticipants(
  model: AttendanceModel,
  e: number,
  exclusion: Exclusion,
  out: ParticipantScratch,
): void {
  const { person, organisation, eventStart } = model.attendance;
  out.personCount = 0;
  out.organisationCount = 0;
  const stamp = ++out.stamp;
  for (let r = eventStart[e]!; r < eventStart[e + 1]!; r++) {
    const p = person[r]!, o = organisation[r]!;
    if (o >= 0 && o === exclusion.organisation) continue;
    if (p >= 0 && exclusion.staff[p] === 1) continue;
    if (p >= 0 && out.personStamp[p] !== stamp) {
      out.personStamp[p] = stamp;
      out.persons[out.personCount++] = p;
    }
    if (o >= 0 && out.orgStamp[o] !== stamp) {
      out.orgStamp[o] = stamp;
      out.organisations[out.organisationCount++] = o;
    }
  }
}

/**
 * Participants counted against `maxEventSize`: the distinct people present, or the distinct organisations
 * when the event lists no people (organisation-level records).
 */
export function eventSize(p: EventParticipants): number {
  return p.personCount > 0 ? p.personCount : p.organisationCount;
}
