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
 * plus a small per-p overflow list for the rare pairs met under several organisation pairs. The tie number of
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
  for (let p = 0; p < np; p++) pStart[p + 1]! += pStart[p]!;
  for (let k = 0; k < eventCount; k++) eStart[k + 1]! += eStart[k]!;
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
  for (let o = 0; o < no; o++) byOrg[o + 1]! += byOrg[o]!;
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
  const { src, tgt } = table;
  const inStart = new Int32Array(no + 1);
  for (let t = 0; t < table.length; t++) inStart[tgt[t]! + 1]!++;
  for (let o = 0; o < no; o++) inStart[o + 1]! += inStart[o]!;
  const inTie = new Int32Array(table.length);
  const inSrc = new Int32Array(table.length);
  const inFill = inStart.slice(0, no);
  for (let t = 0; t < table.length; t++) {
    const at = inFill[tgt[t]!]!++;
    inTie[at] = t;
    inSrc[at] = src[t]!;
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
  const { tgt, rowStart } = table;
  const { inStart, inTie, inSrc } = incoming;
  // Tie number by partner for the current organisation (rebuilt when the organisation changes).
  const tieOf = new Int32Array(no);
  let mapOrg = -1;
  // Per q, interleaved (one cache line per visit): the last p that met q (2q), and the code first met (2q+1).
  const mark = new Int32Array(2 * np).fill(-1);
  // Overflow of one person: (q, code) met under a second organisation pair, as alternating entries.
  let extra: Int32Array = new Int32Array(64);
  let extraLength = 0;
  for (let y = 0; y < order.length; y++) {
    const p = order[y]!;
    for (let x = pStart[p]!, xEnd = pStart[p + 1]!; x < xEnd; x++) {
      const at = pos[x]!;
      if (at < 0) continue;
      const op = eOrg[at]!;
      if (op !== mapOrg) {
        mapOrg = op;
        for (let t = rowStart[op]!, tEnd = rowStart[op + 1]!; t < tEnd; t++) tieOf[tgt[t]!] = t;
        for (let z = inStart[op]!, zEnd = inStart[op + 1]!; z < zEnd; z++) tieOf[inSrc[z]!] = inTie[z]!;
      }
      for (let z = at + 1, zEnd = end[x]!; z < zEnd; z++) {
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
        } else if (mark[2 * q + 1] !== code) {
          if (extraLength === extra.length) extra = grown(extra);
          extra[extraLength++] = q;
          extra[extraLength++] = code;
        }
      }
    }
    if (extraLength > 0) {
      countExtra(extra, extraLength, personPairs, internalTies);
      extraLength = 0;
    }
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

function countCode(code: number, personPairs: Int32Array, internalTies: Int32Array): void {
  if (code < 0) internalTies[-1 - code]!++;
  else personPairs[code]!++;
}

/**
 * Count the distinct (q, code) pairs of one person's overflow (`extra` = q0, code0, q1, code1, … up to
 * `length`): an insertion sort of the pairs in place (a person's overflow is short), then one count per run.
 */
function countExtra(extra: Int32Array, length: number, personPairs: Int32Array, internalTies: Int32Array): void {
  for (let x = 2; x < length; x += 2) {
    const q = extra[x]!;
    const code = extra[x + 1]!;
    let y = x - 2;
    while (y >= 0 && (extra[y]! > q || (extra[y] === q && extra[y + 1]! > code))) {
      extra[y + 2] = extra[y]!;
      extra[y + 3] = extra[y + 1]!;
      y -= 2;
    }
    extra[y + 2] = q;
    extra[y + 3] = code;
  }
  for (let x = 0; x < length; x += 2) {
    if (x > 0 && extra[x] === extra[x - 2] && extra[x + 1] === extra[x - 1]) continue;
    countCode(extra[x + 1]!, personPairs, internalTies);
  }
}
