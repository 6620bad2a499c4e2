/**
 * Partners needing attention (PRODUCT.md §4): for each organisation (or person) as of a date, the reasons
 * that apply with their numbers and sentences, a score to sort by (ATTENTION_WEIGHTS), and up to three
 * introductions. Structural reasons use components and articulation points / bridges (Hopcroft & Tarjan
 * 1973, doi:10.1145/362248.362272) on the cumulative network up to the as-of date. Judged over the
 * projection's typed arrays (`compact.ts`); the graphology implementation it replaced is kept as the tests' reference (test/attention/attention-reference.ts).
 */
import { subtractDuration } from '../model/dates.js';
import type { AttendanceModel } from '../types.js';
import { compactLevel, compactWithout, judgeCompact } from './compact.js';
import { resolveAttentionOptions } from './resolve.js';
import { ATTENTION_WEIGHTS } from './types.js';
import type { AttentionItem, AttentionLevel, AttentionOptions, ReasonCode } from './types.js';

export { findConvenor, wholeMonthsBetween } from './resolve.js';

/** Everything `attention` computed, for reports: the items plus the context they were judged in. */
export interface AttentionReport {
  /** The as-of date (ISO), or null for undated data (then nothing is `drifting`). */
  asOf: string | null;
  level: AttentionLevel;
  driftAfter: string;
  convenor: { id: string; name: string } | null;
  weights: Readonly<Record<ReasonCode, number>>;
  /** Nodes judged and the size of the main component. */
  nodes: number;
  mainComponentSize: number;
  /** Flagged items, highest score first (ties in id order). */
  items: AttentionItem[];
  /** Score of every node (0 when nothing applies), keyed by id. */
  scores: Record<string, number>;
}

/** The node view the reasons need, the same for both levels. */
export interface JudgedNode {
  id: string;
  name: string;
  sector: string | null;
  events: number;
  /** Distinct people who came (organisations), or 1 (people). */
  people: number;
  last_seen: string | null;
}

/** Judge every organisation (or person) and return the full report. */
export function attentionReport(model: AttendanceModel, options: AttentionOptions = {}): AttentionReport {
  const o = resolveAttentionOptions(model, options, 'attention');
  const r = o.resolved;
  const level = compactLevel(model, o.level, r);
  const convenor = o.convenorIndex >= 0 ? model.organisations[o.convenorIndex]! : null;
  // Without the convenor: the same network with it and its staff left out (only its components are read).
  const without = convenor && !o.alreadyExcluded ? compactWithout(model, o.level, o.net, convenor.id) : null;
  const isConvenorSide = (v: number): boolean => {
    if (!convenor) return false;
    if (o.level === 'organisation') return v === o.convenorIndex;
    return without !== null && without.present[v] !== 1;
  };
  const driftCut = o.asOf === null ? null : subtractDuration(o.asOf, o.drift);
  const judged = judgeCompact(level, {
    asOf: o.asOf,
    driftCut,
    driftAfter: o.driftAfter,
    strongMin: r.strongMin,
    basis: r.strengthBasis,
    suggestions: o.suggestions,
    convenor: convenor ? { id: convenor.id, name: convenor.name } : null,
    without,
    isConvenorSide,
  });
  return {
    asOf: o.asOf,
    level: o.level,
    driftAfter: o.driftAfter,
    convenor: convenor ? { id: convenor.id, name: convenor.name } : null,
    weights: ATTENTION_WEIGHTS,
    nodes: judged.nodes,
    mainComponentSize: judged.mainComponentSize,
    items: judged.items,
    scores: judged.scores,
  };
}

/**
 * Partners needing attention: the flagged organisations (or people, `level: "person"`) as of `asOf`, highest
 * score first, each with its reasons (numbers and sentences in English and Dutch) and up to three
 * introductions. `attention.detailed` returns the whole report (scores of every node, as-of date, weights).
 */
export const attention: ((model: AttendanceModel, options?: AttentionOptions) => AttentionItem[]) & {
  detailed: (model: AttendanceModel, options?: AttentionOptions) => AttentionReport;
} = Object.assign((model: AttendanceModel, options: AttentionOptions = {}) => attentionReport(model, options).items, { detailed: attentionReport });
