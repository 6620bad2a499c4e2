/**
 * Options of `readAttendance`: header overrides, multi-value separators, aliases, date format, person identity,
 * XLSX sheet, side tables and progress. `READ_DEFAULTS` holds the defaults; `resolveReadOptions` merges and
 * checks them once, throwing InvalidOptionError on the first bad field.
 */
import { InvalidOptionError } from '../errors.js';
import { PERSON_KEYS, type PersonKey } from '../model/build-model.js';
import { assertOneOf, resolveOptions } from '../options.js';
import type { AliasEntry } from './aliases.js';
import { resolveMapOverrides, type MapOverrides } from './headers.js';
import type { NearDuplicateOptions } from './near-duplicates.js';
import { compileDateFormat, type CompiledDateFormat, type DateFormat } from './parse-date.js';
import type { InputFile } from './types.js';

/** Fields whose cells may hold several values. */
export const SPLIT_FIELDS = ['person', 'organisation', 'event'] as const;
export type SplitField = (typeof SPLIT_FIELDS)[number];

/** Separators per field: `{ organisation: "," }` or strings `"organisation=,"` (as `--split` gives them). */
export type SplitOptions = Readonly<Partial<Record<SplitField, string>>> | readonly string[];

/** Options of `readAttendance`. */
export interface ReadOptions {
  /**
   * Header → field overrides, winning over auto-detection: `{ "Naam deelnemer": "person" }` or
   * `["Naam deelnemer=person"]` (as `--map` gives them). Headers match regardless of case, accents and
   * punctuation. Field `ignore` (or empty) drops a column. Default: none.
   */
  map?: MapOverrides;
  /**
   * Separator per field for cells that list several values: `{ organisation: "," }` or `["organisation=,"]`.
   * Only person, organisation and event can be split. A row then gives one attendance per combination
   * (person × organisation × event). Default: none (a cell is one value).
   */
  split?: SplitOptions;
  /**
   * Alias table merging spelling variants before identity: a list of `{alias, canonical, kind?}` or a file
   * (CSV/XLSX/JSON) with columns `alias,canonical` (optional `kind`: person, organisation, event). Default: none.
   */
  aliases?: readonly AliasEntry[] | InputFile | null;
  /**
   * Order of numeric dates: `'dmy'` (14/03/2023, the default), `'mdy'`, `'ymd'`, or a pattern of `YYYY`, `MM`,
   * `M`, `DD`, `D` and separators such as `'DD/MM/YYYY'`. ISO dates, Excel serials and date cells are always
   * accepted; two-digit years never. Default: `'dmy'`.
   */
  dateFormat?: DateFormat;
  /**
   * What identifies a person: `'name'` (default), `'name+organisation'` (same name at two organisations = two
   * people) or `'email'` (rows without e-mail fall back to the name).
   */
  personKey?: PersonKey;
  /** XLSX sheet name (case-insensitive). Default: null, the first sheet. */
  sheet?: string | null;
  /** Organisations side table (columns organisation or id, sector, region), joined on name or id. Default: none. */
  organisations?: InputFile | null;
  /** Events side table (columns event or id, date, event_type, duration_hours), joined on name or id. Default: none. */
  events?: InputFile | null;
  /** Called as reading advances with bytes done and bytes in total (attendance files only). Default: none. */
  onProgress?: ((done: number, total: number) => void) | null;
  /** Near-duplicate name suggestions: options, or false to skip them. Default: `{}` (see NEAR_DUPLICATE_DEFAULTS). */
  nearDuplicates?: NearDuplicateOptions | false;
  /**
   * Read plain CSV rows by the fast path, which works once per distinct cell value instead of once per row
   * (io/fast-rows.ts). The model and the report are the same either way: false is for checking that. Default: true.
   */
  fastPath?: boolean;
}

/** Defaults of `readAttendance`. */
export const READ_DEFAULTS = Object.freeze({
  map: Object.freeze({}) as MapOverrides,
  split: Object.freeze({}) as SplitOptions,
  aliases: null as readonly AliasEntry[] | InputFile | null,
  dateFormat: 'dmy' as DateFormat,
  personKey: 'name' as PersonKey,
  sheet: null as string | null,
  organisations: null as InputFile | null,
  events: null as InputFile | null,
  onProgress: null as ((done: number, total: number) => void) | null,
  nearDuplicates: Object.freeze({}) as NearDuplicateOptions | false,
  fastPath: true,
});

/** Options after merging and checking. */
export interface ResolvedReadOptions {
  map: MapOverrides;
  split: Partial<Record<SplitField, string>>;
  aliases: readonly AliasEntry[] | InputFile | null;
  date: CompiledDateFormat;
  personKey: PersonKey;
  sheet: string | null;
  organisations: InputFile | null;
  events: InputFile | null;
  onProgress: ((done: number, total: number) => void) | null;
  nearDuplicates: NearDuplicateOptions | false;
  fastPath: boolean;
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && ((t[0] === '"' && t.at(-1) === '"') || (t[0] === "'" && t.at(-1) === "'")) ? t.slice(1, -1) : s;
}

/** Normalise `split` to a record, checking fields and separators. */
export function resolveSplit(split: SplitOptions | undefined, who = 'readAttendance'): Partial<Record<SplitField, string>> {
  const out: Partial<Record<SplitField, string>> = {};
  const pairs: [string, unknown][] = [];
  if (Array.isArray(split)) {
    for (const item of split as readonly string[]) {
      const eq = typeof item === 'string' ? item.indexOf('=') : -1;
      if (eq <= 0) throw new InvalidOptionError(who, 'split', item, 'a "field=separator" pair, e.g. "organisation=,"');
      pairs.push([item.slice(0, eq).trim(), item.slice(eq + 1)]);
    }
  } else if (split) pairs.push(...Object.entries(split));
  for (const [field, sep] of pairs) {
    const f = field.toLowerCase() === 'organization' ? 'organisation' : field.toLowerCase();
    if (!(SPLIT_FIELDS as readonly string[]).includes(f)) throw new InvalidOptionError(who, 'split', field, `one of ${SPLIT_FIELDS.join(', ')}`);
    if (typeof sep !== 'string') throw new InvalidOptionError(who, 'split', sep, 'a separator string such as "," or ";"');
    const s = unquote(sep) === 'tab' ? '\t' : unquote(sep);
    if (s === '') throw new InvalidOptionError(who, 'split', `${field}=${sep}`, 'a non-empty separator such as "," or ";"');
    out[f as SplitField] = s;
  }
  return out;
}

function isInputFile(v: unknown): v is InputFile {
  return !!v && typeof v === 'object' && typeof (v as InputFile).name === 'string' && (v as InputFile).bytes instanceof Uint8Array;
}

/** Merge options over READ_DEFAULTS and check every field. Throws InvalidOptionError on the first bad one. */
export function resolveReadOptions(options?: ReadOptions): ResolvedReadOptions {
  const who = 'readAttendance';
  const o = resolveOptions(READ_DEFAULTS, options as Partial<typeof READ_DEFAULTS>);
  resolveMapOverrides(o.map, who);
  assertOneOf(who, 'personKey', o.personKey, PERSON_KEYS);
  if (o.sheet != null && typeof o.sheet !== 'string') throw new InvalidOptionError(who, 'sheet', o.sheet, 'a sheet name');
  for (const key of ['organisations', 'events'] as const)
    if (o[key] != null && !isInputFile(o[key])) throw new InvalidOptionError(who, key, o[key], 'a file {name, bytes: Uint8Array}');
  if (o.aliases != null && !isInputFile(o.aliases) && !Array.isArray(o.aliases)) throw new InvalidOptionError(who, 'aliases', o.aliases, 'a list of {alias, canonical} or a file {name, bytes}');
  if (Array.isArray(o.aliases))
    for (const a of o.aliases as readonly AliasEntry[])
      if (!a || typeof a.alias !== 'string' || typeof a.canonical !== 'string') throw new InvalidOptionError(who, 'aliases', a, 'entries {alias: string, canonical: string}');
  if (typeof o.fastPath !== 'boolean') throw new InvalidOptionError(who, 'fastPath', o.fastPath, 'true or false');
  if (o.onProgress != null && typeof o.onProgress !== 'function') throw new InvalidOptionError(who, 'onProgress', o.onProgress, 'a function (done, total) => void');
  return {
    map: o.map,
    split: resolveSplit(o.split, who),
    aliases: o.aliases,
    date: compileDateFormat(o.dateFormat, who),
    personKey: o.personKey,
    sheet: o.sheet,
    organisations: o.organisations,
    events: o.events,
    onProgress: o.onProgress,
    nearDuplicates: o.nearDuplicates,
    fastPath: o.fastPath,
  };
}
