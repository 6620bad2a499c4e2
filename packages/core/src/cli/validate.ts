/**
 * `mycorrhiza validate <file>...`: read attendance files and print the validation report, as text (counts,
 * problems grouped by file, name suggestions) or as JSON `{errors, warnings, suggestions, counts}`.
 * Exit 0 without errors, 1 when any row or file has an error, 2 on usage errors.
 */
import { InvalidOptionError } from '../errors.js';
import { readAttendance } from '../io/read-attendance.js';
import type { ReadOptions } from '../io/options.js';
import type { Issue, ValidationReport } from '../io/types.js';
import { formatFlags, parseArgs, UsageError, type FlagSpec } from './args.js';
import { readInputFiles } from './io-node.js';
import type { Command } from './main.js';

const FLAGS: Record<string, FlagSpec> = {
  json: { kind: 'boolean', help: 'print the report as JSON {errors, warnings, suggestions, counts}' },
  map: { kind: 'repeat', help: 'map a header to a field, e.g. --map "Naam deelnemer=person" (repeatable)' },
  split: { kind: 'repeat', help: 'split a field on a separator, e.g. --split organisation="," (repeatable)' },
  aliases: { kind: 'string', help: 'alias table (CSV with columns alias,canonical)' },
  'date-format': { kind: 'string', help: 'dmy (default), mdy, ymd, or a pattern such as DD/MM/YYYY' },
  'person-key': { kind: 'string', help: 'name (default), name+organisation, or email' },
  organisations: { kind: 'string', help: 'organisations table (organisation or id, sector, region)' },
  events: { kind: 'string', help: 'events table (event or id, date, event_type, duration_hours)' },
  sheet: { kind: 'string', help: 'XLSX sheet name (default: the first sheet)' },
  help: { kind: 'boolean', help: 'show this help' },
};

const HELP = `Usage: mycorrhiza validate <file>... [options]

Checks attendance files (CSV, XLSX, JSON) and lists every problem with its file, row, column, value and fix.
Exit code: 0 no errors, 1 errors found, 2 usage error.

Options:
${formatFlags(FLAGS)}
`;

/** Show at most this many problems of one kind per file in the text report (all of them are in --json). */
const TEXT_GROUP_LIMIT = 25;

function place(i: Issue): string {
  const parts: string[] = [];
  if (i.row != null) parts.push(`row ${i.row}`);
  if (i.column != null) parts.push(`column "${i.column}"`);
  if (i.value != null && i.value !== '') parts.push(`value ${JSON.stringify(i.value)}`);
  return parts.join(', ');
}

function issueLines(title: string, issues: readonly Issue[]): string[] {
  if (issues.length === 0) return [];
  const lines = ['', `${title} (${issues.length})`];
  const byFile = new Map<string, Issue[]>();
  for (const i of issues) (byFile.get(i.file) ?? byFile.set(i.file, []).get(i.file)!).push(i);
  for (const [file, list] of byFile) {
    lines.push(`  ${file}`);
    const shown = new Map<string, number>();
    const hidden = new Map<string, { n: number; fix: string }>();
    for (const i of list) {
      const n = shown.get(i.code) ?? 0;
      if (n >= TEXT_GROUP_LIMIT) {
        const h = hidden.get(i.code) ?? { n: 0, fix: i.fix };
        h.n++;
        hidden.set(i.code, h);
        continue;
      }
      shown.set(i.code, n + 1);
      const where = place(i);
      lines.push(`    ${where ? where + ': ' : ''}${i.message}`);
      if (i.fix) lines.push(`      fix: ${i.fix}`);
    }
    for (const [code, h] of hidden) lines.push(`    ... and ${h.n} more of the same kind (${code}); use --json for the full list.`);
  }
  return lines;
}

const plural = (n: number, one: string, many = one + 's'): string => `${n} ${n === 1 ? one : many}`;

/** The human-readable report. */
export function formatReport(report: ValidationReport, files: readonly string[]): string {
  const c = report.counts;
  const lines = [
    `Read ${plural(files.length, 'file')}: ${plural(c.rows, 'row')}, ${c.used} used, ${c.rejected} rejected.`,
    `Found ${plural(c.people, 'person', 'people')}, ${plural(c.organisations, 'organisation')}, ${plural(c.events, 'event')}.`,
    report.errors.length === 0
      ? report.warnings.length === 0
        ? 'No problems found.'
        : `No errors; ${plural(report.warnings.length, 'warning')} (rows used).`
      : `${plural(report.errors.length, 'error')} (rows not used), ${plural(report.warnings.length, 'warning')} (rows used).`,
    ...issueLines('Errors', report.errors),
    ...issueLines('Warnings', report.warnings),
  ];
  if (report.suggestions.length) {
    lines.push('', `Possible duplicates (${report.suggestions.length}; never merged without an alias)`);
    for (const s of report.suggestions.slice(0, 50)) {
      lines.push(`  ${s.kind} "${s.a}" ~ "${s.b}" (similarity ${s.similarity.toFixed(2)})`);
      lines.push(`    fix: ${s.fix}`);
    }
    if (report.suggestions.length > 50) lines.push(`  ... and ${report.suggestions.length - 50} more; use --json for the full list.`);
  }
  return lines.join('\n') + '\n';
}

/** The JSON report: exactly {errors, warnings, suggestions, counts}, each issue exactly {file, row, column, value, message, fix}. */
export function reportJson(report: ValidationReport): string {
  const strip = (i: Issue) => ({ file: i.file, row: i.row, column: i.column, value: i.value, message: i.message, fix: i.fix });
  return JSON.stringify({ errors: report.errors.map(strip), warnings: report.warnings.map(strip), suggestions: report.suggestions, counts: report.counts }, null, 2) + '\n';
}

/** Read options from flags (shared with other commands that read attendance). Bad values are usage errors. */
export function readOptionsFromFlags(command: string, flags: Record<string, string | boolean | string[] | undefined>): ReadOptions {
  const one = (name: string): string | undefined => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const file = (name: string) => {
    const p = one(name);
    return p === undefined ? null : readInputFiles(command, [p])[0]!;
  };
  const personKey = one('person-key');
  if (personKey !== undefined && !['name', 'name+organisation', 'email'].includes(personKey))
    throw new UsageError(`mycorrhiza ${command}: --person-key should be name, name+organisation or email, received "${personKey}".`);
  return {
    map: (flags.map as string[] | undefined) ?? [],
    split: (flags.split as string[] | undefined) ?? [],
    aliases: file('aliases'),
    dateFormat: one('date-format') ?? 'dmy',
    personKey: (personKey as ReadOptions['personKey']) ?? 'name',
    sheet: one('sheet') ?? null,
    organisations: file('organisations'),
    events: file('events'),
  };
}

export const validateCommand: Command = {
  summary: 'check attendance files and print the validation report',
  async run(argv) {
    const { positionals, flags } = parseArgs('validate', argv, FLAGS);
    if (flags.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const options = readOptionsFromFlags('validate', flags);
    const files = readInputFiles('validate', positionals);
    const progress = process.stderr.isTTY && !flags.json;
    let last = -1;
    let result;
    try {
      result = await readAttendance(files, {
        ...options,
        onProgress: progress
          ? (done, total) => {
              const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
              if (pct !== last) {
                last = pct;
                process.stderr.write(`\rReading... ${pct}%`);
              }
            }
          : null,
      });
    } catch (err) {
      if (err instanceof InvalidOptionError) throw new UsageError(`mycorrhiza validate: ${err.message.replace(/^readAttendance: /, '')}`);
      throw err;
    }
    if (progress && last >= 0) process.stderr.write('\r\x1b[K');
    process.stdout.write(flags.json ? reportJson(result.report) : formatReport(result.report, files.map((f) => f.name)));
    return result.report.errors.length > 0 ? 1 : 0;
  },
};
