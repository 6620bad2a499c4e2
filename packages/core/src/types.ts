/**
 * The attendance model shared by every part of Mycorrhiza: events, people, organisations and the attendance
 * rows that link them, with the affiliation at each event. Readers produce it; networks, time and attention read it.
 */

/** Canonical input fields, recognised from Dutch, English and French headers (see io/headers.ts). */
export const FIELDS = [
  'event',
  'date',
  'person',
  'organisation',
  'sector',
  'region',
  'event_type',
  'duration_hours',
  'role',
  'email',
] as const;
export type Field = (typeof FIELDS)[number];

/** Where a record came from: the file name and the 1-based row as a spreadsheet shows it (header = row 1). */
export interface SourceRef {
  file: string;
  row: number;
}

/**
 * One clean attendance row: mapped, split, date-parsed and alias-resolved by the readers.
 * A row names a person, an organisation, or both.
 */
export interface AttendanceRecord {
  /** Event name as written (identity of an event = its normalised name + date). */
  event: string;
  /** ISO date `YYYY-MM-DD`, or null for undated files. */
  date: string | null;
  person: string | null;
  organisation: string | null;
  sector?: string | null;
  region?: string | null;
  event_type?: string | null;
  duration_hours?: number | null;
  role?: string | null;
  /** Identity key only: never shown, never exported. */
  email?: string | null;
  source?: SourceRef;
}

/** An event (meeting, training, dialogue...). Index = position in chronological order. */
export interface EventInfo {
  index: number;
  /** Stable code `E001`, ... in chronological order. */
  id: string;
  name: string;
  date: string | null;
  type: string | null;
  durationHours: number | null;
}

/** A participant. */
export interface PersonInfo {
  index: number;
  /** Stable code `P001`, ... in order of first attendance; the only identifier in `--safe` output. */
  id: string;
  /** Display name: the first spelling seen (after aliases). */
  name: string;
}

/** An organisation (a partner of the network). */
export interface OrganisationInfo {
  index: number;
  /** Stable code `O001`, ... in order of first attendance. */
  id: string;
  name: string;
  sector: string | null;
  region: string | null;
}

/**
 * Columnar attendance, sorted by event index (chronological), with `eventStart` as a CSR index:
 * the rows of event e are `eventStart[e] .. eventStart[e+1]-1`. Missing person / organisation is -1.
 * A person affiliated with two organisations at one event has two rows for it.
 */
export interface AttendanceTable {
  length: number;
  event: Int32Array;
  person: Int32Array;
  organisation: Int32Array;
  /** Role per row, or null. */
  role: (string | null)[];
  eventStart: Int32Array;
}

/** The whole attendance model. */
export interface AttendanceModel {
  events: EventInfo[];
  people: PersonInfo[];
  organisations: OrganisationInfo[];
  attendance: AttendanceTable;
  /** True when every event has a date (time features need it). */
  dated: boolean;
}
