/**
 * The network replayed meeting by meeting: after each event (chronological order), who came for the first
 * time, how many ties were new or repeated, and the cumulative size, density and components. This is the
 * finest-grained growth view; `growthSeries` with `every: "event"` groups events that share a date.
 */
import { NETWORK_DEFAULTS, validateNetworkOptions } from '../network/options.js';
import type { NetworkOptions } from '../network/types.js';
import { resolveOptions } from '../options.js';
import type { AttendanceModel } from '../types.js';
import { density } from './figures.js';
import { createReplay } from './replay.js';

/** One replayed event and the cumulative network after it. */
export interface EventReplayRow {
  /** 1-based position in chronological order. */
  n: number;
  event: string;
  name: string;
  date: string | null;
  /** Participants counted against `maxEventSize` (people, or organisations when no person is named). */
  size: number;
  /** False when the event was above `maxEventSize` and created no ties. */
  tied: boolean;
  /** People at this event for the first time, and those who had come before. */
  first_timers: number;
  returners: number;
  /** Cumulative people, person ties, ties at or above `strongMin`, density and components (isolated included). */
  people: number;
  person_ties: number;
  new_person_ties: number;
  /** Pairs at this event that were already tied before it. */
  repeated_person_ties: number;
  strong_person_ties: number;
  person_density: number;
  person_components: number;
  organisations: number;
  new_organisations: number;
  organisation_ties: number;
  new_organisation_ties: number;
  repeated_organisation_ties: number;
  strong_organisation_ties: number;
  organisation_density: number;
  organisation_components: number;
}

/**
 * Replay the events one by one (from `options.from` up to `options.to`; works on undated models too, in
 * input order) and report the cumulative network after each. Tie rules (`maxEventSize`, `exclude`,
 * `eventTypeWeights`, `strongMin`, `strengthBasis` shared_events | weighted) are the builders'.
 */
export function replayEvents(model: AttendanceModel, options: NetworkOptions = {}): EventReplayRow[] {
  const who = 'replayEvents';
  const o = resolveOptions(NETWORK_DEFAULTS, options);
  validateNetworkOptions(o, who);
  const events = model.events;
  let start = 0;
  if (o.from != null) while (start < events.length && (events[start]!.date ?? '') < o.from) start++;
  const replay = createReplay(model, o, who, start);
  const rows: EventReplayRow[] = [];
  for (let e = start; e < events.length; e++) {
    const ev = events[e]!;
    if (o.to != null && (ev.date == null || ev.date > o.to)) break;
    const s = replay.step()!;
    const P = replay.persons, O = replay.organisations;
    rows.push({
      n: e + 1,
      event: ev.id,
      name: ev.name,
      date: ev.date,
      size: s.size,
      tied: s.tied,
      first_timers: s.newPersons,
      returners: s.people - s.newPersons,
      people: P.seen,
      person_ties: P.ties,
      new_person_ties: s.newPersonTies,
      repeated_person_ties: s.repeatedPersonTies,
      strong_person_ties: P.strongTies,
      person_density: density(P.seen, P.ties),
      person_components: P.components,
      organisations: O.seen,
      new_organisations: s.newOrganisations,
      organisation_ties: O.ties,
      new_organisation_ties: s.newOrganisationTies,
      repeated_organisation_ties: s.repeatedOrganisationTies,
      strong_organisation_ties: O.strongTies,
      organisation_density: density(O.seen, O.ties),
      organisation_components: O.components,
    });
  }
  return rows;
}
