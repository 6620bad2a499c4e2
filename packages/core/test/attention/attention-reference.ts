/**
 * Partners needing attention judged on graphology graphs: the original, straightforward implementation of
 * `attentionReport` (PRODUCT.md §4), kept as the reference the compact judge (`compact.ts`) is tested
 * against. Components and articulation points / bridges: Hopcroft & Tarjan 1973, doi:10.1145/362248.362272.
 */
import type Graph from 'graphology';
import { subtractDuration } from '../../src/model/dates.js';
import { nameKey } from '../../src/model/identity.js';
import { organisationNetwork } from '../../src/network/organisation-network.js';
import { personNetwork } from '../../src/network/person-network.js';
import type { NetworkOptions, OrganisationNodeAttributes, PersonNodeAttributes, TieAttributes } from '../../src/network/types.js';
import type { AttendanceModel } from '../../src/types.js';
import type { AttentionReport, JudgedNode } from '../../src/attention/attention.js';
import { resolveAttentionOptions, wholeMonthsBetween } from '../../src/attention/resolve.js';
import { componentIndex, dependence } from '../../src/attention/structure.js';
import type { ComponentIndex } from '../../src/attention/structure.js';
import { suggestIntroductions } from './suggestions-reference.js';
import { reasonText } from '../../src/attention/text.js';
import { ATTENTION_WEIGHTS, REASON_CODES } from '../../src/attention/types.js';
import type { AttentionItem, AttentionLevel, AttentionOptions, AttentionReason, ReasonCode } from '../../src/attention/types.js';

/** Either level's graph, seen through the attributes both share. */
type AnyGraph = Graph<PersonNodeAttributes | OrganisationNodeAttributes, TieAttributes>;

function judgedNodes(model: AttendanceModel, graph: AnyGraph, level: AttentionLevel): Map<string, JudgedNode> {
  const out = new Map<string, JudgedNode>();
  const orgById = new Map(model.organisations.map((o) => [o.id, o]));
  graph.forEachNode((id, a) => {
    if (level === 'organisation') {
      const o = a as OrganisationNodeAttributes;
      out.set(id, { id, name: o.name, sector: o.sector, events: o.events, people: o.people, last_seen: o.last_seen });
    } else {
      const p = a as PersonNodeAttributes;
      const org = p.organisation ? orgById.get(p.organisation) : undefined;
      out.set(id, { id, name: p.name, sector: org?.sector ?? null, events: p.events, people: 1, last_seen: p.last_seen });
    }
  });
  return out;
}

function inMain(c: ComponentIndex, id: string): boolean {
  return c.of.get(id) === c.main && c.sizes[c.main]! > 1;
}

/**
 * The reference implementation of `attentionReport` on graphology graphs (`organisationNetwork` /
 * `personNetwork`, string keys): the same report, kept as the oracle the compact judge is tested against.
 */
export function attentionReportGraph(model: AttendanceModel, options: AttentionOptions = {}): AttentionReport {
  const who = 'attention';
  const o = resolveAttentionOptions(model, options, who);
  const build = (net: NetworkOptions): AnyGraph =>
    (o.level === 'organisation' ? organisationNetwork(model, net) : personNetwork(model, net)) as unknown as AnyGraph;
  const graph = build(o.net);
  const nodes = judgedNodes(model, graph, o.level);
  const comps = componentIndex(graph);
  const mainMembers: string[] = [];
  graph.forEachNode((id) => (comps.of.get(id) === comps.main ? mainMembers.push(id) : undefined));
  const deps = comps.main >= 0 && comps.sizes[comps.main]! > 1 ? dependence(graph, mainMembers) : new Map();
  const mainSize = comps.main >= 0 ? comps.sizes[comps.main]! : 0;
  const driftCut = o.asOf === null ? null : subtractDuration(o.asOf, o.drift);
  const strongMin = o.net.strongMin ?? 3;
  const basis = o.net.strengthBasis ?? 'shared_events';

  const convenor = o.convenorIndex >= 0 ? model.organisations[o.convenorIndex]! : null;
  // Without the convenor: the same network with it and its staff left out.
  let without: { graph: AnyGraph; comps: ComponentIndex } | null = null;
  if (convenor && !o.alreadyExcluded) {
    const g = build({ ...o.net, exclude: convenor.id });
    without = { graph: g, comps: componentIndex(g) };
  }
  const isConvenorSide = (id: string): boolean => {
    if (!convenor) return false;
    if (o.level === 'organisation') return id === convenor.id;
    return without !== null && !without.graph.hasNode(id);
  };

  const scores: Record<string, number> = {};
  const items: AttentionItem[] = [];
  graph.forEachNode((id) => {
    const node = nodes.get(id)!;
    const degree = graph.degree(id);
    let strong = 0, ownSector = 0;
    const key = node.sector == null ? null : nameKey(node.sector);
    graph.forEachEdge(id, (_e, a, s, t) => {
      if (a.class === 'strong') strong++;
      const other = nodes.get(s === id ? t : s)!;
      if (key !== null && other.sector != null && nameKey(other.sector) === key) ownSector++;
    });
    const found: [ReasonCode, Record<string, number | string | null>][] = [];
    if (degree === 0) found.push(['isolated', { ties: 0, events: node.events }]);
    if (degree > 0 && strong === 0) found.push(['only_weak', { ties: degree, strong_ties: 0, strong_min: strongMin, basis }]);
    if (o.level === 'organisation' && node.people === 1) found.push(['single_contact', { people: 1 }]);
    if (node.events === 1) found.push(['one_timer', { events: 1, last_seen: node.last_seen }]);
    if (driftCut !== null && o.asOf !== null && node.events >= 2 && node.last_seen !== null && node.last_seen < driftCut)
      found.push(['drifting', { last_seen: node.last_seen, months_silent: wholeMonthsBetween(node.last_seen, o.asOf), events: node.events, as_of: o.asOf }]);
    if (degree > 0 && !inMain(comps, id))
      found.push(['outside_main', { component_size: comps.sizes[comps.of.get(id)!]!, main_size: mainSize }]);
    const dep = deps.get(id);
    if (dep) found.push(['bridge_dependent', {
        via: dep.via === 'node' ? o.level : 'tie',
        through: dep.through,
        through_name: nodes.get(dep.through)!.name,
        near: dep.near,
        near_name: dep.near === null ? null : nodes.get(dep.near)!.name,
        cut_off: dep.cutOff,
      }]);
    if (degree > 0 && key !== null && ownSector === degree) found.push(['own_sector_only', { ties: degree, sector: node.sector }]);
    if (without && !isConvenorSide(id) && inMain(comps, id)) {
      const w = without;
      const stillMain = w.graph.hasNode(id) && inMain(w.comps, id);
      if (!stillMain)
        found.push(['convenor_dependent', { convenor: convenor!.id, convenor_name: convenor!.name, main_size_without: w.comps.main >= 0 ? w.comps.sizes[w.comps.main]! : 0 }]);
    }
    found.sort((a, b) => REASON_CODES.indexOf(a[0]) - REASON_CODES.indexOf(b[0]));
    const reasons: AttentionReason[] = found.map(([code, numbers]) => ({ code, numbers, text: reasonText(code, numbers, o.level) }));
    const score = reasons.reduce((s, r) => s + ATTENTION_WEIGHTS[r.code], 0);
    scores[id] = score;
    if (reasons.length) items.push({ id, name: node.name, score, reasons, suggestions: [] });
  });
  items.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (o.suggestions > 0) {
    for (const item of items)
      item.suggestions = suggestIntroductions(graph, nodes, item.id, {
        max: o.suggestions, comps, recentFrom: driftCut, driftAfter: o.driftAfter, level: o.level, skip: isConvenorSide,
      });
  }
  return {
    asOf: o.asOf,
    level: o.level,
    driftAfter: o.driftAfter,
    convenor: convenor ? { id: convenor.id, name: convenor.name } : null,
    weights: ATTENTION_WEIGHTS,
    nodes: graph.order,
    mainComponentSize: mainSize,
    items,
    scores,
  };
}
