/** Messages between the page and the data worker. Plain structured-clone data only. */
import type { AttendanceModel } from '@mycorrhiza/core';
import type { Scene, SceneOptions, TimeMode, ViewKind } from '../scene/types.js';
import type { PhaseTiming } from '../perf/marks.js';
import type { ExampleName, MappingRequest, ReportView } from '../state/state.js';

/** A file handed to the readers. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** What to load. `map` gives header → field overrides (null ignores a column), as from the mapping step. */
export type DataSource =
  | { kind: 'example'; name: ExampleName }
  | { kind: 'files'; files: NamedBytes[]; map?: Record<string, string | null> }
  | { kind: 'model'; model: AttendanceModel };

/** Which names the worker replaces by codes (presenter-safe). */
export interface NameMasking {
  people: boolean;
  organisations: boolean;
}

/** The date and rules an analysis is asked for (the timeline's position). */
export interface AnalysisQuery {
  /** As-of date (ISO) or null for undated data. */
  asOf: string | null;
  mode: TimeMode;
  level: 'organisation' | 'person';
  /** Convenor organisation id, or null. */
  convenor: string | null;
  withoutConvenor: boolean;
  masking: NameMasking;
}

/** A sentence in both languages (core's text, names masked when asked). */
export interface TextView {
  code: string;
  en: string;
  nl: string;
}

export interface SuggestionView extends TextView {
  id: string;
  name: string;
}

/** One flagged partner of the attention list. */
export interface AttentionItemView {
  id: string;
  name: string;
  score: number;
  reasons: TextView[];
  suggestions: SuggestionView[];
}

/** Someone who becomes unconnected without the convenor (core's UnconnectedEntry). */
export interface UnconnectedView {
  id: string;
  name: string;
  how: string;
  tiesBefore: number;
  tiesAfter: number;
  componentAfter: number;
}

export interface LensFiguresView {
  nodes: number;
  ties: number;
  components: number;
  mainComponentSize: number;
}

/** The attention list as of a date (core's attention.detailed, or withoutConvenor's lens). */
export interface AttentionView {
  asOf: string | null;
  level: 'organisation' | 'person';
  convenor: { id: string; name: string } | null;
  /** Set when the list is the one without the convenor. */
  without: { staff: number; organisations: UnconnectedView[]; people: UnconnectedView[]; before: LensFiguresView; after: LensFiguresView } | null;
  /** Nodes judged. */
  nodes: number;
  items: AttentionItemView[];
}

/** One tie of a partner, as core's network builder reports it. */
export interface TieView {
  id: string;
  name: string;
  sector: string | null;
  shared_events: number;
  first_shared: string | null;
  last_shared: string | null;
  class: 'strong' | 'weak';
  state: 'active' | 'fading';
  person_pairs: number | null;
}

/** A partner's details as of a date. */
export interface DetailsView {
  id: string;
  kind: 'organisation' | 'person';
  name: string;
  asOf: string | null;
  from: string | null;
  sector: string | null;
  region: string | null;
  /** A person's organisation (at the last attendance in the window). */
  organisation: string | null;
  events: number;
  people: number | null;
  internalTies: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
  ties: TieView[];
  attendance: { name: string; date: string | null; type: string | null }[];
  score: number;
  reasons: TextView[];
  suggestions: SuggestionView[];
}

export type WorkerRequest =
  | { id: number; type: 'load'; source: DataSource; view: ViewKind | null; options: SceneOptions; askMapping: boolean; sentAt?: number }
  | { id: number; type: 'scene'; view: ViewKind; options: SceneOptions }
  | { id: number; type: 'attention'; query: AnalysisQuery; options: SceneOptions }
  | { id: number; type: 'details'; query: AnalysisQuery; node: string; options: SceneOptions };

export type WorkerResponse =
  | { id: number; type: 'progress'; phase: string; fraction: number }
  | { id: number; type: 'mapping'; request: MappingRequest }
  | { id: number; type: 'loaded'; report: ReportView | null; scene: Scene; mappingAsked: boolean; convenor: string | null; phases?: PhaseTiming[] }
  | { id: number; type: 'attention'; attention: AttentionView }
  | { id: number; type: 'details'; details: DetailsView | null }
  | { id: number; type: 'scene'; scene: Scene; phases?: PhaseTiming[] }
  | { id: number; type: 'error'; message: string; report: ReportView | null };
