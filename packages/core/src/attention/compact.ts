/**
 * Partners needing attention (PRODUCT.md §4) judged over typed arrays: a projection's node columns and its
 * CSR adjacency (neighbours ascending, i.e. in the graph builders' order) instead of a graphology graph with
 * string keys. The same reasons, numbers, sentences, scores and introductions as the graph reference
 * (test/attention/attention-reference.ts), for organisations or people. Components and articulation points / bridges by one
 * depth-first search with low-links (Hopcroft & Tarjan 1973, doi:10.1145/362248.362272); introductions ranked
 * by common partners counted in a two-step scan (triadic closure, Granovetter 1973, doi:10.1086/225469), then
 * complementary sector, both recent, main network, degree and order (`compact-introductions.ts`).
 */
import { nameKey } from '../model/identity.js';
import { buildAdjacency, type Adjacency } from '../network/adjacency.js';
import { resolveNetworkOptions, type ResolvedNetworkOptions } from '../network/options.js';
import { projectOrganisations, projectPersons, type Projection } from '../network/project.js';
import { buildIncidence, selectRows, type Selection } from '../network/selection.js';
import type { NetworkOptions, StrengthBasis } from '../network/types.js';
import { backbone } from '../ties/backbone.js';
import { tieClass } from '../ties/classify.js';
import type { AttendanceModel } from '../types.js';
import { wholeMonthsBetween } from './resolve.js';
import { compactComponents, dependenceColumns, type CompactComponents } from './structure.js';
import { createIntroducer, suggestion } from './compact-introductions.js';
import { reasonText } from './text.js';
import { ATTENTION_WEIGHTS, REASON_CODES } from './types.js';
import type { AttentionItem, AttentionLevel, AttentionReason, ReasonCode } from './types.js';

/** One level's nodes and ties as columns over the model's index space (people or organisations). */
export interface CompactLevel {
  level: AttentionLevel;
  /** `model.organisations` or `model.people` (id and name by index). */
  actors: readonly { id: string; name: string }[];
  /** 1 when the node is in the network. */
  present: Uint8Array;
  /** Events attended in the window. */
  events: Int32Array;
  /** Distinct people who came (organisation level); null at person level (one each). */
  people: Int32Array | null;
  /** Last attendance date (null for undated or absent nodes). */
  lastSeen: readonly (string | null)[];
  /** Sector as written (the organisation's; a person's is that of their organisation), or null. */
  sector: readonly (string | null)[];
  adj: Adjacency;
  /** 1 when the tie (edge number of `adj.edge`) is strong. */
  strong: Uint8Array;
}

/** What the judge needs besides the level. */
export interface CompactJudgeOptions {
  asOf: string | null;
  /** Last seen before this date (and at least two events) is `drifting`; null for undated data. */
  driftCut: string | null;
  driftAfter: string;
  strongMin: number;
  basis: StrengthBasis;
  /** Introductions per flagged node (0–3). */
  suggestions: number;
  convenor: { id: string; name: string } | null;
  /** Presence and components without the convenor and its staff (null: `convenor_dependent` is not judged). */
  without: { present: Uint8Array; comps: CompactComponents } | null;
  /** The convenor and its staff: not `convenor_dependent`, never suggested. */
  isConvenorSide: (v: number) => boolean;
}

/** The judged network: flagged items (highest score first, ties in id order) and every node's score. */
export interface CompactJudgement {
  items: AttentionItem[];
  scores: Record<string, number>;
  nodes: number;
  mainComponentSize: number;
}

/** Strong flag of every tie of a projection, as the tie profile classes it (the backbone test only for basis "significant"). */
export function strongTies(proj: Projection, r: ResolvedNetworkOptions): Uint8Array {
  const strong = new Uint8Array(proj.length);
  const significant = r.strengthBasis === 'significant' ? backbone(proj, { backbone: r.backbone, correction: r.correction, alpha: r.alpha }).significant : null;
  // `weighted` equals `shared` when every event weighs 1: read it only otherwise (reading materialises it).
  const weighted = proj.uniformWeight ? proj.shared : proj.weighted;
  for (let t = 0; t < proj.length; t++)
    strong[t] = tieClass(r.strengthBasis, r.strongMin, proj.shared[t]!, weighted[t]!, significant !== null && significant[t] === 1) === 'strong' ? 1 : 0;
  return strong;
}

function lastSeenOf(model: AttendanceModel, proj: Projection): (string | null)[] {
  const out: (string | null)[] = new Array(proj.nodeCount).fill(null);
  const { present, lastEvent } = proj.nodes;
  for (let v = 0; v < proj.nodeCount; v++) if (present[v]) out[v] = model.events[lastEvent[v]!]!.date;
  return out;
}

/**
 * Distinct people per organisation in the window, as the projection's `people` (kept rows naming both a person
 * and the organisation), without the projection's person-pair pass: rows grouped by person, one mark per pair.
 */
export function peoplePerOrganisation(model: AttendanceModel, selection: Selection): Int32Array {
  const a = model.attendance;
  const np = model.people.length, no = model.organisations.length;
  const { rowFrom, rowTo, rowKept } = selection;
  const pStart = new Int32Array(np + 1);
  for (let i = rowFrom; i < rowTo; i++) if (rowKept[i - rowFrom] && a.person[i]! >= 0 && a.organisation[i]! >= 0) pStart[a.person[i]! + 1]!++;
  for (let p = 0; p < np; p++) pStart[p + 1]! += pStart[p]!;
  const fill = pStart.slice(0, np);
  const orgOf = new Int32Array(pStart[np]!);
  for (let i = rowFrom; i < rowTo; i++) if (rowKept[i - rowFrom] && a.person[i]! >= 0 && a.organisation[i]! >= 0) orgOf[fill[a.person[i]!]!++] = a.organisation[i]!;
  const people = new Int32Array(no);
  const mark = new Int32Array(no).fill(-1);
  for (let p = 0; p < np; p++) {
    for (let x = pStart[p]!, end = pStart[p + 1]!; x < end; x++) {
      const o = orgOf[x]!;
      if (mark[o] !== p) {
        mark[o] = p;
        people[o]!++;
      }
    }
  }
  return people;
}

/** The organisation level from a projection, its distinct people per organisation, adjacency and strong flags. */
export function organisationLevel(model: AttendanceModel, proj: Projection, people: Int32Array, adj: Adjacency, strong: Uint8Array): CompactLevel {
  return {
    level: 'organisation',
    actors: model.organisations,
    present: proj.nodes.present,
    events: proj.nodes.events,
    people,
    lastSeen: lastSeenOf(model, proj),
    sector: model.organisations.map((o) => o.sector),
    adj,
    strong,
  };
}

/** Build one level of the network for `attentionReport`: projection, adjacency, strong flags. */
export function compactLevel(model: AttendanceModel, level: AttentionLevel, r: ResolvedNetworkOptions): CompactLevel {
  if (level === 'organisation') {
    // The person-pair counts of the projection are not read here: only distinct people per organisation.
    const proj = projectOrganisations(model, r, { personCounts: false });
    return organisationLevel(model, proj, peoplePerOrganisation(model, proj.selection), buildAdjacency(proj.nodeCount, proj.src, proj.tgt, proj.length), strongTies(proj, r));
  }
  const proj = projectPersons(model, r);
  const orgs = model.organisations;
  const sector: (string | null)[] = new Array(proj.nodeCount).fill(null);
  for (let v = 0; v < proj.nodeCount; v++) {
    const o = proj.organisation[v]!;
    if (proj.nodes.present[v] && o >= 0) sector[v] = orgs[o]!.sector;
  }
  return {
    level: 'person',
    actors: model.people,
    present: proj.nodes.present,
    events: proj.nodes.events,
    people: null,
    lastSeen: lastSeenOf(model, proj),
    sector,
    adj: buildAdjacency(proj.nodeCount, proj.src, proj.tgt, proj.length),
    strong: strongTies(proj, r),
  };
}

/**
 * Presence and components of one level without `exclude` (the convenor) and its staff: all
 * `convenor_dependent` needs. Two actors are tied when they share a tie-creating event, so the components of
 * the projection are those of the events' member lists (union-find), without listing the ties; numbered by
 * their earliest member, as `compactComponents` numbers them.
 */
export function compactWithout(model: AttendanceModel, level: AttentionLevel, net: NetworkOptions, exclude: string): { present: Uint8Array; comps: CompactComponents } {
  const r = resolveNetworkOptions(model, { ...net, exclude }, 'attention');
  const inc = buildIncidence(model, selectRows(model, r), level);
  const n = inc.actorCount;
  const present = new Uint8Array(n);
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) v = parent[v] = parent[parent[v]!]!;
    return v;
  };
  for (let k = 0; k < inc.eventCount; k++) {
    const from = inc.start[k]!, to = inc.start[k + 1]!;
    for (let x = from; x < to; x++) present[inc.members[x]!] = 1;
    if (!inc.ties[k] || to - from < 2) continue;
    const root = find(inc.members[from]!);
    for (let x = from + 1; x < to; x++) {
      const other = find(inc.members[x]!);
      if (other !== root) parent[other] = root;
    }
  }
  const of = new Int32Array(n).fill(-1);
  const numberOf = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  for (let v = 0; v < n; v++) {
    if (!present[v]) continue;
    const root = find(v);
    if (numberOf[root] === -1) {
      numberOf[root] = sizes.length;
      sizes.push(0);
    }
    of[v] = numberOf[root]!;
    sizes[of[v]!]!++;
  }
  let main = -1;
  sizes.forEach((size, c) => {
    if (main < 0 || size > sizes[main]!) main = c;
  });
  return { present, comps: { of, sizes, main } };
}

/** Judge every node of one level: reasons, scores and introductions, as the graph reference does. */
export function judgeCompact(L: CompactLevel, o: CompactJudgeOptions): CompactJudgement {
  const { level, actors, present, events, people, lastSeen, adj, strong: strongTie } = L;
  const { start, neighbour, edge } = adj;
  const n = present.length;
  const degreeOf = (v: number): number => start[v + 1]! - start[v]!;

  // Sector keys as small numbers (-1: none); node order (1-based rank among present nodes).
  const sectorIds = new Map<string, number>();
  const sector = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  let nodes = 0;
  for (let v = 0; v < n; v++) {
    if (!present[v]) continue;
    order[v] = ++nodes;
    const s = L.sector[v];
    if (s != null) {
      const k = nameKey(s);
      let id = sectorIds.get(k);
      if (id === undefined) sectorIds.set(k, (id = sectorIds.size));
      sector[v] = id;
    }
  }

  const comps = compactComponents(present, start, neighbour);
  const mainSize = comps.main >= 0 ? comps.sizes[comps.main]! : 0;
  const inMain = (c: CompactComponents, v: number): boolean => c.of[v] === c.main && c.sizes[c.main]! > 1;
  const dep = comps.main >= 0 && mainSize > 1 ? mainDependence(comps, adj) : null;
  const without = o.without;
  const mainSizeWithout = without && without.comps.main >= 0 ? without.comps.sizes[without.comps.main]! : 0;

  const scores: Record<string, number> = {};
  const items: AttentionItem[] = [];
  for (let v = 0; v < n; v++) {
    if (!present[v]) continue;
    const id = actors[v]!.id;
    const ev = events[v]!;
    const last = lastSeen[v] ?? null;
    const degree = degreeOf(v);
    let strong = 0, ownSector = 0;
    const key = sector[v]!;
    for (let x = start[v]!, end = start[v + 1]!; x < end; x++) {
      if (strongTie[edge[x]!]) strong++;
      if (key >= 0 && sector[neighbour[x]!] === key) ownSector++;
    }
    const found: [ReasonCode, Record<string, number | string | null>][] = [];
    if (degree === 0) found.push(['isolated', { ties: 0, events: ev }]);
    if (degree > 0 && strong === 0) found.push(['only_weak', { ties: degree, strong_ties: 0, strong_min: o.strongMin, basis: o.basis }]);
    if (people !== null && people[v] === 1) found.push(['single_contact', { people: 1 }]);
    if (ev === 1) found.push(['one_timer', { events: 1, last_seen: last }]);
    if (o.driftCut !== null && o.asOf !== null && ev >= 2 && last !== null && last < o.driftCut)
      found.push(['drifting', { last_seen: last, months_silent: wholeMonthsBetween(last, o.asOf), events: ev, as_of: o.asOf }]);
    if (degree > 0 && !inMain(comps, v)) found.push(['outside_main', { component_size: comps.sizes[comps.of[v]!]!, main_size: mainSize }]);
    if (dep !== null && dep.has[v]) {
      const through = dep.through[v]!, near = dep.near[v]!;
      found.push(['bridge_dependent', {
          via: dep.tie[v] ? 'tie' : level,
          through: actors[through]!.id,
          through_name: actors[through]!.name,
          near: near < 0 ? null : actors[near]!.id,
          near_name: near < 0 ? null : actors[near]!.name,
          cut_off: dep.cutOff[v]!,
        }]);
    }
    if (degree > 0 && key >= 0 && ownSector === degree) found.push(['own_sector_only', { ties: degree, sector: L.sector[v] ?? null }]);
    if (without && !o.isConvenorSide(v) && inMain(comps, v)) {
      const stillMain = without.present[v] === 1 && inMain(without.comps, v);
      if (!stillMain)
        found.push(['convenor_dependent', { convenor: o.convenor!.id, convenor_name: o.convenor!.name, main_size_without: mainSizeWithout }]);
    }
    found.sort((a, b) => REASON_CODES.indexOf(a[0]) - REASON_CODES.indexOf(b[0]));
    const reasons: AttentionReason[] = found.map(([code, numbers]) => ({ code, numbers, text: reasonText(code, numbers, level) }));
    const score = reasons.reduce((s, r) => s + ATTENTION_WEIGHTS[r.code], 0);
    scores[id] = score;
    if (reasons.length) items.push({ id, name: actors[v]!.name, score, reasons, suggestions: [] });
  }
  items.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  if (o.suggestions > 0 && items.length) {
    const index = new Map<string, number>();
    for (let v = 0; v < n; v++) if (present[v]) index.set(actors[v]!.id, v);
    const main = new Uint8Array(n);
    for (let v = 0; v < n; v++) if (present[v] && comps.of[v] === comps.main) main[v] = 1;
    // Everyone in (main, degree desc, order) order: the tail of the ranking once common partners are used up.
    const ranked = Int32Array.from(index.values()).sort((a, b) => main[b]! - main[a]! || degreeOf(b) - degreeOf(a) || order[a]! - order[b]!);
    const introduce = createIntroducer(n, sectorIds.size, o.driftCut, { start, neighbour, main, order, sector, lastSeen, ranked, degreeOf, actors });
    for (const item of items) {
      const x = index.get(item.id)!;
      item.suggestions = introduce(x, o.suggestions, o.isConvenorSide).map((c) => suggestion(L, c, o.driftAfter));
    }
  }
  return { items, scores, nodes, mainComponentSize: mainSize };
}

/** `dependence` over the main component, as columns over the level's index space. */
function mainDependence(comps: CompactComponents, adj: Adjacency) {
  const { start, neighbour } = adj;
  const n = comps.of.length;
  const pos = new Int32Array(n).fill(-1);
  let m = 0;
  for (let v = 0; v < n; v++) if (comps.of[v] === comps.main) pos[v] = m++;
  const members = new Int32Array(m);
  const mStart = new Int32Array(m + 1);
  for (let v = 0; v < n; v++) {
    const i = pos[v]!;
    if (i < 0) continue;
    members[i] = v;
    mStart[i + 1] = mStart[i]! + start[v + 1]! - start[v]!;
  }
  // A component is closed under neighbours: every neighbour of a member is a member.
  const list = new Int32Array(mStart[m]!);
  for (let i = 0; i < m; i++) {
    const v = members[i]!;
    for (let k = start[v]!, at = mStart[i]!; k < start[v + 1]!; k++, at++) list[at] = pos[neighbour[k]!]!;
  }
  const d = dependenceColumns(m, mStart, list);
  const has = new Uint8Array(n), tie = new Uint8Array(n);
  const through = new Int32Array(n).fill(-1), near = new Int32Array(n).fill(-1), cutOff = new Int32Array(n);
  for (let i = 0; i < m; i++) {
    if (!d.has[i]) continue;
    const v = members[i]!;
    has[v] = 1;
    tie[v] = d.tie[i]!;
    through[v] = members[d.through[i]!]!;
    near[v] = d.near[i]! < 0 ? -1 : members[d.near[i]!]!;
    cutOff[v] = d.cutOff[i]!;
  }
  return { has, tie, through, near, cutOff };
}
