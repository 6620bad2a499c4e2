/**
 * `readAttendance`: attendance files (CSV, XLSX, JSON; several are concatenated) to the attendance model plus a
 * validation report (PRODUCT.md §1). Rows stream into `createModelBuilder` one by one: only the builder's
 * distinct people, organisations, events and attendances are kept, never the parsed rows of a whole file.
 * Every row is either used (possibly with warnings) or rejected with at least one error; nothing is dropped silently.
 * Per row, no key string is built: duplicates are found by a fingerprint computed part by part, and person-days by
 * the builder's integer ids, in typed hash tables (io/int-tables.ts).
 */
import { createModelBuilder } from '../model/build-model.js';
import { detach } from '../model/detach.js';
import { nameKey } from '../model/identity.js';
import type { AttendanceModel, AttendanceRecord, Field } from '../types.js';
import { createAliasResolver, readAliasFile, type AliasResolver } from './aliases.js';
import { createNumberTable, createPairIds } from './int-tables.js';
import { detectMapping, normaliseHeader, resolveMapOverrides } from './headers.js';
import { findNearDuplicates } from './near-duplicates.js';
import { resolveReadOptions, type ReadOptions, type ResolvedReadOptions } from './options.js';
import { createReportCollector, makeIssue } from './report.js';
import { createRowReader } from './row.js';
import { readEventsTable, readOrganisationsTable, type EventEntry, type OrganisationEntry, type SideTable } from './side-tables.js';
import { columnLabel, parseTable, type TableCell } from './table.js';
import { cellText } from './values.js';
import type { FileMapping, InputFile, ReadResult, Suggestion } from './types.js';

/**
 * FNV-1a, two 32-bit lanes folded to a 53-bit number: a compact fingerprint of an attendance for messages.
 * The fingerprint of `a + b + ...` is computed part by part (`fnvStart`, `fnvFeed`..., `fnvEnd`) without
 * building the joined string; `fnvFeedLower(p)` feeds `p.toLowerCase()`, lowering ASCII letters on the fly.
 */
let fnv1 = 0, fnv2 = 0;
function fnvStart(): void {
  fnv1 = 0x811c9dc5;
  fnv2 = 0x01000193 ^ 0x5bd1e995;
}
function fnvFeed(text: string): void {
  let h1 = fnv1, h2 = fnv2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  fnv1 = h1;
  fnv2 = h2;
}
function fnvFeedChar(c: number): void {
  fnv1 = Math.imul(fnv1 ^ c, 0x01000193);
  fnv2 = Math.imul(fnv2 ^ c, 0x5bd1e995);
}
function fnvFeedLower(text: string): void {
  let h1 = fnv1, h2 = fnv2;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) {
      // Case mapping beyond ASCII depends on context (final sigma) and can change the length: the real thing.
      fnvFeed(text.toLowerCase());
      return;
    }
    if (c >= 65 && c <= 90) c += 32;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  fnv1 = h1;
  fnv2 = h2;
}
function fnvEnd(): number {
  return (fnv1 >>> 0) * 0x200000 + ((fnv2 >>> 0) & 0x1fffff);
}

/**
 * A cheap key of a record for finding the row a duplicate repeats (the builder decides what is a duplicate;
 * this key only has to find the earlier row in the usual case of identical spelling): the fingerprint of
 * event, date, person (or e-mail) and organisation, lower-cased and joined by U+0001.
 */
function attendancePrint(r: AttendanceRecord, personKey: ResolvedReadOptions['personKey']): number {
  fnvStart();
  fnvFeedLower(r.event);
  fnvFeedChar(1);
  fnvFeed(r.date ?? '');
  fnvFeedChar(1);
  if (personKey === 'email' && r.email && r.person) {
    fnvFeed('email:');
    fnvFeed(r.email);
  } else fnvFeedLower(r.person ?? '');
  fnvFeedChar(1);
  fnvFeedLower(r.organisation ?? '');
  return fnvEnd();
}

/** `nameKey` with a cache by raw spelling (names repeat on many rows; the Unicode folding is the costly part). */
function createNameKeys(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name: string): string => {
    let key = cache.get(name);
    if (key === undefined) cache.set(detach(name), (key = detach(nameKey(name))));
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
 * or a date, or a morning and an afternoon session). People and events come as the builder's draft ids (one per
 * identity), days as small ids, and the payload lives in typed arrays, so the cost is a few bytes per distinct
 * person-day, not per row, and no string is built or hashed per row.
 */
function createPersonDays(keyOf: (name: string) => string) {
  const slots = createPairIds();
  const dayIds = new Map<string, number>();
  let lastDate: string | null = null;
  let lastDay = -1;
  // Events by identity key (name only: the day is the same on one person-day), with their first spelling.
  const keyIds = new Map<string, number>();
  const names: string[] = [];
  let eventKey = new Int32Array(1024).fill(-1);
  let events = new Int32Array(1024);
  let refs = new Float64Array(1024);
  let warned = new Uint8Array(1024);
  // A person without a builder id (not expected: the builder identifies every named person) by identity text.
  const others = new Map<string, number>();
  return {
    /**
     * The earlier row (file index × 2^32 + row) and event name of another event on this person-day, or null.
     * Gives each person-day once. `person` and `event` are the builder's draft ids of the record `r`.
     */
    check(person: number, event: number, r: AttendanceRecord, personKey: ResolvedReadOptions['personKey'], ref: number): { ref: number; event: string } | null {
      if (person < 0) {
        const id = personIdentity(r, personKey, keyOf);
        let o = others.get(id);
        if (o === undefined) others.set(id, (o = -2 - others.size));
        person = o;
      }
      const date = r.date!;
      // Consecutive rows usually share their date (often the very same string, from the reader's date cache).
      let day = date === lastDate ? lastDay : dayIds.get(date);
      if (day === undefined) dayIds.set(detach(date), (day = dayIds.size));
      lastDate = date;
      lastDay = day;
      if (event >= eventKey.length) {
        const k2 = new Int32Array(Math.max(2 * eventKey.length, event + 1)).fill(-1);
        k2.set(eventKey);
        eventKey = k2;
      }
      let ev = eventKey[event]!;
      if (ev === -1) {
        const key = keyOf(r.event);
        let id = keyIds.get(key);
        if (id === undefined) {
          keyIds.set(key, (id = names.length));
          names.push(detach(r.event));
        }
        eventKey[event] = ev = id;
      }
      const n = slots.size;
      const slot = slots.add(person, day);
      if (slot === n) {
        // A new person-day.
        if (n === events.length) {
          const e2 = new Int32Array(n * 2); e2.set(events); events = e2;
          const r2 = new Float64Array(n * 2); r2.set(refs); refs = r2;
          const w2 = new Uint8Array(n * 2); w2.set(warned); warned = w2;
        }
        events[n] = ev;
        refs[n] = ref;
        return null;
      }
      if (events[slot] === ev || refs[slot] === ref || warned[slot]) return null;
      warned[slot] = 1;
      return { ref: refs[slot]!, event: names[events[slot]!] ?? '' };
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
  const firstRow = createNumberTable();
  // The builder's draft person and event ids of the records of the current row.
  let rowPeople = new Int32Array(16);
  let rowEvents = new Int32Array(16);
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
          samples[i] = detach(t.length > 60 ? t.slice(0, 59) + '…' : t);
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
    // Outcomes are read at once and no record is kept (the builder copies what it needs): reuse them.
    const readRow = createRowReader(ctx, { reuse: true });
    let n = 0;
    const rowsBefore = counts.rows;
    for (const row of table.rows) {
      n++;
      counts.rows++;
      if (samplesMissing > 0 && !row.broken) sample(row.cells);
      const outcome = readRow(row);
      for (const w of outcome.warnings) report.warning(w);
      if (outcome.errors.length) {
        for (const e of outcome.errors) report.error(e);
        counts.rejected++;
      } else {
        let added = 0;
        const records = outcome.records;
        if (records.length > rowPeople.length) {
          rowPeople = new Int32Array(2 * records.length);
          rowEvents = new Int32Array(2 * records.length);
        }
        for (let k = 0; k < records.length; k++) {
          if (builder.add(records[k]!)) added++;
          rowPeople[k] = builder.last.person;
          rowEvents[k] = builder.last.event;
        }
        counts.used++;
        const fp = attendancePrint(outcome.records[0]!, opts.personKey);
        if (added === 0) {
          const ref = firstRow.get(fp);
          const where = ref === undefined ? 'an earlier row' : `row ${ref % 0x100000000}${Math.floor(ref / 0x100000000) !== fi ? ` of ${files[Math.floor(ref / 0x100000000)]!.name}` : ''}`;
          report.warning(makeIssue(file.name, row.row, null, null, 'duplicate-row', `this row repeats the attendance of ${where} (same event, date, person and organisation); it is counted once.`, 'Remove the repeated row, or correct it if it was meant to be someone or something else.'));
        } else firstRow.setIfAbsent(fp, fi * 0x100000000 + row.row);
        if (added > 0) {
          const ref = fi * 0x100000000 + row.row;
          for (let k = 0; k < records.length; k++) {
            const r = records[k]!;
            if (r.person == null || r.date == null) continue;
            const earlier = personDays.check(rowPeople[k]!, rowEvents[k]!, r, opts.personKey, ref);
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
