/**
 * Side tables that complete the attendance rows: organisations (name or id → name, sector, region) and events
 * (name or id → name, date, event type, duration). They join on the name (identity key) or on an id column.
 * Values in the attendance row win; the side table fills what the row leaves empty.
 */
import { nameKey } from '../model/identity.js';
import type { Field } from '../types.js';
import { guessField, normaliseHeader } from './headers.js';
import { parseDateCell, type CompiledDateFormat } from './parse-date.js';
import { makeIssue, type ReportCollector } from './report.js';
import { columnLabel, parseTable } from './table.js';
import type { InputFile } from './types.js';
import { cellText, parseDurationHours } from './values.js';

/** A row of the organisations table. */
export interface OrganisationEntry {
  name: string;
  sector: string | null;
  region: string | null;
}

/** A row of the events table. */
export interface EventEntry {
  name: string;
  date: string | null;
  event_type: string | null;
  duration_hours: number | null;
}

/** A side table looked up by name or id (identity keys). */
export interface SideTable<T> {
  lookup(value: string): T | undefined;
  readonly size: number;
  /** Entries never returned by `lookup` so far, with their row and name column (for "listed but never attended"). */
  unused(): { name: string; row: number; column: string }[];
}

const ID_WORDS = new Set(['id', 'code', 'nr', 'nummer', 'number', 'numero', 'key', 'ref', 'sleutel']);

/** True for headers like "id", "event_id", "Organisatie nr", "code". */
export function isIdHeader(header: string): boolean {
  const n = normaliseHeader(header);
  return n.split(' ').some((w) => ID_WORDS.has(w)) || /^(event|org|organisation|organization|organisatie|activiteit|evenement)id$/.test(n.replace(/ /g, ''));
}

interface Layout {
  id: number;
  name: number;
  columns: Partial<Record<Field, number>>;
}

function layoutOf(headers: readonly string[], nameField: 'organisation' | 'event'): Layout {
  const fields = headers.map((h) => guessField(h).field);
  const ids = headers.map(isIdHeader);
  let name = fields.findIndex((f, i) => f === nameField && !ids[i]);
  let id = ids.findIndex((x) => x);
  if (name < 0) {
    name = fields.findIndex((f) => f === nameField);
    if (name < 0 && id >= 0) name = id;
    if (name === id) id = -1;
  }
  const columns: Partial<Record<Field, number>> = {};
  fields.forEach((f, i) => {
    if (f && f !== nameField && i !== id && columns[f] === undefined) columns[f] = i;
  });
  return { id, name, columns };
}

function makeTable<T extends { name: string }>(): { table: SideTable<T>; set(key: string, v: T): void; place(v: T, row: number, column: string): void } {
  const map = new Map<string, T>();
  const places = new Map<T, { row: number; column: string }>();
  const used = new Set<T>();
  return {
    table: {
      lookup(value) {
        const v = map.get(nameKey(value));
        if (v !== undefined) used.add(v);
        return v;
      },
      get size() {
        return map.size;
      },
      unused: () => [...places].filter(([v]) => !used.has(v)).map(([v, p]) => ({ name: v.name, row: p.row, column: p.column })),
    },
    set(key, v) {
      const k = nameKey(key);
      if (k !== '' && !map.has(k)) map.set(k, v);
    },
    place(v, row, column) {
      if (!places.has(v)) places.set(v, { row, column });
    },
  };
}

async function readSide(file: InputFile, nameField: 'organisation' | 'event', report: ReportCollector) {
  const table = await parseTable(file);
  for (const e of table.errors) report.error({ ...e, code: 'side-table' });
  for (const w of table.warnings) report.warnOnce(w);
  if (table.errors.length) return null;
  const layout = layoutOf(table.headers, nameField);
  if (layout.name < 0) {
    report.error(makeIssue(file.name, table.headerRow, null, table.headers.join(', '), 'side-table', `the ${nameField}s table has no ${nameField} (or id) column.`, `Give it a header such as "${nameField}" or "id".`));
    return null;
  }
  return { table, layout };
}

/** Read an organisations table: columns organisation (or id), sector, region. */
export async function readOrganisationsTable(file: InputFile, report: ReportCollector): Promise<SideTable<OrganisationEntry>> {
  const out = makeTable<OrganisationEntry>();
  const side = await readSide(file, 'organisation', report);
  if (!side) return out.table;
  const { table, layout } = side;
  for (const row of table.rows) {
    if (row.broken) {
      report.error(makeIssue(file.name, row.row, null, row.cells[0], 'side-table', 'this line could not be read (unbalanced quote or too long).', 'Fix the line.'));
      continue;
    }
    const name = cellText(row.cells[layout.name]);
    if (name === '') continue;
    const get = (f: Field) => (layout.columns[f] !== undefined ? cellText(row.cells[layout.columns[f]!]) || null : null);
    const entry: OrganisationEntry = { name, sector: get('sector'), region: get('region') };
    out.set(name, entry);
    if (layout.id >= 0) out.set(cellText(row.cells[layout.id]), entry);
  }
  return out.table;
}

/** Read an events table: columns event (or id), date, event_type, duration_hours. Bad dates and durations are reported. */
export async function readEventsTable(file: InputFile, format: CompiledDateFormat, report: ReportCollector): Promise<SideTable<EventEntry>> {
  const out = makeTable<EventEntry>();
  const side = await readSide(file, 'event', report);
  if (!side) return out.table;
  const { table, layout } = side;
  const col = layout.columns;
  for (const row of table.rows) {
    if (row.broken) {
      report.error(makeIssue(file.name, row.row, null, row.cells[0], 'side-table', 'this line could not be read (unbalanced quote or too long).', 'Fix the line.'));
      continue;
    }
    const name = cellText(row.cells[layout.name]);
    if (name === '') continue;
    let date: string | null = null;
    if (col.date !== undefined) {
      const raw = row.cells[col.date];
      const value = Array.isArray(raw) ? raw[0] ?? null : (raw as Exclude<typeof raw, readonly unknown[]>);
      if (cellText(value) !== '') {
        const parsed = parseDateCell(value ?? null, format);
        if (parsed.ok) date = parsed.iso;
        else report.error(makeIssue(file.name, row.row, columnLabel(table.headers, col.date), value, parsed.code, parsed.message, parsed.fix));
      }
    }
    let duration: number | null = null;
    if (col.duration_hours !== undefined) {
      const d = parseDurationHours(row.cells[col.duration_hours]);
      if (d.ok) duration = d.hours;
      else report.warning(makeIssue(file.name, row.row, columnLabel(table.headers, col.duration_hours), row.cells[col.duration_hours], 'bad-duration', d.message, d.fix));
    }
    const entry: EventEntry = { name, date, event_type: col.event_type !== undefined ? cellText(row.cells[col.event_type]) || null : null, duration_hours: duration };
    out.set(name, entry);
    out.place(entry, row.row, columnLabel(table.headers, layout.name));
    if (layout.id >= 0) out.set(cellText(row.cells[layout.id]), entry);
  }
  return out.table;
}
