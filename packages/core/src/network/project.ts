/**
 * Low-level projections of the attendance model onto people or organisations: compact typed-array results
 * (tie columns, node columns, the incidence they came from) used by the graph builders, the backbone tests,
 * the growth series and the benchmark. Newman (2001) weights, doi:10.1103/PhysRevE.64.016132.
 */
import type { AttendanceModel } from '../types.js';
import { resolveNetworkOptions, type ResolvedNetworkOptions } from './options.js';
import { accumulatePairs, eventColumns, type PairTable } from './pair-table.js';
import { buildIncidence, selectRows, type Incidence, type Selection } from './selection.js';
import type { NetworkOptions } from './types.js';

/** Per-actor columns over the model's index space (people or organisations). */
export interface ProjectionNodes {
  /** 1 when the actor has a kept row in the window (it is a node of the network). */
  present: Uint8Array;
  /** Events attended in the window (tie-creating or not). */
  events: Int32Array;
  /** Tie-creating events attended in the window (the actor's degree in the backbone's bipartite matrix). */
  tieEvents: Int32Array;
  /** Model event index of the first and last attendance in the window, or -1. */
  firstEvent: Int32Array;
  lastEvent: Int32Array;
}

/** A projection: tie columns (see `PairColumns`), node columns, and the inputs they came from. */
export interface Projection extends PairTable {
  level: 'person' | 'organisation';
  /** Options merged with defaults and resolved against the model. */
  options: ResolvedNetworkOptions;
  selection: Selection;
  /** Event × actor incidence of the window (all window events; `incidence.ties` flags those creating ties). */
  incidence: Incidence;
  /** Size of the actor index space (`model.people.length` or `model.organisations.length`). */
  nodeCount: number;
  nodes: ProjectionNodes;
}

export interface PersonProjection extends Projection {
  level: 'person';
  /** Organisation index of the person's last kept row in the window that names one, or -1. */
  organisation: Int32Array;
}

export interface OrganisationProjection extends Projection {
  level: 'organisation';
  /** Per tie: distinct person pairs (p of one organisation, q of the other, affiliation as on each row) who shared an event. */
  personPairs: Int32Array;
  /** Per organisation: distinct person pairs of its own members who shared an event while both came for it. */
  internalTies: Int32Array;
  /** Per organisation: distinct people who came for it in the window. */
  people: Int32Array;
}

/** A growable Float64Array of integer keys. */
function createKeyBuffer(): { push(key: number): void; done(): Float64Array } {
  let buf = new Float64Array(1024);
  let n = 0;
  return {
    push(key: number): void {
      if (n === buf.length) {
        const next = new Float64Array(buf.length * 2);
        next.set(buf);
        buf = next;
      }
      buf[n++] = key;
    },
    done: () => buf.subarray(0, n),
  };
}

/** A growable Int32Array. */
function createIntBuffer(): { push(value: number): void; done(): Int32Array } {
  let buf = new Int32Array(1024);
  let n = 0;
  return {
    push(value: number): void {
      if (n === buf.length) {
        const next = new Int32Array(buf.length * 2);
        next.set(buf);
        buf = next;
      }
      buf[n++] = value;
    },
    done: () => buf.subarray(0, n),
  };
}

/**
 * Add 1 to `counts[g]` per distinct key among the keys of group g (`groups[x]`, `keys[x]` aligned): a counting
 * sort by group, then a sort of each group's keys. Exact for any number of groups (keys stay below 2^53).
 */
function countDistinctByGroup(groups: Int32Array, keys: Float64Array, counts: Int32Array): void {
  const g = counts.length;
  const start = new Int32Array(g + 1);
  for (let x = 0; x < groups.length; x++) start[groups[x]! + 1]!++;
  for (let i = 0; i < g; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, g);
  const sorted = new Float64Array(keys.length);
  for (let x = 0; x < groups.length; x++) sorted[fill[groups[x]!]!++] = keys[x]!;
  for (let i = 0; i < g; i++) {
    const a = start[i]!, b = start[i + 1]!;
    if (a === b) continue;
    const part = sorted.subarray(a, b).sort();
    let distinct = 1;
    for (let x = 1; x < part.length; x++) if (part[x] !== part[x - 1]) distinct++;
    counts[i] = distinct;
  }
}

/** Sort keys `group * base + rest` and add 1 to `counts[group]` per distinct key. */
function countDistinct(keys: Float64Array, base: number, counts: Int32Array): void {
  keys.sort();
  let prev = -1;
  for (let x = 0; x < keys.length; x++) {
    const key = keys[x]!;
    if (key === prev) continue;
    prev = key;
    let g = Math.floor(key / base);
    if (g * base > key) g--;
    counts[g]!++;
  }
}

function nodeColumns(inc: Incidence): ProjectionNodes {
  const n = inc.actorCount;
  const present = new Uint8Array(n);
  const events = new Int32Array(n);
  const tieEvents = new Int32Array(n);
  const firstEvent = new Int32Array(n).fill(-1);
  const lastEvent = new Int32Array(n).fill(-1);
  for (let k = 0; k < inc.eventCount; k++) {
    const e = inc.eventFrom + k;
    const tie = inc.ties[k]!;
    for (let x = inc.start[k]!, end = inc.start[k + 1]!; x < end; x++) {
      const v = inc.members[x]!;
      present[v] = 1;
      events[v]!++;
      if (tie) tieEvents[v]!++;
      if (firstEvent[v] === -1) firstEvent[v] = e;
      lastEvent[v] = e;
    }
  }
  return { present, events, tieEvents, firstEvent, lastEvent };
}

function resolved(model: AttendanceModel, options: NetworkOptions | ResolvedNetworkOptions | undefined, who: string): ResolvedNetworkOptions {
  return options && 'eventFrom' in options ? options : resolveNetworkOptions(model, options, who);
}

/**
 * Project the attendance onto people: one tie per pair of people who shared at least one tie-creating
 * event of the window. Ties are ordered by (src, tgt); `find(i, j)` looks one up.
 */
export function projectPersons(model: AttendanceModel, options?: NetworkOptions | ResolvedNetworkOptions): PersonProjection {
  const r = resolved(model, options, 'projectPersons');
  const selection = selectRows(model, r);
  const incidence = buildIncidence(model, selection, 'person');
  const cols = eventColumns(model.events, selection.eventFrom, selection.eventCount, r.eventTypeWeights);
  const table = accumulatePairs(incidence, cols.weight, cols.hours);
  const a = model.attendance;
  const organisation = new Int32Array(model.people.length).fill(-1);
  for (let i = selection.rowFrom; i < selection.rowTo; i++) {
    if (selection.rowKept[i - selection.rowFrom] === 0) continue;
    const p = a.person[i]!;
    const o = a.organisation[i]!;
    if (p >= 0 && o >= 0) organisation[p] = o;
  }
  return {
    ...table,
    level: 'person',
    options: r,
    selection,
    incidence,
    nodeCount: model.people.length,
    nodes: nodeColumns(incidence),
    organisation,
  };
}

/**
 * Project the attendance onto organisations: one tie per pair of organisations present at a common
 * tie-creating event (an organisation is present when a row names it, with or without a person).
 * `newman` counts n_e in organisations present. Also counts person pairs across and inside organisations.
 */
export function projectOrganisations(
  model: AttendanceModel,
  options?: NetworkOptions | ResolvedNetworkOptions,
  /** `personCounts: false` skips `personPairs`, `internalTies` and `people` (left at 0) for callers that need the ties only. Default: true. */
  detail: { personCounts?: boolean } = {},
): OrganisationProjection {
  const r = resolved(model, options, 'projectOrganisations');
  const selection = selectRows(model, r);
  const incidence = buildIncidence(model, selection, 'organisation');
  const cols = eventColumns(model.events, selection.eventFrom, selection.eventCount, r.eventTypeWeights);
  const table = accumulatePairs(incidence, cols.weight, cols.hours);
  const no = model.organisations.length;
  const np = model.people.length;
  const a = model.attendance;

  const personPairs = new Int32Array(table.length);
  const internalTies = new Int32Array(no);
  const people = new Int32Array(no);
  // Distinct (tie, person, person) and (organisation, person, person) triples are counted from numeric keys
  // (sorting is much faster than a Set for millions of pairs): cross pairs as (tie, pair key) grouped by tie;
  // internal pairs as one key below 2^53, else string keys in a Set.
  const np2 = np * np;
  const numeric = (no + 1) * np2 < Number.MAX_SAFE_INTEGER;
  const crossTie = createIntBuffer();
  const crossPair = createKeyBuffer();
  const internal = createKeyBuffer();
  const member = createKeyBuffer();
  const internalSeen = new Set<string>();
  const rowsP: number[] = [];
  const rowsO: number[] = [];
  for (let k = 0; k < selection.eventCount && detail.personCounts !== false; k++) {
    const e = selection.eventFrom + k;
    rowsP.length = 0;
    rowsO.length = 0;
    for (let i = a.eventStart[e]!, end = a.eventStart[e + 1]!; i < end; i++) {
      if (selection.rowKept[i - selection.rowFrom] === 0) continue;
      const p = a.person[i]!;
      const o = a.organisation[i]!;
      if (p < 0 || o < 0) continue;
      member.push(o * np + p);
      rowsP.push(p);
      rowsO.push(o);
    }
    if (!selection.tieEvent[k]) continue;
    for (let x = 0; x < rowsP.length; x++) {
      const p1 = rowsP[x]!;
      const o1 = rowsO[x]!;
      for (let y = x + 1; y < rowsP.length; y++) {
        const p2 = rowsP[y]!;
        if (p1 === p2) continue;
        const o2 = rowsO[y]!;
        if (o1 === o2) {
          const lo = p1 < p2 ? p1 : p2;
          const hi = p1 < p2 ? p2 : p1;
          if (numeric) internal.push(o1 * np2 + lo * np + hi);
          else if (!internalSeen.has(`${o1},${lo},${hi}`)) {
            internalSeen.add(`${o1},${lo},${hi}`);
            internalTies[o1]!++;
          }
        } else {
          const t = table.find(o1, o2);
          // A person tie counts once per organisation tie, whichever side each person stood on at this event
          // (two people who swap organisations between events are still one person pair).
          const pa = p1 < p2 ? p1 : p2;
          const pb = p1 < p2 ? p2 : p1;
          crossTie.push(t);
          crossPair.push(pa * np + pb);
        }
      }
    }
  }
  countDistinctByGroup(crossTie.done(), crossPair.done(), personPairs);
  if (numeric) countDistinct(internal.done(), np2, internalTies);
  countDistinct(member.done(), np, people);
  return {
    ...table,
    level: 'organisation',
    options: r,
    selection,
    incidence,
    nodeCount: no,
    nodes: nodeColumns(incidence),
    personPairs,
    internalTies,
    people,
  };
}
