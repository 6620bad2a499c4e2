/**
 * The vocabulary of "partners needing attention" (PRODUCT.md §4): reason and suggestion codes, the result
 * shape, the options with their defaults, and the frozen scoring weights.
 */
import type { NetworkOptions } from '../network/types.js';
import type { Bilingual } from './text.js';

/** Reasons, in the order of PRODUCT.md §4. */
export const REASON_CODES = [
  'isolated',
  'only_weak',
  'single_contact',
  'one_timer',
  'drifting',
  'outside_main',
  'bridge_dependent',
  'own_sector_only',
  'convenor_dependent',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Why an introduction is suggested, strongest first. */
export const SUGGESTION_CODES = ['common_partners', 'complementary_sector', 'both_active'] as const;
export type SuggestionCode = (typeof SUGGESTION_CODES)[number];

export const ATTENTION_LEVELS = ['organisation', 'person'] as const;
export type AttentionLevel = (typeof ATTENTION_LEVELS)[number];

/**
 * Score of each reason; an item's score is the sum over its reasons. Being cut off weighs most (isolated,
 * outside the main network), then fragile positions and loss of contact (depending on the convenor, silent
 * for `driftAfter`, hanging on one organisation or tie), then thin ties (only weak, one contact person), and
 * least the mild signals (one event so far, ties only inside the own sector).
 */
export const ATTENTION_WEIGHTS: Readonly<Record<ReasonCode, number>> = Object.freeze({
  isolated: 5,
  outside_main: 4,
  convenor_dependent: 3,
  drifting: 3,
  bridge_dependent: 2,
  only_weak: 2,
  single_contact: 2,
  one_timer: 1,
  own_sector_only: 1,
});

/** One reason with its numbers and sentences. */
export interface AttentionReason {
  code: ReasonCode;
  numbers: Record<string, number | string | null>;
  text: Bilingual;
}

/** One suggested introduction. */
export interface AttentionSuggestion {
  id: string;
  name: string;
  reason: { code: SuggestionCode; numbers: Record<string, number | string | null>; text: Bilingual };
}

/** A flagged organisation (or person) with its reasons, score and up to three introductions. */
export interface AttentionItem {
  id: string;
  name: string;
  score: number;
  reasons: AttentionReason[];
  suggestions: AttentionSuggestion[];
}

/** Options of `attention`: the date, thresholds, convenor, level, and every network option. */
export interface AttentionOptions extends NetworkOptions {
  /** Date the analysis is judged at; the network holds everything up to it. Default: `to`, else the last event's date. */
  asOf?: string | null;
  /** `drifting` after this long without attendance (strictly longer than it before `asOf`). Default: "6m". */
  driftAfter?: string;
  /** The coordinating organisation (id or name) for `convenor_dependent`; null skips that reason. Default: null. */
  convenor?: string | null;
  /** Judge organisations or people. Default: "organisation". */
  level?: AttentionLevel;
  /** Introductions per flagged item (0 to 3). Default: 3. */
  suggestions?: number;
}

export const ATTENTION_DEFAULTS = Object.freeze({
  driftAfter: '6m',
  convenor: null as string | null,
  level: 'organisation' as AttentionLevel,
  suggestions: 3,
});
