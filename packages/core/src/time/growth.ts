/**
 * Growth series: one row per event date, month end or quarter end, each the cumulative network as of that
 * date with the figures of PRODUCT.md §3 (`growth.csv`). Computed incrementally by one replay of the events
 * (see replay.ts): pair counts in a hash, union-find components, and Fenwick trees for the as-of-dependent
 * counts (fading ties, active people), so the whole series costs about one network build, not one per row.
 */
import { InvalidOptionError } from '../errors.js';
import { parseDuration, subtractDuration } from '../model/dates.js';
import { NETWORK_DEFAULTS, validateNetworkOptions } from '../network/options.js';
import type { NetworkOptions } from '../network/types.js';
import { resolveOptions } from '../options.js';
import type { AttendanceModel } from '../types.js';
import { countOnOrBefore, eventDates, firstOnOrAfter, nextDay, periodEnd, resolveDuration, windowStart } from './calendar.js';
import type { Period } from './calendar.js';
import { density, GROWTH_ALL_COLUMNS, rowFromGraphs, share } from './figures.js';
import type { GrowthRow } from './figures.js';
import { createReplay } from './replay.js';
import type { Replay } from './replay.js';
import { snapshotAsOf } from './snapshot.js';

/** Row spacing of a growth series. */
export const GROWTH_EVERY = ['event', 'month', 'quarter', 'half', 'year'] as const;
export type GrowthEvery = (typeof GROWTH_EVERY)[number];

/** Options of `growthSeries`: the row spacing, the activity window, and every network option. */
export interface GrowthOptions extends NetworkOptions {
  /** One row per event date, or per month / quarter / half-year / year end (the last row is the end date). Default: "month". */
  every?: GrowthEvery;
  /** Rolling window for `active_people` / `active_organisations`: a duration ("12m", "6m", "1y") or months. Default: "12m". */
  window?: string | number;
}

export const GROWTH_DEFAULTS: Readonly<Required<GrowthOptions>> = Object.freeze({
  ...NETWORK_DEFAULTS,
  every: 'month' as GrowthEvery,
  window: '12m',
});

/** A growth series and how it was computed. */
export interface GrowthSeries {
  every: GrowthEvery;
  window: string | number;
  /** Column order for `toCsv`: the contractual `growth.csv` columns, then the extras. */
  columns: readonly string[];
  rows: GrowthRow[];
  /**
   * `incremental` (one replay) or `snapshots` (one full build per row: used for `strengthBasis: "significant"`,
   * whose p-values depend on the whole window and cannot be updated pair by pair).
   */
  method: 'incremental' | 'snapshots';
  /** Incremental only: state rebuilds caused by earlier participants turning out to be the excluded organisation's staff. */
  rebuilds: number;
}

/** The as-of dates of the rows: event dates, or period ends followed by the end date itself. */
export function growthDates(dates: readonly string[], start: number, end: string, every: GrowthEvery): string[] {
  const stop = countOnOrBefore(dates, end);
  if (start >= stop) return [];
  const out: string[] = [];
  if (every === 'event') {
    for (let e = start; e < stop; e++) if (out[out.length - 1] !== dates[e]) out.push(dates[e]!);
    return out;
  }
  for (let d = periodEnd(dates[start]!, every as Period); d < end; d = periodEnd(nextDay(d), every as Period)) out.push(d);
  out.push(end);
  return out;
}

/**
 * The growth of the network: one row per event date / month / quarter, each the cumulative network as of
 * the row's date (from `options.from`, or the first event), with recency judged at that date.
 *
 * Cost (incremental path): Σ_e n_e² pair updates, each O(1) hash + O(log E) Fenwick, plus O(log E) per row
 * for the fading and active counts (ties are bucketed by the index of their last shared event; a row's fading
 * count is the prefix sum of buckets before its cut-off). With `exclude`, each event where someone who already
 * came turns up for the excluded organisation replays the events so far once more (`rebuilds`).
 * `strengthBasis: "significant"` falls back to one snapshot build per row.
 */
export function growthSeries(model: AttendanceModel, options: GrowthOptions = {}): GrowthSeries {
  const who = 'growthSeries';
  const o = resolveOptions(GROWTH_DEFAULTS, options);
  if (!(GROWTH_EVERY as readonly string[]).includes(o.every))
    throw new InvalidOptionError(who, 'every', o.every, `one of ${GROWTH_EVERY.map((e) => `"${e}"`).join(', ')}`);
  const windowLength = resolveDuration(who, 'window', o.window);
  const { every: _every, window: _window, ...net } = o;
  validateNetworkOptions(net, who);
  const fade = parseDuration(net.fadeAfter, who, 'fadeAfter');
  const dates = eventDates(who, model);
  const start = net.from == null ? 0 : firstOnOrAfter(dates, net.from);
  const end = net.to ?? net.asOf ?? dates[dates.length - 1];
  const rowDates = end == null ? [] : growthDates(dates, start, end, o.every);
  const base = { every: o.every, window: o.window, columns: GROWTH_ALL_COLUMNS };

  if (net.strengthBasis === 'significant') {
    const rows: GrowthRow[] = [];
    let previous: string | null = null;
    for (const d of rowDates) {
      rows.push(rowFromGraphs(snapshotAsOf(model, d, net), previous, windowStart(d, windowLength)));
      previous = d;
    }
    return { ...base, rows, method: 'snapshots', rebuilds: 0 };
  }

  const replay = createReplay(model, net, who, start);
  const rows: GrowthRow[] = [];
  let previousStop = start;
  for (const d of rowDates) {
    const stop = countOnOrBefore(dates, d);
    while (replay.processed < stop) replay.step();
    rows.push(rowFromReplay(replay, d, {
      events: stop - start,
      previousStop,
      fadeIndex: firstOnOrAfter(dates, subtractDuration(d, fade)),
      activeIndex: firstOnOrAfter(dates, windowStart(d, windowLength)),
    }));
    previousStop = stop;
  }
  return { ...base, rows, method: 'incremental', rebuilds: replay.rebuilds };
}

/** Read a growth row off the replay state (all events up to the row's date replayed). */
function rowFromReplay(
  replay: Replay,
  date: string,
  at: { events: number; previousStop: number; fadeIndex: number; activeIndex: number },
): GrowthRow {
  const P = replay.persons, O = replay.organisations;
  const fadingP = replay.tiesLastBefore('person', at.fadeIndex);
  const fadingO = replay.tiesLastBefore('organisation', at.fadeIndex);
  return {
    date,
    events: at.events,
    people: P.seen,
    organisations: O.seen,
    new_people: P.seen - replay.seenFirstBefore('person', at.previousStop),
    new_organisations: O.seen - replay.seenFirstBefore('organisation', at.previousStop),
    person_ties: P.ties,
    strong_person_ties: P.strongTies,
    organisation_ties: O.ties,
    strong_organisation_ties: O.strongTies,
    weak_organisation_ties: O.ties - O.strongTies,
    fading_organisation_ties: fadingO,
    person_density: density(P.seen, P.ties),
    organisation_density: density(O.seen, O.ties),
    person_components: P.components,
    organisation_components: O.components,
    largest_organisation_component_share: share(O.largestComponent, O.seen),
    repeat_share: share(P.repeat, P.seen),
    active_people: P.seen - replay.seenLastBefore('person', at.activeIndex),
    active_organisations: O.seen - replay.seenLastBefore('organisation', at.activeIndex),
    weak_person_ties: P.ties - P.strongTies,
    fading_person_ties: fadingP,
    new_person_ties: P.ties - replay.tiesFirstBefore('person', at.previousStop),
    new_organisation_ties: O.ties - replay.tiesFirstBefore('organisation', at.previousStop),
    mean_person_degree: share(2 * P.ties, P.seen),
    mean_organisation_degree: share(2 * O.ties, O.seen),
    largest_person_component_share: share(P.largestComponent, P.seen),
    repeat_organisation_share: share(O.repeat, O.seen),
  };
}
