/**
 * Partners needing attention (PRODUCT.md §4) judged on the organisation projection the analysis already
 * holds, instead of a graphology graph: the same reasons, numbers, sentences, scores and introductions as
 * `attention(model, { level: "organisation" })`, with components and articulation points / bridges from the
 * attention module's own `componentIndex` and `dependence` (Hopcroft & Tarjan 1973, doi:10.1145/362248.362272)
 * over a CSR view, and introductions ranked over integer columns (common partners by a two-step scan,
 * Granovetter 1973, doi:10.1086/225469; then complementary sector, both recent, main network, degree, order)
 * in O(n + Σ neighbour degrees) per flagged organisation instead of a pass over every node with string keys.
 */
import { findConvenor, wholeMonthsBetween } from '../attention/attention.js';
import { componentIndex, dependence, type ComponentIndex, type StructureGraph } from '../attention/structure.js';
import { reasonText, suggestionText } from '../attention/text.js';
import { ATTENTION_WEIGHTS, REASON_CODES, type ReasonCode, type SuggestionCode } from '../attention/types.js';
import { parseDuration, subtractDuration } from '../model/dates.js';
import { nameKey } from '../model/identity.js';
import type { Adjacency } from '../network/adjacency.js';
import { buildAdjacency } from '../network/adjacency.js';
import type { ResolvedNetworkOptions } from '../network/options.js';
import { projectOrganisations, type OrganisationProjection } from '../network/project.js';
import type { NetworkOptions } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import type { AttentionEntry, AttentionSuggestion } from './types.js';

/** Options of `compactAttention` (as `attentionEntries`). */
export interface CompactAttentionOptions {
  net: NetworkOptions;
  resolved: ResolvedNetworkOptions;
  driftAfter: string;
  convenor: string | null;
  /** Introductions per flagged organisation (0–3). Default: 3. */
  suggestions?: number;
}

interface View {
  present: Uint8Array;
  adj: Adjacency;
  index: Map<string, number>;
}

function viewOf(model: AttendanceModel, proj: OrganisationProjection, adj: Adjacency | null = null): View {
  const index = new Map<string, number>();
  for (let v = 0; v < proj.nodeCount; v++) if (proj.nodes.present[v]) index.set(model.organisations[v]!.id, v);
  return { present: proj.nodes.present, adj: adj ?? buildAdjacency(proj.nodeCount, proj.src, proj.tgt, proj.length), index };
}

/** The graph interface of the attention module's structure functions, over a CSR (same node and neighbour order as the graph). */
function structureOf(model: AttendanceModel, view: View): StructureGraph {
  const ids = model.organisations;
  const { start, neighbour } = view.adj;
  return {
    forEachNode(cb: (node: string) => void): void {
      for (let v = 0; v < view.present.length; v++) if (view.present[v]) cb(ids[v]!.id);
    },
    forEachNeighbor(node: string, cb: (neighbor: string) => void): void {
      const v = view.index.get(node)!;
      for (let x = start[v]!, end = start[v + 1]!; x < end; x++) cb(ids[neighbour[x]!]!.id);
    },
    hasNode: (node: string): boolean => view.index.has(node),
  };
}

function inMain(c: ComponentIndex, id: string): boolean {
  return c.of.get(id) === c.main && c.sizes[c.main]! > 1;
}

/**
 * Flagged organisations, highest score first, with reasons and introductions — equal to `attentionEntries` on
 * the same model and options. `proj` / `adj` / `strong` are the analysis' organisation projection, its
 * adjacency and its strong-tie flags.
 */
export function compactAttention(model: AttendanceModel, proj: OrganisationProjection, adj: Adjacency, strongTie: Uint8Array, o: CompactAttentionOptions): AttentionEntry[] {
  const level = 'organisation' as const;
  const max = o.suggestions ?? 3;
  const drift = parseDuration(o.driftAfter, 'attention', 'driftAfter');
  const asOf = o.resolved.asOfDate;
  const driftCut = asOf === null ? null : subtractDuration(asOf, drift);
  const strongMin = o.net.strongMin ?? 3;
  const basis = o.net.strengthBasis ?? 'shared_events';
  const orgs = model.organisations;
  const n = proj.nodeCount;
  const present = proj.nodes.present;
  const view = viewOf(model, proj, adj);
  const graph = structureOf(model, view);
  const { start, neighbour, edge } = adj;

  // Node columns: sector key number, last seen, recency.
  const sectorIds = new Map<string, number>();
  const sector = new Int32Array(n).fill(-1);
  const lastSeen: (string | null)[] = new Array(n).fill(null);
  const order = new Int32Array(n);
  let rank = 0;
  for (let v = 0; v < n; v++) {
    if (!present[v]) continue;
    order[v] = ++rank;
    const s = orgs[v]!.sector;
    if (s != null) {
      const k = nameKey(s);
      let id = sectorIds.get(k);
      if (id === undefined) sectorIds.set(k, (id = sectorIds.size));
      sector[v] = id;
    }
    lastSeen[v] = model.events[proj.nodes.lastEvent[v]!]!.date;
  }

  const comps = componentIndex(graph);
  const mainMembers: string[] = [];
  graph.forEachNode((id) => (comps.of.get(id) === comps.main ? mainMembers.push(id) : undefined));
  const deps = comps.main >= 0 && comps.sizes[comps.main]! > 1 ? dependence(graph, mainMembers) : new Map();
  const mainSize = comps.main >= 0 ? comps.sizes[comps.main]! : 0;

  const convenorIndex = o.convenor === null ? -1 : findConvenor(model, o.convenor, 'attention');
  const convenor = convenorIndex >= 0 ? orgs[convenorIndex]! : null;
  let without: { view: View; comps: ComponentIndex } | null = null;
  if (convenor && o.resolved.excludedOrganisation < 0) {
    const p = projectOrganisations(model, { ...o.net, to: o.net.to ?? o.net.asOf ?? null, exclude: convenor.id }, { personCounts: false });
    const w = viewOf(model, p);
    without = { view: w, comps: componentIndex(structureOf(model, w)) };
  }
  const isConvenorSide = (v: number): boolean => v === convenorIndex;

  const items: AttentionEntry[] = [];
  const degreeOf = (v: number) => start[v + 1]! - start[v]!;
  for (let v = 0; v < n; v++) {
    if (!present[v]) continue;
    const id = orgs[v]!.id;
    const info = orgs[v]!;
    const events = proj.nodes.events[v]!;
    const people = proj.people[v]!;
    const last = lastSeen[v]!;
    const degree = degreeOf(v);
    let strong = 0, ownSector = 0;
    const key = sector[v]!;
    for (let x = start[v]!, end = start[v + 1]!; x < end; x++) {
      if (strongTie[edge[x]!]) strong++;
      const other = sector[neighbour[x]!]!;
      if (key >= 0 && other === key) ownSector++;
    }
    const found: [ReasonCode, Record<string, number | string | null>][] = [];
    if (degree === 0) found.push(['isolated', { ties: 0, events }]);
    if (degree > 0 && strong === 0) found.push(['only_weak', { ties: degree, strong_ties: 0, strong_min: strongMin, basis }]);
    if (people === 1) found.push(['single_contact', { people: 1 }]);
    if (events === 1) found.push(['one_timer', { events: 1, last_seen: last }]);
    if (driftCut !== null && asOf !== null && events >= 2 && last !== null && last < driftCut)
      found.push(['drifting', { last_seen: last, months_silent: wholeMonthsBetween(last, asOf), events, as_of: asOf }]);
    if (degree > 0 && !inMain(comps, id)) found.push(['outside_main', { component_size: comps.sizes[comps.of.get(id)!]!, main_size: mainSize }]);
    const dep = deps.get(id);
    if (dep)
      found.push(['bridge_dependent', {
          via: dep.via === 'node' ? level : 'tie',
          through: dep.through,
          through_name: orgs[view.index.get(dep.through)!]!.name,
          near: dep.near,
          near_name: dep.near === null ? null : orgs[view.index.get(dep.near)!]!.name,
          cut_off: dep.cutOff,
        }]);
    if (degree > 0 && key >= 0 && ownSector === degree) found.push(['own_sector_only', { ties: degree, sector: info.sector }]);
    if (without && !isConvenorSide(v) && inMain(comps, id)) {
      const stillMain = without.view.index.has(id) && inMain(without.comps, id);
      if (!stillMain)
        found.push(['convenor_dependent', { convenor: convenor!.id, convenor_name: convenor!.name, main_size_without: without.comps.main >= 0 ? without.comps.sizes[without.comps.main]! : 0 }]);
    }
    if (!found.length) continue;
    found.sort((a, b) => REASON_CODES.indexOf(a[0]) - REASON_CODES.indexOf(b[0]));
    const reasons = found.map(([code, numbers]) => {
      const t = reasonText(code, numbers, level);
      return { code, numbers: { ...numbers }, text: { en: t.en, nl: t.nl } };
    });
    const score = found.reduce((s, [code]) => s + ATTENTION_WEIGHTS[code], 0);
    items.push({ id, name: info.name, score, reasons, suggestions: [] });
  }
  items.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (max > 0 && items.length) {
    const main = new Uint8Array(n);
    for (let v = 0; v < n; v++) if (present[v] && comps.of.get(orgs[v]!.id) === comps.main) main[v] = 1;
    // Everyone in (main, degree desc, order) order: the tail of the ranking once common partners are used up.
    const ranked = Int32Array.from(view.index.values()).sort((a, b) => main[b]! - main[a]! || degreeOf(b) - degreeOf(a) || order[a]! - order[b]!);
    const introduce = createIntroducer(n, sectorIds.size, { start, neighbour, main, order, sector, lastSeen, ranked, present, degreeOf });
    for (const item of items) {
      const x = view.index.get(item.id)!;
      item.suggestions = introduce(x, max, driftCut, isConvenorSide).map((c) => suggestion(model, c, { driftAfter: o.driftAfter, level, lastSeen, start, neighbour, x }));
    }
  }
  return items;
}

interface Chosen {
  v: number;
  common: number;
  complementary: boolean;
  bothActive: boolean;
}

interface IntroContext {
  start: Int32Array;
  neighbour: Int32Array;
  main: Uint8Array;
  order: Int32Array;
  sector: Int32Array;
  lastSeen: readonly (string | null)[];
  ranked: Int32Array;
  present: Uint8Array;
  degreeOf: (v: number) => number;
}

/** Up to `max` candidates for x, ranked as `suggestIntroductions` ranks them. */
function createIntroducer(n: number, sectors: number, c: IntroContext) {
  const mark = new Int32Array(n).fill(-1);
  const common = new Int32Array(n);
  const commonStamp = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  const tied = new Int32Array(Math.max(1, sectors)).fill(-1);
  return (x: number, max: number, recentFrom: string | null, skip: (v: number) => boolean): Chosen[] => {
    const { start, neighbour, sector, lastSeen, main, order } = c;
    for (let k = start[x]!; k < start[x + 1]!; k++) {
      const nb = neighbour[k]!;
      mark[nb] = x;
      if (sector[nb]! >= 0) tied[sector[nb]!] = x;
    }
    const own = sector[x]!;
    const selfRecent = recentFrom !== null && lastSeen[x] !== null && lastSeen[x]! >= recentFrom;
    const complementary = (v: number) => sector[v]! >= 0 && sector[v] !== own && tied[sector[v]!] !== x;
    const bothActive = (v: number) => selfRecent && lastSeen[v] !== null && lastSeen[v]! >= recentFrom!;
    // Common partners: two steps out from x (x itself and its partners are left out when the counts are read).
    let count = 0;
    for (let k = start[x]!; k < start[x + 1]!; k++) {
      const nb = neighbour[k]!;
      for (let y = start[nb]!, end = start[nb + 1]!; y < end; y++) {
        const m = neighbour[y]!;
        if (commonStamp[m] !== x) {
          commonStamp[m] = x;
          common[m] = 1;
          touched[count++] = m;
        } else common[m]!++;
      }
    }
    // The best `max` of them, ranked as `suggestIntroductions` sorts (no full sort: candidates can be thousands).
    const better = (a: Chosen, b: Chosen): boolean =>
      a.common !== b.common ? a.common > b.common
      : a.complementary !== b.complementary ? a.complementary
      : a.bothActive !== b.bothActive ? a.bothActive
      : main[a.v] !== main[b.v] ? main[a.v]! > main[b.v]!
      : c.degreeOf(a.v) !== c.degreeOf(b.v) ? c.degreeOf(a.v) > c.degreeOf(b.v)
      : order[a.v]! < order[b.v]!;
    const withCommon: Chosen[] = [];
    for (let k = 0; k < count; k++) {
      const v = touched[k]!;
      if (v === x || mark[v] === x || skip(v)) continue;
      const cand: Chosen = { v, common: common[v]!, complementary: complementary(v), bothActive: bothActive(v) };
      if (withCommon.length === max && !better(cand, withCommon[max - 1]!)) continue;
      let at = withCommon.length < max ? withCommon.length : max - 1;
      withCommon[at] = cand;
      while (at > 0 && better(withCommon[at]!, withCommon[at - 1]!)) {
        const t = withCommon[at - 1]!;
        withCommon[at - 1] = withCommon[at]!;
        withCommon[at] = t;
        at--;
      }
    }
    const out = withCommon.slice(0, max);
    if (out.length < max) {
      // The rest: complementary and both active, then complementary, then both active; each in ranked order.
      const need = max - out.length;
      const groups: Chosen[][] = [[], [], []];
      for (let r = 0; r < c.ranked.length && groups[0]!.length < need; r++) {
        const v = c.ranked[r]!;
        if (v === x || mark[v] === x || skip(v) || (commonStamp[v] === x && common[v]! > 0)) continue;
        const cp = complementary(v), ba = bothActive(v);
        if (!cp && !ba) continue;
        const g = cp && ba ? 0 : cp ? 1 : 2;
        if (groups[g]!.length < need) groups[g]!.push({ v, common: 0, complementary: cp, bothActive: ba });
      }
      for (const g of groups) for (const ch of g) if (out.length < max) out.push(ch);
    }
    return out;
  };
}

function suggestion(
  model: AttendanceModel,
  ch: Chosen,
  o: { driftAfter: string; level: 'organisation'; lastSeen: readonly (string | null)[]; start: Int32Array; neighbour: Int32Array; x: number },
): AttentionEntry['suggestions'][number] {
  const orgs = model.organisations;
  const node = orgs[ch.v]!;
  let code: SuggestionCode;
  let numbers: Record<string, number | string | null>;
  if (ch.common > 0) {
    code = 'common_partners';
    const mine = new Set<number>();
    for (let k = o.start[o.x]!; k < o.start[o.x + 1]!; k++) mine.add(o.neighbour[k]!);
    const names: string[] = [];
    for (let k = o.start[ch.v]!; k < o.start[ch.v + 1]!; k++) if (mine.has(o.neighbour[k]!)) names.push(orgs[o.neighbour[k]!]!.name);
    names.sort();
    numbers = { common: ch.common, names: names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '') };
  } else if (ch.complementary) {
    code = 'complementary_sector';
    numbers = { sector: node.sector };
  } else {
    code = 'both_active';
    numbers = { drift_after: o.driftAfter, last_seen: o.lastSeen[ch.v] ?? null };
  }
  const t = suggestionText(code, numbers, o.level);
  const s: AttentionSuggestion = { id: node.id, name: node.name, code, reason: { en: t.en, nl: t.nl } };
  return s;
}
