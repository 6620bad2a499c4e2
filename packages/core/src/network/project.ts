/**
 * Low-level projections of the attendance model onto people or organisations: compact typed-array results
 * (tie columns, node columns, the incidence they came from) used by the graph builders, the backbone tests,
 * the growth series and the benchmark. Newman (2001) weights, doi:10.1103/PhysRevE.64.016132.
 */
import { MycorrhizaError } from '../errors.js';
import type { AttendanceModel } from '../types.js';
import { resolveNetworkOptions, type ResolvedNetworkOptions } from './options.js';
import { accumulatePairs, eventColumns, prefixSums, type PairTable } from './pair-table.js';
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

/** Organisation index of each person's last kept row in the window that names one, or -1. */
function lastOrganisation(model: AttendanceModel, selection: Selection): Int32Array {
  const a = model.attendance;
  const organisation = new Int32Array(model.people.length).fill(-1);
  for (let i = selection.rowFrom; i < selection.rowTo; i++) {
    if (selection.rowKept[i - selection.rowFrom] === 0) continue;
    const p = a.person[i]!;
    const o = a.organisation[i]!;
    if (p >= 0 && o >= 0) organisation[p] = o;
  }
  return organisation;
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
  const organisation = lastOrganisation(model, selection);
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
  const selection = selectRows(model, r);
  const incidence = buildIncidence(model, selection, 'organisation');
  const cols = eventColumns(model.events, selection.eventFrom, selection.eventCount, r.eventTypeWeights);
  const table = accumulatePairs(incidence, cols.weight, cols.hours);
  const no = model.organisations.length;
  const personPairs = new Int32Array(table.length);
  const internalTies = new Int32Array(no);
  const people = new Int32Array(no);
  if (detail.personCounts !== false) countPersonPairs(model, selection, table, personPairs, internalTies, people);
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
 * `personPairs`, `internalTies` and `people` of the organisation projection, by the person-level marker merge:
 * the kept rows that name a person and an organisation, per tie-creating event sorted by person (a counting
 * sort, no comparison sort), and per person the positions of its rows. For each person p and each row of p,
 * the rows after it at that event are the co-attendants q >= p with their organisations; a triple
 * (p, q, organisation pair) is counted once through a marker per q (the organisation pair first met with q)
 * plus per-p overflow runs, sorted and counted after the walk, for the pairs met under several organisation
 * pairs (people who came for more than one organisation). The tie number of
 * an organisation pair comes from a dense map of the current organisation's ties, rebuilt only when the
 * organisation changes (people are visited grouped by their first organisation). Each pass is its own
 * function (see `accumulatePairs`).
 */
function countPersonPairs(
  model: AttendanceModel,
  selection: Selection,
  table: PairTable,
  personPairs: Int32Array,
  internalTies: Int32Array,
  people: Int32Array,
): void {
  const rows = personRows(model, selection);
  const lists = eventLists(model, selection, rows, people);
  const order = byFirstOrganisation(lists.firstOrg, model.organisations.length);
  const incoming = incomingTies(table, model.organisations.length);
  pairPass(model.people.length, model.organisations.length, rows, lists, order, table, incoming, personPairs, internalTies);
}

/** The kept rows naming a person and an organisation, per person (chronological), and per tie-event counts. */
interface PersonRows {
  /** Rows of person p: `pos[pStart[p] .. pStart[p+1]-1]` (row indices; then positions in the event lists). */
  pStart: Int32Array;
  pos: Int32Array;
  /** Per tie-creating local event: start of its list (CSR; other events are empty). */
  eStart: Int32Array;
}

function personRows(model: AttendanceModel, selection: Selection): PersonRows {
  const a = model.attendance;
  const np = model.people.length;
  const { rowFrom, rowTo, rowKept, eventFrom, eventCount, tieEvent } = selection;
  const pStart = new Int32Array(np + 1);
  const eStart = new Int32Array(eventCount + 1);
  for (let i = rowFrom; i < rowTo; i++) {
    if (rowKept[i - rowFrom] === 0) continue;
    const p = a.person[i]!;
    if (p < 0 || a.organisation[i]! < 0) continue;
    pStart[p + 1]!++;
    const k = a.event[i]! - eventFrom;
    if (tieEvent[k]) eStart[k + 1]!++;
  }
  prefixSums(pStart);
  prefixSums(eStart);
  const pos = new Int32Array(pStart[np]!);
  scatterRows(model, selection, pStart, pos);
  return { pStart, pos, eStart };
}

function scatterRows(model: AttendanceModel, selection: Selection, pStart: Int32Array, pos: Int32Array): void {
  const a = model.attendance;
  const { rowFrom, rowTo, rowKept } = selection;
  const fill = pStart.slice(0, model.people.length);
  for (let i = rowFrom; i < rowTo; i++) {
    if (rowKept[i - rowFrom] === 0) continue;
    const p = a.person[i]!;
    if (p < 0 || a.organisation[i]! < 0) continue;
    pos[fill[p]!++] = i;
  }
}

/** Per tie-creating event: its rows' people (ascending) and organisations; per row entry: the list's end. */
interface EventLists {
  ePerson: Int32Array;
  eOrg: Int32Array;
  /** Per entry of `PersonRows.pos`: end of its event's list (entries outside tie events have pos -1). */
  end: Int32Array;
  /** Organisation of each person's first row at a tie-creating event, or -1. */
  firstOrg: Int32Array;
}

/**
 * Count distinct people per organisation (all window events) and place each row in its event's list,
 * turning `rows.pos` into list positions (-1 outside tie-creating events). Visiting people in index order
 * sorts every event list by person.
 */
function eventLists(model: AttendanceModel, selection: Selection, rows: PersonRows, people: Int32Array): EventLists {
  const a = model.attendance;
  const np = model.people.length;
  const { eventFrom, eventCount, tieEvent } = selection;
  const { pStart, pos, eStart } = rows;
  const oMark = new Int32Array(model.organisations.length).fill(-1);
  const ePerson = new Int32Array(eStart[eventCount]!);
  const eOrg = new Int32Array(eStart[eventCount]!);
  const end = new Int32Array(pos.length);
  const eFill = eStart.slice(0, eventCount);
  const firstOrg = new Int32Array(np).fill(-1);
  for (let p = 0; p < np; p++) {
    for (let x = pStart[p]!, xEnd = pStart[p + 1]!; x < xEnd; x++) {
      const i = pos[x]!;
      const o = a.organisation[i]!;
      if (oMark[o] !== p) {
        oMark[o] = p;
        people[o]!++;
      }
      const k = a.event[i]! - eventFrom;
      if (!tieEvent[k]) {
        pos[x] = -1;
        continue;
      }
      const at = eFill[k]!++;
      ePerson[at] = p;
      eOrg[at] = o;
      pos[x] = at;
      end[x] = eStart[k + 1]!;
      if (firstOrg[p] === -1) firstOrg[p] = o;
    }
  }
  return { ePerson, eOrg, end, firstOrg };
}

/** People with a row at a tie-creating event, grouped by their first organisation (index order inside). */
function byFirstOrganisation(firstOrg: Int32Array, no: number): Int32Array {
  const np = firstOrg.length;
  const byOrg = new Int32Array(no + 1);
  for (let p = 0; p < np; p++) if (firstOrg[p]! >= 0) byOrg[firstOrg[p]! + 1]!++;
  prefixSums(byOrg);
  const order = new Int32Array(byOrg[no]!);
  for (let p = 0; p < np; p++) if (firstOrg[p]! >= 0) order[byOrg[firstOrg[p]!]!++] = p;
  return order;
}

/** Ties of each organisation with a smaller partner (the table's rows hold the larger partners): tie and partner. */
interface IncomingTies {
  inStart: Int32Array;
  inTie: Int32Array;
  inSrc: Int32Array;
}

function incomingTies(table: PairTable, no: number): IncomingTies {
  const { tgt, rowStart } = table;
  const inStart = new Int32Array(no + 1);
  for (let t = 0; t < table.length; t++) inStart[tgt[t]! + 1]!++;
  prefixSums(inStart);
  const inTie = new Int32Array(table.length);
  const inSrc = new Int32Array(table.length);
  const inFill = inStart.slice(0, no);
  // Walk the rows (not the lazily built `src` column): row o holds the ties whose smaller partner is o.
  for (let o = 0; o < no; o++) {
    for (let t = rowStart[o]!, end = rowStart[o + 1]!; t < end; t++) {
      const at = inFill[tgt[t]!]!++;
      inTie[at] = t;
      inSrc[at] = o;
    }
  }
  return { inStart, inTie, inSrc };
}

function pairPass(
  np: number,
  no: number,
  rows: PersonRows,
  lists: EventLists,
  order: Int32Array,
  table: PairTable,
  incoming: IncomingTies,
  personPairs: Int32Array,
  internalTies: Int32Array,
): void {
  const { pStart, pos } = rows;
  const { ePerson, eOrg, end } = lists;
  // Tie number by partner for the current organisation (rebuilt when the organisation changes).
  // Two such maps, the least recently used one rebuilt: a person who comes for two organisations switches
  // between them without a rebuild of the map of the group's organisation for each of its rows.
  const tiesA = new Int32Array(no);
  const tiesB = new Int32Array(no);
  let orgA = -1;
  let orgB = -1;
  let tieOf = tiesA;
  let mapOrg = -1;
  // Per q, interleaved (one cache line per visit): the last p that met q (2q), and the code first met (2q+1).
  const mark = new Int32Array(2 * np).fill(-1);
  // Overflow: the (q, code) met again under another organisation pair, as keys q·codes + code + no + 1, one
  // run per person (`runEnd[y]` = end of the run of `order[y]`), counted after the walk (`countOverflow`).
  // Every repeat meeting writes its key past the end and keeps it only when the code differs: no branch of
  // the walk is rare, so its compiled code is not thrown away on a first overflow.
  const codes = table.length + no + 1;
  if (np * codes > Number.MAX_SAFE_INTEGER)
    throw new MycorrhizaError(
      `projectOrganisations: ${np} people × ${codes} organisation-pair codes exceed the exact range of the person-pair keys (2^53). Restrict the window (from/to) or count without person pairs (personCounts: false).`,
    );
  let extra: Float64Array = new Float64Array(Math.max(1024, pos.length));
  let extraLength = 0;
  const runEnd = new Int32Array(order.length);
  for (let y = 0; y < order.length; y++) {
    const p = order[y]!;
    for (let x = pStart[p]!, xEnd = pStart[p + 1]!; x < xEnd; x++) {
      const at = pos[x]!;
      if (at < 0) continue;
      const op = eOrg[at]!;
      if (op !== mapOrg) {
        mapOrg = op;
        if (op === orgA) tieOf = tiesA;
        else if (op === orgB) tieOf = tiesB;
        else if (tieOf === tiesA) {
          orgB = op;
          tieOf = tiesB;
          mapTies(op, table, incoming, tieOf);
        } else {
          orgA = op;
          tieOf = tiesA;
          mapTies(op, table, incoming, tieOf);
        }
      }
      const zEnd = end[x]!;
      if (extraLength + (zEnd - at) > extra.length) extra = grown(extra, extraLength + (zEnd - at));
      extraLength = walkRow(p, op, at, zEnd, ePerson, eOrg, tieOf, mark, personPairs, internalTies, extra, extraLength, codes, no);
    }
    runEnd[y] = extraLength;
  }
  if (extraLength > 0) countOverflow(extra, runEnd, codes, no, personPairs, internalTies);
}

/**
 * The entries after `at` in an event list (the co-attendants q >= p of p, whose row there names `op`): count
 * each (q, code) first met, and write the key of a repeat meeting at `extraLength`, kept (the new length is
 * returned) when its code differs from the first. A small function of its own: it is compiled early and fast.
 */
function walkRow(
  p: number,
  op: number,
  at: number,
  zEnd: number,
  ePerson: Int32Array,
  eOrg: Int32Array,
  tieOf: Int32Array,
  mark: Int32Array,
  personPairs: Int32Array,
  internalTies: Int32Array,
  extra: Float64Array,
  extraLength: number,
  codes: number,
  no: number,
): number {
  for (let z = at + 1; z < zEnd; z++) {
    const q = ePerson[z]!;
    if (q === p) continue; // p's row for another organisation
    const oq = eOrg[z]!;
    // Internal pair: -1 - organisation; cross pair: the organisation tie (present: both came to a tie event).
    const code = oq === op ? -1 - op : tieOf[oq]!;
    if (mark[2 * q] !== p) {
      mark[2 * q] = p;
      mark[2 * q + 1] = code;
      if (code < 0) internalTies[-1 - code]!++;
      else personPairs[code]!++;
    } else {
      extra[extraLength] = q * codes + (code + no + 1);
      extraLength += mark[2 * q + 1] !== code ? 1 : 0;
    }
  }
  return extraLength;
}

/** Fill `tieOf[o]` with the tie number of (op, o) for every partner o of organisation op. */
function mapTies(op: number, table: PairTable, incoming: IncomingTies, tieOf: Int32Array): void {
  const { tgt, rowStart } = table;
  const { inStart, inTie, inSrc } = incoming;
  for (let t = rowStart[op]!, tEnd = rowStart[op + 1]!; t < tEnd; t++) tieOf[tgt[t]!] = t;
  for (let z = inStart[op]!, zEnd = inStart[op + 1]!; z < zEnd; z++) tieOf[inSrc[z]!] = inTie[z]!;
}

function grown(a: Float64Array, need: number): Float64Array {
  const b = new Float64Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * Count the distinct (q, code) of each person's overflow run (keys q·codes + code + no + 1, exact in doubles)
 * that were not counted as the first code met with q: a numeric sort of the run, then one count per distinct
 * key.
 */
function countOverflow(
  extra: Float64Array,
  runEnd: Int32Array,
  codes: number,
  no: number,
  personPairs: Int32Array,
  internalTies: Int32Array,
): void {
  let from = 0;
  for (let y = 0; y < runEnd.length; y++) {
    const to = runEnd[y]!;
    if (to === from) continue;
    const keys = extra.subarray(from, to).sort();
    from = to;
    for (let x = 0; x < keys.length; x++) {
      const key = keys[x]!;
      if (x > 0 && key === keys[x - 1]) continue;
      const code = (key % codes) - no - 1;
      if (code < 0) internalTies[-1 - code]!++;
      else personPairs[code]!++;
    }
  }
}
