/**
 * The scene: everything the map needs to draw one view of a model at any time step, as flat typed arrays
 * (cheap to post from the worker). Positions are final from the start; time only changes what the reducers
 * show, never the graph.
 */

export const VIEWS = ['organisations', 'people', 'people-organisations', 'two-mode'] as const;
/** Which network the map shows. */
export type ViewKind = (typeof VIEWS)[number];

export const TIME_MODES = ['cumulative', 'window', 'meeting'] as const;
/** Cumulative as of a date, rolling window ending on a date, or as of the N-th meeting. */
export type TimeMode = (typeof TIME_MODES)[number];

/** Node kinds in `Scene.nodeKind`. */
export const NODE_ORGANISATION = 0;
export const NODE_PERSON = 1;
export const NODE_EVENT = 2;

/** Edge kinds in `Scene.edgeKind`. */
export const EDGE_TIE = 0;
export const EDGE_MEMBERSHIP = 1;
export const EDGE_ATTENDANCE = 2;

/** Display class of an edge in a frame. */
export const EDGE_HIDDEN = 0;
export const EDGE_WEAK = 1;
export const EDGE_WEAK_FADING = 2;
export const EDGE_STRONG = 3;
export const EDGE_STRONG_FADING = 4;
/** Membership / attendance edges (no strength class). */
export const EDGE_PLAIN = 5;

/** Options of a scene (the tie rules follow core's `NetworkOptions`). */
export interface SceneOptions {
  /** Ties are strong from this many shared events. Default: 3. */
  strongMin?: number;
  /** A tie fades when its last shared event is longer ago than this. Default: "9m". */
  fadeAfter?: string;
  /** Length of the rolling window in months. Default: 12. */
  windowMonths?: number;
  /** Events with more than this many participants create no ties. Default: null (no limit). */
  maxEventSize?: number | null;
  /** ForceAtlas2 iterations; null picks a count from the graph size. Default: null. */
  layoutIterations?: number | null;
  /** Seed of the layout's starting positions: the same data and seed always give the same map. Default: 0. */
  layoutSeed?: number;
}

export const SCENE_DEFAULTS: Readonly<Required<SceneOptions>> = Object.freeze({
  strongMin: 3,
  fadeAfter: '9m',
  windowMonths: 12,
  maxEventSize: null,
  layoutIterations: null,
  layoutSeed: 0,
});

/** Counters of one date as core's `growthSeries` reports them (used as they are in cumulative mode). */
export interface GrowthCounters {
  date: string;
  people: number;
  organisations: number;
  events: number;
  strong_person_ties: number;
  strong_organisation_ties: number;
  person_ties: number;
  organisation_ties: number;
  /** Weak ties (core's `weak_organisation_ties` / `weak_person_ties`). */
  weak_organisation_ties: number;
  weak_person_ties: number;
}

/** One view of a model, laid out, with the time structure needed to show any step. */
export interface Scene {
  view: ViewKind;
  options: Required<SceneOptions>;
  // --- entities of the model (independent of the view) ---
  organisationCount: number;
  personCount: number;
  eventCount: number;
  /** Event dates (ISO) or null; chronological. */
  eventDate: (string | null)[];
  eventName: string[];
  /** For each event: fading cut-off (`asOf − fadeAfter` as a UTC day; last shared strictly before fades), or -Infinity. */
  eventFadeBeforeDay: Float64Array;
  /** CSR lists of the events each organisation / person attended (sorted event indices). */
  orgEventStart: Int32Array;
  orgEvents: Int32Array;
  personEventStart: Int32Array;
  personEvents: Int32Array;
  // --- time steps by date (cumulative and window modes) ---
  /** Distinct event dates (one entry with null for undated models). */
  stepDate: (string | null)[];
  /** Index of the last event on or before each step's date. */
  stepLastEvent: Int32Array;
  /** First event inside the rolling window ending on each step's date. */
  stepWindowFirstEvent: Int32Array;
  /** Fading cut-off of each step's date as a UTC day (-Infinity when undated). */
  stepFadeBeforeDay: Float64Array;
  /** Day number of every event (NaN when undated). */
  eventDay: Float64Array;
  /** Core's growth counters per date step (null when core's growthSeries was not available). */
  growth: GrowthCounters[] | null;
  // --- nodes of the view ---
  nodeCount: number;
  nodeId: string[];
  nodeLabel: string[];
  nodeKind: Uint8Array;
  /** Index into the model's organisations / people / events, by kind. */
  nodeEntity: Int32Array;
  /** Sector index into `sectors`, or -1. */
  nodeSector: Int16Array;
  /** Sector names, sorted; colours are in `sectorColors`. */
  sectors: string[];
  sectorColors: string[];
  /** Region index into `regions` (an organisation's own, a person's organisation's), or -1. */
  nodeRegion: Int16Array;
  /** Region names, sorted. */
  regions: string[];
  /** The model's organisations (id and name), in id order, for pickers and name lookups. */
  orgIds: string[];
  orgNames: string[];
  /** Final positions (graph coordinates) from the whole network. */
  x: Float32Array;
  y: Float32Array;
  // --- edges of the view ---
  edgeCount: number;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeKind: Uint8Array;
  /** CSR lists of the tie-creating events of each edge (sorted). */
  edgeEventStart: Int32Array;
  edgeEvents: Int32Array;
  /** Milliseconds spent in the layout (for the record). */
  layoutMs: number;
}
