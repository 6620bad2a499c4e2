/**
 * The three time views of PRODUCT.md §3, each one call: cumulative as of a date, a rolling window of N months
 * up to a date, and the network after the N-th meeting. Each returns the person and organisation graphs with
 * full tie profiles and recency state (`active` / `fading`) judged at the snapshot's date.
 */
import { InvalidOptionError } from '../errors.js';
import { organisationNetwork } from '../network/organisation-network.js';
import { personNetwork } from '../network/person-network.js';
import type { NetworkOptions, OrganisationGraph, PersonGraph } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import { assertIsoDate, countOnOrBefore, eventDates, firstOnOrAfter, resolveDuration, windowStart } from './calendar.js';

/** Which view a snapshot is. */
export type SnapshotMode = 'cumulative' | 'window' | 'meeting';

/** A network at one moment. */
export interface Snapshot {
  mode: SnapshotMode;
  /** The as-of date: last day of the window and the date recency is judged against (ISO). */
  date: string;
  /** First day of the window (ISO), or null for "from the first event". */
  from: string | null;
  /** Events dated inside the window (also those above `maxEventSize`, which keep their attendance). */
  events: number;
  /** `meeting` mode: the N asked for (1-based) and that event. */
  meeting?: { n: number; id: string; name: string; date: string };
  persons: PersonGraph;
  organisations: OrganisationGraph;
}

/** Build both graphs for one window and as-of date. */
export function buildSnapshot(
  model: AttendanceModel,
  mode: SnapshotMode,
  date: string,
  from: string | null,
  options: NetworkOptions,
  who: string,
): Snapshot {
  const dates = eventDates(who, model);
  const net: NetworkOptions = { ...options, from, to: date, asOf: date };
  const events = Math.max(0, countOnOrBefore(dates, date) - (from == null ? 0 : firstOnOrAfter(dates, from)));
  return { mode, date, from, events, persons: personNetwork(model, net), organisations: organisationNetwork(model, net) };
}

/**
 * Cumulative view: everything from `options.from` (default: the first event) up to and including `date`,
 * with ties `fading` when their last shared event is more than `fadeAfter` before `date`.
 */
export function snapshotAsOf(model: AttendanceModel, date: string, options: NetworkOptions = {}): Snapshot {
  assertIsoDate('snapshotAsOf', 'date', date);
  return buildSnapshot(model, 'cumulative', date, options.from ?? null, options, 'snapshotAsOf');
}

/**
 * Rolling window: the last `length` up to and including `date` (who is active). `length` is a number of
 * months or a duration such as "12m", "6m" or "1y"; the window of 12 months ending 2024-10-31 starts on
 * 2023-11-01. `options.from`, when later, narrows the window further.
 */
export function snapshotWindow(model: AttendanceModel, date: string, length: number | string = '12m', options: NetworkOptions = {}): Snapshot {
  const who = 'snapshotWindow';
  assertIsoDate(who, 'date', date);
  let from = windowStart(date, resolveDuration(who, 'length', length));
  if (options.from != null && options.from > from) from = options.from;
  return buildSnapshot(model, 'window', date, from, options, who);
}

/**
 * The network after the `n`-th meeting (1-based, chronological): cumulative as of that event's date. Events
 * on the same date as the n-th are indistinguishable by date and are included too (`events` says how many).
 */
export function snapshotAtMeeting(model: AttendanceModel, n: number, options: NetworkOptions = {}): Snapshot {
  const who = 'snapshotAtMeeting';
  eventDates(who, model);
  if (!Number.isInteger(n) || n < 1 || n > model.events.length)
    throw new InvalidOptionError(who, 'n', n, `a meeting number from 1 to ${model.events.length}`);
  const ev = model.events[n - 1]!;
  const s = buildSnapshot(model, 'meeting', ev.date!, options.from ?? null, options, who);
  return { ...s, meeting: { n, id: ev.id, name: ev.name, date: ev.date! } };
}
