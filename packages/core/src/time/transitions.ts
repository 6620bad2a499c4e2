/**
 * Tie transitions between two dates (PRODUCT.md §3): ties that are new, went from weak to strong, became
 * fading, or were lost from a rolling window, each listed with its profile before and after. Both dates are
 * snapshots built by the network builders (cumulative, or a rolling window when `window` is given).
 */
import { InvalidOptionError } from '../errors.js';
import type { NetworkOptions, OrganisationTieAttributes, PersonTieAttributes, TieAttributes } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import { assertIsoDate } from './calendar.js';
import { snapshotAsOf, snapshotWindow } from './snapshot.js';
import type { Snapshot } from './snapshot.js';

/** One tie seen at two dates (`before` null when it did not exist at the first, `after` null when gone at the second). */
export interface TieChange<T extends TieAttributes> {
  source: string;
  target: string;
  before: T | null;
  after: T | null;
}

/** The transitions of one level, each list sorted by source then target. */
export interface TieTransitionLists<T extends TieAttributes> {
  /** Present at the second date only. */
  new: TieChange<T>[];
  /** Weak at the first date, strong at the second. */
  weakToStrong: TieChange<T>[];
  /** Strong at the first date, weak at the second (only in a rolling window, or with basis "significant"). */
  strongToWeak: TieChange<T>[];
  /** Active at the first date, fading at the second. */
  becameFading: TieChange<T>[];
  /** Fading at the first date, active again at the second. */
  revived: TieChange<T>[];
  /** Present at the first date only (a rolling window lets ties drop out). */
  lost: TieChange<T>[];
  /** Present at both dates with no change of class or state. */
  unchanged: number;
}

export interface TieTransitions {
  dateA: string;
  dateB: string;
  /** The rolling window used, or null for cumulative snapshots. */
  window: string | number | null;
  persons: TieTransitionLists<PersonTieAttributes>;
  organisations: TieTransitionLists<OrganisationTieAttributes>;
}

/** Options of `tieTransitions`: network options plus an optional rolling window. */
export interface TieTransitionOptions extends NetworkOptions {
  /** Compare rolling windows of this length ending on each date instead of cumulative views. Default: null. */
  window?: string | number | null;
}

/** Compare the ties of two graphs keyed by edge key. */
export function compareTies<T extends TieAttributes>(
  a: { forEachEdge(cb: (key: string, attr: T, source: string, target: string) => void): void; hasEdge(key: string): boolean; getEdgeAttributes(key: string): T },
  b: typeof a,
): TieTransitionLists<T> {
  const out: TieTransitionLists<T> = { new: [], weakToStrong: [], strongToWeak: [], becameFading: [], revived: [], lost: [], unchanged: 0 };
  b.forEachEdge((key, after, source, target) => {
    if (!a.hasEdge(key)) {
      out.new.push({ source, target, before: null, after: { ...after } });
      return;
    }
    const before = a.getEdgeAttributes(key);
    const change = { source, target, before: { ...before }, after: { ...after } };
    let changed = false;
    if (before.class === 'weak' && after.class === 'strong') (out.weakToStrong.push(change), (changed = true));
    if (before.class === 'strong' && after.class === 'weak') (out.strongToWeak.push(change), (changed = true));
    if (before.state === 'active' && after.state === 'fading') (out.becameFading.push(change), (changed = true));
    if (before.state === 'fading' && after.state === 'active') (out.revived.push(change), (changed = true));
    if (!changed) out.unchanged++;
  });
  a.forEachEdge((key, before, source, target) => {
    if (!b.hasEdge(key)) out.lost.push({ source, target, before: { ...before }, after: null });
  });
  const order = (x: TieChange<T>, y: TieChange<T>) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : x.target > y.target ? 1 : 0);
  for (const list of [out.new, out.weakToStrong, out.strongToWeak, out.becameFading, out.revived, out.lost]) list.sort(order);
  return out;
}

/**
 * Tie transitions between `dateA` and `dateB` (dateA ≤ dateB), at person and organisation level. Cumulative
 * snapshots by default (ties are never lost then, only strengthened or fading); with `window: "12m"` both
 * dates are rolling windows and ties can drop out (`lost`).
 */
export function tieTransitions(model: AttendanceModel, dateA: string, dateB: string, options: TieTransitionOptions = {}): TieTransitions {
  const who = 'tieTransitions';
  assertIsoDate(who, 'dateA', dateA);
  assertIsoDate(who, 'dateB', dateB);
  if (dateB < dateA) throw new InvalidOptionError(who, 'dateB', dateB, `a date on or after dateA (${dateA})`);
  const { window = null, ...net } = options;
  const snap = (d: string): Snapshot => (window == null ? snapshotAsOf(model, d, net) : snapshotWindow(model, d, window, net));
  const a = snap(dateA), b = snap(dateB);
  return {
    dateA,
    dateB,
    window,
    persons: compareTies<PersonTieAttributes>(a.persons, b.persons),
    organisations: compareTies<OrganisationTieAttributes>(a.organisations, b.organisations),
  };
}
