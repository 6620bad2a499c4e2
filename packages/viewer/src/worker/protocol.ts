/** Messages between the page and the data worker. Plain structured-clone data only. */
import type { AttendanceModel } from '@mycorrhiza/core';
import type { Scene, SceneOptions, ViewKind } from '../scene/types.js';
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

export type WorkerRequest =
  | { id: number; type: 'load'; source: DataSource; view: ViewKind | null; options: SceneOptions; askMapping: boolean }
  | { id: number; type: 'scene'; view: ViewKind; options: SceneOptions };

export type WorkerResponse =
  | { id: number; type: 'progress'; phase: string; fraction: number }
  | { id: number; type: 'mapping'; request: MappingRequest }
  | { id: number; type: 'loaded'; report: ReportView | null; scene: Scene; mappingAsked: boolean }
  | { id: number; type: 'scene'; scene: Scene }
  | { id: number; type: 'error'; message: string; report: ReportView | null };
