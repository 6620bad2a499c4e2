/**
 * Retention and churn between periods, and cohorts by first attendance (PRODUCT.md §3). Read straight from
 * the attendance model: who came in each period, who stayed from the previous one, who came back after a
 * gap, who was new, and who did not return.
 */
import { InvalidOptionError } from '../errors.js';
import { findOrganisation } from '../network/options.js';
import type { AttendanceModel } from '../types.js';
import { assertIsoDate, eventDates, nextDay, periodEnd, periodLabel, PERIODS, periodStart } from './calendar.js';
import type { Period } from './calendar.js';
import { share } from './figures.js';

/** A period: inclusive ISO bounds and an optional label. */
export interface PeriodSpec {
  from: string;
  to: string;
  label?: string;
}

/** Options of `retention` and `cohorts`. */
export interface RetentionOptions {
  /** Organisation left out with its staff (people who ever came for it in the periods studied). Default: null. */
  exclude?: string | null;
}

/** Retention figures of one level (people or organisations) in one period. */
export interface RetentionFigures {
  /** Present in the period. */
  present: number;
  /** Present in the previous period too. */
  retained: number;
  /** Never seen before this period. */
  new: number;
  /** Seen before, absent in the previous period, back now. */
  returning: number;
  /** Present in the previous period, absent in this one. */
  lost: number;
  /** retained / present in the previous period (null for the first period or an empty previous one). */
  retention: number | null;
  /** lost / present in the previous period = 1 − retention (null likewise). */
  churn: number | null;
}

export interface RetentionRow {
  label: string;
  from: string;
  to: string;
  events: number;
  people: RetentionFigures;
  organisations: RetentionFigures;
}

/** Periods covering the model's events: calendar months, quarters, halves or years. */
export function calendarPeriods(model: AttendanceModel, every: Period, who = 'calendarPeriods'): PeriodSpec[] {
  const dates = eventDates(who, model);
  if (dates.length === 0) return [];
  const out: PeriodSpec[] = [];
  const last = dates[dates.length - 1]!;
  for (let d = periodStart(dates[0]!, every); d <= last; d = nextDay(periodEnd(d, every)))
    out.push({ from: d, to: periodEnd(d, every), label: periodLabel(d, every) });
  return out;
}

function resolvePeriods(model: AttendanceModel, periods: readonly PeriodSpec[] | Period, who: string): PeriodSpec[] {
  if (typeof periods === 'string') {
    if (!(PERIODS as readonly string[]).includes(periods))
      throw new InvalidOptionError(who, 'periods', periods, `a list of {from, to} periods or one of ${PERIODS.map((p) => `"${p}"`).join(', ')}`);
    return calendarPeriods(model, periods, who);
  }
  if (!Array.isArray(periods) || periods.length === 0)
    throw new InvalidOptionError(who, 'periods', periods, 'a non-empty list of {from, to} periods or "month", "quarter", "half", "year"');
  periods.forEach((p, i) => {
    assertIsoDate(who, `periods[${i}].from`, p.from);
    assertIsoDate(who, `periods[${i}].to`, p.to);
    if (p.to < p.from) throw new InvalidOptionError(who, `periods[${i}].to`, p.to, `a date on or after its "from" (${p.from})`);
  });
  return periods.map((p) => ({ ...p, label: p.label ?? `${p.from}..${p.to}` }));
}

/** Per period: the set of people and organisations present (after the exclusion), and the event count. */
function presence(model: AttendanceModel, periods: readonly PeriodSpec[], exclude: string | null | undefined, who: string) {
  const dates = eventDates(who, model);
  const { person, organisation, event, length } = model.attendance;
  const x = exclude == null ? -1 : findOrganisation(model, exclude, who);
  const inAny = (d: string) => periods.some((p) => d >= p.from && d <= p.to);
  const staff = new Uint8Array(model.people.length);
  if (x >= 0) for (let r = 0; r < length; r++) if (organisation[r] === x && person[r]! >= 0 && inAny(dates[event[r]!]!)) staff[person[r]!] = 1;
  const firstP = new Array<string | null>(model.people.length).fill(null);
  const firstO = new Array<string | null>(model.organisations.length).fill(null);
  const people = periods.map(() => new Set<number>());
  const orgs = periods.map(() => new Set<number>());
  const events = periods.map(() => new Set<number>());
  for (let r = 0; r < length; r++) {
    const p = person[r]!, o = organisation[r]!;
    if (x >= 0 && (o === x || (p >= 0 && staff[p] === 1))) continue;
    const d = dates[event[r]!]!;
    if (p >= 0 && (firstP[p] == null || d < firstP[p]!)) firstP[p] = d;
    if (o >= 0 && (firstO[o] == null || d < firstO[o]!)) firstO[o] = d;
    periods.forEach((per, i) => {
      if (d < per.from || d > per.to) return;
      events[i]!.add(event[r]!);
      if (p >= 0) people[i]!.add(p);
      if (o >= 0) orgs[i]!.add(o);
    });
  }
  return { people, orgs, events, firstP, firstO };
}

function figures(now: Set<number>, previous: Set<number> | null, first: readonly (string | null)[], from: string): RetentionFigures {
  let retained = 0, fresh = 0;
  for (const v of now) {
    if (previous?.has(v)) retained++;
    else if (first[v]! >= from) fresh++;
  }
  const lost = previous ? [...previous].filter((v) => !now.has(v)).length : 0;
  const prev = previous?.size ?? 0;
  return {
    present: now.size,
    retained,
    new: fresh,
    returning: now.size - retained - fresh,
    lost,
    retention: previous && prev > 0 ? retained / prev : null,
    churn: previous && prev > 0 ? lost / prev : null,
  };
}

/**
 * Retention and churn of people and organisations from each period to the next. `periods` is a list of
 * `{from, to, label?}` (e.g. two years) or a calendar step ("month", "quarter", "half", "year") covering the data.
 * "New" means never seen before the period (anywhere in the data), "returning" seen before but not in the
 * previous period.
 */
export function retention(model: AttendanceModel, periods: readonly PeriodSpec[] | Period, options: RetentionOptions = {}): RetentionRow[] {
  const who = 'retention';
  const list = resolvePeriods(model, periods, who);
  const pr = presence(model, list, options.exclude, who);
  return list.map((p, i) => ({
    label: p.label!,
    from: p.from,
    to: p.to,
    events: pr.events[i]!.size,
    people: figures(pr.people[i]!, i > 0 ? pr.people[i - 1]! : null, pr.firstP, p.from),
    organisations: figures(pr.orgs[i]!, i > 0 ? pr.orgs[i - 1]! : null, pr.firstO, p.from),
  }));
}

/** One cohort: those first seen in a period, and how many of them came in each period from then on. */
export interface CohortRow {
  /** Label of the period of first attendance. */
  cohort: string;
  size: number;
  /** `active[k]`: cohort members present in the k-th period after the cohort's own (k = 0 is the cohort period, = size). */
  active: number[];
  /** `active[k] / size`. */
  share: number[];
}

export interface CohortTable {
  every: Period;
  /** Labels of every period, in order. */
  periods: string[];
  people: CohortRow[];
  organisations: CohortRow[];
}

/** Options of `cohorts`. */
export interface CohortOptions extends RetentionOptions {
  /** Period length. Default: "quarter". */
  every?: Period;
}

/**
 * Cohorts by first attendance: people (and organisations) grouped by the period they first came, with the
 * number of each cohort present in every later period (a retention triangle).
 */
export function cohorts(model: AttendanceModel, options: CohortOptions = {}): CohortTable {
  const who = 'cohorts';
  const every = options.every ?? 'quarter';
  if (!(PERIODS as readonly string[]).includes(every))
    throw new InvalidOptionError(who, 'every', every, `one of ${PERIODS.map((p) => `"${p}"`).join(', ')}`);
  const list = calendarPeriods(model, every, who);
  const pr = presence(model, list, options.exclude, who);
  const triangle = (sets: Set<number>[]): CohortRow[] => {
    const cohortOf = new Map<number, number>();
    sets.forEach((set, i) => set.forEach((v) => (cohortOf.has(v) ? undefined : cohortOf.set(v, i))));
    return list.map((p, c) => {
      const members = [...cohortOf].filter(([, i]) => i === c).map(([v]) => v);
      const active = sets.slice(c).map((set) => members.filter((v) => set.has(v)).length);
      return { cohort: p.label!, size: members.length, active, share: active.map((a) => share(a, members.length)) };
    });
  };
  return { every, periods: list.map((p) => p.label!), people: triangle(pr.people), organisations: triangle(pr.orgs) };
}
