/**
 * `readAttendance`: attendance files (CSV, XLSX, JSON; several are concatenated) to the attendance model plus a
 * validation report (PRODUCT.md §1). Rows stream into `createModelBuilder` one by one: only the builder's
 * distinct people, organisations, events and attendances are kept, never the parsed rows of a whole file.
 * Every row is either used (possibly with warnings) or rejected with at least one error; nothing is dropped silently.
 */
import { createModelBuilder } from '../model/build-model.js';
import { nameKey } from '../model/identity.js';
import type { AttendanceModel, AttendanceRecord, Field } from '../types.js';
import { createAliasResolver, readAliasFile, type AliasResolver } from './aliases.js';
import { detectMapping, normaliseHeader, resolveMapOverrides } from './headers.js';
import { findNearDuplicates } from './near-duplicates.js';
import { resolveReadOptions, type ReadOptions, type ResolvedReadOptions } from './options.js';
import { createReportCollector, makeIssue } from './report.js';
import { readRow } from './row.js';
import { readEventsTable, readOrganisationsTable, type EventEntry, type OrganisationEntry, type SideTable } from './side-tables.js';
import { columnLabel, parseTable, type TableCell } from './table.js';
import { cellText } from './values.js';
import type { FileMapping, InputFile, ReadResult, Suggestion } from './types.js';

/** FNV-1a, two 32-bit lanes folded to a 53-bit number: a compact fingerprint of an attendance for messages. */
function fingerprint(text: string): number {
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/**
 * A cheap key of a record for finding the row a duplicate repeats (the builder decides what is a duplicate;
 * this key only has to find the earlier row in the usual case of identical spelling).
 */
function attendanceKey(r: AttendanceRecord, personKey: ResolvedReadOptions['personKey']): string {
  const person = personKey === 'email' && r.email && r.person ? 'email:' + r.email : (r.person ?? '').toLowerCase();
  return [r.event.toLowerCase(), r.date ?? '', person, (r.organisation ?? '').toLowerCase()].join('\u0001');
}

/** `nameKey` with a cache by raw spelling (names repeat on many rows; the Unicode folding is the costly part). */
function createNameKeys(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name: string): string => {
    let key = cache.get(name);
    if (key === undefined) cache.set(name, (key = nameKey(name)));
    return key;
  };
}

/** The identity of a record's person, as the builder keys it (name, name + organisation, or e-mail). */
function personIdentity(r: AttendanceRecord, personKey: ResolvedReadOptions['personKey'], keyOf: (name: string) => string = nameKey): string {
  if (personKey === 'email' && r.email) return 'email:' + r.email.trim().toLowerCase();
  const key = keyOf(r.person ?? '');
  return personKey === 'name+organisation' ? key + '\u0000' + (r.organisation ? keyOf(r.organisation) : '') : key;
}

/**
 * Person-days seen so far, to warn when one person is at two different events on one day (a typo in an event
 * or a date, or a morning and an afternoon session). Keys are 53-bit fingerprints of person + date and the
 * payload lives in typed arrays, so the cost is a few dozen bytes per distinct person-day, not per row.
 */
function createPersonDays(keyOf: (name: string) => string) {
  const slots = new Map<number, number>();
  const eventPrints = new Map<string, number>();
  let events = new Int32Array(1024);
  let refs = new Float64Array(1024);
  const warned = new Set<number>();
  // One display name per distinct event (by fingerprint of its identity key).
  const names = new Map<number, string>();
  return {
    /**
     * The earlier row (file index × 2^32 + row) and event name of another event on this person-day, or null.
     * Gives each person-day once.
     */
    check(person: string, date: string, event: string, ref: number): { ref: number; event: string } | null {
      const key = fingerprint(person + '\u0001' + date);
      let ev = eventPrints.get(event);
      if (ev === undefined) eventPrints.set(event, (ev = fingerprint(keyOf(event)) | 0));
      if (!names.has(ev)) names.set(ev, event);
      const slot = slots.get(key);
      if (slot === undefined) {
        const n = slots.size;
        if (n === events.length) {
          const e2 = new Int32Array(n * 2); e2.set(events); events = e2;
          const r2 = new Float64Array(n * 2); r2.set(refs); refs = r2;
        }
        slots.set(key, n);
        events[n] = ev;
        refs[n] = ref;
        return null;
      }
      if (events[slot] === ev || refs[slot] === ref || warned.has(key)) return null;
      warned.add(key);
      return { ref: refs[slot]!, event: names.get(events[slot]!) ?? '' };
    },
  };
}

/**
 * Read attendance files into the model and a validation report.
 *
 * @param files - the attendance files; each problem names its own file.
 * @param options - see {@link ReadOptions}; defaults in `READ_DEFAULTS`.
 * @returns the model (good rows only), the report (`errors`, `warnings`, `suggestions`, `counts`) and how each
 *   file was read and mapped.
 * @throws InvalidOptionError when an option is malformed (never for a bad file: that is in the report).
 */
export async function readAttendance(files: readonly InputFile[], options?: ReadOptions): Promise<ReadResult> {
  const opts = resolveReadOptions(options);
  const report = createReportCollector();
  const builder = createModelBuilder({ personKey: opts.personKey });

  let aliases: AliasResolver | null = null;
  if (opts.aliases) {
    const entries = Array.isArray(opts.aliases) ? opts.aliases : await readAliasFile(opts.aliases as InputFile, report);
    aliases = createAliasResolver(entries);
  }
  const organisations: SideTable<OrganisationEntry> | null = opts.organisations ? await readOrganisationsTable(opts.organisations, report) : null;
  const events: SideTable<EventEntry> | null = opts.events ? await readEventsTable(opts.events, opts.date, report) : null;

  const sizeOf = (f: InputFile): number => f.stream?.size ?? f.bytes.length;
  const total = files.reduce((s, f) => s + sizeOf(f), 0);
  let doneBefore = 0;
  const progress = opts.onProgress;
  const counts = { rows: 0, used: 0, rejected: 0 };
  const mappings: FileMapping[] = [];
  const firstRow = new Map<number, number>();
  const keyOf = createNameKeys();
  const personDays = createPersonDays(keyOf);
  const usedOverrides = new Set<string>();
  const overrides = resolveMapOverrides(opts.map);

  for (let fi = 0; fi < files.length; fi++) {
    const file = files[fi]!;
    const table = await parseTable(file, { sheet: opts.sheet });
    for (const w of table.warnings) report.warnOnce(w);
    const base = { file: file.name, format: table.format, encoding: table.encoding, delimiter: table.delimiter, sheet: table.sheet, headers: table.headers };
    if (table.errors.length) {
      for (const e of table.errors) report.error(e);
      mappings.push({ ...base, mapping: {}, unsure: true, reasons: table.errors.map((e) => e.message), samples: [] });
      doneBefore += sizeOf(file);
      progress?.(doneBefore, total);
      continue;
    }
    const detected = detectMapping(table.headers, opts.map);
    const samples: string[] = table.headers.map((_, i) => (detected.mapping[i] === 'email' ? '(e-mail)' : ''));
    let samplesMissing = samples.filter((x) => x === '').length;
    const sample = (cells: readonly TableCell[]): void => {
      for (let i = 0; i < samples.length && samplesMissing > 0; i++) {
        if (samples[i] !== '') continue;
        const t = cellText(cells[i]);
        if (t !== '') {
          samples[i] = t.length > 60 ? t.slice(0, 59) + '…' : t;
          samplesMissing--;
        }
      }
    };
    mappings.push({ ...base, mapping: detected.mapping, unsure: detected.unsure, reasons: detected.reasons, samples });
    for (const h of table.headers) if (overrides.has(normaliseHeader(h))) usedOverrides.add(normaliseHeader(h));
    for (const c of detected.conflicts)
      report.warnOnce(makeIssue(file.name, table.headerRow, columnLabel(table.headers, c.dropped), null, 'mapping-conflict', `this column also looks like ${c.field}, but "${columnLabel(table.headers, c.kept)}" is used for ${c.field}; this one is ignored.`, `Use --map "${columnLabel(table.headers, c.dropped)}=${c.field}" to use this column instead, or --map "${columnLabel(table.headers, c.dropped)}=ignore" to confirm.`));

    const columns: Partial<Record<Field, number[]>> = {};
    for (const [i, f] of Object.entries(detected.mapping)) if (f) (columns[f] ??= []).push(Number(i));

    const missing: string[] = [];
    if (!columns.event) missing.push('event column (activiteit, evenement, sessie, event, activité, ...)');
    if (!columns.person && !columns.organisation) missing.push('person or organisation column (naam, deelnemer, organisatie, name, nom, organisme, ...)');
    if (missing.length) {
      report.error(makeIssue(file.name, table.headerRow, null, table.headers.join(', '), 'missing-column', `no ${missing.join(' and no ')} was recognised among the headers, so no row of this file can be used.`, 'Rename the header, or map it with --map "Header=event" (fields: event, date, person, organisation, sector, region, event_type, duration_hours, role, email).'));
      let n = 0;
      for (const row of table.rows) {
        n++;
        if (samplesMissing > 0 && !row.broken) sample(row.cells);
        if ((n & 1023) === 0) progress?.(doneBefore + Math.round(row.progress * sizeOf(file)), total);
      }
      counts.rows += n;
      counts.rejected += n;
      doneBefore += sizeOf(file);
      progress?.(doneBefore, total);
      continue;
    }
    const undated = !columns.date && !events;
    if (undated)
      report.warnOnce(makeIssue(file.name, null, null, null, 'undated-file', 'no date column was found: the rows are used without dates, so time features (growth, fading ties, drifting partners) are off.', 'Add a date column (or map one with --map "Header=date"), or give an events table with dates (--events).'));

    const ctx = { table, columns, options: opts, aliases, organisations, events, undated, dateCache: new Map() };
    let n = 0;
    const rowsBefore = counts.rows;
    for (const row of table.rows) {
      n++;
      counts.rows++;
      if (samplesMissing > 0 && !row.broken) sample(row.cells);
      const outcome = readRow(ctx, row);
      for (const w of outcome.warnings) report.warning(w);
      if (outcome.errors.length) {
        for (const e of outcome.errors) report.error(e);
        counts.rejected++;
      } else {
        let added = 0;
        for (const r of outcome.records) if (builder.add(r)) added++;
        counts.used++;
        const fp = fingerprint(attendanceKey(outcome.records[0]!, opts.personKey));
        if (added === 0) {
          const ref = firstRow.get(fp);
          const where = ref === undefined ? 'an earlier row' : `row ${ref % 0x100000000}${Math.floor(ref / 0x100000000) !== fi ? ` of ${files[Math.floor(ref / 0x100000000)]!.name}` : ''}`;
          report.warning(makeIssue(file.name, row.row, null, null, 'duplicate-row', `this row repeats the attendance of ${where} (same event, date, person and organisation); it is counted once.`, 'Remove the repeated row, or correct it if it was meant to be someone or something else.'));
        } else if (!firstRow.has(fp)) firstRow.set(fp, fi * 0x100000000 + row.row);
        if (added > 0) {
          const ref = fi * 0x100000000 + row.row;
          for (const r of outcome.records) {
            if (r.person == null || r.date == null) continue;
            const earlier = personDays.check(personIdentity(r, opts.personKey, keyOf), r.date, r.event, ref);
            if (!earlier) continue;
            const other = earlier.event;
            const ef = Math.floor(earlier.ref / 0x100000000);
            const where = `row ${earlier.ref % 0x100000000}${ef !== fi ? ` of ${files[ef]!.name}` : ''}`;
            const personColumn = columns.person ? columnLabel(table.headers, columns.person[0]!) : null;
            report.warning(makeIssue(file.name, row.row, personColumn, r.person, 'two-events-one-day', `this person is also at ${other ? `"${other}"` : 'another event'} on ${r.date} (${where}): two different events on one day.`, 'If both are right (a morning and an afternoon session, say), nothing to do; otherwise correct the event or the date on one of the two rows.'));
          }
        }
      }
      if ((n & 1023) === 0) progress?.(doneBefore + Math.round(row.progress * sizeOf(file)), total);
    }
    if (counts.rows === rowsBefore)
      report.warnOnce(makeIssue(file.name, null, null, null, 'empty-file', 'the file has a header but no data rows.', 'Check that you chose the right file (or sheet, with --sheet).'));
    doneBefore += sizeOf(file);
    progress?.(doneBefore, total);
  }

  for (const [key, o] of overrides)
    if (!usedOverrides.has(key) && files.length > 0)
      report.warnOnce(makeIssue(files[0]!.name, null, o.header, null, 'unknown-map-column', `--map names the column "${o.header}", which is not in any of the files.`, `Check the header text; the files have: ${[...new Set(mappings.flatMap((m) => m.headers))].slice(0, 30).join(', ')}.`));

  // Events listed in the events table that no attendance row names: say so, they are not in the analysis.
  if (events && opts.events)
    for (const u of events.unused())
      report.warning(makeIssue(opts.events.name, u.row, u.column, u.name, 'unused-event', `the event "${u.name}" has no attendance rows, so it is not in the analysis (an event without attendees).`, 'Check its name or id against the attendance files, or remove it from the events table.'));

  const model = builder.build();
  const suggestions = opts.nearDuplicates === false ? [] : suggestNames(model, opts.nearDuplicates);
  return {
    model,
    report: report.finish({ ...counts, people: model.people.length, organisations: model.organisations.length, events: model.events.length }, suggestions),
    mappings,
  };
}

function suggestNames(model: AttendanceModel, options: Exclude<ResolvedReadOptions['nearDuplicates'], false>): Suggestion[] {
  const { attendance } = model;
  const pc = new Int32Array(model.people.length);
  const oc = new Int32Array(model.organisations.length);
  for (let i = 0; i < attendance.length; i++) {
    if (attendance.person[i]! >= 0) pc[attendance.person[i]!]!++;
    if (attendance.organisation[i]! >= 0) oc[attendance.organisation[i]!]!++;
  }
  const people = findNearDuplicates(model.people.map((p) => ({ name: p.name, count: pc[p.index]! })), 'person', options);
  const orgs = findNearDuplicates(model.organisations.map((o) => ({ name: o.name, count: oc[o.index]! })), 'organisation', options);
  return [...orgs, ...people];
}
