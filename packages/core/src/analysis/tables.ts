/**
 * Model-level tables of an analysis that need no graph: events with their sizes and newcomers, the growth
 * headline (first event vs as-of date), the sector mix, and the dates of each tie's shared events (from the same
 * projection the network builders use, so counts agree).
 */
import { projectOrganisations, projectPersons } from '../network/project.js';
import type { ResolvedNetworkOptions } from '../network/options.js';
import { selectRows } from '../network/selection.js';
import type { AttendanceModel } from '../types.js';
import { tieDatesOf } from './tie-table.js';
import type { EventRow, OrganisationRow, SectorShare, Snapshot } from './types.js';

/** One row per event of the window: size, newcomers and whether it creates ties. */
export function eventRows(model: AttendanceModel, r: ResolvedNetworkOptions): EventRow[] {
  const s = selectRows(model, r);
  const a = model.attendance;
  const seenP = new Uint8Array(model.people.length);
  const seenO = new Uint8Array(model.organisations.length);
  const rows: EventRow[] = [];
  for (let k = 0; k < s.eventCount; k++) {
    const e = s.eventFrom + k;
    const info = model.events[e]!;
    let newP = 0, newO = 0;
    for (let i = a.eventStart[e]!, end = a.eventStart[e + 1]!; i < end; i++) {
      if (s.rowKept[i - s.rowFrom] === 0) continue;
      const p = a.person[i]!, o = a.organisation[i]!;
      if (p >= 0 && !seenP[p]) (seenP[p] = 1, newP++);
      if (o >= 0 && !seenO[o]) (seenO[o] = 1, newO++);
    }
    rows.push({
      id: info.id,
      event: info.name,
      date: info.date,
      event_type: info.type,
      duration_hours: info.durationHours,
      people: s.eventPeople[k]!,
      organisations: s.eventOrganisations[k]!,
      new_people: newP,
      new_organisations: newO,
      creates_ties: s.tieEvent[k] === 1,
    });
  }
  return rows;
}

/** Cumulative people and organisations as of `date` (inclusive), from event rows. */
export function snapshotOf(events: readonly EventRow[], date: string | null): Snapshot {
  let people = 0, organisations = 0, count = 0;
  for (const e of events) {
    if (date !== null && (e.date === null || e.date > date)) continue;
    people += e.new_people;
    organisations += e.new_organisations;
    count++;
  }
  return { date, events: count, people, organisations };
}

/** The growth headline: the network at the first event's date and at the as-of date. */
export function headlineOf(events: readonly EventRow[], asOf: string | null): { start: Snapshot; end: Snapshot } | null {
  const first = events.find((e) => e.date !== null)?.date ?? null;
  if (first === null || asOf === null) return null;
  return { start: snapshotOf(events, first), end: snapshotOf(events, asOf) };
}

/** Organisations and their people per sector, largest first (ties broken by name; "no sector" last). */
export function sectorShares(organisations: readonly OrganisationRow[]): SectorShare[] {
  const by = new Map<string | null, SectorShare>();
  for (const o of organisations) {
    const key = o.sector && o.sector.trim() ? o.sector : null;
    const s = by.get(key) ?? { sector: key, organisations: 0, people: 0 };
    s.organisations++;
    s.people += o.people;
    by.set(key, s);
  }
  return [...by.values()].sort((a, b) => {
    if ((a.sector === null) !== (b.sector === null)) return a.sector === null ? 1 : -1;
    return b.organisations - a.organisations || b.people - a.people || String(a.sector).localeCompare(String(b.sector), 'en');
  });
}

/**
 * For every tie of the person or organisation projection, the dates of its shared tie-creating events, keyed
 * `"A--B"` by node ids (lower model index first, as the network builders key their edges).
 */
export function tieDateIndex(model: AttendanceModel, r: ResolvedNetworkOptions, level: 'person' | 'organisation'): Map<string, string[]> {
  const proj = level === 'person' ? projectPersons(model, r) : projectOrganisations(model, r);
  const dates = tieDatesOf(model, proj);
  const ids = level === 'person' ? model.people : model.organisations;
  const out = new Map<string, string[]>();
  for (let t = 0; t < proj.length; t++) out.set(`${ids[proj.src[t]!]!.id}--${ids[proj.tgt[t]!]!.id}`, dates[t]!);
  return out;
}
