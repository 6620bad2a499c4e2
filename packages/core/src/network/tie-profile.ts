/**
 * The tie profile columns shared by both levels, computed once over a projection: neighbourhood overlap and
 * local bridges (Onnela et al. 2007, doi:10.1073/pnas.0610245104), backbone p-values and significance,
 * strength class and recency state.
 */
import type { AttendanceModel } from '../types.js';
import { backbone, type BackboneResult } from '../ties/backbone.js';
import { tieClass, tieState } from '../ties/classify.js';
import { buildAdjacency, commonNeighbours, neighbourhoodOverlap, overlapFromCommon, type Adjacency, type OverlapColumns } from './adjacency.js';
import type { Projection } from './project.js';

/** Derived per-tie columns of a projection. */
export interface TieProfileColumns extends OverlapColumns {
  adjacency: Adjacency;
  backbone: BackboneResult;
  /** 1 = strong, 0 = weak. */
  strong: Uint8Array;
  /** 1 = fading, 0 = active. */
  fading: Uint8Array;
  /** ISO dates of the first and last shared event (null when undated). */
  firstShared: (string | null)[];
  lastShared: (string | null)[];
}

/** Parts of a tie profile a caller already has (computed once for several purposes). */
export interface TieProfileInputs {
  /** `buildAdjacency` of the projection. */
  adjacency?: Adjacency;
  /** Common neighbours per tie (`commonNeighbours`). */
  common?: Int32Array;
  /** Fill `firstShared` / `lastShared` (one string slot per tie); false leaves them empty for callers that read the event indices. Default: true. */
  dates?: boolean;
  /**
   * Fill `overlap` / `localBridge` (9 bytes per tie); false leaves them empty for callers that derive both from
   * `common` and the degrees when they need them (`overlapAt`). Default: true.
   */
  overlap?: boolean;
}

/** Compute overlap, backbone, class and state for every tie of a projection. */
export function tieProfiles(model: AttendanceModel, proj: Projection, given: TieProfileInputs = {}): TieProfileColumns {
  const r = proj.options;
  const adjacency = given.adjacency ?? buildAdjacency(proj.nodeCount, proj.src, proj.tgt, proj.length);
  const ov: OverlapColumns =
    given.overlap === false
      ? { common: given.common ?? commonNeighbours(adjacency, proj.src, proj.tgt, proj.length), overlap: new Float64Array(0), localBridge: new Uint8Array(0) }
      : given.common
        ? overlapFromCommon(adjacency, proj.src, proj.tgt, proj.length, given.common)
        : neighbourhoodOverlap(adjacency, proj.src, proj.tgt, proj.length);
  const tested = backbone(proj, { backbone: r.backbone, correction: r.correction, alpha: r.alpha });
  // Without a correction the adjusted p-values are a copy of the raw ones: keep one array (8 bytes per tie).
  const bb = tested.correction === 'none' ? { ...tested, raw: tested.pValue } : tested;
  const strong = new Uint8Array(proj.length);
  const fading = new Uint8Array(proj.length);
  const dates = given.dates !== false;
  const firstShared: (string | null)[] = dates ? new Array(proj.length) : [];
  const lastShared: (string | null)[] = dates ? new Array(proj.length) : [];
  // `weighted` equals `shared` when every event weighs 1: read it only otherwise (reading materialises it).
  const weighted = proj.uniformWeight ? proj.shared : proj.weighted;
  for (let t = 0; t < proj.length; t++) {
    const last = model.events[proj.lastEvent[t]!]!.date;
    if (dates) {
      firstShared[t] = model.events[proj.firstEvent[t]!]!.date;
      lastShared[t] = last;
    }
    strong[t] = tieClass(r.strengthBasis, r.strongMin, proj.shared[t]!, weighted[t]!, bb.significant[t] === 1) === 'strong' ? 1 : 0;
    fading[t] = tieState(last, r.fadeBefore) === 'fading' ? 1 : 0;
  }
  return { ...ov, adjacency, backbone: bb, strong, fading, firstShared, lastShared };
}

/** Graph-level attributes written by the builders (additive to the contract): how the network was made. */
export interface NetworkGraphAttributes {
  level: 'person' | 'organisation';
  from: string | null;
  to: string | null;
  asOf: string | null;
  strongMin: number;
  strengthBasis: string;
  fadeAfter: string;
  maxEventSize: number | null;
  exclude: string | null;
  backbone: string;
  correction: string;
  alpha: number;
  /** Ties tested for significance. */
  tested: number;
  /** Plain-language notice (English / Dutch) when no tie can be significant, else null. */
  significance_warning: string | null;
  significance_warning_nl: string | null;
}

export function graphAttributes(proj: Projection, prof: TieProfileColumns): NetworkGraphAttributes {
  const r = proj.options;
  return {
    level: proj.level,
    from: r.from,
    to: r.to,
    asOf: r.asOfDate,
    strongMin: r.strongMin,
    strengthBasis: r.strengthBasis,
    fadeAfter: r.fadeAfter,
    maxEventSize: r.maxEventSize,
    exclude: r.exclude,
    backbone: r.backbone,
    correction: r.correction,
    alpha: r.alpha,
    tested: prof.backbone.tested,
    significance_warning: prof.backbone.warning?.message ?? null,
    significance_warning_nl: prof.backbone.warning?.messageNl ?? null,
  };
}
