/**
 * The worker's calls into @mycorrhiza/core: examples, readers and the growth series, with their results turned
 * into the viewer's plain shapes (ReportView, MappingRequest, GrowthCounters).
 */
import { buildModel, EXAMPLES, findOrganisation, generateExample, growthSeries } from '@mycorrhiza/core';
import type { AttendanceModel, AttendanceRecord } from '@mycorrhiza/core';
import type { GrowthCounters, SceneOptions } from '../scene/types.js';
import type { ExampleName, IssueView, MappingRequest, ReportView } from '../state/state.js';
import type { NamedBytes } from './protocol.js';

type AnyFn = (...args: unknown[]) => unknown;
// Named imports (not `import * as core`), so the worker's bundle holds only the parts of core it uses; the
// readers (CSV, XLSX, JSON) load on first use from core's `io` entry, so opening an example does not wait for them.
const CORE: Record<string, unknown> = { generateExample, growthSeries };
function coreFn(name: string): AnyFn | null {
  const f = CORE[name];
  return typeof f === 'function' ? (f as AnyFn) : null;
}

function isModel(x: unknown): x is AttendanceModel {
  return typeof x === 'object' && x !== null && 'attendance' in x && 'events' in x && 'people' in x;
}

export interface ReadOutcome {
  model: AttendanceModel;
  report: ReportView | null;
  mappings: MappingRequest[];
}

function issueView(i: Partial<IssueView> & { message?: string }): IssueView {
  return { file: String(i.file ?? ''), row: i.row ?? null, column: i.column ?? null, value: i.value ?? null, message: String(i.message ?? ''), fix: String(i.fix ?? '') };
}

/** Core's validation report in the viewer's plain shape. */
export function toReportView(report: unknown): ReportView | null {
  if (!report || typeof report !== 'object') return null;
  const r = report as { errors?: unknown[]; warnings?: unknown[]; suggestions?: unknown[]; counts?: Record<string, number> };
  const c = r.counts ?? {};
  return {
    errors: (r.errors ?? []).map((i) => issueView(i as IssueView)),
    warnings: (r.warnings ?? []).map((i) => issueView(i as IssueView)),
    suggestions: (r.suggestions ?? []).map((s) => {
      const x = s as { kind?: string; a?: string; b?: string; similarity?: number; fix?: string };
      return { kind: String(x.kind ?? ''), a: String(x.a ?? ''), b: String(x.b ?? ''), similarity: Number(x.similarity ?? 0), fix: String(x.fix ?? '') };
    }),
    counts: { rows: c.rows ?? 0, used: c.used ?? 0, rejected: c.rejected ?? 0, people: c.people ?? 0, organisations: c.organisations ?? 0, events: c.events ?? 0 },
  };
}

/** Read files with core's `readAttendance`. Mappings that need a person's confirmation are returned. */
export async function readFiles(files: NamedBytes[], map: Record<string, string | null> | undefined, onProgress: (f: number) => void): Promise<ReadOutcome> {
  const io = (await import('@mycorrhiza/core/io')) as unknown as Record<string, unknown>;
  const read = typeof io.readAttendance === 'function' ? (io.readAttendance as AnyFn) : null;
  if (!read) throw new Error('this build of @mycorrhiza/core has no readAttendance (run pnpm -r build).');
  const options: Record<string, unknown> = { onProgress: (done: number, total: number) => onProgress(total > 0 ? done / total : 1) };
  if (map && Object.keys(map).length > 0) options.map = map;
  const result = (await read(files, options)) as {
    model: AttendanceModel;
    report: unknown;
    mappings?: { file: string; headers: string[]; mapping: Record<number, string | null>; unsure: boolean; reasons: string[]; samples?: string[] }[];
  };
  const mappings: MappingRequest[] = (result.mappings ?? [])
    .filter((m) => m.unsure && m.headers.length > 0)
    .map((m) => ({
      file: m.file,
      headers: [...m.headers],
      mapping: m.headers.map((_, i) => m.mapping[i] ?? null),
      samples: m.samples ? [...m.samples] : m.headers.map(() => ''),
      reasons: [...m.reasons],
    }));
  return { model: result.model, report: toReportView(result.report), mappings };
}

/** A built-in example as a model (core's generateExample may give a model, records or CSV text). */
export async function exampleModel(name: ExampleName): Promise<{ model: AttendanceModel; report: ReportView | null }> {
  const generate = coreFn('generateExample');
  if (!generate) throw new Error('this build of @mycorrhiza/core has no generateExample (run pnpm -r build).');
  const out = (await generate(name)) as unknown;
  if (isModel(out)) return { model: out, report: null };
  const holder = out as { model?: unknown; records?: unknown; csv?: unknown };
  if (holder && isModel(holder.model)) return { model: holder.model, report: null };
  const records = Array.isArray(out) ? out : Array.isArray(holder?.records) ? holder.records : null;
  if (records) return { model: buildModel(records as AttendanceRecord[]), report: null };
  const csv = typeof out === 'string' ? out : typeof holder?.csv === 'string' ? holder.csv : null;
  if (csv !== null) {
    const r = await readFiles([{ name: `${name}.csv`, bytes: new TextEncoder().encode(csv) }], undefined, () => {});
    return { model: r.model, report: r.report };
  }
  throw new Error(`generateExample("${name}") returned an unexpected value.`);
}

/** Core's growth series per event date, as the counters the map shows (null when unavailable or undated). */
export function growthCounters(model: AttendanceModel, options: Required<SceneOptions>): GrowthCounters[] | null {
  const growth = coreFn('growthSeries');
  if (!growth || !model.dated || model.events.length === 0) return null;
  const series = growth(model, { every: 'event', strongMin: options.strongMin, fadeAfter: options.fadeAfter, maxEventSize: options.maxEventSize }) as {
    rows: Record<string, unknown>[];
  };
  return series.rows.map((r) => ({
    date: String(r.date),
    people: Number(r.people),
    organisations: Number(r.organisations),
    events: Number(r.events),
    strong_person_ties: Number(r.strong_person_ties),
    strong_organisation_ties: Number(r.strong_organisation_ties),
    person_ties: Number(r.person_ties),
    organisation_ties: Number(r.organisation_ties),
    weak_organisation_ties: Number(r.weak_organisation_ties ?? 0),
    weak_person_ties: Number(r.weak_person_ties ?? 0),
  }));
}

/** The convenor of a built-in example as an organisation id (null when it has none or it is not in the model). */
export function exampleConvenor(model: AttendanceModel, example: string): string | null {
  const name = EXAMPLES.find((e) => e.name === example)?.convenor ?? null;
  if (!name) return null;
  try {
    return model.organisations[findOrganisation(model, name)]!.id;
  } catch {
    return null;
  }
}
