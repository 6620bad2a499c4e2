/**
 * The ties of an analysis as columns (typed arrays over tie numbers) instead of one object per tie, so that
 * millions of person ties cost a few dozen bytes each. Rows for person-ties.csv / organisation-ties.csv are
 * made one at a time from the columns (`tieRowAt`, `tieRows`), in the same order and with the same values as
 * the graph builders give (ties ordered by source id, then target id). Tie profile: Newman (2001)
 * doi:10.1103/PhysRevE.64.016132; Onnela et al. (2007) doi:10.1073/pnas.0610245104.
 */
import type { OrganisationProjection, PersonProjection } from '../network/project.js';
import type { TieProfileColumns } from '../network/tie-profile.js';
import type { AttendanceModel } from '../types.js';
import type { OrganisationTieRow, PersonTieRow, TieCounts } from './types.js';

/**
 * Per-tie columns of one level (tie t joins `source[t]` < `target[t]`, model indices). Columns that follow from
 * others are not stored but derived per row (`jaccardAt`, `overlapAt`, `localBridgeAt`), with the same formulas
 * and so the same values as a stored column: at millions of ties each stored Float64 column costs 8 bytes per tie.
 */
export interface TieTable {
  level: 'person' | 'organisation';
  length: number;
  /** Ids and names of the level's actors, by model index. */
  ids: readonly string[];
  names: readonly string[];
  /** Event dates by model event index (for first/last shared). */
  eventDates: readonly (string | null)[];
  source: Int32Array;
  target: Int32Array;
  shared: Int32Array;
  newman: Float64Array;
  /**
   * Person level: tie-creating events attended per actor (model index), for jaccard = shared / (tie events of
   * i + tie events of j − shared). Null at organisation level.
   */
  tieEvents: Int32Array | null;
  /** Organisation level: distinct person pairs. Null at person level. */
  personPairs: Int32Array | null;
  firstEvent: Int32Array;
  lastEvent: Int32Array;
  /** Σ event-type weights over shared events; null when every event weighs 1 (then it equals `shared`). */
  weighted: Float64Array | null;
  /** Σ known durations; NaN when no shared event has a known duration; null when no event has one. */
  hours: Float64Array | null;
  /** NaN when not tested. */
  pValue: Float64Array;
  significant: Uint8Array;
  /** Common neighbours of each tie (neighbourhood overlap and local bridges follow from it and the degrees). */
  common: Int32Array;
  /** Degree per actor (model index). */
  degree: Int32Array;
  strong: Uint8Array;
  fading: Uint8Array;
  /** Row order: tie numbers sorted by (source id, target id); null when that is the tie order itself. */
  order: Int32Array | null;
}

/** Σ event-type weights of tie t's shared events. */
export function weightedAt(table: TieTable, t: number): number {
  return table.weighted ? table.weighted[t]! : table.shared[t]!;
}

/** Jaccard index of tie t (person level; NaN at organisation level). */
export function jaccardAt(table: TieTable, t: number): number {
  const te = table.tieEvents;
  if (te === null) return NaN;
  const s = table.shared[t]!;
  return s / (te[table.source[t]!]! + te[table.target[t]!]! - s);
}

/** Neighbourhood overlap of tie t (Onnela et al. 2007): common / (deg(i) − 1 + deg(j) − 1 − common); 0 when the denominator is 0. */
export function overlapAt(table: TieTable, t: number): number {
  const c = table.common[t]!;
  const den = table.degree[table.source[t]!]! - 1 + (table.degree[table.target[t]!]! - 1) - c;
  return den > 0 ? c / den : 0;
}

/** True when tie t is a local bridge (its ends have no common neighbour). */
export function localBridgeAt(table: TieTable, t: number): boolean {
  return table.common[t] === 0;
}

function sortedOrder(ids: readonly string[], source: Int32Array, target: Int32Array, length: number): Int32Array | null {
  let monotone = true;
  for (let i = 1; i < ids.length && monotone; i++) if (!(ids[i - 1]! < ids[i]!)) monotone = false;
  if (monotone) return null;
  const order = Int32Array.from({ length }, (_, t) => t);
  order.sort((a, b) => {
    const sa = ids[source[a]!]!, sb = ids[source[b]!]!;
    if (sa !== sb) return sa < sb ? -1 : 1;
    const ta = ids[target[a]!]!, tb = ids[target[b]!]!;
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  });
  return order;
}

/** Degree per actor from an adjacency's list starts. */
function degreesOf(start: Int32Array, nodeCount: number): Int32Array {
  const degree = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) degree[v] = start[v + 1]! - start[v]!;
  return degree;
}

/** Columns of a projection and its tie profile (no copy of the big arrays). */
export function tieTableOf(model: AttendanceModel, proj: PersonProjection | OrganisationProjection, prof: Pick<TieProfileColumns, 'adjacency' | 'backbone' | 'common' | 'strong' | 'fading'>): TieTable {
  const m = proj.length;
  const actors = proj.level === 'person' ? model.people : model.organisations;
  const ids = actors.map((x) => x.id);
  const names = actors.map((x) => x.name);
  return {
    level: proj.level,
    length: m,
    ids,
    names,
    eventDates: model.events.map((e) => e.date),
    source: proj.src,
    target: proj.tgt,
    shared: proj.shared,
    newman: proj.newman,
    tieEvents: proj.level === 'person' ? proj.nodes.tieEvents : null,
    personPairs: proj.level === 'organisation' ? (proj as OrganisationProjection).personPairs : null,
    firstEvent: proj.firstEvent,
    lastEvent: proj.lastEvent,
    // The projection materialises these two columns only when read: not read when they carry nothing.
    weighted: proj.uniformWeight ? null : proj.weighted,
    hours: proj.hoursKnown ? proj.hours : null,
    pValue: prof.backbone.pValue,
    significant: prof.backbone.significant,
    common: prof.common,
    degree: degreesOf(prof.adjacency.start, proj.nodeCount),
    strong: prof.strong,
    fading: prof.fading,
    order: sortedOrder(ids, proj.src, proj.tgt, m),
  };
}

/** The CSV row of tie number `t` (the same object the graph path produced). */
export function tieRowAt(table: TieTable, t: number): PersonTieRow | OrganisationTieRow {
  const s = table.source[t]!, g = table.target[t]!;
  const p = table.pValue[t]!;
  const h = table.hours ? table.hours[t]! : NaN;
  const base = {
    source: table.ids[s]!,
    target: table.ids[g]!,
    shared_events: table.shared[t]!,
    newman: table.newman[t]!,
    first_shared: table.eventDates[table.firstEvent[t]!] ?? null,
    last_shared: table.eventDates[table.lastEvent[t]!] ?? null,
    class: table.strong[t] ? ('strong' as const) : ('weak' as const),
    state: table.fading[t] ? ('fading' as const) : ('active' as const),
    p_value: Number.isFinite(p) ? p : null,
    significant: table.significant[t] === 1,
    neighbourhood_overlap: overlapAt(table, t),
    local_bridge: localBridgeAt(table, t),
    weighted: weightedAt(table, t),
    hours: h === h ? h : null,
    source_name: table.names[s]!,
    target_name: table.names[g]!,
  };
  return table.tieEvents ? { ...base, jaccard: jaccardAt(table, t) } : { ...base, person_pairs: table.personPairs![t]! };
}

/** Tie number of the k-th row in (source id, target id) order. */
export function tieAt(table: TieTable, k: number): number {
  return table.order ? table.order[k]! : k;
}

/** Every row in (source id, target id) order, one at a time. */
export function* tieRows(table: TieTable): Generator<PersonTieRow | OrganisationTieRow> {
  for (let k = 0; k < table.length; k++) yield tieRowAt(table, tieAt(table, k));
}

/** Ties by strength class and recency state. */
export function tieTableCounts(table: TieTable): TieCounts {
  const c: TieCounts = { total: table.length, strong: 0, weak: 0, active: 0, fading: 0, strong_active: 0, strong_fading: 0, weak_active: 0, weak_fading: 0, significant: 0 };
  for (let t = 0; t < table.length; t++) {
    const strong = table.strong[t] === 1, fading = table.fading[t] === 1;
    if (strong) c.strong++;
    else c.weak++;
    if (fading) c.fading++;
    else c.active++;
    if (strong && fading) c.strong_fading++;
    else if (strong) c.strong_active++;
    else if (fading) c.weak_fading++;
    else c.weak_active++;
    if (table.significant[t] === 1) c.significant++;
  }
  return c;
}

/**
 * Dates of the shared tie-creating events of every tie (for Gephi's timeline), in chronological order, from the
 * projection's incidence. Only for the ties whose flag in `keep` is 1 (null: all).
 */
export function tieDatesOf(model: AttendanceModel, proj: PersonProjection | OrganisationProjection, keep: Uint8Array | null = null): (string[] | null)[] {
  const inc = proj.incidence;
  const dates: (string[] | null)[] = new Array(proj.length).fill(null);
  for (let t = 0; t < proj.length; t++) if (keep === null || keep[t] === 1) dates[t] = [];
  for (let k = 0; k < inc.eventCount; k++) {
    if (!inc.ties[k]) continue;
    const date = model.events[inc.eventFrom + k]!.date;
    if (date === null) continue;
    const s = inc.start[k]!, end = inc.start[k + 1]!;
    for (let x = s; x < end; x++) {
      for (let y = x + 1; y < end; y++) {
        const t = proj.find(inc.members[x]!, inc.members[y]!);
        if (t >= 0) dates[t]?.push(date);
      }
    }
  }
  return dates;
}
