/**
 * `mycorrhiza analyze FILE... --out DIR`: read attendance files, run the whole analysis and write the eleven
 * output files (tables, Gephi/GraphML networks, report.json, a self-contained report.html), then print a summary.
 * Exit codes: 0 written without input errors; 1 input errors (rows skipped; outputs still written when usable rows
 * remain) or no usable rows; 2 usage errors.
 */
import { closeSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join, resolve } from 'node:path';
import { analyzeAsync, ANALYZE_BETWEENNESS, ANALYZE_BETWEENNESS_BUDGET, type AnalyzeBetweenness, type AnalyzeOptions } from '../analysis/analyze.js';
import { BETWEENNESS_EXACT_MAX_NODES, BETWEENNESS_EXACT_MAX_WORK, BETWEENNESS_MIN_PIVOTS, BETWEENNESS_SAMPLE_WORK } from '../centrality/betweenness.js';
import { scrubPersonNames } from '../analysis/safe.js';
import { GROWTH_STEPS, type Analysis, type GrowthStep } from '../analysis/types.js';
import { MycorrhizaError } from '../errors.js';
import type { TieTable } from '../analysis/tie-table.js';
import { ANALYSIS_FILES, analysisFileChunks } from '../export/analysis-files.js';
import { PERSON_TIE_COLUMNS, PERSON_TIE_EXTRAS } from '../export/tables.js';
import { langFromEnv, LANGS, type Lang } from '../i18n/report-text.js';
import { readAttendance } from '../io/index.js';
import type { InputFile, ReadResult } from '../io/types.js';
import { isValidYmd } from '../model/dates.js';
import { BACKBONE_MODELS, CORRECTIONS, STRENGTH_BASES, type BackboneModel, type Correction, type StrengthBasis } from '../network/types.js';
import { formatFlags, parseArgs, UsageError, type FlagSpec, type ParsedArgs } from './args.js';
import { readInputFiles } from './io-node.js';
import { parallelBetweennessRunner } from './parallel-betweenness.js';
import type { Command } from './main.js';
import { readOptionsFromFlags } from './validate.js';

/** Reader flags shared with `validate`. */
export const READER_FLAGS: Record<string, FlagSpec> = {
  map: { kind: 'repeat', help: 'Header to field, e.g. "Naam deelnemer=person" (repeatable).' },
  split: { kind: 'repeat', help: 'Separator for a multi-value field, e.g. organisation="," (repeatable).' },
  aliases: { kind: 'string', help: 'CSV/XLSX/JSON with columns alias,canonical merging spelling variants.' },
  'date-format': { kind: 'string', help: 'dmy (default), mdy, ymd or a pattern such as DD/MM/YYYY.' },
  'person-key': { kind: 'string', help: 'name (default), name+organisation or email.' },
  organisations: { kind: 'string', help: 'Side table of organisations (organisation, sector, region, ...).' },
  events: { kind: 'string', help: 'Side table of events (event, date, event_type, duration_hours, ...).' },
  sheet: { kind: 'string', help: 'XLSX sheet name (default: the first sheet).' },
};

const FLAGS: Record<string, FlagSpec> = {
  out: { kind: 'string', help: 'Output folder (created if needed). Required.' },
  'as-of': { kind: 'string', help: 'Analysis date YYYY-MM-DD (default: the last event).' },
  window: { kind: 'string', help: 'Rolling window for active counts (default 12m).' },
  'strong-min': { kind: 'string', help: 'Shared events for a strong tie (default 3).' },
  'strength-basis': { kind: 'string', help: 'shared_events (default), weighted or significant.' },
  'fade-after': { kind: 'string', help: 'A tie fades after this long without a shared event (default 9m).' },
  'drift-after': { kind: 'string', help: 'An organisation drifts after this long away (default 6m).' },
  'max-event-size': { kind: 'string', help: 'Larger events create no ties (default: no limit).' },
  convenor: { kind: 'string', help: 'The coordinating organisation (name or id) for "without the convenor".' },
  alpha: { kind: 'string', help: 'Significance level (default 0.05).' },
  correction: { kind: 'string', help: 'none (default), holm or bh.' },
  backbone: { kind: 'string', help: 'hypergeometric (default), sdsm or disparity.' },
  every: { kind: 'string', help: 'Growth rows per event, month (default) or quarter.' },
  seed: { kind: 'string', help: 'Seed for community detection (default 1).' },
  safe: { kind: 'boolean', help: 'No person name, e-mail or role anywhere: people become P001, ...' },
  lang: { kind: 'string', help: 'Report language nl or en (default from LANG / LC_ALL).' },
  'compare-months': { kind: 'string', help: 'Months in the before/after periods (default 6).' },
  betweenness: {
    kind: 'string',
    help: `auto (default: exact up to ${BETWEENNESS_EXACT_MAX_NODES.toLocaleString('en-US')} nodes and ${BETWEENNESS_EXACT_MAX_WORK.toExponential()} path-search steps, else an estimate from sampled sources with its standard error), exact, sampled or skip.`,
  },
  'betweenness-max-nodes': { kind: 'string', help: `Switch point of auto betweenness, in nodes (default ${BETWEENNESS_EXACT_MAX_NODES}).` },
  'betweenness-limit': { kind: 'string', help: `Switch point of auto betweenness, in steps of one exact pass: nodes × 2 × ties (default ${BETWEENNESS_EXACT_MAX_WORK.toExponential()}).` },
  'betweenness-budget': { kind: 'string', help: `Steps per thread of one sampled pass; pivots = budget × threads / (2 × ties), at least ${BETWEENNESS_MIN_PIVOTS} (default ${ANALYZE_BETWEENNESS_BUDGET.toExponential()}; the library's default is ${BETWEENNESS_SAMPLE_WORK.toExponential()}).` },
  pivots: { kind: 'string', help: 'Sampled sources of the betweenness estimate, instead of the budget (e.g. to reproduce a run).' },
  threads: { kind: 'string', help: 'Worker threads for betweenness (default: all cores).' },
  ...READER_FLAGS,
  help: { kind: 'boolean', help: 'Show this help.' },
};

const HELP = `Usage: mycorrhiza analyze FILE... --out DIR [options]

Reads attendance files (CSV, XLSX, JSON), builds the person and organisation networks and writes to DIR:
  ${ANALYSIS_FILES.join(', ')}.
Prints a summary: the growth headline, ties by class and state, the top of the attention list.

Options:
${formatFlags(FLAGS)}

Exit codes: 0 all files written and no input errors; 1 input errors: rows with errors are skipped and reported
on stderr, and when usable rows remain the outputs are still written from them (check the report before using
them); with no usable row nothing is written; 2 usage errors (wrong flag or value).`;

function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

function numberFlag(args: ParsedArgs, name: string, check: (n: number) => boolean, expected: string): number | undefined {
  const v = flagString(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`mycorrhiza analyze: --${name} should be ${expected}, received "${v}".`);
  return n;
}

function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[]): T | undefined {
  const v = flagString(args, name);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`mycorrhiza analyze: --${name} should be one of ${allowed.join(', ')}, received "${v}".`);
  return v as T;
}

function durationFlag(args: ParsedArgs, name: string): string | undefined {
  const v = flagString(args, name);
  if (v !== undefined && !/^\s*\d+\s*(d|w|m|y)\s*$/i.test(v)) throw new UsageError(`mycorrhiza analyze: --${name} should be a duration such as 9m, 6m, 2y, 12w or 30d, received "${v}".`);
  return v?.trim();
}

/** Analyze options from flags; usage errors for malformed values. */
export function analyzeOptionsFromFlags(args: ParsedArgs): AnalyzeOptions {
  const asOf = flagString(args, 'as-of');
  if (asOf !== undefined) {
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(asOf) && isValidYmd(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), Number(asOf.slice(8, 10)));
    if (!ok) throw new UsageError(`mycorrhiza analyze: --as-of should be a date YYYY-MM-DD, received "${asOf}".`);
  }
  const o: AnalyzeOptions = {
    asOf: asOf ?? null,
    window: durationFlag(args, 'window'),
    strongMin: numberFlag(args, 'strong-min', (n) => n >= 0, 'a number >= 0'),
    strengthBasis: oneOf<StrengthBasis>(args, 'strength-basis', STRENGTH_BASES),
    fadeAfter: durationFlag(args, 'fade-after'),
    driftAfter: durationFlag(args, 'drift-after'),
    maxEventSize: numberFlag(args, 'max-event-size', (n) => Number.isInteger(n) && n >= 2, 'a whole number >= 2'),
    convenor: flagString(args, 'convenor') ?? null,
    alpha: numberFlag(args, 'alpha', (n) => n > 0 && n <= 1, 'a number in (0, 1], e.g. 0.05'),
    correction: oneOf<Correction>(args, 'correction', CORRECTIONS),
    backbone: oneOf<BackboneModel>(args, 'backbone', BACKBONE_MODELS),
    every: oneOf<GrowthStep>(args, 'every', GROWTH_STEPS),
    seed: numberFlag(args, 'seed', (n) => Number.isInteger(n), 'a whole number'),
    compareMonths: numberFlag(args, 'compare-months', (n) => Number.isInteger(n) && n >= 1, 'a whole number >= 1'),
    safe: args.flags.safe === true,
    betweenness: oneOf<AnalyzeBetweenness>(args, 'betweenness', ANALYZE_BETWEENNESS),
    betweennessMaxNodes: numberFlag(args, 'betweenness-max-nodes', (n) => Number.isInteger(n) && n >= 0, 'a whole number >= 0'),
    betweennessLimit: numberFlag(args, 'betweenness-limit', (n) => n >= 0, 'a number >= 0, e.g. 2e10'),
    betweennessBudget: numberFlag(args, 'betweenness-budget', (n) => n > 0 && n < Infinity, 'a number > 0, e.g. 4e9'),
    betweennessPivots: numberFlag(args, 'pivots', (n) => Number.isInteger(n) && n >= 1, 'a whole number >= 1'),
  };
  return o;
}

/** The report language: --lang, else LC_ALL / LC_MESSAGES / LANG starting with "nl", else English. */
export function langFromFlags(args: ParsedArgs, env: Readonly<Record<string, string | undefined>>): Lang {
  return oneOf<Lang>(args, 'lang', LANGS) ?? langFromEnv(env);
}

/** The validation problems as lines of text (values and person suggestions left out in safe mode). */
export function formatReadProblems(result: ReadResult, safe: boolean): string[] {
  const clean = (s: string) => (safe ? scrubPersonNames(s, result.model) : s);
  const { errors, warnings, counts } = result.report;
  const line = (kind: string, i: { file: string; row: number | null; column: string | null; value: string | null; message: string; fix: string }) =>
    clean(`  ${kind} ${i.file}${i.row != null ? ` row ${i.row}` : ''}${i.column ? `, column "${i.column}"` : ''}${!safe && i.value != null ? ` (${JSON.stringify(i.value)})` : ''}: ${i.message}${i.fix ? ' ' + i.fix : ''}`);
  const out = [`Read ${counts.rows} rows: ${counts.used} used, ${counts.rejected} rejected; ${counts.people} people, ${counts.organisations} organisations, ${counts.events} events.`];
  const shown = 20;
  errors.slice(0, shown).forEach((e) => out.push(line('error', e)));
  if (errors.length > shown) out.push(`  ... and ${errors.length - shown} more errors (run "mycorrhiza validate" for the full list).`);
  warnings.slice(0, 10).forEach((w) => out.push(line('warning', w)));
  if (warnings.length > 10) out.push(`  ... and ${warnings.length - 10} more warnings.`);
  return out;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

/** Files larger than this are read piece by piece (CSV), never whole: 64 MiB. */
export const STREAM_ABOVE_BYTES = 64 * 1024 * 1024;

/** Input files: small ones whole (`readInputFiles`), large CSV files as byte pieces read on demand. */
function readLargeAware(paths: readonly string[]): InputFile[] {
  if (paths.length === 0) return readInputFiles('analyze', paths);
  return paths.map((path) => {
    let size = -1;
    try {
      const st = statSync(path);
      if (st.isFile()) size = st.size;
    } catch {
      size = -1;
    }
    const ext = path.toLowerCase().split('.').pop() ?? '';
    if (size <= STREAM_ABOVE_BYTES || ext === 'xlsx' || ext === 'xlsm' || ext === 'json') return readInputFiles('analyze', [path])[0]!;
    const piece = 8 * 1024 * 1024;
    const head = new Uint8Array(1024 * 1024);
    const fd = openSync(path, 'r');
    const got = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    return {
      name: path,
      bytes: head.subarray(0, got),
      stream: {
        size,
        *chunks(): Generator<Uint8Array> {
          const h = openSync(path, 'r');
          try {
            for (;;) {
              const buf = new Uint8Array(piece);
              const n = readSync(h, buf, 0, piece, null);
              if (n <= 0) return;
              yield n === piece ? buf : buf.subarray(0, n);
            }
          } finally {
            closeSync(h);
          }
        },
      },
    };
  });
}

/** What was written to one output file: its size and, for CSV tables, its data rows. */
export interface WrittenFile {
  bytes: number;
  rows: number | null;
}

/** Write every output file to `dir` piece by piece (no file is ever held whole in memory). */
export function writeAnalysisFiles(dir: string, chunks: Record<string, Iterable<string>>, skip: readonly string[] = []): Record<string, WrittenFile> {
  const written: Record<string, WrittenFile> = {};
  for (const name of ANALYSIS_FILES) {
    if (skip.includes(name)) continue;
    const fd = openSync(join(dir, name), 'w');
    let bytes = 0, lines = 0;
    try {
      let pending: string[] = [];
      let size = 0;
      const flush = () => {
        if (!pending.length) return;
        const buf = Buffer.from(pending.join(''), 'utf8');
        writeSync(fd, buf);
        bytes += buf.length;
        pending = [];
        size = 0;
      };
      for (const piece of chunks[name] ?? []) {
        if (name.endsWith('.csv')) for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) lines++;
        pending.push(piece);
        size += piece.length;
        if (size >= 1 << 22) flush();
      }
      flush();
    } finally {
      closeSync(fd);
    }
    // CSV rows: lines minus the header (a quoted cell with a line break is rare in these tables).
    written[name] = { bytes, rows: name.endsWith('.csv') ? Math.max(0, lines - 1) : null };
  }
  return written;
}

/** Person ties above which person-ties.csv is written by a worker thread while the other files are written. */
export const TIE_CSV_WORKER_ABOVE = 1_000_000;
/**
 * Column bytes of the person tie table above which person-ties.csv is written on the main thread after all:
 * a worker gets a copy of the columns (structured clone), which at tens of millions of ties costs gigabytes.
 */
export const TIE_CSV_WORKER_MAX_BYTES = 1024 * 1024 * 1024;

/** Bytes held by the typed-array columns of a tie table. */
export function tieTableBytes(table: TieTable): number {
  let bytes = 0;
  for (const v of Object.values(table)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  return bytes;
}

const TIE_CSV_WORKER = `'use strict';
const { parentPort, workerData: d } = require('node:worker_threads');
const fs = require('node:fs');
(async () => {
  const { tieCsvChunks } = await import(d.tablesUrl);
  const fd = fs.openSync(d.path, 'w');
  let bytes = 0, lines = 0;
  try {
    for (const piece of tieCsvChunks(d.table, d.columns)) {
      for (let i = piece.indexOf('\\n'); i >= 0; i = piece.indexOf('\\n', i + 1)) lines++;
      const buf = Buffer.from(piece, 'utf8');
      fs.writeSync(fd, buf);
      bytes += buf.length;
    }
  } finally {
    fs.closeSync(fd);
  }
  parentPort.postMessage({ bytes, rows: Math.max(0, lines - 1) });
})().catch((err) => parentPort.postMessage({ error: String((err && err.stack) || err) }));
`;

/**
 * Write a large tie table as CSV on a worker thread (the same text as the analysis' `person-ties.csv` pieces),
 * so that formatting millions of rows runs beside the writing of the other files.
 */
export function writeTieCsvInWorker(path: string, table: TieTable, columns: readonly string[]): Promise<WrittenFile> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(TIE_CSV_WORKER, { eval: true, workerData: { path, table, columns, tablesUrl: new URL('../export/tables.js', import.meta.url).href } });
    worker.once('message', (m: WrittenFile & { error?: string }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolvePromise({ bytes: m.bytes, rows: m.rows });
    });
    worker.once('error', reject);
  });
}

/** The terminal summary of an analysis. `files`: the texts written, or what `writeAnalysisFiles` reports. */
export function formatSummary(a: Analysis, outDir: string, files: Record<string, string | WrittenFile>): string {
  const lines: string[] = [];
  const p = a.period;
  lines.push(`Mycorrhiza analysis: ${a.counts.events} events, ${a.counts.organisations} organisations, ${a.counts.people} people${p.dated ? ` (${p.first} to ${p.asOf})` : ' (undated: no time features)'}.`);
  if (a.headline) {
    const h = a.headline;
    lines.push(`Growth: ${h.start.organisations} → ${h.end.organisations} organisations, ${h.start.people} → ${h.end.people} people (first event ${h.start.date} → as of ${h.end.date}).`);
  }
  const rule = a.options.strengthBasis === 'shared_events' ? `strong = ${a.options.strongMin}+ shared events` : a.options.strengthBasis === 'weighted' ? `strong = weighted ${a.options.strongMin}+` : 'strong = significant';
  lines.push(`Ties (${rule}; fading = no shared event in the last ${a.options.fadeAfter}):`);
  lines.push(`  ${''.padEnd(14)}${pad('strong', 8)}${pad('weak', 8)}${pad('active', 8)}${pad('fading', 8)}${pad('total', 8)}`);
  for (const [label, c] of [['organisations', a.ties.organisation], ['people', a.ties.person]] as const) {
    lines.push(`  ${label.padEnd(14)}${pad(c.strong, 8)}${pad(c.weak, 8)}${pad(c.active, 8)}${pad(c.fading, 8)}${pad(c.total, 8)}`);
  }
  const flagged = a.attention.filter((x) => x.reasons.length > 0);
  if (flagged.length) {
    lines.push(`Needing attention: ${flagged.length} organisations; top ${Math.min(5, flagged.length)}:`);
    flagged.slice(0, 5).forEach((x, i) => {
      lines.push(`  ${i + 1}. ${x.name} (score ${x.score}): ${x.reasons.map((r) => r.code).join(', ')}`);
      const first = x.reasons[0];
      if (first) lines.push(`     ${first.text.en}`);
    });
  } else lines.push('Needing attention: none.');
  for (const w of [a.significance.organisation.warning, a.significance.person.warning]) if (w) lines.push(`Significance: ${w.en}`);
  if (a.withoutConvenor) {
    const w = a.withoutConvenor;
    lines.push(`Without ${w.convenor.name}: ${w.unconnected.length} organisations would be unconnected${w.unconnected.length ? ` (${w.unconnected.slice(0, 5).map((u) => u.name).join(', ')}${w.unconnected.length > 5 ? ', ...' : ''})` : ''}.`);
  }
  for (const note of a.scale.notes) lines.push(`Scale: ${note.en}`);
  lines.push(`Written to ${outDir}:`);
  for (const name of ANALYSIS_FILES) {
    const f = files[name] ?? '';
    const info: WrittenFile = typeof f === 'string' ? { bytes: Buffer.byteLength(f), rows: name.endsWith('.csv') ? Math.max(0, f.split('\n').length - 2) : null } : f;
    const rows = info.rows !== null ? `${info.rows} rows` : `${Math.ceil(info.bytes / 1024)} kB`;
    lines.push(`  ${join(outDir, name)}  (${rows})`);
  }
  return lines.join('\n') + '\n';
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs('analyze', argv, FLAGS);
  if (args.flags.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const out = flagString(args, 'out');
  if (!out) throw new UsageError('mycorrhiza analyze: give an output folder with --out DIR.');
  const options = analyzeOptionsFromFlags(args);
  const lang = langFromFlags(args, process.env);
  const readOptions = readOptionsFromFlags('analyze', args.flags);
  const files = readLargeAware(args.positionals);
  const tty = process.stderr.isTTY === true;
  const say = (text: string) => {
    if (tty) process.stderr.write(`\r\x1b[2K${text}`);
  };
  const total = files.reduce((s, f) => s + (f.stream?.size ?? f.bytes.length), 0);
  const result = await readAttendance(files, { ...readOptions, onProgress: tty ? (done) => say(`reading ${Math.round((100 * done) / Math.max(1, total))}%`) : null });
  const problems = result.report.errors.length > 0;
  if (problems || result.report.warnings.length > 0) process.stderr.write((tty ? '\r\x1b[2K' : '') + formatReadProblems(result, options.safe === true).join('\n') + '\n');
  if (result.model.attendance.length === 0) {
    process.stderr.write('mycorrhiza analyze: no usable attendance row; nothing written. Fix the errors above and run again.\n');
    return 1;
  }
  let analysis: Analysis;
  try {
    const threads = numberFlag(args, 'threads', (n) => Number.isInteger(n) && n >= 1, 'a whole number >= 1');
    const betweennessRunner = parallelBetweennessRunner(threads === undefined ? {} : { threads });
    analysis = await analyzeAsync(result.model, { ...options, betweennessRunner, onProgress: tty ? (stage, done, n) => say(`analysing: ${stage} (${done + 1}/${n})`) : null });
  } catch (err) {
    if (tty) process.stderr.write('\r\x1b[2K');
    if (err instanceof MycorrhizaError) throw new UsageError(`mycorrhiza analyze: ${err.message}`);
    throw err;
  }
  say('writing files');
  const dir = resolve(out);
  mkdirSync(dir, { recursive: true });
  // Millions of person ties: their CSV is formatted and written on a worker thread meanwhile (up to a size
  // whose copy the worker can afford; beyond it, on this thread).
  const offload = analysis.tieTables.person.length > TIE_CSV_WORKER_ABOVE && tieTableBytes(analysis.tieTables.person) <= TIE_CSV_WORKER_MAX_BYTES;
  const personTies = offload ? writeTieCsvInWorker(join(dir, 'person-ties.csv'), analysis.tieTables.person, [...PERSON_TIE_COLUMNS, ...PERSON_TIE_EXTRAS]) : null;
  const written = writeAnalysisFiles(dir, analysisFileChunks(analysis, { lang }), offload ? ['person-ties.csv'] : []);
  if (personTies) written['person-ties.csv'] = await personTies;
  if (tty) process.stderr.write('\r\x1b[2K');
  let summary = formatSummary(analysis, out, written);
  if (options.safe) summary = scrubPersonNames(summary, result.model);
  // Names come from user files: no control character (escape sequences) reaches the terminal.
  process.stdout.write(summary.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, ''));
  if (problems) process.stderr.write(`mycorrhiza analyze: ${result.report.errors.length} input errors; the rows concerned were skipped. Exit code 1.\n`);
  return problems ? 1 : 0;
}

export const analyzeCommand: Command = { summary: 'Analyse attendance files and write tables, networks and a report.', run };
