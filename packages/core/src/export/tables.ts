/**
 * The CSV tables of `mycorrhiza analyze` (PRODUCT.md section 5): the contractual columns first, in their
 * order, then extras. Written with `toCsv`, so cells that a spreadsheet would run as formulas are neutralised.
 */
import type { Analysis, AttentionEntry, AttentionRow } from '../analysis/types.js';
import type { Lang } from '../i18n/report-text.js';
import { toCsv, type CsvValue } from './csv.js';

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

/** The CSV files of an analysis, by file name. `--safe` analyses carry codes instead of names already. */
export function analysisCsvFiles(analysis: Analysis, lang: Lang): Record<string, string> {
  const rows = <T>(r: readonly T[]) => r as unknown as Record<string, CsvValue>[];
  return {
    'people.csv': toCsv(rows(analysis.people), [...PEOPLE_COLUMNS, ...PEOPLE_EXTRAS]),
    'organisations.csv': toCsv(rows(analysis.organisations), [...ORGANISATION_COLUMNS, ...ORGANISATION_EXTRAS]),
    'events.csv': toCsv(rows(analysis.events), EVENT_COLUMNS),
    'person-ties.csv': toCsv(rows(analysis.personTies), [...PERSON_TIE_COLUMNS, ...PERSON_TIE_EXTRAS]),
    'organisation-ties.csv': toCsv(rows(analysis.organisationTies), [...ORGANISATION_TIE_COLUMNS, ...ORGANISATION_TIE_EXTRAS]),
    'growth.csv': toCsv(rows(analysis.growth), [...GROWTH_CSV_COLUMNS, ...extraKeys(analysis.growth, GROWTH_CSV_COLUMNS)]),
    'attention.csv': toCsv(rows(attentionRows(analysis.attention, lang)), [...ATTENTION_COLUMNS, ...ATTENTION_EXTRAS]),
  };
}
