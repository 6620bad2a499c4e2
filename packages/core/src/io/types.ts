/**
 * Shapes shared by the attendance readers: input files, table cells, the validation report (PRODUCT.md §1, §5)
 * and the per-file column mapping. Plain serialisable data, so a Web Worker can post them as they are.
 */
import type { AttendanceModel, Field } from '../types.js';

/** One file given to the readers: its name (shown in every report line) and its raw bytes. */
export interface InputFile {
  /** The name shown in reports, e.g. the path the user typed or `File.name` in the browser. */
  name: string;
  /** The file's bytes, undecoded (with `stream`: only the start of the file, for format and encoding sniffing). */
  bytes: Uint8Array;
  /**
   * Large CSV files: the whole file as byte pieces, read afresh on each call, so that the file is never held in
   * memory (see `parseTable`). `size` is its length in bytes. Default: none (`bytes` is the whole file).
   */
  stream?: { size: number; chunks(): Iterable<Uint8Array> } | null;
}

/** A cell value as the table parsers give it: text (CSV), or typed values from XLSX and JSON. */
export type CellValue = string | number | boolean | Date | null;

/** Machine-readable kind of a report line (the library keeps it; the CLI's `--json` prints only the six keys). */
export const ISSUE_CODES = [
  'unreadable-file',
  'unsupported-format',
  'empty-file',
  'too-many-columns',
  'file-too-large',
  'missing-column',
  'mapping-conflict',
  'unknown-map-column',
  'undated-file',
  'missing-event',
  'missing-person-and-organisation',
  'missing-date',
  'bad-date',
  'two-digit-year',
  'date-out-of-range',
  'bad-duration',
  'bad-email',
  'bad-value',
  'duplicate-row',
  'stray-quote',
  'extra-columns',
  'too-few-columns',
  'cell-too-long',
  'row-too-long',
  'side-table',
  'alias-table',
  'too-many-issues',
  'repeated-header',
  'mixed-delimiter',
  'formula-cell',
  'formula-uncomputed',
  'two-events-one-day',
  'unused-event',
  'mixed-encoding',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * One problem found while reading. `row` is 1-based as a spreadsheet shows it (the header is row 1, the first
 * data row is row 2); `row`, `column` and `value` are null for problems of a whole file or column.
 */
export interface Issue {
  /** The file's name as given in {@link InputFile.name}. */
  file: string;
  /** Spreadsheet row (header = 1), or null for a whole-file problem. */
  row: number | null;
  /** The header text as written in the file, or null. */
  column: string | null;
  /** The offending value as text (long values are shortened), or null. */
  value: string | null;
  /** What is wrong, in words. */
  message: string;
  /** How to fix it, in words. */
  fix: string;
  /** Machine-readable kind. Not part of the CLI's JSON output. */
  code: IssueCode;
}

/** Two names that are probably the same person or organisation. Never merged automatically. */
export interface Suggestion {
  kind: 'person' | 'organisation';
  /** The name to rewrite (the less frequent spelling). */
  a: string;
  /** The name to keep (the more frequent spelling). */
  b: string;
  /** Similarity in [0, 1] (1 = equal once punctuation, case and accents are ignored). */
  similarity: number;
  /** What to do if they are the same: the alias line to add. */
  fix: string;
}

/** Row and entity counts of a read. `used + rejected = rows`. */
export interface ReportCounts {
  /** Data rows read (empty rows are not counted). */
  rows: number;
  /** Rows used in the model (possibly with warnings). */
  used: number;
  /** Rows not used (each has at least one error). */
  rejected: number;
  people: number;
  organisations: number;
  events: number;
}

/** The validation report: errors (row not used), warnings (row used), name suggestions and counts. */
export interface ValidationReport {
  errors: Issue[];
  warnings: Issue[];
  suggestions: Suggestion[];
  counts: ReportCounts;
}

/** Detected file format. */
export type TableFormat = 'csv' | 'xlsx' | 'json';

/** How one file was read: format, decoding, headers and the column → field mapping that was applied. */
export interface FileMapping {
  file: string;
  format: TableFormat;
  /** Text encoding used (CSV and JSON), e.g. `utf-8`, `utf-8-bom`, `utf-16le`, `windows-1252`. */
  encoding: string | null;
  /** CSV delimiter detected (`,`, `;` or tab). */
  delimiter: string | null;
  /** XLSX sheet read. */
  sheet: string | null;
  /** Header texts as written. */
  headers: string[];
  /** Column index → canonical field (null = column ignored). */
  mapping: Record<number, Field | null>;
  /** True when the mapping should be confirmed by a person (a required field missing, or a field claimed twice). */
  unsure: boolean;
  /** Why each column was mapped as it was, and what is unsure. */
  reasons: string[];
  /**
   * One example value per column (the first non-empty one, at most 60 characters) for a mapping screen.
   * Columns mapped to `email` show "(e-mail)" instead: addresses are never shown.
   */
  samples: string[];
}

/** What `readAttendance` returns. */
export interface ReadResult {
  model: AttendanceModel;
  report: ValidationReport;
  mappings: FileMapping[];
}
