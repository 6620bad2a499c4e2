/**
 * Glue between the bench and the library's stage functions: the reader, centrality (degree/strength,
 * betweenness, constraint, core numbers), Louvain and attention. Each adapter returns the function to time,
 * or a reason why the stage cannot run, and stores what the checksums need in the shared context.
 */
import type { InputFile, ReadResult, ValidationReport } from '../io/types.js';
import type { OrganisationGraph, PersonGraph } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import type { PipelineOptions } from './pipeline.js';
import type { StageId } from './report.js';

/** State shared by the stages of one run. */
export interface StageContext {
  file: InputFile;
  options: PipelineOptions;
  notes: string[];
  parsedRows?: number;
  model?: AttendanceModel;
  report?: ValidationReport;
  personGraph?: PersonGraph;
  orgGraph?: OrganisationGraph;
  /** Per node id (`P001`...): degree, strength (shared events) and Newman strength. */
  degree?: { degree: NumberMap; strength: NumberMap; newmanStrength: NumberMap };
  betweenness?: { exact: boolean; pivots: number; values: NumberMap };
  louvain?: { communities: number; modularity: number };
  /** Variant labels shown in the table, per stage. */
  variant?: Partial<Record<StageId, string>>;
}

export type NumberMap = Readonly<Record<string, number>> | ReadonlyMap<string, number>;
type Adapter = (ctx: StageContext) => Promise<(() => unknown) | string>;

// Module paths are resolved at run time so the bench builds while a module is still being written.
async function load(path: string): Promise<Record<string, unknown> | null> {
  try {
    return (await import(path)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function fn<T extends (...args: never[]) => unknown>(mod: Record<string, unknown> | null, name: string): T | null {
  const f = mod?.[name];
  return typeof f === 'function' ? (f as T) : null;
}

/** `readAttendance` on the file's bytes: parse, map headers, validate, dedupe and build the model. */
export async function readStage(ctx: StageContext): Promise<void> {
  const io = await load('../io/index.js');
  const read = fn<(files: InputFile[], options?: object) => Promise<ReadResult>>(io, 'readAttendance');
  if (!read) throw new Error('readAttendance is not exported by src/io/index.ts yet');
  const res = await read([ctx.file], {});
  ctx.model = res.model;
  ctx.report = res.report;
  if (res.report.errors.length) ctx.notes.push(`reader: ${res.report.errors.length} row errors (first: ${res.report.errors[0]?.message ?? ''})`);
}

export const centralityStages: Partial<Record<StageId, Adapter>> = {};
export const communityStages: Partial<Record<StageId, Adapter>> = {};
export const attentionStage: Adapter = async () => 'not implemented yet';
