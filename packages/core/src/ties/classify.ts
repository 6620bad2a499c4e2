/**
 * Strength class and recency state of ties (PRODUCT.md section 2): `strong` when the strength basis
 * reaches `strongMin` (or the tie is significant, with basis "significant"), else `weak`; `fading` when
 * the last shared event is more than `fadeAfter` before the as-of date, else `active`.
 */
import type { StrengthBasis, TieClass, TieState } from '../network/types.js';

/** Strength class of one tie. */
export function tieClass(basis: StrengthBasis, strongMin: number, sharedEvents: number, weighted: number, significant: boolean): TieClass {
  if (basis === 'significant') return significant ? 'strong' : 'weak';
  return (basis === 'weighted' ? weighted : sharedEvents) >= strongMin ? 'strong' : 'weak';
}

/**
 * Recency state: `fading` when `lastShared` is strictly before `fadeBefore` (= as-of date minus `fadeAfter`).
 * Undated ties and runs without an as-of date are `active`.
 */
export function tieState(lastShared: string | null, fadeBefore: string | null): TieState {
  return lastShared !== null && fadeBefore !== null && lastShared < fadeBefore ? 'fading' : 'active';
}

/** A sentence stating the strength rule, for legends, reports and exports. */
export function describeStrengthRule(basis: StrengthBasis, strongMin: number, fadeAfter: string): string {
  const rule =
    basis === 'significant'
      ? 'a tie is strong when it is significant'
      : `a tie is strong when ${basis === 'weighted' ? 'its weighted shared events' : 'its shared events'} reach ${strongMin}`;
  return `${rule}, otherwise weak; it is fading when its last shared event is more than ${fadeAfter} before the as-of date.`;
}
