/**
 * The validation report collector: errors (row not used) and warnings (row used), each with file, row, column,
 * value, message and fix. Whole-file warnings go through `warnOnce`, which keeps one of each and counts the
 * repeats; each file lists at most `READ_LIMITS.maxIssuesPerFile` problems and says how many more there were.
 */
import { detach } from '../model/detach.js';
import { READ_LIMITS } from './limits.js';
import type { Issue, IssueCode, ReportCounts, Suggestion, ValidationReport } from './types.js';
import { shortenValue } from './table.js';

/** Collects issues while reading; `finish` returns the report. */
export interface ReportCollector {
  /** Add an error (the row, or the file, is not used). */
  error(issue: Issue): void;
  /** Add a warning (the row is used). */
  warning(issue: Issue): void;
  /** Add a warning unless an identical one (file, code, column, message) was already given; repeats are counted. */
  warnOnce(issue: Issue): void;
  /** Number of errors so far. */
  readonly errorCount: number;
  /** The report, with closing notes for files whose problems were cut at the limit. */
  finish(counts: ReportCounts, suggestions: Suggestion[]): ValidationReport;
}

/** Build an issue, shortening the value. */
export function makeIssue(file: string, row: number | null, column: string | null, value: unknown, code: IssueCode, message: string, fix: string): Issue {
  const text = value == null ? null : value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(', ') : String(value);
  // Kept until the end of the read: texts of their own, not views into the file's text (see `detach`).
  return { file, row, column: column == null ? null : detach(column), value: text == null ? null : detach(shortenValue(text)), message: detach(message), fix: detach(fix), code };
}

/** A fresh collector for one read. */
export function createReportCollector(): ReportCollector {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const perFile = new Map<string, number>();
  const dropped = new Map<string, number>();
  const once = new Map<string, { issue: Issue; repeats: number }>();
  let errorsDropped = 0;

  function admit(issue: Issue): boolean {
    const n = perFile.get(issue.file) ?? 0;
    if (n >= READ_LIMITS.maxIssuesPerFile) {
      dropped.set(issue.file, (dropped.get(issue.file) ?? 0) + 1);
      return false;
    }
    perFile.set(issue.file, n + 1);
    return true;
  }

  return {
    error(issue) {
      if (admit(issue)) errors.push(issue);
      else errorsDropped++;
    },
    warning(issue) {
      if (admit(issue)) warnings.push(issue);
    },
    warnOnce(issue) {
      const key = [issue.file, issue.code, issue.column ?? '', issue.message].join('\u0000');
      const seen = once.get(key);
      if (seen) {
        seen.repeats++;
        return;
      }
      const entry = { issue: { ...issue }, repeats: 0 };
      once.set(key, entry);
      if (admit(entry.issue)) warnings.push(entry.issue);
    },
    get errorCount() {
      return errors.length + errorsDropped;
    },
    finish(counts, suggestions) {
      for (const { issue, repeats } of once.values()) if (repeats > 0) issue.message += ` (${repeats + 1} times)`;
      for (const [file, n] of dropped)
        warnings.push({ file, row: null, column: null, value: null, code: 'too-many-issues', message: `${n} more problems in this file are not listed (at most ${READ_LIMITS.maxIssuesPerFile} per file).`, fix: 'Fix the problems listed first (often one cause, such as a wrong delimiter or date format), then validate again.' });
      return { errors, warnings, suggestions, counts };
    },
  };
}
