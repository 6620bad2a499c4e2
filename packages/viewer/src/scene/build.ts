/**
 * Build the scene of one view from an attendance model: entities with their attended events, nodes, edges with
 * the events that made them (the co-attendance rule of core's network builders: distinct participants per event,
 * events above `maxEventSize` make no ties), date steps with window starts and fading cut-offs, and the layout.
 */
import { addMonths, isoToDay, parseDuration, subtractDuration } from '@mycorrhiza/core';
import type { AttendanceModel } from '@mycorrhiza/core';
import { layoutPositions } from './layout.js';
import { sectorColors } from './palette.js';
import {
  EDGE_ATTENDANCE,
  EDGE_MEMBERSHIP,
  EDGE_TIE,
  NODE_EVENT,
  NODE_ORGANISATION,
  NODE_PERSON,
  SCENE_DEFAULTS,
  VIEWS,
  type GrowthCounters,
  type Scene,
  type SceneOptions,
  type ViewKind,
} from './types.js';

/** Merge scene options over the defaults and check them (throws a plain Error naming the field). */
export function resolveSceneOptions(options?: SceneOptions): Required<SceneOptions> {
  const o = { ...SCENE_DEFAULTS } as Required<SceneOptions>;
  if (options) for (const [k, v] of Object.entries(options)) if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  if (!(Number.isFinite(o.strongMin) && o.strongMin >= 1)) throw new Error(`buildScene: option "strongMin" should be a number >= 1, received ${String(o.strongMin)}.`);
  if (!(Number.isInteger(o.windowMonths) && o.windowMonths >= 1)) throw new Error(`buildScene: option "windowMonths" should be an integer >= 1, received ${String(o.windowMonths)}.`);
  if (o.maxEventSize !== null && !(Number.isInteger(o.maxEventSize) && o.maxEventSize >= 2))
    throw new Error(`buildScene: option "maxEventSize" should be an integer >= 2 or null, received ${String(o.maxEventSize)}.`);
  parseDuration(o.fadeAfter, 'buildScene', 'fadeAfter');
  return o;
}

/** The view to open on for a model: organisations when there are any, people otherwise. */
export function defaultView(model: AttendanceModel): ViewKind {
  return model.organisations.length > 0 ? 'organisations' : 'people';
}

function csr(lists: number[][]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i]! + lists[i]!.length;
  const items = new Int32Array(start[lists.length]!);
  for (let i = 0; i < lists.length; i++) items.set(lists[i]!, start[i]!);
  return { start, items };
}

/** Build one view of a model, laid out. `growth` (core's growthSeries per event date) is attached as given. */
export function buildScene(model: AttendanceModel, view: ViewKind, options?: SceneOptions, growth: GrowthCounters[] | null = null): Scene {
  if (!VIEWS.includes(view)) throw new Error(`buildScene: view should be one of ${VIEWS.join(', ')}, received ${String(view)}.`);
  const o = resolveSceneOptions(options);
  const fade = parseDuration(o.fadeAfter, 'buildScene', 'fadeAfter');
  const E = model.events.length;
  const nO = model.organisations.length;
  const nP = model.people.length;
  const { person: rowPerson, organisation: rowOrg, eventStart } = model.attendance;

  // Events: days and fading cut-offs.
  const eventDate = model.events.map((e) => (model.dated ? e.date : null));
  const eventName = model.events.map((e) => e.name);
  const eventDay = new Float64Array(E);
  const eventFadeBeforeDay = new Float64Array(E);
  for (let e = 0; e < E; e++) {
    const d = eventDate[e];
    eventDay[e] = d ? isoToDay(d) : NaN;
    eventFadeBeforeDay[e] = d ? isoToDay(subtractDuration(d, fade)) : -Infinity;
  }

  // Date steps (one step when undated).
  const stepDate: (string | null)[] = [];
  const lastEvent: number[] = [];
  if (!model.dated || E === 0) {
    stepDate.push(null);
    lastEvent.push(E - 1);
  } else {
    for (let e = 0; e < E; e++) {
      if (e + 1 < E && eventDate[e + 1] === eventDate[e]) continue;
      stepDate.push(eventDate[e]!);
      lastEvent.push(e);
    }
  }
  const S = stepDate.length;
  const stepLastEvent = Int32Array.from(lastEvent);
  const stepWindowFirstEvent = new Int32Array(S);
  const stepFadeBeforeDay = new Float64Array(S);
  for (let s = 0, first = 0; s < S; s++) {
    const d = stepDate[s];
    if (!d) {
      stepFadeBeforeDay[s] = -Infinity;
      continue;
    }
    stepFadeBeforeDay[s] = isoToDay(subtractDuration(d, fade));
    // Window of N months ending on d, both ends inclusive (core's windowStart: day after d − N months).
    const startDay = isoToDay(addMonths(d, -o.windowMonths)) + 1;
    while (first < E && eventDay[first]! < startDay) first++;
    stepWindowFirstEvent[s] = first;
  }

  // Distinct participants per event, and each entity's attended events.
  const orgLists: number[][] = Array.from({ length: nO }, () => []);
  const personLists: number[][] = Array.from({ length: nP }, () => []);
  const eventPersons: Int32Array[] = new Array(E);
  const eventOrgs: Int32Array[] = new Array(E);
  const pStamp = new Int32Array(nP).fill(-1);
  const oStamp = new Int32Array(nO).fill(-1);
  for (let e = 0; e < E; e++) {
    const ps: number[] = [];
    const os: number[] = [];
    for (let r = eventStart[e]!; r < eventStart[e + 1]!; r++) {
      const p = rowPerson[r]!, org = rowOrg[r]!;
      if (p >= 0 && pStamp[p] !== e) {
        pStamp[p] = e;
        ps.push(p);
        personLists[p]!.push(e);
      }
      if (org >= 0 && oStamp[org] !== e) {
        oStamp[org] = e;
        os.push(org);
        orgLists[org]!.push(e);
      }
    }
    eventPersons[e] = Int32Array.from(ps);
    eventOrgs[e] = Int32Array.from(os);
  }
  const makesTies = (e: number): boolean => {
    if (o.maxEventSize === null) return true;
    const size = eventPersons[e]!.length > 0 ? eventPersons[e]!.length : eventOrgs[e]!.length;
    return size <= o.maxEventSize;
  };
  const orgCsr = csr(orgLists);
  const personCsr = csr(personLists);

  // Nodes of the view.
  const twoModeOnPeople = view === 'two-mode' && nO === 0;
  const withOrgs = view === 'organisations' || view === 'people-organisations' || (view === 'two-mode' && nO > 0);
  const withPeople = view === 'people' || view === 'people-organisations' || twoModeOnPeople;
  const withEvents = view === 'two-mode';
  const nodeId: string[] = [];
  const nodeLabel: string[] = [];
  const kinds: number[] = [];
  const entities: number[] = [];
  const sectorOf: (string | null)[] = [];
  const regionOf: (string | null)[] = [];
  const orgNode = new Int32Array(nO).fill(-1);
  const personNode = new Int32Array(nP).fill(-1);
  const eventNode = new Int32Array(E).fill(-1);
  const personOrg = new Int32Array(nP).fill(-1);
  for (let r = 0; r < model.attendance.length; r++) if (rowPerson[r]! >= 0 && rowOrg[r]! >= 0) personOrg[rowPerson[r]!] = rowOrg[r]!;
  if (withOrgs)
    for (const org of model.organisations) {
      orgNode[org.index] = nodeId.length;
      nodeId.push(org.id);
      nodeLabel.push(org.name);
      kinds.push(NODE_ORGANISATION);
      entities.push(org.index);
      sectorOf.push(org.sector ?? null);
      regionOf.push(org.region ?? null);
    }
  if (withPeople)
    for (const p of model.people) {
      personNode[p.index] = nodeId.length;
      nodeId.push(p.id);
      nodeLabel.push(p.name);
      kinds.push(NODE_PERSON);
      entities.push(p.index);
      const org = personOrg[p.index]!;
      sectorOf.push(org >= 0 ? (model.organisations[org]!.sector ?? null) : null);
      regionOf.push(org >= 0 ? (model.organisations[org]!.region ?? null) : null);
    }
  if (withEvents)
    for (const ev of model.events) {
      eventNode[ev.index] = nodeId.length;
      nodeId.push(ev.id);
      nodeLabel.push(ev.date ? `${ev.name} (${ev.date})` : ev.name);
      kinds.push(NODE_EVENT);
      entities.push(ev.index);
      sectorOf.push(null);
      regionOf.push(null);
    }
  const N = nodeId.length;
  const sectors = [...new Set(sectorOf.filter((s): s is string => s !== null))].sort();
  const sectorIndex = new Map(sectors.map((s, i) => [s, i]));
  const nodeSector = Int16Array.from(sectorOf, (s) => (s === null ? -1 : sectorIndex.get(s)!));
  const regions = [...new Set(regionOf.filter((s): s is string => s !== null))].sort();
  const regionIndex = new Map(regions.map((s, i) => [s, i]));
  const nodeRegion = Int16Array.from(regionOf, (s) => (s === null ? -1 : regionIndex.get(s)!));
  // Colours go to sectors by their size in the whole model (organisations, else people), so every view of the
  // same data colours a sector alike and the largest sectors get the most distinct colours.
  const sectorSize = new Map<string, number>();
  const sized: (string | null | undefined)[] = nO > 0 ? model.organisations.map((org) => org.sector) : sectorOf;
  for (const name of sized) if (name) sectorSize.set(name, (sectorSize.get(name) ?? 0) + 1);

  // Edges with the events that made them, in order of first appearance.
  const edgeMap = new Map<number, { kind: number; events: number[] }>();
  const link = (a: number, b: number, kind: number, e: number): void => {
    const key = a < b ? a * N + b : b * N + a;
    let entry = edgeMap.get(key);
    if (!entry) edgeMap.set(key, (entry = { kind, events: [] }));
    if (entry.events[entry.events.length - 1] !== e) entry.events.push(e);
  };
  const tieClique = (members: Int32Array, nodeOf: Int32Array, e: number): void => {
    for (let i = 0; i < members.length; i++) {
      const a = nodeOf[members[i]!]!;
      for (let j = i + 1; j < members.length; j++) link(a, nodeOf[members[j]!]!, EDGE_TIE, e);
    }
  };
  for (let e = 0; e < E; e++) {
    const ties = makesTies(e);
    if (view === 'organisations' && ties) tieClique(eventOrgs[e]!, orgNode, e);
    if ((view === 'people' || view === 'people-organisations') && ties) tieClique(eventPersons[e]!, personNode, e);
    if (view === 'people-organisations')
      for (let r = eventStart[e]!; r < eventStart[e + 1]!; r++)
        if (rowPerson[r]! >= 0 && rowOrg[r]! >= 0) link(personNode[rowPerson[r]!]!, orgNode[rowOrg[r]!]!, EDGE_MEMBERSHIP, e);
    if (withEvents) {
      const members = twoModeOnPeople ? eventPersons[e]! : eventOrgs[e]!;
      const nodeOf = twoModeOnPeople ? personNode : orgNode;
      for (let i = 0; i < members.length; i++) link(nodeOf[members[i]!]!, eventNode[e]!, EDGE_ATTENDANCE, e);
    }
  }
  const M = edgeMap.size;
  const edgeSource = new Int32Array(M);
  const edgeTarget = new Int32Array(M);
  const edgeKind = new Uint8Array(M);
  const edgeLists: number[][] = new Array(M);
  let m = 0;
  for (const [key, entry] of edgeMap) {
    edgeSource[m] = Math.floor(key / N);
    edgeTarget[m] = key % N;
    edgeKind[m] = entry.kind;
    edgeLists[m] = entry.events;
    m++;
  }
  const edgeCsr = csr(edgeLists);

  // First appearance of each node, for the growth-ordered seeding of the layout.
  const nodeFirst = new Int32Array(N);
  for (let v = 0; v < N; v++) {
    const ent = entities[v]!;
    const k = kinds[v]!;
    nodeFirst[v] =
      k === NODE_EVENT ? ent : k === NODE_ORGANISATION ? (orgCsr.items[orgCsr.start[ent]!] ?? E) : (personCsr.items[personCsr.start[ent]!] ?? E);
  }
  const weight = new Float32Array(M);
  for (let i = 0; i < M; i++) weight[i] = edgeCsr.start[i + 1]! - edgeCsr.start[i]!;
  const t0 = Date.now();
  const { x, y } = layoutPositions({ nodeId, nodeFirst, edgeSource, edgeTarget, edgeWeight: weight, iterations: o.layoutIterations, seed: o.layoutSeed });
  const layoutMs = Date.now() - t0;

  return {
    view,
    options: o,
    organisationCount: nO,
    personCount: nP,
    eventCount: E,
    eventDate,
    eventName,
    eventFadeBeforeDay,
    orgEventStart: orgCsr.start,
    orgEvents: orgCsr.items,
    personEventStart: personCsr.start,
    personEvents: personCsr.items,
    stepDate,
    stepLastEvent,
    stepWindowFirstEvent,
    stepFadeBeforeDay,
    eventDay,
    growth: growth && growth.length === S ? growth : null,
    nodeCount: N,
    nodeId,
    nodeLabel,
    nodeKind: Uint8Array.from(kinds),
    nodeEntity: Int32Array.from(entities),
    nodeSector,
    sectors,
    sectorColors: sectorColors(sectors, sectorSize),
    nodeRegion,
    regions,
    orgIds: model.organisations.map((o) => o.id),
    orgNames: model.organisations.map((o) => o.name),
    x,
    y,
    edgeCount: M,
    edgeSource,
    edgeTarget,
    edgeKind,
    edgeEventStart: edgeCsr.start,
    edgeEvents: edgeCsr.items,
    layoutMs,
  };
}

/** The typed-array buffers of a scene, to transfer it from a worker without copying. */
export function sceneTransferables(scene: Scene): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const v of Object.values(scene)) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.push(v.buffer);
  return [...new Set(out)];
}
