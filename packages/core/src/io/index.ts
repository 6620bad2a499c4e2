/**
 * Attendance readers: CSV, XLSX and JSON files to the attendance model with a validation report.
 * Browser-compatible (no Node built-ins): the viewer's Web Worker calls the same functions as the CLI.
 */
export * from './types.js';
export { READ_LIMITS } from './limits.js';
export { READ_DEFAULTS, SPLIT_FIELDS, resolveReadOptions, resolveSplit, type ReadOptions, type ResolvedReadOptions, type SplitField, type SplitOptions } from './options.js';
export { nameSuggestions, readAttendance } from './read-attendance.js';
export { parseTable, columnLabel, type ParsedTable, type ParseTableOptions, type TableCell, type TableRow } from './table.js';
export { detectMapping, guessField, normaliseHeader, resolveMapOverrides, HEADER_SYNONYMS, type DetectedMapping, type HeaderGuess, type MapOverrides } from './headers.js';
export { compileDateFormat, parseDateCell, DATE_ORDERS, type CompiledDateFormat, type DateFormat, type DateOrder, type DateParseResult } from './parse-date.js';
export { createAliasResolver, readAliasFile, ALIAS_KINDS, type AliasEntry, type AliasKind, type AliasResolver } from './aliases.js';
export { readEventsTable, readOrganisationsTable, isIdHeader, type EventEntry, type OrganisationEntry, type SideTable } from './side-tables.js';
export { findNearDuplicates, jaroWinkler, NEAR_DUPLICATE_DEFAULTS, type NearDuplicateOptions } from './near-duplicates.js';
export { createReportCollector, makeIssue, type ReportCollector } from './report.js';
export { decodeText, decodeWindows1252, sniffBytes, utf8Evidence, type DecodedText } from './decode.js';
export { detectDelimiter } from './csv.js';
export { cellText, parseDurationHours, splitValues } from './values.js';
