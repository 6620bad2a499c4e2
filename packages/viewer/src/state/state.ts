/**
 * The viewer's state: plain serialisable data and pure transitions `(state, action) => state`. No sigma, no DOM.
 * The scene itself (large typed arrays) lives beside the state in the controller; the state holds only what a
 * user chose and what the UI shows.
 */
import type { Lang } from '../i18n/index.js';
import type { GrowthCounters, TimeMode, ViewKind } from '../scene/types.js';
import type { AttentionView, DetailsView } from '../worker/protocol.js';

export const EXAMPLES = ['rupel', 'regions', 'davis'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/** Playback speeds offered (multiples of one event date per 0.7 s). */
export const SPEEDS = [0.5, 1, 2, 4, 8] as const;

export type SizeBy = 'ties' | 'attendance';
export type Status = 'idle' | 'loading' | 'mapping' | 'ready' | 'error';

/** Where the data came from. */
export type SourceState = { kind: 'example'; name: ExampleName } | { kind: 'files'; names: string[] } | { kind: 'model' } | null;

/** A report line as shown (plain data from core's validation report). */
export interface IssueView {
  file: string;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
  fix: string;
}

export interface ReportView {
  errors: IssueView[];
  warnings: IssueView[];
  suggestions: { kind: string; a: string; b: string; similarity: number; fix: string }[];
  counts: { rows: number; used: number; rejected: number; people: number; organisations: number; events: number };
}

/** The column-mapping step: one file whose columns need a person's confirmation. */
export interface MappingRequest {
  file: string;
  headers: string[];
  /** Column index → field name or null (ignored). */
  mapping: (string | null)[];
  /** A sample value per column. */
  samples: string[];
  reasons: string[];
}

/** Counters and caption of the frame on the map (computed by the map controller from the scene). */
export interface FrameInfo {
  date: string | null;
  organisations: number;
  people: number;
  strong: number;
  events: number;
  links: number;
  /** In meeting mode: the meeting's number (1-based), the total and its name. */
  meeting: { n: number; total: number; name: string } | null;
  /** True when the counters are core's growthSeries figures. */
  fromCore: boolean;
  /** Ties on the map by shared events in the frame: `strength[k]` counts ties with k + 1 shared events (the last bucket: that many or more). */
  strength: number[];
  /** Nodes on the map per sector (organisations, or people when the view has no organisations). */
  sectorMix: { name: string | null; color: string; count: number }[];
}

/** What the legend lists for the scene on the map. */
export interface LegendInfo {
  sectors: { name: string | null; color: string; count: number }[];
  hasOrganisations: boolean;
  hasPeople: boolean;
  hasEvents: boolean;
  hasTies: boolean;
  strongMin: number;
  fadeAfter: string;
  windowMonths: number;
  dated: boolean;
  /** Regions of the nodes, sorted (for the filters). */
  regions: string[];
  /** The model's organisations (for the convenor picker). */
  organisations: { id: string; name: string }[];
  /** Core's growth series per date step (null when undated or unavailable). */
  growth: GrowthCounters[] | null;
  /** True when the view's ties are organisation ties (else person ties). */
  organisationTies: boolean;
}

/** Tabs of the side panel. */
export const TABS = ['attention', 'details', 'charts'] as const;
export type Tab = (typeof TABS)[number];

export const TIE_CLASS_FILTERS = ['all', 'strong', 'weak'] as const;
export type TieClassFilter = (typeof TIE_CLASS_FILTERS)[number];

/** Filters applied by the map's reducers. Empty sector / region lists mean "all". */
export interface Filters {
  sectors: string[];
  regions: string[];
  tieClass: TieClassFilter;
  /** Ties with fewer shared events (in the frame) are hidden. */
  minShared: number;
}

export const ATTENTION_SORTS = ['score', 'name', 'reasons'] as const;
export type AttentionSort = (typeof ATTENTION_SORTS)[number];

/** An analysis result with the key it was asked for (date, view, convenor...), or its loading / error state. */
export interface Analysis<T> {
  key: string;
  status: 'loading' | 'ready' | 'error';
  value: T | null;
  error: string | null;
}

export interface ViewerState {
  lang: Lang;
  status: Status;
  source: SourceState;
  /** Progress of the current load, 0..1, and what is being done (a dictionary key). */
  progress: number;
  progressPhase: string | null;
  error: string | null;
  report: ReportView | null;
  reportOpen: boolean;
  mapping: MappingRequest | null;
  view: ViewKind;
  mode: TimeMode;
  /** Current timeline step and number of steps of the mode. */
  step: number;
  stepCount: number;
  playing: boolean;
  speed: number;
  sizeBy: SizeBy;
  /** Person names on the map (off by default; hover still shows a name unless presenter-safe). */
  personLabels: boolean;
  hovered: string | null;
  selected: string | null;
  frameInfo: FrameInfo | null;
  legend: LegendInfo | null;
  /** True once a map has been shown; a later failed load keeps it. */
  hasMap: boolean;
  // --- Viewer II: panels, filters, presenter, exports ---
  tab: Tab;
  search: string;
  filters: Filters;
  /** Presenter-safe: no person names anywhere; people shown as codes. */
  safe: boolean;
  /** In presenter-safe mode, organisations shown as codes too. */
  codeOrganisations: boolean;
  presenting: boolean;
  /** Convenor organisation id (from the example's metadata or picked), or null. */
  convenor: string | null;
  withoutConvenor: boolean;
  attentionSort: AttentionSort;
  attentionDesc: boolean;
  attention: Analysis<AttentionView> | null;
  details: Analysis<DetailsView | null> | null;
  /** Remember the data on this device (IndexedDB). */
  remember: boolean;
  /** An export under way (a dictionary key of what), or null. */
  exporting: string | null;
  /** Nodes matching the search (id and drawn label), best first. */
  searchResults: { id: string; label: string }[];
}

export const FILTERS_NONE: Readonly<Filters> = Object.freeze({ sectors: [], regions: [], tieClass: 'all', minShared: 1 }) as Readonly<Filters>;

/** Number of filters that hide something. */
export function activeFilterCount(f: Filters): number {
  return (f.sectors.length ? 1 : 0) + (f.regions.length ? 1 : 0) + (f.tieClass !== 'all' ? 1 : 0) + (f.minShared > 1 ? 1 : 0);
}

export function createInitialState(overrides: Partial<ViewerState> = {}): ViewerState {
  return {
    lang: 'en',
    status: 'idle',
    source: null,
    progress: 0,
    progressPhase: null,
    error: null,
    report: null,
    reportOpen: false,
    mapping: null,
    view: 'organisations',
    mode: 'cumulative',
    step: 0,
    stepCount: 1,
    playing: false,
    speed: 1,
    sizeBy: 'ties',
    personLabels: false,
    hovered: null,
    selected: null,
    hasMap: false,
    frameInfo: null,
    legend: null,
    tab: 'attention',
    search: '',
    filters: { ...FILTERS_NONE, sectors: [], regions: [] },
    safe: false,
    codeOrganisations: false,
    presenting: false,
    convenor: null,
    withoutConvenor: false,
    attentionSort: 'score',
    attentionDesc: true,
    attention: null,
    details: null,
    remember: false,
    exporting: null,
    searchResults: [],
    ...overrides,
  };
}

export type Action =
  | { type: 'setLang'; lang: Lang }
  | { type: 'loadStart' }
  | { type: 'progress'; phase: string; fraction: number }
  | { type: 'mappingNeeded'; request: MappingRequest }
  | { type: 'mappingDone' }
  | { type: 'loadFailed'; error: string; report?: ReportView | null }
  | { type: 'loaded'; source: SourceState; report: ReportView | null; view: ViewKind; stepCount: number; step: number; convenor?: string | null }
  | { type: 'sceneReady'; view: ViewKind; stepCount: number; step: number }
  | { type: 'setView'; view: ViewKind }
  | { type: 'setMode'; mode: TimeMode; stepCount: number; step: number }
  | { type: 'setStep'; step: number }
  | { type: 'stepBy'; delta: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'setSpeed'; speed: number }
  | { type: 'setSizeBy'; sizeBy: SizeBy }
  | { type: 'setPersonLabels'; on: boolean }
  | { type: 'hover'; node: string | null }
  | { type: 'select'; node: string | null }
  | { type: 'toggleReport'; open?: boolean }
  | { type: 'frameInfo'; info: FrameInfo }
  | { type: 'legend'; legend: LegendInfo }
  | { type: 'setTab'; tab: Tab }
  | { type: 'setSearch'; text: string }
  | { type: 'setFilters'; filters: Partial<Filters> }
  | { type: 'clearFilters' }
  | { type: 'setSafe'; on: boolean }
  | { type: 'setCodeOrganisations'; on: boolean }
  | { type: 'setPresenting'; on: boolean }
  | { type: 'setConvenor'; convenor: string | null }
  | { type: 'setWithoutConvenor'; on: boolean }
  | { type: 'sortAttention'; by: AttentionSort }
  | { type: 'attention'; analysis: Analysis<AttentionView> | null }
  | { type: 'details'; analysis: Analysis<DetailsView | null> | null }
  | { type: 'setRemember'; on: boolean }
  | { type: 'exporting'; what: string | null }
  | { type: 'searchResults'; results: { id: string; label: string }[] };

function clamp(step: number, count: number): number {
  return Math.max(0, Math.min(count - 1, Math.round(Number.isFinite(step) ? step : 0)));
}

/** The pure transition function. */
export function reduce(state: ViewerState, action: Action): ViewerState {
  switch (action.type) {
    case 'setLang':
      return { ...state, lang: action.lang };
    case 'loadStart':
      return { ...state, status: 'loading', progress: 0, progressPhase: 'progress.read', error: null, mapping: null, playing: false, hovered: null, selected: null };
    case 'progress':
      return { ...state, progress: Math.max(0, Math.min(1, action.fraction)), progressPhase: action.phase };
    case 'mappingNeeded':
      return { ...state, status: 'mapping', mapping: action.request };
    case 'mappingDone':
      return { ...state, status: 'loading', mapping: null };
    case 'loadFailed':
      // The previous map (if any) stays usable: only the status, error and report change.
      return {
        ...state,
        status: state.hasMap ? 'ready' : 'error',
        error: action.error,
        report: action.report ?? state.report,
        reportOpen: action.report ? true : state.reportOpen,
        mapping: null,
        progress: 0,
        progressPhase: null,
      };
    case 'loaded': {
      const fresh = { attention: null, details: null, selected: null, hovered: null, search: '', filters: { ...FILTERS_NONE, sectors: [], regions: [] }, withoutConvenor: false };
      state = { ...state, ...fresh };
      const hasIssues = !!action.report && (action.report.errors.length > 0 || action.report.warnings.length > 0);
      return {
        ...state,
        status: 'ready',
        source: action.source,
        error: null,
        report: action.report,
        reportOpen: hasIssues,
        mapping: null,
        progress: 1,
        progressPhase: null,
        view: action.view,
        stepCount: action.stepCount,
        step: clamp(action.step, action.stepCount),
        playing: false,
        hasMap: true,
        convenor: action.convenor ?? null,
      };
    }
    case 'sceneReady':
      return { ...state, status: 'ready', progress: 1, progressPhase: null, view: action.view, stepCount: action.stepCount, step: clamp(action.step, action.stepCount) };
    case 'setView':
      return action.view === state.view ? state : { ...state, view: action.view, hovered: null, selected: null, playing: false, details: null, attention: null };
    case 'setMode':
      return { ...state, mode: action.mode, stepCount: action.stepCount, step: clamp(action.step, action.stepCount) };
    case 'setStep':
      return { ...state, step: clamp(action.step, state.stepCount) };
    case 'stepBy': {
      const step = clamp(state.step + action.delta, state.stepCount);
      return { ...state, step, playing: state.playing && step < state.stepCount - 1 };
    }
    case 'play':
      // Playing from the last step starts again at the first.
      return { ...state, playing: state.stepCount > 1, step: state.step >= state.stepCount - 1 ? 0 : state.step };
    case 'pause':
      return state.playing ? { ...state, playing: false } : state;
    case 'setSpeed':
      return { ...state, speed: action.speed > 0 && Number.isFinite(action.speed) ? action.speed : state.speed };
    case 'setSizeBy':
      return { ...state, sizeBy: action.sizeBy };
    case 'setPersonLabels':
      return { ...state, personLabels: action.on };
    case 'hover':
      return state.hovered === action.node ? state : { ...state, hovered: action.node };
    case 'select':
      // Selecting a partner opens its details; clearing the selection goes back to the list.
      return {
        ...state,
        selected: action.node,
        details: action.node === null ? null : state.details,
        tab: action.node !== null ? 'details' : state.tab === 'details' ? 'attention' : state.tab,
      };
    case 'toggleReport':
      return { ...state, reportOpen: action.open ?? !state.reportOpen };
    case 'frameInfo':
      return { ...state, frameInfo: action.info };
    case 'legend':
      return { ...state, legend: action.legend };
    case 'setTab':
      return { ...state, tab: action.tab };
    case 'setSearch':
      return { ...state, search: action.text };
    case 'setFilters': {
      const f = { ...state.filters, ...action.filters };
      f.minShared = Math.max(1, Math.round(Number.isFinite(f.minShared) ? f.minShared : 1));
      return { ...state, filters: f };
    }
    case 'clearFilters':
      return { ...state, filters: { ...FILTERS_NONE, sectors: [], regions: [] } };
    case 'setSafe':
      return { ...state, safe: action.on };
    case 'setCodeOrganisations':
      return { ...state, codeOrganisations: action.on };
    case 'setPresenting':
      return { ...state, presenting: action.on };
    case 'setConvenor':
      return { ...state, convenor: action.convenor, withoutConvenor: action.convenor === null ? false : state.withoutConvenor };
    case 'setWithoutConvenor':
      return { ...state, withoutConvenor: action.on && state.convenor !== null };
    case 'sortAttention':
      return action.by === state.attentionSort
        ? { ...state, attentionDesc: !state.attentionDesc }
        : { ...state, attentionSort: action.by, attentionDesc: action.by !== 'name' };
    case 'attention':
      return { ...state, attention: action.analysis };
    case 'details':
      return { ...state, details: action.analysis };
    case 'setRemember':
      return { ...state, remember: action.on };
    case 'exporting':
      return { ...state, exporting: action.what };
    case 'searchResults':
      return { ...state, searchResults: action.results };
  }
}
