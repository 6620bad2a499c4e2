/**
 * Options of "partners needing attention" (PRODUCT.md §4): validation and defaults, the convenor lookup, and
 * the calendar-month count used by `drifting`. Shared by the compact judge and the graph reference.
 */
import { InvalidOptionError, NotFoundError } from '../errors.js';
import { addMonths, parseDuration } from '../model/dates.js';
import { findOrganisation, resolveNetworkOptions } from '../network/options.js';
import type { NetworkOptions } from '../network/types.js';
import { assertInteger, assertOneOf } from '../options.js';
import type { AttendanceModel } from '../types.js';
import { ATTENTION_DEFAULTS, ATTENTION_LEVELS } from './types.js';
import type { AttentionOptions } from './types.js';

/** Whole months from `from` to `to` (how many times a month can be added to `from` without passing `to`). */
export function wholeMonthsBetween(from: string, to: string): number {
  let m = Math.max(0, (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  while (m > 0 && addMonths(from, m) > to) m--;
  return m;
}

/** Find the convenor by id or name; NotFoundError naming the `convenor` option otherwise. */
export function findConvenor(model: AttendanceModel, convenor: string, who: string): number {
  try {
    return findOrganisation(model, convenor, who);
  } catch (err) {
    if (err instanceof NotFoundError)
      throw new NotFoundError('organisation', convenor, `${who}: the convenor is given by organisation id (e.g. "O001") or by name as written in the data.`);
    throw err;
  }
}

/** Validate and split the options: attention's own fields and the network options (window ends at asOf). */
export function resolveAttentionOptions(model: AttendanceModel, options: AttentionOptions, who: string) {
  const { driftAfter = ATTENTION_DEFAULTS.driftAfter, convenor = ATTENTION_DEFAULTS.convenor, level = ATTENTION_DEFAULTS.level,
    suggestions = ATTENTION_DEFAULTS.suggestions, ...rest } = options;
  assertOneOf(who, 'level', level, ATTENTION_LEVELS);
  if (typeof driftAfter !== 'string') throw new InvalidOptionError(who, 'driftAfter', driftAfter, 'a duration such as "6m"');
  const drift = parseDuration(driftAfter, who, 'driftAfter');
  assertInteger(who, 'suggestions', suggestions, 0);
  if (suggestions > 3) throw new InvalidOptionError(who, 'suggestions', suggestions, 'an integer from 0 to 3');
  if (convenor !== null && (typeof convenor !== 'string' || convenor.trim() === ''))
    throw new InvalidOptionError(who, 'convenor', convenor, 'an organisation id (e.g. "O001") or name, or null');
  const net: NetworkOptions = { ...rest, to: rest.to ?? rest.asOf ?? null };
  const resolved = resolveNetworkOptions(model, net, who);
  const convenorIndex = convenor === null ? -1 : findConvenor(model, convenor, who);
  if (convenorIndex >= 0 && resolved.excludedOrganisation >= 0 && resolved.excludedOrganisation !== convenorIndex)
    throw new InvalidOptionError(who, 'convenor', convenor, `the same organisation as "exclude" (${rest.exclude}) or null: only one organisation can be left out at a time`);
  return { driftAfter, drift, convenorIndex, level, suggestions, net, asOf: resolved.asOfDate, alreadyExcluded: resolved.excludedOrganisation >= 0, resolved };
}
