/**
 * Every output file of `mycorrhiza analyze`, by name, as text: the seven CSV tables, report.json, network.gexf,
 * network.graphml and report.html. Pure and deterministic (no clock, stable order), so the viewer can offer the
 * same downloads and two runs give byte-identical files.
 */
import type { Analysis } from '../analysis/types.js';
import type { Lang } from '../i18n/report-text.js';
import { renderReportHtml } from '../report/html.js';
import { gexfChunks } from './gexf.js';
import { graphmlChunks } from './graphml.js';
import { analysisExportGraph } from './network-export.js';
import { analysisCsvChunks, attentionRows } from './tables.js';

/** The file names written by `analyze`, in the order they are listed. */
export const ANALYSIS_FILES = [
  'people.csv',
  'organisations.csv',
  'events.csv',
  'person-ties.csv',
  'organisation-ties.csv',
  'growth.csv',
  'attention.csv',
  'report.json',
  'network.gexf',
  'network.graphml',
  'report.html',
] as const;
export type AnalysisFileName = (typeof ANALYSIS_FILES)[number];

/** Options of `analysisFiles`. */
export interface AnalysisFilesOptions {
  /** Language of report.html and of the plain-language columns of attention.csv. Default: "en". */
  lang?: Lang;
  /** Include people and person ties in network.gexf / network.graphml. Default: true. */
  graphPeople?: boolean;
}

/** The summary written to report.json: everything but the large tables (those are the CSV files). */
export function analysisSummaryJson(analysis: Analysis, lang: Lang): string {
  return Array.from(analysisSummaryJsonChunks(analysis, lang)).join('');
}

/** Entries per piece of the attention arrays in `analysisSummaryJsonChunks`. */
const JSON_CHUNK_ENTRIES = 2048;

/**
 * `analysisSummaryJson` in pieces: the two attention arrays (one entry per flagged organisation, with
 * introductions: hundreds of megabytes for 10^5 organisations) are written entry by entry, so report.json is
 * never one string (V8 caps strings at 2^29 characters). Joined, exactly `JSON.stringify(summary, null, 2)`.
 */
export function* analysisSummaryJsonChunks(analysis: Analysis, lang: Lang): Generator<string> {
  const { people: _p, organisations: _o, events: _e, personTies: _pt, organisationTies: _ot, growth: _g, tieDates: _d, tieTables: _tt, graph: _gr, attention, ...summary } = analysis;
  const arrays = { attention: attentionRows(attention, lang), attention_detail: attention.filter((a) => a.reasons.length > 0) };
  const out = { generator: 'mycorrhiza', ...summary, attention: 0, attention_detail: 0, files: ANALYSIS_FILES };
  // The two arrays stand at depth 1 as numbers 0 in this text: a line break inside a JSON string is always
  // escaped, so `\n  "attention": 0,\n` can only be that top-level member.
  let text = JSON.stringify(out, null, 2) + '\n';
  for (const key of ['attention', 'attention_detail'] as const) {
    const at = `\n  ${JSON.stringify(key)}: `;
    const cut = text.indexOf(at + '0,\n') + at.length;
    yield text.slice(0, cut);
    text = text.slice(cut + 1);
    const items: readonly unknown[] = arrays[key];
    if (items.length === 0) {
      yield '[]';
      continue;
    }
    let piece = '[';
    for (let k = 0; k < items.length; k++) {
      piece += (k ? ',' : '') + '\n    ' + JSON.stringify(items[k], null, 2).replace(/\n/g, '\n    ');
      if ((k + 1) % JSON_CHUNK_ENTRIES === 0) {
        yield piece;
        piece = '';
      }
    }
    yield piece + '\n  ]';
  }
  yield text;
}

/**
 * Every output file of an analysis as pieces of text, to write to a stream: the tie tables and the network
 * files are made piece by piece while they are walked (each iterable can be walked again), so memory stays
 * bounded by the analysis itself, not by the size of the files. Joined, the pieces are `analysisFiles`.
 */
export function analysisFileChunks(analysis: Analysis, options?: AnalysisFilesOptions): Record<AnalysisFileName, Iterable<string>> {
  const lang = options?.lang ?? 'en';
  const graph = analysisExportGraph(analysis, { people: options?.graphPeople ?? true });
  const once = (make: () => string): Iterable<string> => ({ *[Symbol.iterator]() { yield make(); } });
  return {
    ...analysisCsvChunks(analysis, lang),
    'report.json': { [Symbol.iterator]: () => analysisSummaryJsonChunks(analysis, lang) },
    'network.gexf': { [Symbol.iterator]: () => gexfChunks(graph) },
    'network.graphml': { [Symbol.iterator]: () => graphmlChunks(graph) },
    'report.html': once(() => renderReportHtml(analysis, { lang })),
  } as unknown as Record<AnalysisFileName, Iterable<string>>;
}

/** Render every output file of an analysis (whole strings; see `analysisFileChunks` for large analyses). */
export function analysisFiles(analysis: Analysis, options?: AnalysisFilesOptions): Record<AnalysisFileName, string> {
  const out = {} as Record<AnalysisFileName, string>;
  for (const [name, chunks] of Object.entries(analysisFileChunks(analysis, options))) out[name as AnalysisFileName] = Array.from(chunks).join('');
  return out;
}
