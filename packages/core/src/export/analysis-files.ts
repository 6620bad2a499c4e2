/**
 * Every output file of `mycorrhiza analyze`, by name, as text: the seven CSV tables, report.json, network.gexf,
 * network.graphml and report.html. Pure and deterministic (no clock, stable order), so the viewer can offer the
 * same downloads and two runs give byte-identical files.
 */
import type { Analysis } from '../analysis/types.js';
import type { Lang } from '../i18n/report-text.js';
import { renderReportHtml } from '../report/html.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { analysisExportGraph } from './network-export.js';
import { analysisCsvFiles, attentionRows } from './tables.js';

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
  const { people: _p, organisations: _o, events: _e, personTies: _pt, organisationTies: _ot, growth: _g, tieDates: _d, attention, ...summary } = analysis;
  const out = {
    generator: 'mycorrhiza',
    ...summary,
    attention: attentionRows(attention, lang),
    attention_detail: attention.filter((a) => a.reasons.length > 0),
    files: ANALYSIS_FILES,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** Render every output file of an analysis. */
export function analysisFiles(analysis: Analysis, options?: AnalysisFilesOptions): Record<AnalysisFileName, string> {
  const lang = options?.lang ?? 'en';
  const graph = analysisExportGraph(analysis, { people: options?.graphPeople ?? true });
  return {
    ...analysisCsvFiles(analysis, lang),
    'report.json': analysisSummaryJson(analysis, lang),
    'network.gexf': toGexf(graph),
    'network.graphml': toGraphml(graph),
    'report.html': renderReportHtml(analysis, { lang }),
  } as Record<AnalysisFileName, string>;
}
