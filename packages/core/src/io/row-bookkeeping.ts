/**
 * The reader's per-row bookkeeping for its warnings, keyed by the model builder's ids, not by strings: the row
 * of each attendance (a repeated row names the row it repeats) and person-days (one person at two different
 * events on one day: a typo in an event or a date, or a morning and an afternoon session).
 */
import { detach } from '../model/detach.js';
import { nameKey } from '../model/identity.js';
import type { AttendanceRecord } from '../types.js';
import { createPairIds, type PairIds } from './int-tables.js';
import type { ResolvedReadOptions } from './options.js';
import { makeIssue } from './report.js';
import type { Issue } from './types.js';

/** `nameKey` with a cache by raw spelling (names repeat on many rows; the Unicode folding is the costly part). */
export function createNameKeys(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name: string): string => {
    let key = cache.get(name);
    if (key === undefined) cache.set(detach(name), (key = detach(nameKey(name))));
    return key;
  };
}

/** The identity of a record's person, as the builder keys it (name, name + organisation, or e-mail). */
export function personIdentity(r: AttendanceRecord, personKey: ResolvedReadOptions['personKey'], keyOf: (name: string) => string = nameKey): string {
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
/** Longest walk along a person's person-days before the person-day table is built. */
const MAX_WALK = 64;

export function createPersonDays(keyOf: (name: string) => string) {
  const dayIds = new Map<string, number>();
  // Per day id: a number in date order (yyyymmdd), to tell whether a person's rows come in date order.
  let dayKey = new Int32Array(256);
  let lastDate: string | null = null;
  let lastDay = -1;
  // Events by identity key (name only: the day is the same on one person-day), with their first spelling.
  const keyIds = new Map<string, number>();
  const names: string[] = [];
  let eventKey = new Int32Array(1024).fill(-1);
  // Per person-day (dense, in order of first sight): its person, day, first event, first row (file index and row
  // number: two integers, not one boxed number), and whether it was warned about.
  let count = 0;
  let persons = new Int32Array(1024);
  let days = new Int32Array(1024);
  let events = new Int32Array(1024);
  let refFiles = new Int32Array(1024);
  let refRows = new Int32Array(1024);
  let warned = new Uint8Array(1024);
  // While a person's rows mostly come in date order (the usual export: rows by event, events by date), no table
  // of every person-day is needed (it would cost a cache miss per row on a large file): each person's person-days
  // are chained, newest first, with the latest date seen; a row after that date is a new person-day, any other
  // walks the chain back while a person-day further back is on or after its date. A walk longer than MAX_WALK
  // builds the table from the person-days so far, used from then on.
  let ordered = true;
  // Per person, side by side (one cache line per row): the newest person-day of the chain (-1: none) and the latest date key.
  let chainOf = new Int32Array(2048).fill(-1);
  let previous = new Int32Array(1024);
  // Per person-day: the latest date key on the chain from it back (the walk stops where it falls below the row's).
  let chainMax = new Int32Array(1024);
  let slots: PairIds | null = null;
  // A person without a builder id (not expected: the builder identifies every named person) by identity text.
  const others = new Map<string, number>();

  const grow = (): void => {
    const n = 2 * persons.length;
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    persons = i32(persons);
    previous = i32(previous);
    chainMax = i32(chainMax);
    days = i32(days);
    events = i32(events);
    refFiles = i32(refFiles);
    refRows = i32(refRows);
    const w2 = new Uint8Array(n);
    w2.set(warned);
    warned = w2;
  };
  /** A new person-day: its index. */
  const add = (person: number, day: number, ev: number, fileIndex: number, row: number): number => {
    if (count === persons.length) grow();
    persons[count] = person;
    days[count] = day;
    events[count] = ev;
    refFiles[count] = fileIndex;
    refRows[count] = row;
    return count++;
  };
  const toTable = (): PairIds => {
    const table = createPairIds();
    for (let i = 0; i < count; i++) table.add(persons[i]!, days[i]!);
    ordered = false;
    return table;
  };

  return {
    /**
     * The earlier row (file index, row) and event name of another event on this person-day, or null.
     * Gives each person-day once. `person` and `event` are the builder's draft ids of the record `r`, read on
     * row `row` of file `fileIndex`.
     */
    check(person: number, event: number, r: AttendanceRecord, personKey: ResolvedReadOptions['personKey'], fileIndex: number, row: number): { file: number; row: number; event: string } | null {
      if (person < 0) {
        const id = personIdentity(r, personKey, keyOf);
        let o = others.get(id);
        if (o === undefined) others.set(id, (o = -2 - others.size));
        person = o;
      }
      const date = r.date!;
      // Consecutive rows usually share their date (often the very same string, from the reader's date cache).
      let day = date === lastDate ? lastDay : dayIds.get(date);
      if (day === undefined) {
        dayIds.set(detach(date), (day = dayIds.size));
        if (day === dayKey.length) {
          const k2 = new Int32Array(2 * day);
          k2.set(dayKey);
          dayKey = k2;
        }
        // ISO dates: year, month and day as one number in date order (any other text sorts as -1: out of order).
        const y = Number(date.slice(0, 4)), m = Number(date.slice(5, 7)), d = Number(date.slice(8, 10));
        dayKey[day] = date.length === 10 && Number.isInteger(y + m + d) ? y * 10000 + m * 100 + d : -1;
      }
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
      let slot = -1;
      if (ordered && person >= 0 && dayKey[day]! >= 0) {
        if (2 * person >= chainOf.length) {
          const c2 = new Int32Array(Math.max(2 * chainOf.length, 2 * person + 2)).fill(-1);
          c2.set(chainOf);
          chainOf = c2;
        }
        const head = chainOf[2 * person]!;
        const key = dayKey[day]!;
        if (head === -1 || key > chainOf[2 * person + 1]!) {
          const n = add(person, day, ev, fileIndex, row);
          previous[n] = head;
          chainMax[n] = key;
          chainOf[2 * person] = n;
          chainOf[2 * person + 1] = key;
          return null;
        }
        // Back along the chain while some person-day further back is on or after this date.
        let i = head, steps = 0;
        while (i !== -1 && days[i] !== day && steps < MAX_WALK) {
          i = previous[i]!;
          if (i !== -1 && chainMax[i]! < key) i = -1;
          steps++;
        }
        if (i !== -1 && days[i] === day) slot = i;
        else if (i === -1) {
          const n = add(person, day, ev, fileIndex, row);
          previous[n] = head;
          chainMax[n] = chainOf[2 * person + 1]!;
          chainOf[2 * person] = n;
          return null;
        } else slots = toTable(); // a long walk: from here on, the table
      }
      if (slot === -1) {
        slots ??= toTable();
        const n = slots.size;
        slot = slots.add(person, day);
        if (slot === n) {
          add(person, day, ev, fileIndex, row);
          return null;
        }
      }
      if (events[slot] === ev || (refRows[slot] === row && refFiles[slot] === fileIndex) || warned[slot]) return null;
      warned[slot] = 1;
      return { file: refFiles[slot]!, row: refRows[slot]!, event: names[events[slot]!] ?? '' };
    },
  };
}

export type PersonDays = ReturnType<typeof createPersonDays>;

/** The row (file index and row number) of each attendance, by the builder's attendance index (`builder.last.attendance`). */
export interface RowRefs {
  set(attendance: number, fileIndex: number, row: number): void;
  file(attendance: number): number;
  row(attendance: number): number;
}

export function createRowRefs(): RowRefs {
  let files = new Int32Array(1024);
  let rows = new Int32Array(1024);
  return {
    set(attendance, fileIndex, row) {
      if (attendance >= rows.length) {
        const n = Math.max(2 * rows.length, attendance + 1);
        const f2 = new Int32Array(n); f2.set(files); files = f2;
        const r2 = new Int32Array(n); r2.set(rows); rows = r2;
      }
      files[attendance] = fileIndex;
      rows[attendance] = row;
    },
    file: (attendance) => files[attendance]!,
    row: (attendance) => rows[attendance]!,
  };
}

/** Where an earlier row is, for messages: "row N", with "of FILE" when it is in another file than `fileIndex`. */
export function rowRef(refFile: number, refRow: number, fileIndex: number, fileNames: readonly string[]): string {
  return `row ${refRow}${refFile !== fileIndex ? ` of ${fileNames[refFile]}` : ''}`;
}

/** The warning on a row that repeats the attendance of row `refRow` of file `refFile`. */
export function duplicateRowIssue(file: string, row: number, refFile: number, refRow: number, fileIndex: number, fileNames: readonly string[]): Issue {
  return makeIssue(file, row, null, null, 'duplicate-row', `this row repeats the attendance of ${rowRef(refFile, refRow, fileIndex, fileNames)} (same event, date, person and organisation); it is counted once.`, 'Remove the repeated row, or correct it if it was meant to be someone or something else.');
}

/** The warning on a row whose person is at another event on the same day (`earlier` from `PersonDays.check`). */
export function twoEventsIssue(file: string, row: number, personColumn: string | null, r: AttendanceRecord, earlier: { file: number; row: number; event: string }, fileIndex: number, fileNames: readonly string[]): Issue {
  const other = earlier.event;
  return makeIssue(file, row, personColumn, r.person, 'two-events-one-day', `this person is also at ${other ? `"${other}"` : 'another event'} on ${r.date} (${rowRef(earlier.file, earlier.row, fileIndex, fileNames)}): two different events on one day.`, 'If both are right (a morning and an afternoon session, say), nothing to do; otherwise correct the event or the date on one of the two rows.');
}
