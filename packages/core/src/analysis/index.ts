/**
 * The whole analysis (`analyze`) and its outputs: CSV tables, report.json, GEXF 1.3 with spells, GraphML and the
 * self-contained HTML report. Types that share a name with other modules are exported with an `Analysis` prefix.
 */
export { analyze, analyzeAsync, scaleNotes, validateAnalyzeOptions, ANALYZE_BETWEENNESS, ANALYZE_BETWEENNESS_BUDGET, ANALYZE_DEFAULTS, type AnalyzeBetweenness, type AnalyzeOptions } from './analyze.js';
export { compactNodeMeasures, type BetweennessInfo, type BetweennessRequest, type CompactMeasureOptions, type CompactMeasures } from './compact-measures.js';
export { compactLouvain, modularityOf, type CompactLouvainOptions, type WeightedCsr } from './compact-louvain.js';
export { jaccardAt, localBridgeAt, overlapAt, tieAt, tieDatesOf, tieRowAt, tieRows, tieTableCounts, tieTableOf, weightedAt, type TieTable } from './tie-table.js';
export { projectionComponents } from './compare.js';
export { safeModel, scrubPersonNames } from './safe.js';
export { comparisonPeriods, comparePeriodsOf, withoutConvenorOf, COMPARISON_LIST_MAX } from './compare.js';
export { eventRows, headlineOf, sectorShares, tieDateIndex } from './tables.js';
export { nodeMeasureRows, type NodeMeasureRow } from './measures.js';
export {
  GROWTH_STEPS,
  type Analysis,
  type AnalysisScale,
  type GraphSelection,
  type LevelScale,
  type AttentionEntry,
  type AttentionRow,
  type AttentionReason as AnalysisAttentionReason,
  type AttentionSuggestion as AnalysisAttentionSuggestion,
  type Comparison,
  type ComparisonFigure,
  type EventRow,
  type GrowthRow as AnalysisGrowthRow,
  type GrowthStep,
  type LocalText,
  type OrganisationRow,
  type OrganisationTieRow,
  type PersonRow,
  type PersonTieRow,
  type ResolvedAnalyzeOptions,
  type SectorShare,
  type SignificanceNote,
  type Snapshot as AnalysisSnapshot,
  type TieCounts as AnalysisTieCounts,
  type TieRef,
  type WithoutConvenor,
} from './types.js';
export { analysisFileChunks, analysisFiles, analysisSummaryJson, analysisSummaryJsonChunks, ANALYSIS_FILES, type AnalysisFileName, type AnalysisFilesOptions } from '../export/analysis-files.js';
export * from '../export/tables.js';
export { gexfChunks, toGexf } from '../export/gexf.js';
export { graphmlChunks, toGraphml } from '../export/graphml.js';
export { analysisExportGraph, tieTimeline, EXPORT_GRAPH_DEFAULTS, type ExportGraphOptions } from '../export/network-export.js';
export type { ExportAttribute, ExportAttributeType, ExportEdge, ExportGraph, ExportNode, ExportTimedValue, ExportValue } from '../export/export-graph.js';
export { escapeXml, escapeXmlAttribute } from '../export/xml.js';
export { renderReportHtml, formatNumber, REPORT_CSP, REPORT_HTML_DEFAULTS, type ReportHtmlOptions } from '../report/html.js';
export { escapeHtml } from '../report/escape.js';
export { LANGS, REPORT_TEXT, REASON_LABELS, langFromEnv, reportText, type Lang } from '../i18n/report-text.js';
export { REFERENCES, methodEntries, type Reference } from '../i18n/methods.js';
