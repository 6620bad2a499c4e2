/**
 * Hard limits of the readers. A file beyond them gets a clear file, row or column message instead of a hang
 * or an out-of-memory crash. The values are generous for attendance lists (a few columns, short cells).
 */

/** Limits applied while reading. Frozen; not user options (they protect the process, not the analysis). */
export const READ_LIMITS = Object.freeze({
  /** Largest file read in memory, in bytes (CSV, JSON): 256 MiB. */
  maxFileBytes: 256 * 1024 * 1024,
  /** Largest XLSX file, in bytes (it is unzipped in memory): 64 MiB. */
  maxXlsxBytes: 64 * 1024 * 1024,
  /** Most columns in a header: 1000. A wider file is refused as a whole. */
  maxColumns: 1000,
  /** Longest cell, in characters: 100,000. A longer cell makes its row an error. */
  maxCellChars: 100_000,
  /** Longest CSV record, in characters: 4 MiB. Beyond it (usually an unclosed quote) the row is cut at its first line. */
  maxRowChars: 4 * 1024 * 1024,
  /** Most errors and warnings listed per file; the rest are counted in one closing warning. */
  maxIssuesPerFile: 10_000,
  /** Most near-duplicate suggestions per kind (person, organisation). */
  maxSuggestions: 1000,
  /** Longest value quoted in a report line, in characters (longer ones are shortened with "…"). */
  maxReportedValueChars: 200,
});
