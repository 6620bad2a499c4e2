/**
 * Alias tables: spelling variants mapped to one canonical name before identity is decided ("C.A.W. Antwerpen"
 * → "CAW Antwerpen"). Given as a list of `{alias, canonical}` or as a CSV/XLSX/JSON file with the columns
 * `alias,canonical` (and optionally `kind`: person, organisation or event). Chains are followed (a → b → c).
 */
import { nameKey } from '../model/identity.js';
import { normaliseHeader } from './headers.js';
import { makeIssue, type ReportCollector } from './report.js';
import { parseTable } from './table.js';
import type { InputFile } from './types.js';
import { cellText } from './values.js';

/** What an alias applies to. Without `kind` it applies to people, organisations and events alike. */
export const ALIAS_KINDS = ['person', 'organisation', 'event'] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

/** One alias line. */
export interface AliasEntry {
  /** The variant as written in the attendance files. */
  alias: string;
  /** The name to use instead. */
  canonical: string;
  /** Restrict the alias to one kind of name. Default: all kinds. */
  kind?: AliasKind;
}

/** Resolves names through the alias table. */
export interface AliasResolver {
  /** The canonical name for a name of this kind (the name itself when it has no alias). */
  resolve(kind: AliasKind, name: string): string;
  /** Number of alias lines in use. */
  readonly size: number;
}

const ALIAS_HEADERS = new Set(['alias', 'aliases', 'variant', 'variante', 'synoniem', 'synonym', 'from', 'van', 'spelling', 'schrijfwijze']);
const CANONICAL_HEADERS = new Set(['canonical', 'canoniek', 'canonique', 'to', 'naar', 'standaard', 'standard', 'name', 'naam', 'nom', 'correct', 'juist']);
const KIND_HEADERS = new Set(['kind', 'soort', 'type', 'genre']);

function kindOf(text: string): AliasKind | undefined | null {
  const t = normaliseHeader(text);
  if (t === '') return undefined;
  if (['person', 'persoon', 'personne', 'people', 'deelnemer', 'participant'].includes(t)) return 'person';
  if (['organisation', 'organization', 'organisatie', 'organisme', 'org'].includes(t)) return 'organisation';
  if (['event', 'evenement', 'activiteit', 'activite', 'activity'].includes(t)) return 'event';
  return null;
}

/** Build a resolver from alias lines. Lines whose alias and canonical are the same name are ignored. */
export function createAliasResolver(entries: readonly AliasEntry[]): AliasResolver {
  const maps: Record<AliasKind | 'any', Map<string, string>> = { any: new Map(), person: new Map(), organisation: new Map(), event: new Map() };
  let size = 0;
  for (const e of entries) {
    const from = nameKey(e.alias);
    if (from === '' || from === nameKey(e.canonical) || e.canonical.trim() === '') continue;
    maps[e.kind ?? 'any'].set(from, e.canonical.trim());
    size++;
  }
  return {
    size,
    resolve(kind, name) {
      let current = name;
      // Follow chains, at most 16 steps (an alias cycle stops where it started).
      for (let step = 0; step < 16; step++) {
        const key = nameKey(current);
        const next = maps[kind].get(key) ?? maps.any.get(key);
        if (next === undefined || nameKey(next) === nameKey(name)) break;
        current = next;
      }
      return current;
    },
  };
}

/** Read alias lines from a file; problems go to the report (file-level, with the alias file's name). */
export async function readAliasFile(file: InputFile, report: ReportCollector): Promise<AliasEntry[]> {
  const table = await parseTable(file);
  for (const e of table.errors) report.error({ ...e, code: 'alias-table' });
  for (const w of table.warnings) report.warnOnce(w);
  if (table.errors.length) return [];
  const norm = table.headers.map(normaliseHeader);
  let a = norm.findIndex((h) => ALIAS_HEADERS.has(h));
  let c = norm.findIndex((h, i) => i !== a && CANONICAL_HEADERS.has(h));
  const k = norm.findIndex((h) => KIND_HEADERS.has(h));
  let headerIsData = false;
  if (a < 0 || c < 0) {
    if (table.headers.length < 2) {
      report.error(makeIssue(file.name, null, null, null, 'alias-table', 'the alias table needs two columns, alias and canonical.', 'Write a header line "alias,canonical" and one variant per line.'));
      return [];
    }
    report.warning(makeIssue(file.name, table.headerRow, null, table.headers.slice(0, 2).join(','), 'alias-table', 'no "alias" and "canonical" headers; the first column is read as the alias and the second as the canonical name.', 'Start the file with the header line "alias,canonical".'));
    a = 0;
    c = 1;
    headerIsData = true;
  }
  const out: AliasEntry[] = [];
  if (headerIsData && table.headers[a] && table.headers[c]) out.push({ alias: table.headers[a]!, canonical: table.headers[c]! });
  for (const row of table.rows) {
    if (row.broken) {
      report.error(makeIssue(file.name, row.row, null, row.cells[0], 'alias-table', 'this alias line could not be read (unbalanced quote or too long).', 'Fix the line.'));
      continue;
    }
    const alias = cellText(row.cells[a]);
    const canonical = cellText(row.cells[c]);
    if (alias === '' || canonical === '') {
      report.warning(makeIssue(file.name, row.row, alias === '' ? table.headers[a] ?? null : table.headers[c] ?? null, null, 'alias-table', 'this alias line has an empty alias or canonical name; it is ignored.', 'Fill in both names, or remove the line.'));
      continue;
    }
    const entry: AliasEntry = { alias, canonical };
    if (k >= 0) {
      const kind = kindOf(cellText(row.cells[k]));
      if (kind === null) {
        report.warning(makeIssue(file.name, row.row, table.headers[k] ?? null, row.cells[k], 'alias-table', 'unknown kind; the alias applies to every kind of name.', 'Write person, organisation or event (or leave it empty).'));
      } else if (kind) entry.kind = kind;
    }
    out.push(entry);
  }
  return out;
}
