/**
 * `backbone(projection, options)`: p-values of every tie under the chosen null model, corrected for
 * multiple testing over the tested pairs (the observed ties: only co-occurring pairs are tested), and
 * `significant` = adjusted p < alpha (strict). Says in words when the data are too small for any tie to
 * reach significance. Null models and papers: see `backbone-tests.ts`.
 */
import { InvalidOptionError } from '../errors.js';
import { assertOneOf, resolveOptions } from '../options.js';
import { BACKBONE_MODELS, CORRECTIONS, type BackboneModel, type Correction } from '../network/types.js';
import {
  DISPARITY_WEIGHTS,
  SDSM_METHODS,
  disparityPValues,
  hypergeometricPValues,
  sdsmPValues,
  tieEventSizes,
  type BackboneInput,
  type DisparityWeight,
  type SdsmMethod,
} from './backbone-tests.js';
import { adjustPValues, rawThreshold } from './correction.js';

export interface BackboneOptions {
  /** Null model. Default: "hypergeometric". */
  backbone?: BackboneModel;
  /** Multiple-testing correction over the tested ties. Default: "none". */
  correction?: Correction;
  /** Significance level; a tie is significant when its adjusted p-value is < alpha. Default: 0.05. */
  alpha?: number;
  /** SDSM tail computation. Default: "auto" (exact Poisson-binomial unless too costly for a pair, then RNA). */
  sdsmMethod?: SdsmMethod;
  /** Tie weight used by the disparity filter. Default: "shared_events". */
  disparityWeight?: DisparityWeight;
}

export const BACKBONE_DEFAULTS: Readonly<Required<BackboneOptions>> = Object.freeze({
  backbone: 'hypergeometric',
  correction: 'none',
  alpha: 0.05,
  sdsmMethod: 'auto',
  disparityWeight: 'shared_events',
});

/** Throws `InvalidOptionError` on the first bad field. */
export function validateBackboneOptions(o: Required<BackboneOptions>, who = 'backbone'): void {
  assertOneOf(who, 'backbone', o.backbone, BACKBONE_MODELS);
  assertOneOf(who, 'correction', o.correction, CORRECTIONS);
  if (typeof o.alpha !== 'number' || !(o.alpha > 0 && o.alpha <= 1))
    throw new InvalidOptionError(who, 'alpha', o.alpha, 'a number in (0, 1], e.g. 0.05');
  assertOneOf(who, 'sdsmMethod', o.sdsmMethod, SDSM_METHODS);
  assertOneOf(who, 'disparityWeight', o.disparityWeight, DISPARITY_WEIGHTS);
}

/** A plain-language notice that no tie can be significant, in English and Dutch. */
export interface SignificanceWarning {
  code: 'no_tie_can_be_significant';
  /** Smallest raw p-value any tested pair could reach given the actors' event counts. */
  minAchievable: number;
  /** The raw p-value a tie would have to beat (alpha, or alpha / tested for Holm). */
  threshold: number;
  tested: number;
  events: number;
  message: string;
  messageNl: string;
}

export interface BackboneResult {
  backbone: BackboneModel;
  correction: Correction;
  alpha: number;
  /** Number of tested pairs (= ties of the projection). */
  tested: number;
  /** Raw p-values per tie. */
  raw: Float64Array;
  /** Adjusted p-values per tie (raw when correction is "none"); this is what `p_value` holds. */
  pValue: Float64Array;
  /** 1 when the adjusted p-value is < alpha. */
  significant: Uint8Array;
  /** Smallest raw p-value any tested pair could reach (null for the disparity filter). */
  minAchievable: number | null;
  warning: SignificanceWarning | null;
}

function fmt(p: number): string {
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
}

/**
 * The warning for a backbone run, or null when some tie could reach significance (or nothing was tested).
 * Exported for callers that compute p-values elsewhere.
 */
export function significanceWarning(args: {
  minAchievable: number | null;
  alpha: number;
  correction: Correction;
  tested: number;
  events: number;
}): SignificanceWarning | null {
  const { minAchievable, alpha, correction, tested, events } = args;
  if (minAchievable === null || tested === 0) return null;
  const threshold = rawThreshold(alpha, correction, tested);
  if (minAchievable < threshold) return null;
  const how =
    correction === 'holm'
      ? `alpha ${alpha} divided by the ${tested} tested ties (Holm)`
      : correction === 'bh'
        ? `alpha ${alpha} (Benjamini–Hochberg never lowers a p-value)`
        : `alpha ${alpha}`;
  const hoe =
    correction === 'holm'
      ? `alfa ${alpha} gedeeld door de ${tested} geteste banden (Holm)`
      : correction === 'bh'
        ? `alfa ${alpha} (Benjamini–Hochberg verlaagt een p-waarde nooit)`
        : `alfa ${alpha}`;
  return {
    code: 'no_tie_can_be_significant',
    minAchievable,
    threshold,
    tested,
    events,
    message:
      `No tie can be significant in these data: with ${events} events, even two people who shared every event they attended ` +
      `would have a p-value of at least ${fmt(minAchievable)}, not below ${fmt(threshold)} (${how}). ` +
      `Read tie strength from the counts, or add more events before testing.`,
    messageNl:
      `Geen enkele band kan significant zijn in deze gegevens: met ${events} activiteiten heeft zelfs een paar dat elke ` +
      `activiteit samen bijwoonde een p-waarde van minstens ${fmt(minAchievable)}, niet onder ${fmt(threshold)} (${hoe}). ` +
      `Lees de sterkte van banden af aan de aantallen, of verzamel meer activiteiten voor u test.`,
  };
}

/** P-values, corrected p-values and significance of every tie of a projection. */
export function backbone(input: BackboneInput, options?: BackboneOptions): BackboneResult {
  const o = resolveOptions(BACKBONE_DEFAULTS, options);
  validateBackboneOptions(o);
  const res =
    o.backbone === 'hypergeometric'
      ? hypergeometricPValues(input)
      : o.backbone === 'sdsm'
        ? sdsmPValues(input, o.sdsmMethod)
        : disparityPValues(input, o.disparityWeight);
  const pValue = adjustPValues(res.p, o.correction);
  const significant = new Uint8Array(input.length);
  for (let t = 0; t < input.length; t++) significant[t] = pValue[t]! < o.alpha ? 1 : 0;
  const warning = significanceWarning({
    minAchievable: res.minAchievable,
    alpha: o.alpha,
    correction: o.correction,
    tested: input.length,
    events: tieEventSizes(input).length,
  });
  return {
    backbone: o.backbone,
    correction: o.correction,
    alpha: o.alpha,
    tested: input.length,
    raw: res.p,
    pValue,
    significant,
    minAchievable: res.minAchievable,
    warning,
  };
}
