/** Counting helpers for the example tests: distinct people and organisations with attendance on or before a date. */
import type { AttendanceModel } from '../../src/types.js';

export function countAsOf(model: AttendanceModel, date: string): { people: number; organisations: number } {
  const people = new Set<number>();
  const orgs = new Set<number>();
  const a = model.attendance;
  for (let i = 0; i < a.length; i++) {
    if (model.events[a.event[i]!]!.date! > date) continue;
    if (a.person[i]! >= 0) people.add(a.person[i]!);
    if (a.organisation[i]! >= 0) orgs.add(a.organisation[i]!);
  }
  return { people: people.size, organisations: orgs.size };
}

/** Per person, how many events of a series (events whose name starts with `prefix`) they attended. */
export function seriesVisits(model: AttendanceModel, prefix: string): Map<number, number> {
  const events = new Set<number>();
  for (const e of model.events) if (e.name.startsWith(prefix)) events.add(e.index);
  const visits = new Map<number, number>();
  const a = model.attendance;
  for (let i = 0; i < a.length; i++) {
    const p = a.person[i]!;
    if (p >= 0 && events.has(a.event[i]!)) visits.set(p, (visits.get(p) ?? 0) + 1);
  }
  return visits;
}

/** Number of rows (attendances) per event. */
export function eventSizes(model: AttendanceModel): { name: string; type: string | null; size: number }[] {
  const s = model.attendance.eventStart;
  return model.events.map((e) => ({ name: e.name, type: e.type, size: s[e.index + 1]! - s[e.index]! }));
}
