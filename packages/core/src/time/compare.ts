/**
 * Before/after comparison of two periods (PRODUCT.md §3), e.g. the first and the last six months: the growth
 * figures of each period's network side by side, their differences, and the ties that are new in the second
 * period or lost from it. Each period is a window snapshot built by the network builders.
 */
import { InvalidOptionError } from '../errors.js';
import { addMonths, dayToIso, isoToDay } from '../model/dates.js';
import type { NetworkOptions, OrganisationTieAttributes, PersonTieAttributes } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import { assertIsoDate, eventDates, previousDay, resolveDuration, windowStart } from './calendar.js';
import { GROWTH_ALL_COLUMNS, rowFromGraphs } from './figures.js';
import type { GrowthRow } from './figures.js';
import { buildSnapshot } from './snapshot.js';
import { compareTies } from './transitions.js';
import type { TieChange } from './transitions.js';

/** A period to compare: explicit bounds, the first N months of the data, or the last N months. */
export type ComparedPeriod = { from: string; to: string; label?: string } | { first: string | number; label?: string } | { last: string | number; label?: string };

/** The figures of one period. */
export interface PeriodFigures {
  label: string;
  from: string;
  to: string;
  /**
   * The growth-row figures of the period's network (recency judged at `to`). `new_people` / `new_organisations`
   * count those never seen before the period; `new_*_ties` count pairs never tied before it; `active_*` = all.
   */
  figures: GrowthRow;
}

export interface PeriodComparison {
  a: PeriodFigures;
  b: PeriodFigures;
  /** b − a for every numeric figure. */
  difference: Record<string, number>;
  /** Ties of period b that were not ties in period a, and ties of a that are absent from b. */
  newTies: { persons: TieChange<PersonTieAttributes>[]; organisations: TieChange<OrganisationTieAttributes>[] };
  lostTies: { persons: TieChange<PersonTieAttributes>[]; organisations: TieChange<OrganisationTieAttributes>[] };
}

/** Resolve a compared period against the model's event dates. */
export function resolvePeriod(model: AttendanceModel, period: ComparedPeriod, who: string, option: string): { from: string; to: string; label: string } {
  const dates = eventDates(who, model);
  if (dates.length === 0) throw new InvalidOptionError(who, option, period, 'a period of a model with events');
  if ('from' in period) {
    assertIsoDate(who, `${option}.from`, period.from);
    assertIsoDate(who, `${option}.to`, period.to);
    if (period.to < period.from) throw new InvalidOptionError(who, `${option}.to`, period.to, `a date on or after "from" (${period.from})`);
    return { from: period.from, to: period.to, label: period.label ?? `${period.from}..${period.to}` };
  }
  if ('first' in period) {
    const d = resolveDuration(who, `${option}.first`, period.first);
    const from = dates[0]!;
    // The first N months run from the first event up to the day before the same date N months later.
    const to = previousDay(dayToIso(isoToDay(addMonths(from, d.months)) + d.days));
    return { from, to, label: period.label ?? `first ${period.first}` };
  }
  if ('last' in period) {
    const to = dates[dates.length - 1]!;
    return { from: windowStart(to, resolveDuration(who, `${option}.last`, period.last)), to, label: period.label ?? `last ${period.last}` };
  }
  throw new InvalidOptionError(who, option, period, 'a period {from, to}, {first: "6m"} or {last: "6m"}');
}

function periodFigures(model: AttendanceModel, p: { from: string; to: string; label: string }, options: NetworkOptions, who: string): { out: PeriodFigures; snap: ReturnType<typeof buildSnapshot> } {
  const snap = buildSnapshot(model, 'window', p.to, p.from, options, who);
  const figures = rowFromGraphs(snap, null, p.from);
  // "New" is relative to everything before the period, so read the history once (cumulative up to the day before).
  const dates = eventDates(who, model);
  if (dates.length > 0 && dates[0]! < p.from) {
    const before = buildSnapshot(model, 'cumulative', previousDay(p.from), options.from ?? null, options, who);
    const count = (g: { forEachNode(cb: (k: string) => void): void }, h: { hasNode(k: string): boolean }) => {
      let n = 0;
      g.forEachNode((k) => (h.hasNode(k) ? undefined : n++));
      return n;
    };
    const countTies = (g: { forEachEdge(cb: (k: string) => void): void }, h: { hasEdge(k: string): boolean }) => {
      let n = 0;
      g.forEachEdge((k) => (h.hasEdge(k) ? undefined : n++));
      return n;
    };
    figures.new_people = count(snap.persons, before.persons);
    figures.new_organisations = count(snap.organisations, before.organisations);
    figures.new_person_ties = countTies(snap.persons, before.persons);
    figures.new_organisation_ties = countTies(snap.organisations, before.organisations);
  }
  return { out: { label: p.label, from: p.from, to: p.to, figures }, snap };
}

/**
 * Compare two periods side by side (e.g. `{first: "6m"}` and `{last: "6m"}`): the same figures for each
 * period's window network, the differences b − a, and the ties new in b or lost from a.
 */
export function comparePeriods(model: AttendanceModel, periodA: ComparedPeriod, periodB: ComparedPeriod, options: NetworkOptions = {}): PeriodComparison {
  const who = 'comparePeriods';
  const pa = resolvePeriod(model, periodA, who, 'periodA');
  const pb = resolvePeriod(model, periodB, who, 'periodB');
  const A = periodFigures(model, pa, options, who);
  const B = periodFigures(model, pb, options, who);
  const difference: Record<string, number> = {};
  for (const c of GROWTH_ALL_COLUMNS) {
    const x = A.out.figures[c as keyof GrowthRow], y = B.out.figures[c as keyof GrowthRow];
    if (typeof x === 'number' && typeof y === 'number') difference[c] = y - x;
  }
  const tp = compareTies<PersonTieAttributes>(A.snap.persons, B.snap.persons);
  const to = compareTies<OrganisationTieAttributes>(A.snap.organisations, B.snap.organisations);
  return {
    a: A.out,
    b: B.out,
    difference,
    newTies: { persons: tp.new, organisations: to.new },
    lostTies: { persons: tp.lost, organisations: to.lost },
  };
}
