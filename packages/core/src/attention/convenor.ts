/**
 * The convenor lens (PRODUCT.md §4, "without the convenor"): the network rebuilt with one coordinating
 * organisation and its staff left out (`NetworkOptions.exclude`), and who would then be unconnected:
 * organisations and people that had ties and have none left, or that fall out of the main network.
 */
import type Graph from 'graphology';
import { organisationNetwork } from '../network/organisation-network.js';
import { resolveNetworkOptions } from '../network/options.js';
import { personNetwork } from '../network/person-network.js';
import type { NetworkOptions, OrganisationGraph, PersonGraph } from '../network/types.js';
import type { AttendanceModel } from '../types.js';
import { attentionReport, findConvenor } from './attention.js';
import type { AttentionReport } from './attention.js';
import type { AttentionOptions } from './types.js';
import { componentIndex } from './structure.js';

/** Someone who would be unconnected without the convenor. */
export interface UnconnectedEntry {
  id: string;
  name: string;
  /**
   * `lost_all_ties`: had ties, has none left; `left_main`: still has ties but is no longer in the main
   * network; `gone`: only the convenor's staff came for it, so it leaves with them (organisations only).
   */
  how: 'lost_all_ties' | 'left_main' | 'gone';
  tiesBefore: number;
  tiesAfter: number;
  /** Size of its component without the convenor (0 when gone). */
  componentAfter: number;
}

/** Counts of one level with and without the convenor. */
export interface LensFigures {
  nodes: number;
  ties: number;
  components: number;
  mainComponentSize: number;
}

/** The analysis without the convenor. */
export interface WithoutConvenorResult {
  convenor: { id: string; name: string };
  /** People left out with it (staff: at least one row for it in the window). */
  staff: { id: string; name: string }[];
  asOf: string | null;
  /** The networks without the convenor and its staff. */
  persons: PersonGraph;
  organisations: OrganisationGraph;
  before: { persons: LensFigures; organisations: LensFigures };
  after: { persons: LensFigures; organisations: LensFigures };
  /** Who would be unconnected, in id order. */
  unconnected: { organisations: UnconnectedEntry[]; people: UnconnectedEntry[] };
  /** Partners needing attention in the network without the convenor (organisation level). */
  attention: AttentionReport;
}

type Any = Graph<{ name: string }>;

function figures(g: Any): LensFigures {
  const c = componentIndex(g);
  return { nodes: g.order, ties: g.size, components: c.sizes.length, mainComponentSize: c.main >= 0 ? c.sizes[c.main]! : 0 };
}

function unconnected(before: Any, after: Any, skip: (id: string) => boolean, allowGone: boolean): UnconnectedEntry[] {
  const cb = componentIndex(before), ca = componentIndex(after);
  const mainBefore = cb.main >= 0 && cb.sizes[cb.main]! > 1 ? cb.main : -1;
  const mainAfter = ca.main >= 0 && ca.sizes[ca.main]! > 1 ? ca.main : -1;
  const out: UnconnectedEntry[] = [];
  before.forEachNode((id, a) => {
    if (skip(id)) return;
    const tiesBefore = before.degree(id);
    if (tiesBefore === 0) return;
    if (!after.hasNode(id)) {
      if (allowGone) out.push({ id, name: a.name, how: 'gone', tiesBefore, tiesAfter: 0, componentAfter: 0 });
      return;
    }
    const tiesAfter = after.degree(id);
    const componentAfter = ca.sizes[ca.of.get(id)!]!;
    if (tiesAfter === 0) out.push({ id, name: a.name, how: 'lost_all_ties', tiesBefore, tiesAfter, componentAfter });
    else if (cb.of.get(id) === mainBefore && ca.of.get(id) !== mainAfter)
      out.push({ id, name: a.name, how: 'left_main', tiesBefore, tiesAfter, componentAfter });
  });
  return out.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/**
 * Run the analysis with `convenor` (id or name) and its staff left out, and say who becomes unconnected.
 * The network holds everything up to `options.asOf` (or `to`, or the last event), like `attention`.
 */
export function withoutConvenor(model: AttendanceModel, convenor: string, options: AttentionOptions = {}): WithoutConvenorResult {
  const who = 'withoutConvenor';
  const index = findConvenor(model, convenor, who);
  const org = model.organisations[index]!;
  const { driftAfter: _d, convenor: _c, level: _l, suggestions: _s, ...rest } = options;
  const net: NetworkOptions = { ...rest, exclude: null, to: rest.to ?? rest.asOf ?? null };
  const asOf = resolveNetworkOptions(model, net, who).asOfDate;
  const pBefore = personNetwork(model, net), oBefore = organisationNetwork(model, net);
  const lens: NetworkOptions = { ...net, exclude: org.id };
  const persons = personNetwork(model, lens), organisations = organisationNetwork(model, lens);
  const staff: { id: string; name: string }[] = [];
  pBefore.forEachNode((id, a) => (persons.hasNode(id) ? undefined : staff.push({ id, name: a.name })));
  const isStaff = new Set(staff.map((s) => s.id));
  return {
    convenor: { id: org.id, name: org.name },
    staff,
    asOf,
    persons,
    organisations,
    before: { persons: figures(pBefore as unknown as Any), organisations: figures(oBefore as unknown as Any) },
    after: { persons: figures(persons as unknown as Any), organisations: figures(organisations as unknown as Any) },
    unconnected: {
      organisations: unconnected(oBefore as unknown as Any, organisations as unknown as Any, (id) => id === org.id, true),
      people: unconnected(pBefore as unknown as Any, persons as unknown as Any, (id) => isStaff.has(id), false),
    },
    attention: attentionReport(model, { ...options, exclude: org.id, convenor: null }),
  };
}
