/**
 * Partners needing attention (PRODUCT.md §4) judged on the organisation projection the analysis already
 * holds, instead of a graphology graph: the same reasons, numbers, sentences, scores and introductions as
 * `attention(model, { level: "organisation" })` — both run the attention module's compact judge
 * (`attention/compact.ts`: components and articulation points / bridges, Hopcroft & Tarjan 1973,
 * doi:10.1145/362248.362272; introductions by common partners, Granovetter 1973, doi:10.1086/225469) — here
 * on the analysis' projection, adjacency and strong-tie flags, mapped to the analysis' entry shape.
 */
import { findConvenor } from '../attention/resolve.js';
import { compactWithout, judgeCompact, organisationLevel } from '../attention/compact.js';
import { parseDuration, subtractDuration } from '../model/dates.js';
import type { Adjacency } from '../network/adjacency.js';
import type { ResolvedNetworkOptions } from '../network/options.js';
import type { OrganisationProjection } from '../network/project.js';
import type { NetworkOptions } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import type { AttentionEntry } from './types.js';

/** Options of `compactAttention` (as `attentionEntries`). */
export interface CompactAttentionOptions {
  net: NetworkOptions;
  resolved: ResolvedNetworkOptions;
  driftAfter: string;
  convenor: string | null;
  /** Introductions per flagged organisation (0–3). Default: 3. */
  suggestions?: number;
}

/**
 * Flagged organisations, highest score first, with reasons and introductions — equal to `attentionEntries` on
 * the same model and options. `proj` / `adj` / `strong` are the analysis' organisation projection, its
 * adjacency and its strong-tie flags.
 */
export function compactAttention(model: AttendanceModel, proj: OrganisationProjection, adj: Adjacency, strongTie: Uint8Array, o: CompactAttentionOptions): AttentionEntry[] {
  const drift = parseDuration(o.driftAfter, 'attention', 'driftAfter');
  const asOf = o.resolved.asOfDate;
  const convenorIndex = o.convenor === null ? -1 : findConvenor(model, o.convenor, 'attention');
  const convenor = convenorIndex >= 0 ? model.organisations[convenorIndex]! : null;
  const net: NetworkOptions = { ...o.net, to: o.net.to ?? o.net.asOf ?? null };
  const judged = judgeCompact(organisationLevel(model, proj, proj.people, adj, strongTie), {
    asOf,
    driftCut: asOf === null ? null : subtractDuration(asOf, drift),
    driftAfter: o.driftAfter,
    strongMin: o.net.strongMin ?? 3,
    basis: o.net.strengthBasis ?? 'shared_events',
    suggestions: o.suggestions ?? 3,
    convenor: convenor ? { id: convenor.id, name: convenor.name } : null,
    without: convenor && o.resolved.excludedOrganisation < 0 ? compactWithout(model, 'organisation', net, convenor.id) : null,
    isConvenorSide: (v) => v === convenorIndex,
  });
  return judged.items.map((item) => ({
    id: item.id,
    name: item.name,
    score: item.score,
    reasons: item.reasons.map((r) => ({ code: r.code, numbers: { ...r.numbers }, text: { en: r.text.en, nl: r.text.nl } })),
    suggestions: item.suggestions.map((s) => ({ id: s.id, name: s.name, code: s.reason.code, reason: { en: s.reason.text.en, nl: s.reason.text.nl } })),
  }));
}
