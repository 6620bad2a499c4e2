/**
 * Defaults, validation and resolution of `NetworkOptions`: the window as a range of chronological event
 * indices, the as-of date, the organisation left out, and the fading threshold as an ISO date.
 */
import { InvalidOptionError, NotFoundError } from '../errors.js';
import { nameKey } from '../model/identity.js';
import { isValidYmd, parseDuration, subtractDuration } from '../model/dates.js';
import { assertInteger, assertNumber, assertOneOf, resolveOptions } from '../options.js';
import type { AttendanceModel } from '../types.js';
import { BACKBONE_MODELS, CORRECTIONS, STRENGTH_BASES, type NetworkOptions } from './types.js';

/** Every `NetworkOptions` field with its default value. */
export const NETWORK_DEFAULTS: Readonly<Required<NetworkOptions>> = Object.freeze({
  from: null,
  to: null,
  asOf: null,
  maxEventSize: null,
  eventTypeWeights: Object.freeze({}) as Readonly<Record<string, number>>,
  strongMin: 3,
  strengthBasis: 'shared_events',
  fadeAfter: '9m',
  alpha: 0.05,
  correction: 'none',
  backbone: 'hypergeometric',
  exclude: null,
});

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function assertIsoOrNull(who: string, option: string, value: unknown): asserts value is string | null {
  if (value === null) return;
  const ok =
    typeof value === 'string' &&
    ISO.test(value) &&
    isValidYmd(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
  if (!ok) throw new InvalidOptionError(who, option, value, 'an ISO date "YYYY-MM-DD" or null');
}

/**
 * Check merged network options; throws `InvalidOptionError` naming the first bad field.
 * @param who The function speaking in the message (e.g. `personNetwork`).
 */
export function validateNetworkOptions(options: Required<NetworkOptions>, who = 'network'): void {
  assertIsoOrNull(who, 'from', options.from);
  assertIsoOrNull(who, 'to', options.to);
  if (options.from !== null && options.to !== null && options.from > options.to)
    throw new InvalidOptionError(who, 'to', options.to, `a date on or after "from" (${options.from})`);
  assertIsoOrNull(who, 'asOf', options.asOf);
  if (options.maxEventSize !== null) assertInteger(who, 'maxEventSize', options.maxEventSize, 2);
  const w = options.eventTypeWeights as unknown;
  if (typeof w !== 'object' || w === null || Array.isArray(w))
    throw new InvalidOptionError(who, 'eventTypeWeights', w, 'an object such as {"webinar": 0.25}');
  for (const [type, value] of Object.entries(w as Record<string, unknown>)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      throw new InvalidOptionError(who, `eventTypeWeights.${type}`, value, 'a finite number >= 0');
  }
  assertNumber(who, 'strongMin', options.strongMin, 0);
  assertOneOf(who, 'strengthBasis', options.strengthBasis, STRENGTH_BASES);
  if (typeof options.fadeAfter !== 'string')
    throw new InvalidOptionError(who, 'fadeAfter', options.fadeAfter, 'a duration such as "9m", "6m", "2y", "12w" or "30d"');
  parseDuration(options.fadeAfter, who, 'fadeAfter');
  if (typeof options.alpha !== 'number' || !(options.alpha > 0 && options.alpha <= 1))
    throw new InvalidOptionError(who, 'alpha', options.alpha, 'a number in (0, 1], e.g. 0.05');
  assertOneOf(who, 'correction', options.correction, CORRECTIONS);
  assertOneOf(who, 'backbone', options.backbone, BACKBONE_MODELS);
  if (options.exclude !== null && (typeof options.exclude !== 'string' || options.exclude.trim() === ''))
    throw new InvalidOptionError(who, 'exclude', options.exclude, 'an organisation id (e.g. "O001") or name, or null');
}

/** Network options merged with defaults, validated, and resolved against one model. */
export interface ResolvedNetworkOptions extends Required<NetworkOptions> {
  /** First event index in the window (inclusive). */
  eventFrom: number;
  /** One past the last event index in the window. */
  eventTo: number;
  /** The as-of date actually used (ISO), or null when nothing in the window is dated. */
  asOfDate: string | null;
  /** Last shared events strictly before this date are `fading` (null: nothing fades). */
  fadeBefore: string | null;
  /** Index of the organisation left out, or -1. */
  excludedOrganisation: number;
}

/**
 * Find an organisation by id (`O001`) or by name (compared with `nameKey`).
 * @throws NotFoundError when no organisation matches.
 */
export function findOrganisation(model: AttendanceModel, key: string, who = 'network'): number {
  const byId = model.organisations.find((o) => o.id === key.trim());
  if (byId) return byId.index;
  const k = nameKey(key);
  const byName = model.organisations.find((o) => nameKey(o.name) === k);
  if (byName) return byName.index;
  throw new NotFoundError('organisation', key, `${who}: option "exclude" takes an organisation id (e.g. "O001") or a name as written in the data.`);
}

/** Merge defaults, validate and resolve the window against the model. */
export function resolveNetworkOptions(model: AttendanceModel, options: NetworkOptions | undefined, who = 'network'): ResolvedNetworkOptions {
  const o = resolveOptions(NETWORK_DEFAULTS, options);
  validateNetworkOptions(o, who);
  const events = model.events;
  let eventFrom = 0;
  let eventTo = events.length;
  if (o.from !== null || o.to !== null) {
    // Events are chronological with undated ones last; a dated window is therefore one contiguous range.
    eventFrom = events.length;
    eventTo = 0;
    for (const e of events) {
      if (e.date === null) continue;
      if (o.from !== null && e.date < o.from) continue;
      if (o.to !== null && e.date > o.to) continue;
      if (e.index < eventFrom) eventFrom = e.index;
      if (e.index + 1 > eventTo) eventTo = e.index + 1;
    }
    if (eventTo < eventFrom) eventTo = eventFrom;
  }
  let lastDate: string | null = null;
  for (let e = eventTo - 1; e >= eventFrom; e--) {
    const d = events[e]!.date;
    if (d !== null) {
      lastDate = d;
      break;
    }
  }
  const asOfDate = o.asOf ?? o.to ?? lastDate;
  const fadeBefore = asOfDate === null ? null : subtractDuration(asOfDate, parseDuration(o.fadeAfter, who, 'fadeAfter'));
  const excludedOrganisation = o.exclude === null ? -1 : findOrganisation(model, o.exclude, who);
  return { ...o, eventFrom, eventTo, asOfDate, fadeBefore, excludedOrganisation };
}
