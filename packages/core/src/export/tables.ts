/**
 * The CSV tables of `mycorrhiza analyze` (PRODUCT.md section 5): the contractual columns first, in their
 * order, then extras. Written with `toCsv`, so cells that a spreadsheet would run as formulas are neutralised.
 */
import type { Analysis, AttentionEntry, AttentionRow } from '../analysis/types.js';
import type { Lang } from '../i18n/report-text.js';
import { jaccardAt, overlapAt, tieAt, weightedAt, type TieTable } from '../analysis/tie-table.js';
import { formatCsvValue, type CsvValue } from './csv.js';

export const PERSON_TIE_COLUMNS = ['source', 'target', 'shared_events', 'newman', 'jaccard', 'first_shared', 'last_shared', 'class', 'state', 'p_value', 'significant', 'neighbourhood_overlap', 'local_bridge'] as const;
export const ORGANISATION_TIE_COLUMNS = ['source', 'target', 'shared_events', 'person_pairs', 'newman', 'first_shared', 'last_shared', 'class', 'state', 'p_value', 'significant', 'neighbourhood_overlap', 'local_bridge'] as const;
export const PEOPLE_COLUMNS = ['id', 'name', 'organisation', 'events', 'first_seen', 'last_seen', 'degree', 'strong_ties', 'weak_ties', 'strength', 'newman_strength', 'betweenness', 'betweenness_weighted', 'constraint', 'effective_size', 'core', 'community'] as const;
export const ORGANISATION_COLUMNS = ['id', 'name', 'sector', 'region', 'people', 'events', 'first_seen', 'last_seen', 'degree', 'strong_ties', 'weak_ties', 'internal_ties', 'betweenness', 'constraint', 'core', 'community', 'attention_score'] as const;
export const ATTENTION_COLUMNS = ['organisation', 'score', 'reasons', 'details', 'suggestions'] as const;
export const GROWTH_CSV_COLUMNS = ['date', 'events', 'people', 'organisations', 'new_people', 'new_organisations', 'person_ties', 'strong_person_ties', 'organisation_ties', 'strong_organisation_ties', 'weak_organisation_ties', 'fading_organisation_ties', 'person_density', 'organisation_density', 'person_components', 'organisation_components', 'largest_organisation_component_share', 'repeat_share'] as const;
/** events.csv: readable back as an events side table (`event`, `date`, `event_type`, `duration_hours`). */
export const EVENT_COLUMNS = ['id', 'event', 'date', 'event_type', 'duration_hours', 'people', 'organisations', 'new_people', 'new_organisations', 'creates_ties'] as const;

/** Extra columns after the contractual ones (names go last so `--safe` can drop them). */
export const PERSON_TIE_EXTRAS = ['weighted', 'hours', 'source_name', 'target_name'] as const;
export const ORGANISATION_TIE_EXTRAS = ['weighted', 'hours', 'source_name', 'target_name'] as const;
export const PEOPLE_EXTRAS = ['organisation_id'] as const;
export const ORGANISATION_EXTRAS = ['strength', 'newman_strength', 'betweenness_weighted', 'effective_size', 'attention_reasons'] as const;
export const ATTENTION_EXTRAS = ['organisation_id'] as const;

/** Columns present in rows beyond a known list, in first-seen order (keeps extra growth columns). */
function extraKeys(rows: readonly Record<string, unknown>[], known: readonly string[]): string[] {
  const seen = new Set(known);
  const out: string[] = [];
  for (const r of rows.slice(0, 1)) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), out.push(k));
  return out;
}

/** Flatten attention entries into attention.csv rows: codes, plain-language details and suggestions. */
export function attentionRows(entries: readonly AttentionEntry[], lang: Lang): AttentionRow[] {
  return entries
    .filter((a) => a.reasons.length > 0)
    .map((a) => ({
      organisation: a.name,
      score: a.score,
      reasons: a.reasons.map((r) => r.code).join('; '),
      details: a.reasons.map((r) => r.text[lang]).join(' | '),
      suggestions: a.suggestions.map((s) => `${s.name} (${s.reason[lang]})`).join('; '),
      organisation_id: a.id,
    }));
}

/** Rows per piece yielded by `csvChunks`. */
const CSV_CHUNK_ROWS = 8192;

/** A CSV table in pieces of a few thousand rows: joined, exactly `toCsv(rows, columns)`. */
export function* csvChunks(rows: Iterable<Record<string, CsvValue>>, columns: readonly string[], delimiter = ','): Generator<string> {
  let lines = [columns.map((c) => formatCsvValue(c, delimiter)).join(delimiter)];
  for (const row of rows) {
    lines.push(columns.map((c) => formatCsvValue(row[c], delimiter)).join(delimiter));
    if (lines.length >= CSV_CHUNK_ROWS) {
      yield lines.join('\n') + '\n';
      lines = [];
    }
  }
  if (lines.length) yield lines.join('\n') + '\n';
}

/**
 * A tie table as CSV in pieces, straight from its columns: ids, names and dates are formatted once per actor or
 * event, numbers with `String`, so millions of ties cost no row object. Joined, equal to
 * `toCsv(Array.from(tieRows(table)), columns)`.
 */
export function* tieCsvChunks(table: TieTable, columns: readonly string[], delimiter = ','): Generator<string> {
  const f = (v: CsvValue) => formatCsvValue(v, delimiter);
  const ids = table.ids.map(f);
  const names = table.names.map(f);
  const dates = table.eventDates.map(f);
  // Small whole numbers (counts) repeat a lot: their texts are made once. Same text as `String(x)`.
  const small: string[] = [];
  const num = (x: number): string => {
    if (x >= 0 && x < 4096 && (x | 0) === x) return (small[x] ??= String(x));
    return Number.isFinite(x) ? String(x) : '';
  };
  const strong = f('strong'), weak = f('weak'), active = f('active'), fading = f('fading');
  const cell: Record<string, (t: number) => string> = {
    source: (t) => ids[table.source[t]!]!,
    target: (t) => ids[table.target[t]!]!,
    shared_events: (t) => num(table.shared[t]!),
    person_pairs: (t) => (table.personPairs ? num(table.personPairs[t]!) : ''),
    newman: (t) => num(table.newman[t]!),
    jaccard: (t) => (table.tieEvents ? num(jaccardAt(table, t)) : ''),
    first_shared: (t) => dates[table.firstEvent[t]!] ?? '',
    last_shared: (t) => dates[table.lastEvent[t]!] ?? '',
    class: (t) => (table.strong[t] ? strong : weak),
    state: (t) => (table.fading[t] ? fading : active),
    p_value: (t) => num(table.pValue[t]!),
    significant: (t) => (table.significant[t] === 1 ? 'true' : 'false'),
    neighbourhood_overlap: (t) => num(overlapAt(table, t)),
    local_bridge: (t) => (table.common[t] === 0 ? 'true' : 'false'),
    weighted: (t) => num(weightedAt(table, t)),
    hours: (t) => (table.hours ? num(table.hours[t]!) : ''),
    source_name: (t) => names[table.source[t]!]!,
    target_name: (t) => names[table.target[t]!]!,
  };
  const cells = columns.map((c) => cell[c] ?? (() => ''));
  const width = cells.length;
  let lines = [columns.map(f).join(delimiter)];
  for (let k = 0; k < table.length; k++) {
    const t = tieAt(table, k);
    let line = cells[0]!(t);
    for (let c = 1; c < width; c++) line += delimiter + cells[c]!(t);
    lines.push(line);
    if (lines.length >= CSV_CHUNK_ROWS) {
      yield lines.join('\n') + '\n';
      lines = [];
    }
  }
  if (lines.length) yield lines.join('\n') + '\n';
}

/** An iterable that runs `make` afresh each time it is iterated. */
function replayable<T>(make: () => Generator<T>): Iterable<T> {
  return { [Symbol.iterator]: make };
}

/**
 * The CSV files of an analysis, by file name, each as pieces of text (the tie tables are made row by row from
 * the tie columns, so millions of ties never exist as one string or as row objects).
 */
export function analysisCsvChunks(analysis: Analysis, lang: Lang): Record<string, Iterable<string>> {
  const rows = <T>(r: Iterable<T>) => r as unknown as Iterable<Record<string, CsvValue>>;
  const table = (r: Iterable<Record<string, CsvValue>>, columns: readonly string[]) => replayable(() => csvChunks(r, columns));
  return {
    'people.csv': table(rows(analysis.people), [...PEOPLE_COLUMNS, ...PEOPLE_EXTRAS]),
    'organisations.csv': table(rows(analysis.organisations), [...ORGANISATION_COLUMNS, ...ORGANISATION_EXTRAS]),
    'events.csv': table(rows(analysis.events), EVENT_COLUMNS),
    'person-ties.csv': replayable(() => tieCsvChunks(analysis.tieTables.person, [...PERSON_TIE_COLUMNS, ...PERSON_TIE_EXTRAS])),
    'organisation-ties.csv': replayable(() => tieCsvChunks(analysis.tieTables.organisation, [...ORGANISATION_TIE_COLUMNS, ...ORGANISATION_TIE_EXTRAS])),
    'growth.csv': table(rows(analysis.growth), [...GROWTH_CSV_COLUMNS, ...extraKeys(analysis.growth, GROWTH_CSV_COLUMNS)]),
    'attention.csv': table(rows(attentionRows(analysis.attention, lang)), [...ATTENTION_COLUMNS, ...ATTENTION_EXTRAS]),
  };
}

/** The CSV files of an analysis, by file name. `--safe` analyses carry codes instead of names already. */
export function analysisCsvFiles(analysis: Analysis, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, chunks] of Object.entries(analysisCsvChunks(analysis, lang))) out[name] = Array.from(chunks).join('');
  return out;
}
