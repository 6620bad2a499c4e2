/**
 * Low-level projections of the attendance model onto people or organisations: compact typed-array results
 * (tie columns, node columns, the incidence they came from) used by the graph builders, the backbone tests,
 * the growth series and the benchmark. Newman (2001) weights, doi:10.1103/PhysRevE.64.016132.
 */
import { MycorrhizaError } from '../errors.js';
import type { AttendanceModel } from '../types.js';
import { resolveNetworkOptions, type ResolvedNetworkOptions } from './options.js';
import { accumulatePairs, eventColumns, type PairTable } from './pair-table.js';
import { prefixSums, selectAndIndex, type Incidence, type Selection } from './selection.js';
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

/** Node columns, from the incidence's transpose (each actor's events, ascending) when it has one. */
function nodeColumns(inc: Incidence): ProjectionNodes {
  const n = inc.actorCount;
  const present = new Uint8Array(n);
  const events = new Int32Array(n);
  const tieEvents = new Int32Array(n);
  const firstEvent = new Int32Array(n).fill(-1);
  const lastEvent = new Int32Array(n).fill(-1);
  const { actorStart, actorEvent, ties, eventFrom } = inc;
  if (actorStart !== undefined && actorEvent !== undefined) {
    for (let v = 0; v < n; v++) {
      const lo = actorStart[v]!;
      const hi = actorStart[v + 1]!;
      if (lo === hi) continue;
      present[v] = 1;
      events[v] = hi - lo;
      let tie = 0;
      for (let x = lo; x < hi; x++) tie += ties[actorEvent[x]!]!;
      tieEvents[v] = tie;
      firstEvent[v] = eventFrom + actorEvent[lo]!;
      lastEvent[v] = eventFrom + actorEvent[hi - 1]!;
    }
    return { present, events, tieEvents, firstEvent, lastEvent };
  }
  for (let k = 0; k < inc.eventCount; k++) {
    const e = eventFrom + k;
    const tie = ties[k]!;
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
  const organisation = new Int32Array(model.people.length).fill(-1);
  const { selection, incidence } = selectAndIndex(model, r, 'person', { last: organisation, first: null, several: null });
  const cols = eventColumns(model.events, selection.eventFrom, selection.eventCount, r.eventTypeWeights);
  const table = accumulatePairs(incidence, cols.weight, cols.hours);
  // Object.assign keeps the table's lazily materialised columns (a spread would read them).
  return Object.assign(table, {
    level: 'person' as const,
    options: r,
    selection,
    incidence,
    nodeCount: model.people.length,
    nodes: nodeColumns(incidence),
    organisation,
  });
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
  const counts = detail.personCounts !== false;
  const np = model.people.length;
  const orgs = counts ? { last: null, first: new Int32Array(np).fill(-1), several: new Uint8Array(np) } : null;
  const { selection, incidence } = selectAndIndex(model, r, 'organisation', orgs);
  const cols = eventColumns(model.events, selection.eventFrom, selection.eventCount, r.eventTypeWeights);
  const table = accumulatePairs(incidence, cols.weight, cols.hours);
  const no = model.organisations.length;
  const personPairs = new Int32Array(table.length);
  const internalTies = new Int32Array(no);
  const people = new Int32Array(no);
  if (orgs !== null) countPersonPairs(model, selection, orgs.first, orgs.several, table, personPairs, internalTies, people);
  return Object.assign(table, {
    level: 'organisation' as const,
    options: r,
    selection,
    incidence,
    nodeCount: no,
    nodes: nodeColumns(incidence),
    personPairs,
    internalTies,
    people,
  });
}

/**
 * `personPairs`, `internalTies` and `people` of the organisation projection: per organisation tie, the
 * distinct triples (person p, person q, the tie of the organisations on their rows) of people who shared a
 * tie-creating event; per organisation, the distinct pairs of its people who did so while both came for it.
 * A person comes for one organisation (nearly everyone) or for several; each (person, organisation) of the
 * window is an affiliation: the person's index for the former, an index past the people for the latter.
 * Two pairs of affiliations give the same triple only when both people come for the same two organisations
 * the other way round, so:
 * - every pair of affiliations but those of two people who both come for several is counted once, by a
 *   marker walk over per-event lists sorted by (organisation, affiliation): the entries after (A, u) are the
 *   partners (B, w) with B > A, or B = A and w > u, so each pair is met from one side only, and the counts of
 *   organisation A's group go to A's own row of ties (`affiliationPairs`; no sort, no per-pair branch);
 * - pairs of two people who both come for several list their (partner, organisation pair) keys from the
 *   smaller person's side, sorted and counted once each (`multiPairs`).
 * Each pass is its own function (see `accumulatePairs`).
 */
function countPersonPairs(
  model: AttendanceModel,
  selection: Selection,
  firstOrg: Int32Array,
  multi: Uint8Array,
  table: PairTable,
  personPairs: Int32Array,
  internalTies: Int32Array,
  people: Int32Array,
): void {
  const np = model.people.length;
  const no = model.organisations.length;
  const codes = table.length + no + 1;
  if (np * codes > Number.MAX_SAFE_INTEGER)
    throw new MycorrhizaError(
      `projectOrganisations: ${np} people × ${codes} organisation-pair codes exceed the exact range of the person-pair keys (2^53). Restrict the window (from/to) or count without person pairs (personCounts: false).`,
    );
  const aff = affiliations(model, selection, firstOrg, multi);
  for (let u = 0; u < aff.count; u++) if (aff.org[u]! >= 0) people[aff.org[u]!]!++;
  const lists = affiliationLists(model, selection, aff, no);
  affiliationPairs(lists, table, no, np, aff.count, personPairs, internalTies);
  if (aff.count > np) multiPairs(lists, aff, multi, table, codes, no, personPairs, internalTies);
}

/** The affiliations of the window's kept rows that name a person and an organisation, with their rows at tie-creating events counted. */
interface Affiliations {
  /** Number of affiliations: the people, then one per organisation of each person who comes for several, in order of first row. */
  count: number;
  /** Organisation of each affiliation (-1: a person without such a row, or who comes for several). */
  org: Int32Array;
  /** Per person who comes for several: a list of its affiliations (index - people), from `head[p]` through `next` to -1. */
  head: Int32Array;
  next: Int32Array;
  /** Affiliation of each row (offset from `rowFrom`; -1: no person or no organisation, or not kept). */
  rowAff: Int32Array;
  /** Rows of each affiliation at tie-creating events; rows of each local event that name a person and an organisation. */
  rows: Int32Array;
  eventRows: Int32Array;
}

function affiliations(model: AttendanceModel, selection: Selection, firstOrg: Int32Array, multi: Uint8Array): Affiliations {
  const a = model.attendance;
  const np = firstOrg.length;
  const { rowFrom, rowTo, rowKept, eventFrom, tieEvent } = selection;
  const rowAff = new Int32Array(rowTo - rowFrom).fill(-1);
  let rows: Int32Array = new Int32Array(np + 64);
  const eventRows = new Int32Array(selection.eventCount);
  const head = new Int32Array(np).fill(-1);
  let org: Int32Array = new Int32Array(64);
  let next: Int32Array = new Int32Array(64);
  let combos = 0;
  for (let i = rowFrom; i < rowTo; i++) {
    if (rowKept[i - rowFrom] === 0) continue;
    const p = a.person[i]!;
    const o = a.organisation[i]!;
    if (p < 0 || o < 0) continue;
    let u = p;
    if (multi[p] === 1) {
      let c = head[p]!;
      while (c >= 0 && org[c] !== o) c = next[c]!;
      if (c < 0) {
        if (combos === org.length) {
          org = grownInt(org, 2 * combos);
          next = grownInt(next, 2 * combos);
          rows = grownInt(rows, np + 2 * combos);
        }
        c = combos++;
        org[c] = o;
        next[c] = head[p]!;
        head[p] = c;
      }
      u = np + c;
    }
    rowAff[i - rowFrom] = u;
    const k = a.event[i]! - eventFrom;
    if (tieEvent[k] === 0) continue;
    rows[u]!++;
    eventRows[k]!++;
  }
  const all = new Int32Array(np + combos);
  for (let p = 0; p < np; p++) all[p] = multi[p] === 1 ? -1 : firstOrg[p]!;
  all.set(org.subarray(0, combos), np);
  return { count: np + combos, org: all, head, next, rowAff, rows, eventRows };
}

function grownInt(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** The affiliations' rows at tie-creating events, per event sorted by (organisation, affiliation). */
interface AffiliationLists {
  /** Per organisation A: its affiliations with such rows, ascending: `oAff[oStart[A] .. oStart[A+1]-1]`. */
  oStart: Int32Array;
  oAff: Int32Array;
  /**
   * The rows, grouped by affiliation in the order of `oAff` (so a walk in that order reads them in order):
   * those of `oAff[y]` are `yStart[y] .. yStart[y+1]-1`; `uStart[u]` is the first row of affiliation u.
   */
  yStart: Int32Array;
  uStart: Int32Array;
  /** Local event of each row, its position in the event's list, and the list's end. */
  rowEvent: Int32Array;
  rowAt: Int32Array;
  rowEnd: Int32Array;
  /** Start of each local event's list. */
  eStart: Int32Array;
  /** Event lists: affiliation and organisation of each entry. */
  eAff: Int32Array;
  eOrg: Int32Array;
}

function affiliationLists(model: AttendanceModel, selection: Selection, aff: Affiliations, no: number): AffiliationLists {
  const nu = aff.count;
  const { org, rows } = aff;
  const oStart = new Int32Array(no + 1);
  for (let u = 0; u < nu; u++) if (rows[u]! > 0) oStart[org[u]! + 1]!++;
  prefixSums(oStart);
  const oAff = new Int32Array(oStart[no]!);
  const yStart = new Int32Array(oAff.length + 1);
  const uStart = new Int32Array(nu);
  bucketAffiliations(nu, org, rows, oStart, oAff, yStart, uStart);
  const eStart = new Int32Array(selection.eventCount + 1);
  eStart.set(aff.eventRows, 1);
  prefixSums(eStart);
  const rowEvent = new Int32Array(yStart[oAff.length]!);
  placeAffiliationRows(model, selection, aff.rowAff, uStart, rowEvent);
  const eAff = new Int32Array(rowEvent.length);
  const eOrg = new Int32Array(rowEvent.length);
  const rowAt = new Int32Array(rowEvent.length);
  const rowEnd = new Int32Array(rowEvent.length);
  placeEventLists(no, oStart, oAff, yStart, rowEvent, eStart, eAff, eOrg, rowAt, rowEnd);
  return { oStart, oAff, yStart, uStart, rowEvent, rowAt, rowEnd, eStart, eAff, eOrg };
}

function bucketAffiliations(
  nu: number,
  org: Int32Array,
  rows: Int32Array,
  oStart: Int32Array,
  oAff: Int32Array,
  yStart: Int32Array,
  uStart: Int32Array,
): void {
  const oFill = oStart.slice(0, oStart.length - 1);
  for (let u = 0; u < nu; u++) if (rows[u]! > 0) oAff[oFill[org[u]!]!++] = u;
  for (let y = 0, run = 0; y < oAff.length; y++) {
    const u = oAff[y]!;
    uStart[u] = run;
    run += rows[u]!;
    yStart[y + 1] = run;
  }
}

function placeAffiliationRows(model: AttendanceModel, selection: Selection, rowAff: Int32Array, uStart: Int32Array, rowEvent: Int32Array): void {
  const ev = model.attendance.event;
  const { rowFrom, rowTo, eventFrom, tieEvent } = selection;
  const fill = uStart.slice();
  for (let i = rowFrom; i < rowTo; i++) {
    const u = rowAff[i - rowFrom]!;
    if (u < 0) continue;
    const k = ev[i]! - eventFrom;
    if (tieEvent[k] === 0) continue;
    rowEvent[fill[u]!++] = k;
  }
}

/** Fill the event lists by organisation, then affiliation (so each list comes out sorted by both), noting each row's position. */
function placeEventLists(
  no: number,
  oStart: Int32Array,
  oAff: Int32Array,
  yStart: Int32Array,
  rowEvent: Int32Array,
  eStart: Int32Array,
  eAff: Int32Array,
  eOrg: Int32Array,
  rowAt: Int32Array,
  rowEnd: Int32Array,
): void {
  const eFill = eStart.slice(0, eStart.length - 1);
  for (let o = 0; o < no; o++) {
    for (let y = oStart[o]!, yEnd = oStart[o + 1]!; y < yEnd; y++) {
      const u = oAff[y]!;
      for (let x = yStart[y]!, xEnd = yStart[y + 1]!; x < xEnd; x++) {
        const k = rowEvent[x]!;
        const at = eFill[k]!++;
        eAff[at] = u;
        eOrg[at] = o;
        rowAt[x] = at;
        rowEnd[x] = eStart[k + 1]!;
      }
    }
  }
}

/**
 * The pairs of affiliations (see `countPersonPairs`). For each affiliation u of organisation A and each of
 * its rows, the entries after it in the event list are the partners met from this side (those of A, then of
 * organisations B > A). `mark[w] = u` once u met w; a pair counts at its first meeting only, added without a
 * branch ((d | -d) >>> 31 is 1 for d ≠ 0) to `count[B]`, the pairs of A's group with organisation B; after
 * the group, `count[A]` goes to A's internal ties and the others to A's row of ties (each B met is a tie of
 * A: both came to a tie-creating event). The affiliations of people who come for several (u >= np) skip each
 * other (and so themselves): `multiPairs` counts those pairs.
 */
function affiliationPairs(
  lists: AffiliationLists,
  table: PairTable,
  no: number,
  np: number,
  nu: number,
  personPairs: Int32Array,
  internalTies: Int32Array,
): void {
  const { oStart, oAff, yStart, rowAt, rowEnd, eAff, eOrg } = lists;
  const { tgt, rowStart } = table;
  const count = new Int32Array(no);
  const mark = new Int32Array(nu).fill(-1);
  for (let o = 0; o < no; o++) {
    const yFrom = oStart[o]!;
    const yEnd = oStart[o + 1]!;
    if (yFrom === yEnd) continue;
    for (let y = yFrom; y < yEnd; y++) {
      const u = oAff[y]!;
      if (u >= np) {
        multiWalk(u, np, yStart[y]!, yStart[y + 1]!, rowAt, rowEnd, eAff, eOrg, mark, count);
        continue;
      }
      mark[u] = u; // u's own entries (a repeated row) are not partners
      for (let x = yStart[y]!, xEnd = yStart[y + 1]!; x < xEnd; x++) walkSuffix(u, rowAt[x]! + 1, rowEnd[x]!, eAff, eOrg, mark, count);
    }
    internalTies[o]! += count[o]!;
    count[o] = 0;
    for (let t = rowStart[o]!, tEnd = rowStart[o + 1]!; t < tEnd; t++) {
      const b = tgt[t]!;
      personPairs[t]! += count[b]!;
      count[b] = 0;
    }
  }
}

/**
 * The entries z .. zEnd-1 of an event list met by affiliation u (see `affiliationPairs`). A small function of
 * its own: called once per row, it is compiled early, before the long walk that calls it.
 */
function walkSuffix(u: number, z: number, zEnd: number, eAff: Int32Array, eOrg: Int32Array, mark: Int32Array, count: Int32Array): void {
  for (; z < zEnd; z++) {
    const w = eAff[z]!;
    const d = mark[w]! ^ u;
    mark[w] = u;
    count[eOrg[z]!]! += (d | -d) >>> 31;
  }
}

/** The walk of an affiliation of someone who comes for several: the same, skipping every such affiliation. */
function multiWalk(
  u: number,
  np: number,
  xFrom: number,
  xEnd: number,
  rowAt: Int32Array,
  rowEnd: Int32Array,
  eAff: Int32Array,
  eOrg: Int32Array,
  mark: Int32Array,
  count: Int32Array,
): void {
  for (let x = xFrom; x < xEnd; x++) {
    for (let z = rowAt[x]! + 1, zEnd = rowEnd[x]!; z < zEnd; z++) {
      const w = eAff[z]!;
      if (w >= np || mark[w] === u) continue;
      mark[w] = u;
      count[eOrg[z]!]!++;
    }
  }
}

/**
 * The pairs of two people who both come for several organisations, from the smaller person's side: a key per
 * meeting for (partner, organisation pair), gathered per person (`multiKeys`), then sorted (exact in doubles)
 * and counted once each. The key is (rank of q among these people · no + lo) · no + hi for the organisations
 * lo ≤ hi on the two rows, and the ties of the distinct cross pairs are then found row by row (`countMulti`);
 * when that key would pass 2^53, it is q·codes + code + no + 1 with the tie found at once (code: the
 * organisation tie, or -1 - organisation for an internal pair).
 */
function multiPairs(
  lists: AffiliationLists,
  aff: Affiliations,
  multi: Uint8Array,
  table: PairTable,
  codes: number,
  no: number,
  personPairs: Int32Array,
  internalTies: Int32Array,
): void {
  const { eStart, eAff, eOrg } = lists;
  const { head, next } = aff;
  const np = head.length;
  // Person of each affiliation past the people, and the rank of each such person.
  const person = new Int32Array(aff.count - np);
  const rank = new Int32Array(np);
  let ranks = 0;
  for (let p = 0; p < np; p++) {
    if (multi[p] === 0) continue;
    rank[p] = ranks++;
    for (let c = head[p]!; c >= 0; c = next[c]!) person[c] = p;
  }
  const wide = ranks * no * no > Number.MAX_SAFE_INTEGER;
  // Per event, its entries of such affiliations (in list order), person and organisation:
  // `mPerson[mStart[k] .. mStart[k+1]-1]`, `mOrg[...]`.
  const eventCount = eStart.length - 1;
  const mStart = new Int32Array(eventCount + 1);
  for (let k = 0; k < eventCount; k++) {
    let c = 0;
    for (let z = eStart[k]!, end = eStart[k + 1]!; z < end; z++) if (eAff[z]! >= np) c++;
    mStart[k + 1] = mStart[k]! + c;
  }
  const mPerson = new Int32Array(mStart[eventCount]!);
  const mOrg = new Int32Array(mPerson.length);
  for (let z = 0, at = 0; z < eAff.length; z++) {
    const w = eAff[z]!;
    if (w < np) continue;
    mPerson[at] = person[w - np]!;
    mOrg[at++] = eOrg[z]!;
  }
  const { keys, keyStart } = multiKeys(lists, aff, multi, rank, wide, mStart, mPerson, mOrg, table, codes, no);
  countMulti(keys, keyStart, wide, table, codes, no, personPairs, internalTies);
}

/** The keys of `multiPairs`, those of the y-th person who comes for several at `keys[keyStart[y] .. keyStart[y+1]-1]`. */
function multiKeys(
  lists: AffiliationLists,
  aff: Affiliations,
  multi: Uint8Array,
  rank: Int32Array,
  wide: boolean,
  mStart: Int32Array,
  mPerson: Int32Array,
  mOrg: Int32Array,
  table: PairTable,
  codes: number,
  no: number,
): { keys: Float64Array; keyStart: Int32Array } {
  const { uStart, rowEvent } = lists;
  const { org, head, next, rows } = aff;
  const { rowStart, tgt } = table;
  const np = head.length;
  // At most one key per (row, entry of such an affiliation at the row's event).
  let bound = 0;
  for (let u = np; u < aff.count; u++) for (let x = uStart[u]!, xEnd = x + rows[u]!; x < xEnd; x++) bound += mStart[rowEvent[x]! + 1]! - mStart[rowEvent[x]!]!;
  const keys = new Float64Array(bound);
  const keyStart = new Int32Array(aff.count - np + 1);
  let n = 0;
  let y = 0;
  for (let p = 0; p < np; p++) {
    if (multi[p] === 0) continue;
    for (let c = head[p]!; c >= 0; c = next[c]!) {
      const u = np + c;
      const op = org[u]!;
      for (let x = uStart[u]!, xEnd = x + rows[u]!; x < xEnd; x++) {
        // The event's entries of such affiliations: the partner may come before or after.
        const k = rowEvent[x]!;
        for (let w = mStart[k]!, end = mStart[k + 1]!; w < end; w++) {
          const q = mPerson[w]!;
          if (q <= p) continue;
          const oq = mOrg[w]!;
          if (wide) keys[n++] = q * codes + ((oq === op ? -1 - op : findTie(rowStart, tgt, op, oq)) + no + 1);
          else keys[n++] = (rank[q]! * no + (op < oq ? op : oq)) * no + (op < oq ? oq : op);
        }
      }
    }
    keyStart[++y] = n;
  }
  return { keys, keyStart: keyStart.subarray(0, y + 1) };
}

/**
 * Count the distinct keys of each person's run. Narrow keys: internal pairs at once; the cross pairs (lo, hi)
 * listed, then grouped by lo and found through a map of lo's row of ties.
 */
function countMulti(
  keys: Float64Array,
  keyStart: Int32Array,
  wide: boolean,
  table: PairTable,
  codes: number,
  no: number,
  personPairs: Int32Array,
  internalTies: Int32Array,
): void {
  const lo = new Int32Array(keys.length);
  const hi = new Int32Array(keys.length);
  let pending = 0;
  for (let y = 0; y + 1 < keyStart.length; y++) {
    const from = keyStart[y]!;
    const to = keyStart[y + 1]!;
    if (from === to) continue;
    const sorted = keys.subarray(from, to).sort();
    for (let x = 0; x < sorted.length; x++) {
      const key = sorted[x]!;
      if (x > 0 && key === sorted[x - 1]) continue;
      if (wide) {
        const code = (key % codes) - no - 1;
        if (code < 0) internalTies[-1 - code]!++;
        else personPairs[code]!++;
        continue;
      }
      // Exact: key < 2^53 (no fmod, which is slow on doubles).
      const upper = Math.floor(key / no);
      const b = key - upper * no;
      const a = upper - Math.floor(upper / no) * no;
      if (a === b) internalTies[a]!++;
      else {
        lo[pending] = a;
        hi[pending++] = b;
      }
    }
  }
  if (pending === 0) return;
  // Group by lo (counting sort), then map each lo's row once.
  const { rowStart, tgt } = table;
  const byLo = new Int32Array(no + 1);
  for (let x = 0; x < pending; x++) byLo[lo[x]! + 1]!++;
  prefixSums(byLo);
  const his = new Int32Array(pending);
  const fill = byLo.slice(0, no);
  for (let x = 0; x < pending; x++) his[fill[lo[x]!]!++] = hi[x]!;
  const tieOf = new Int32Array(no);
  for (let a = 0; a < no; a++) {
    const from = byLo[a]!;
    const to = byLo[a + 1]!;
    if (from === to) continue;
    for (let t = rowStart[a]!, tEnd = rowStart[a + 1]!; t < tEnd; t++) tieOf[tgt[t]!] = t;
    for (let x = from; x < to; x++) personPairs[tieOf[his[x]!]!]!++;
  }
}

/** Tie number of organisations a ≠ b that have one: a binary search in the row of the smaller. */
function findTie(rowStart: Int32Array, tgt: Int32Array, a: number, b: number): number {
  const i = a < b ? a : b;
  const j = a < b ? b : a;
  let lo = rowStart[i]!;
  let hi = rowStart[i + 1]! - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tgt[mid]! < j) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
