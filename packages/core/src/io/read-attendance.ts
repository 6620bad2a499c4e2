/**
 * `readAttendance`: attendance files (CSV, XLSX, JSON; several are concatenated) to the attendance model plus a
 * validation report (PRODUCT.md §1). Rows stream into `createModelBuilder` one by one: only the builder's
 * distinct people, organisations, events and attendances are kept, never the parsed rows of a whole file.
 * Every row is either used (possibly with warnings) or rejected with at least one error; nothing is dropped silently.
 * Per row, no key string is built: repeated attendances and person-days are kept by the builder's integer ids in
 * typed tables (io/row-bookkeeping.ts), and plain CSV rows take a fast path that works per distinct cell value
 * (io/fast-rows.ts).
 */
import { createModelBuilder } from '../model/build-model.js';
import { detach } from '../model/detach.js';
import type { AttendanceModel, Field } from '../types.js';
import { createAliasResolver, readAliasFile, type AliasResolver } from './aliases.js';
import { createFastRows } from './fast-rows.js';
import { createNameKeys, createPersonDays, createRowRefs, duplicateRowIssue, twoEventsIssue } from './row-bookkeeping.js';
import { detectMapping, normaliseHeader, resolveMapOverrides } from './headers.js';
import { findNearDuplicates, type NearDuplicateOptions } from './near-duplicates.js';
import { resolveReadOptions, type ReadOptions } from './options.js';
import { createReportCollector, makeIssue } from './report.js';
import { createRowReader } from './row.js';
import { readEventsTable, readOrganisationsTable, type EventEntry, type OrganisationEntry, type SideTable } from './side-tables.js';
import { columnLabel, parseTable, SPAN_END, SPAN_ROW, type SpanRows, type TableCell, type TableRow } from './table.js';
import { cellText } from './values.js';
import type { FileMapping, InputFile, ReadResult, Suggestion } from './types.js';

/** The cells of the current span row of `rows` as strings. */
function spanCells(rows: SpanRows): string[] {
  const { text, count } = rows;
  const { spanStart, spanEnd, spanCells: strings } = rows.cursor;
  const cells = new Array<string>(count);
  for (let k = 0; k < count; k++) cells[k] = spanStart[k]! < 0 ? strings[k]! : text.slice(spanStart[k]!, spanEnd[k]!);
  return cells;
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
  const rowRefs = createRowRefs();
  // The builder's draft person and event ids of the records of the current row.
  let rowPeople = new Int32Array(16);
  let rowEvents = new Int32Array(16);
  let rowAttendance = new Int32Array(16);
  const keyOf = createNameKeys();
  const fileNames = files.map((f) => f.name);
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
    const personColumn = columns.person ? columnLabel(table.headers, columns.person[0]!) : null;
    /** A row by the general reader (after counting it and taking samples). */
    const generalRow = (row: TableRow): void => {
      const outcome = readRow(row);
      for (const w of outcome.warnings) report.warning(w);
      if (outcome.errors.length) {
        for (const e of outcome.errors) report.error(e);
        counts.rejected++;
        return;
      }
      let added = 0;
      const records = outcome.records;
      if (records.length > rowPeople.length) {
        rowPeople = new Int32Array(2 * records.length);
        rowEvents = new Int32Array(2 * records.length);
        rowAttendance = new Int32Array(2 * records.length);
      }
      for (let k = 0; k < records.length; k++) {
        if (builder.add(records[k]!)) {
          added++;
          rowRefs.set(builder.last.attendance, fi, row.row);
        }
        rowPeople[k] = builder.last.person;
        rowEvents[k] = builder.last.event;
        rowAttendance[k] = builder.last.attendance;
      }
      counts.used++;
      if (added === 0) {
        // The first record's attendance was added by an earlier row.
        const first = rowAttendance[0]!;
        report.warning(duplicateRowIssue(file.name, row.row, rowRefs.file(first), rowRefs.row(first), fi, fileNames));
        return;
      }
      for (let k = 0; k < records.length; k++) {
        const r = records[k]!;
        if (r.person == null || r.date == null) continue;
        const earlier = personDays.check(rowPeople[k]!, rowEvents[k]!, r, opts.personKey, fi, row.row);
        if (earlier) report.warning(twoEventsIssue(file.name, row.row, personColumn, r, earlier, fi, fileNames));
      }
    };
    let n = 0;
    const rowsBefore = counts.rows;
    const fast = createFastRows({ table, columns, options: opts, resolving: aliases !== null || organisations !== null || events !== null, builder, report, rowRefs, personDays, fileIndex: fi, fileNames });
    if (fast && table.csv) {
      // A CSV text in memory: one scan over it; regular rows by the fast path, the others by the general reader.
      const { rows, used } = fast.bulk(table.csv, table.csv.dataStart, table.csv.headerIndex + 1, {
        general: generalRow,
        sampling: () => samplesMissing > 0,
        sample: (cells) => sample(cells),
        progress: (share) => progress?.(doneBefore + Math.round(share * sizeOf(file)), total),
      });
      n += rows;
      counts.rows += rows;
      counts.used += used;
    } else if (fast) {
      // Regular rows by the fast path, the others (and papaparse's records) by the general reader.
      const rows = table.spanRows!();
      for (let kind = rows.next(); kind !== SPAN_END; kind = rows.next()) {
        n++;
        counts.rows++;
        if (kind === SPAN_ROW) {
          if (samplesMissing > 0) sample(spanCells(rows));
          if (fast.row(rows)) counts.used++;
          else generalRow({ row: rows.row, cells: spanCells(rows), progress: rows.progress });
        } else {
          const row = rows.tableRow!;
          if (samplesMissing > 0 && !row.broken) sample(row.cells);
          generalRow(row);
        }
        if ((n & 1023) === 0) progress?.(doneBefore + Math.round(rows.progress * sizeOf(file)), total);
      }
    } else {
      for (const row of table.rows) {
        n++;
        counts.rows++;
        if (samplesMissing > 0 && !row.broken) sample(row.cells);
        generalRow(row);
        if ((n & 1023) === 0) progress?.(doneBefore + Math.round(row.progress * sizeOf(file)), total);
      }
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
  const suggestions = opts.nearDuplicates === false ? [] : nameSuggestions(model, opts.nearDuplicates);
  return {
    model,
    report: report.finish({ ...counts, people: model.people.length, organisations: model.organisations.length, events: model.events.length }, suggestions),
    mappings,
  };
}

/**
 * Near-duplicate name suggestions for a model (people and organisations whose names are probably one spelled two
 * ways): what `readAttendance` puts in `report.suggestions` unless `nearDuplicates: false`, for a reader run
 * without them (the benchmark times them as a stage of their own).
 *
 * @param options - see `NEAR_DUPLICATE_DEFAULTS`.
 * @throws InvalidOptionError when an option is malformed.
 */
export function nameSuggestions(model: AttendanceModel, options: NearDuplicateOptions = {}): Suggestion[] {
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
