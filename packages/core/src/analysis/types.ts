/**
 * The plain tables and figures of one analysis: what `analyze(model, options)` returns and what the CSV, GEXF,
 * GraphML and HTML writers (and the viewer) read. Row keys are the CSV column names of PRODUCT.md section 5.
 */
import type { BackboneModel, Correction, StrengthBasis } from '../network/types.js';
import type { BetweennessInfo } from './compact-measures.js';
import type { TieTable } from './tie-table.js';
import type { GrowthRow as SeriesGrowthRow } from '../time/figures.js';

export const GROWTH_STEPS = ['event', 'month', 'quarter'] as const;
/** One growth row per event date, calendar month or quarter. */
export type GrowthStep = (typeof GROWTH_STEPS)[number];

/** The options an analysis ran with, fully resolved (written to report.json and the report's methods section). */
export interface ResolvedAnalyzeOptions {
  asOf: string | null;
  window: string;
  strongMin: number;
  strengthBasis: StrengthBasis;
  fadeAfter: string;
  driftAfter: string;
  maxEventSize: number | null;
  convenor: string | null;
  alpha: number;
  correction: Correction;
  backbone: BackboneModel;
  every: GrowthStep;
  seed: number;
  safe: boolean;
  eventTypeWeights: Record<string, number>;
  compareMonths: number;
}

export type Cell = string | number | boolean | null;

export interface PersonRow {
  id: string;
  name: string;
  organisation: string | null;
  events: number;
  first_seen: string | null;
  last_seen: string | null;
  degree: number;
  strong_ties: number;
  weak_ties: number;
  strength: number;
  newman_strength: number;
  /** Null when betweenness was skipped (see `Analysis.scale`). */
  betweenness: number | null;
  betweenness_weighted: number | null;
  constraint: number | null;
  effective_size: number | null;
  core: number;
  community: number | null;
  organisation_id: string | null;
  [extra: string]: Cell;
}

export interface OrganisationRow {
  id: string;
  name: string;
  sector: string | null;
  region: string | null;
  people: number;
  events: number;
  first_seen: string | null;
  last_seen: string | null;
  degree: number;
  strong_ties: number;
  weak_ties: number;
  internal_ties: number;
  /** Null when betweenness was skipped (see `Analysis.scale`). */
  betweenness: number | null;
  constraint: number | null;
  core: number;
  community: number | null;
  attention_score: number;
  [extra: string]: Cell;
}

export interface EventRow {
  id: string;
  event: string;
  date: string | null;
  event_type: string | null;
  duration_hours: number | null;
  people: number;
  organisations: number;
  new_people: number;
  new_organisations: number;
  /** False when the event is larger than `maxEventSize` (kept as attendance, makes no ties). */
  creates_ties: boolean;
  [extra: string]: Cell;
}

interface TieRowBase {
  source: string;
  target: string;
  shared_events: number;
  newman: number;
  first_shared: string | null;
  last_shared: string | null;
  class: 'strong' | 'weak';
  state: 'active' | 'fading';
  p_value: number | null;
  significant: boolean;
  neighbourhood_overlap: number;
  local_bridge: boolean;
  weighted: number;
  hours: number | null;
  source_name: string;
  target_name: string;
  [extra: string]: Cell;
}

export interface PersonTieRow extends TieRowBase {
  jaccard: number;
}

export interface OrganisationTieRow extends TieRowBase {
  person_pairs: number;
}

/** One row of growth.csv: the growth series' row (`growthSeries`), written as it is. */
export type GrowthRow = SeriesGrowthRow;

/** Plain-language text in both report languages. */
export interface LocalText {
  en: string;
  nl: string;
}

export interface AttentionReason {
  code: string;
  numbers: Record<string, number | string | null>;
  text: LocalText;
}

export interface AttentionSuggestion {
  id: string;
  name: string;
  /** Why: `common_partners`, `complementary_sector` or `both_active`. */
  code: string;
  reason: LocalText;
}

export interface AttentionEntry {
  id: string;
  name: string;
  score: number;
  reasons: AttentionReason[];
  suggestions: AttentionSuggestion[];
}

export interface AttentionRow {
  organisation: string;
  score: number;
  reasons: string;
  details: string;
  suggestions: string;
  organisation_id: string;
  [extra: string]: Cell;
}

/** A snapshot for the growth headline. */
export interface Snapshot {
  date: string | null;
  events: number;
  people: number;
  organisations: number;
}

/** Ties counted by strength class and recency state. */
export interface TieCounts {
  total: number;
  strong: number;
  weak: number;
  active: number;
  fading: number;
  strong_active: number;
  strong_fading: number;
  weak_active: number;
  weak_fading: number;
  significant: number;
}

export interface SignificanceNote {
  tested: number;
  significant: number;
  /** Smallest p-value seen (null when nothing was tested). */
  minP: number | null;
  /** Plain-language warning when no tie can (or did) reach significance; null otherwise. */
  warning: LocalText | null;
}

export interface ComparisonFigure {
  key: string;
  before: number;
  after: number;
}

export interface TieRef {
  source: string;
  target: string;
  source_name: string;
  target_name: string;
  shared_events: number;
}

/** Before/after comparison of two periods (default: first vs last `compareMonths` months). */
export interface Comparison {
  before: { from: string; to: string };
  after: { from: string; to: string };
  figures: ComparisonFigure[];
  /** Organisation ties present in the after period but not in the before period (the first `COMPARISON_LIST_MAX`, strongest first). */
  newTies: TieRef[];
  /** All such ties (the list may be cut). */
  newTieCount: number;
  /** All ties not renewed (the list may be cut). */
  lostTieCount: number;
  /** Organisation ties of the before period not renewed in the after period. */
  lostTies: TieRef[];
}

export interface WithoutConvenor {
  convenor: { id: string; name: string };
  /** Organisations that would have no tie at all without the convenor and its staff. */
  unconnected: { id: string; name: string }[];
  /** Organisation ties and components with and without the convenor. */
  ties: { with: number; without: number };
  components: { with: number; without: number };
}

export interface SectorShare {
  sector: string | null;
  organisations: number;
  people: number;
}

/** How one level (people or organisations) was computed, given its size. */
export interface LevelScale {
  /** Actors in the network and ties between them. */
  nodes: number;
  ties: number;
  /** True when the ties are also listed as row objects (`personTies` / `organisationTies`, `tieDates`). */
  tieRows: boolean;
  /** Louvain through graphology (small networks) or on the compact CSR (`compactLouvain`, large networks). */
  communities: 'graphology' | 'compact';
  /** How betweenness was computed: exact, sampled (pivots, relative error of the top value) or skipped. */
  betweenness: BetweennessInfo;
  /** In network.gexf / network.graphml: every tie, the `graphLimit` strongest ties, or none (people above the limit). */
  graphTies: 'all' | 'strongest' | 'none';
  /** Ties written to network.gexf / network.graphml. */
  graphTieCount: number;
}

/** Size thresholds in force and what they changed (written to report.json, shown in the terminal summary). */
export interface AnalysisScale {
  graphLimit: number;
  betweennessLimit: number;
  /** Switch point of auto betweenness in nodes, and the mode asked for ("auto", "exact", "sampled", "skip"). */
  betweennessMaxNodes?: number;
  betweennessMode?: 'auto' | 'exact' | 'sampled' | 'skip';
  person: LevelScale;
  organisation: LevelScale;
  /** Plain-language notes on what was limited (empty when nothing was). */
  notes: LocalText[];
}

/** Ties chosen for network.gexf / network.graphml, with the dates of their shared events (for the timeline). */
export interface GraphSelection {
  /** Include people (nodes and person ties). */
  people: boolean;
  /** Tie numbers (into `tieTables`) in the export, in row order, and the dates of each one's shared events. */
  personTies: Int32Array;
  organisationTies: Int32Array;
  personDates: string[][];
  organisationDates: string[][];
}

/** The whole analysis. Every array is in a stable order; numbers are plain JS numbers. */
export interface Analysis {
  options: ResolvedAnalyzeOptions;
  period: { first: string | null; last: string | null; asOf: string | null; dated: boolean };
  counts: { events: number; people: number; organisations: number; attendances: number };
  headline: { start: Snapshot; end: Snapshot } | null;
  ties: { person: TieCounts; organisation: TieCounts };
  significance: { person: SignificanceNote; organisation: SignificanceNote };
  people: PersonRow[];
  organisations: OrganisationRow[];
  events: EventRow[];
  personTies: PersonTieRow[];
  organisationTies: OrganisationTieRow[];
  growth: GrowthRow[];
  attention: AttentionEntry[];
  comparison: Comparison | null;
  withoutConvenor: WithoutConvenor | null;
  sectors: SectorShare[];
  /** Dates of the shared events of each tie, aligned with `personTies` / `organisationTies` (for Gephi's timeline). */
  tieDates: { person: string[][]; organisation: string[][] };
  /** Every tie as columns (always complete, also when the row arrays are left empty at scale). */
  tieTables: { person: TieTable; organisation: TieTable };
  /** What network.gexf / network.graphml hold. */
  graph: GraphSelection;
  /** Thresholds and what they changed. */
  scale: AnalysisScale;
}
