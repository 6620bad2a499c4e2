/**
 * `davis`: Davis, Gardner & Gardner (1941), *Deep South*, table p.148 ("Southern Women"): 18 women at 14 social
 * events, the classic test of two-mode network analysis. Rows, names and dates are those of
 * `tests/fixtures/davis/attendance.csv` (the book gives month and day; the year 1933 is a convention).
 */
import type { AttendanceRecord } from '../types.js';

/** Dates of events E1..E14, in the book's column order. */
const DATES = [
  '1933-06-27', '1933-03-02', '1933-04-12', '1933-09-26', '1933-02-25', '1933-05-19', '1933-03-15',
  '1933-09-16', '1933-04-08', '1933-06-10', '1933-02-23', '1933-04-07', '1933-11-21', '1933-08-03',
] as const;

/** The published incidence: one row per woman, one character per event E1..E14 (1 = present). */
const TABLE: readonly (readonly [string, string])[] = [
  ['Evelyn Jefferson', '11111101100000'],
  ['Laura Mandeville', '11101111000000'],
  ['Theresa Anderson', '01111111100000'],
  ['Brenda Rogers', '10111111000000'],
  ['Charlotte McDowd', '00111010000000'],
  ['Frances Anderson', '00101101000000'],
  ['Eleanor Nye', '00001111000000'],
  ['Pearl Oglethorpe', '00000101100000'],
  ['Ruth DeSand', '00001011100000'],
  ['Verne Sanderson', '00000011100100'],
  ['Myra Liddel', '00000001110100'],
  ['Katherina Rogers', '00000001110111'],
  ['Sylvia Avondale', '00000011110111'],
  ['Nora Fayette', '00000110111111'],
  ['Helen Lloyd', '00000011011100'],
  ['Dorothy Murchison', '00000001100000'],
  ['Olivia Carleton', '00000000101000'],
  ['Flora Price', '00000000101000'],
];

/** The Davis records, one per attendance, in date order and by name within a date (89 rows). */
export function generateDavis(): AttendanceRecord[] {
  const rows: AttendanceRecord[] = [];
  for (const [person, marks] of TABLE) {
    for (let e = 0; e < DATES.length; e++) {
      if (marks[e] === '1') rows.push({ event: `E${e + 1}`, date: DATES[e]!, person, organisation: null });
    }
  }
  return rows.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.person! < b.person! ? -1 : a.person! > b.person! ? 1 : 0));
}
