/**
 * CSV writing that is safe to open in a spreadsheet: a text cell that starts with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading apostrophe so Excel and LibreOffice show it as text instead of running it
 * (OWASP, "CSV injection"). The project's readers remove that apostrophe again, so tables round-trip.
 */

/** Zero or more apostrophes, then a formula character (= + - @ tab CR): the texts that `neutraliseFormula` prefixes. */
const QUOTED_FORMULA_START = /^'*[=+\-@\t\r]/;

/** Neutralise a text cell that a spreadsheet would read as a formula. Numbers are left alone. */
export function neutraliseFormula(text: string): string {
  // A text whose apostrophes already precede a formula character ("'=x") gets one more, so that
  // `restoreNeutralised` (which removes exactly one) gives it back unchanged.
  return QUOTED_FORMULA_START.test(text) ? "'" + text : text;
}

/** Undo `neutraliseFormula` when reading back a table the project wrote. */
export function restoreNeutralised(text: string): string {
  return text[0] === "'" && QUOTED_FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export type CsvValue = string | number | boolean | null | undefined;

/** Format one value: numbers as shortest round-trip text, booleans as true/false, null as empty. */
export function formatCsvValue(value: CsvValue, delimiter = ','): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Control characters other than tab, CR and LF have no place in a table (and make readers take the file
  // for binary); lone surrogates cannot be encoded as UTF-8. Both are dropped or replaced.
  const text = neutraliseFormula(value.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD'));
  return /["\r\n]/.test(text) || text.includes(delimiter) || text !== text.trim() ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** Write rows as CSV with the given columns in order (RFC 4180, `\n` line ends, UTF-8 without BOM). */
export function toCsv(rows: Iterable<Record<string, CsvValue>>, columns: readonly string[], delimiter = ','): string {
  const lines = [columns.map((c) => formatCsvValue(c, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(columns.map((c) => formatCsvValue(row[c], delimiter)).join(delimiter));
  return lines.join('\n') + '\n';
}
