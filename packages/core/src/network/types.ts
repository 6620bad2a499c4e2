/**
 * The network vocabulary shared by every module: options of the network builders and the attributes they
 * write on nodes and edges. Implementations live beside this file; time, attention, export and the viewer
 * read only these names. Attribute names follow the CSV columns of PRODUCT.md section 5.
 */
import type Graph from 'graphology';

export const CORRECTIONS = ['none', 'holm', 'bh'] as const;
/** Multiple-testing correction of backbone p-values. */
export type Correction = (typeof CORRECTIONS)[number];

export const BACKBONE_MODELS = ['hypergeometric', 'sdsm', 'disparity'] as const;
/** Null model behind `p_value`: fixed-row hypergeometric (default), SDSM with the BiCM, or the disparity filter. */
export type BackboneModel = (typeof BACKBONE_MODELS)[number];

export const STRENGTH_BASES = ['shared_events', 'weighted', 'significant'] as const;
/** What makes a tie strong: `shared_events >= strongMin` (default), `weighted >= strongMin`, or `significant`. */
export type StrengthBasis = (typeof STRENGTH_BASES)[number];

export type TieClass = 'strong' | 'weak';
export type TieState = 'active' | 'fading';

/** Options understood by every network builder (and passed through by time, attention and the CLI). */
export interface NetworkOptions {
  /** First day of the window (ISO, inclusive). Default: null (from the first event). */
  from?: string | null;
  /** Last day of the window and default as-of date (ISO, inclusive). Default: null (up to the last event). */
  to?: string | null;
  /** Date the recency state is judged against. Default: `to`, else the last event's date. */
  asOf?: string | null;
  /** Events with more than this many participants stay as attendance but create no ties. Default: null (no limit). */
  maxEventSize?: number | null;
  /** Weight per event type for `weighted` (types not listed weigh 1). Default: {} (every event weighs 1). */
  eventTypeWeights?: Readonly<Record<string, number>>;
  /** `strong` when the strength basis reaches this. Default: 3. */
  strongMin?: number;
  /** Strength basis. Default: "shared_events". */
  strengthBasis?: StrengthBasis;
  /** A tie is `fading` when its last shared event is longer ago than this before `asOf`. Default: "9m". */
  fadeAfter?: string;
  /** Significance level for `significant`. Default: 0.05. */
  alpha?: number;
  /** Multiple-testing correction. Default: "none". */
  correction?: Correction;
  /** Null model for `p_value`. Default: "hypergeometric". */
  backbone?: BackboneModel;
  /** Organisation left out with its staff ("without the convenor"), by id or name. Default: null. */
  exclude?: string | null;
}

/** Attributes of a person node in the person projection. */
export interface PersonNodeAttributes {
  /** Display name (never written by `--safe` outputs). */
  name: string;
  /** Organisation id at the person's last attendance in the window, or null. */
  organisation: string | null;
  events: number;
  first_seen: string | null;
  last_seen: string | null;
}

/** Attributes of an organisation node in the organisation projection. */
export interface OrganisationNodeAttributes {
  name: string;
  sector: string | null;
  region: string | null;
  /** Distinct people who came for it in the window. */
  people: number;
  events: number;
  first_seen: string | null;
  last_seen: string | null;
  /** Person ties between two of its own members (not edges of the organisation graph). */
  internal_ties: number;
}

/** The tie profile shared by both levels. */
export interface TieAttributes {
  shared_events: number;
  /** Σ over shared events of 1/(n_e − 1) (Newman 2001); n_e counted in persons (person level) or organisations (organisation level). */
  newman: number;
  first_shared: string | null;
  last_shared: string | null;
  /** Σ of event-type weights over shared events. */
  weighted: number;
  /** Σ of shared events' durations in hours (null when no duration is known). */
  hours: number | null;
  /** Onnela et al. (2007): common neighbours / (deg(i) − 1 + deg(j) − 1 − common). */
  neighbourhood_overlap: number;
  /** True when i and j have no common neighbour. */
  local_bridge: boolean;
  p_value: number;
  significant: boolean;
  class: TieClass;
  state: TieState;
}

/** Person tie: adds Jaccard of the two people's event sets. */
export interface PersonTieAttributes extends TieAttributes {
  jaccard: number;
}

/** Organisation tie: adds distinct cross-organisation person pairs. */
export interface OrganisationTieAttributes extends TieAttributes {
  person_pairs: number;
}

export type PersonGraph = Graph<PersonNodeAttributes, PersonTieAttributes>;
export type OrganisationGraph = Graph<OrganisationNodeAttributes, OrganisationTieAttributes>;
