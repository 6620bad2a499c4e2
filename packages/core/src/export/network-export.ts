/**
 * Turn an analysis into one export graph for Gephi and GraphML: organisations and people as nodes (attribute
 * `kind`), organisation ties and person ties as edges (attribute `kind`), static measures as attributes, and for
 * every edge its shared-event count, class and state over time, so Gephi's timeline replays how ties formed,
 * grew strong and faded. Filter on `kind` in Gephi to see one level. Large networks are limited (see
 * `AnalyzeOptions.graphLimit`): people only below the limit, organisations always, at most that many ties.
 */
import { tieRowAt, type TieTable } from '../analysis/tie-table.js';
import type { Analysis, OrganisationRow, PersonRow } from '../analysis/types.js';
import { addMonths, dayToIso, isoToDay, parseDuration } from '../model/dates.js';
import { PALETTE, SECTOR_COLOURS } from '../report/styles.js';
import type { ExportAttribute, ExportEdge, ExportGraph, ExportNode, ExportTimedValue } from './export-graph.js';

/** Options of `analysisExportGraph`. */
export interface ExportGraphOptions {
  /** Include people and person ties beside organisations. Default: true. */
  people?: boolean;
}

export const EXPORT_GRAPH_DEFAULTS: Readonly<Required<ExportGraphOptions>> = Object.freeze({ people: true });

const NODE_ATTRIBUTES: ExportAttribute[] = [
  { id: 'kind', title: 'kind', type: 'string' },
  { id: 'sector', title: 'sector', type: 'string' },
  { id: 'region', title: 'region', type: 'string' },
  { id: 'organisation', title: 'organisation', type: 'string' },
  { id: 'people', title: 'people', type: 'integer' },
  { id: 'events', title: 'events', type: 'integer' },
  { id: 'first_seen', title: 'first_seen', type: 'string' },
  { id: 'last_seen', title: 'last_seen', type: 'string' },
  { id: 'degree', title: 'degree', type: 'integer' },
  { id: 'strong_ties', title: 'strong_ties', type: 'integer' },
  { id: 'weak_ties', title: 'weak_ties', type: 'integer' },
  { id: 'internal_ties', title: 'internal_ties', type: 'integer' },
  { id: 'strength', title: 'strength', type: 'double' },
  { id: 'newman_strength', title: 'newman_strength', type: 'double' },
  { id: 'betweenness', title: 'betweenness', type: 'double' },
  { id: 'betweenness_weighted', title: 'betweenness_weighted', type: 'double' },
  { id: 'constraint', title: 'constraint', type: 'double' },
  { id: 'effective_size', title: 'effective_size', type: 'double' },
  { id: 'core', title: 'core', type: 'integer' },
  { id: 'community', title: 'community', type: 'integer' },
  { id: 'attention_score', title: 'attention_score', type: 'double' },
];

const EDGE_ATTRIBUTES: ExportAttribute[] = [
  { id: 'kind', title: 'kind', type: 'string' },
  { id: 'shared_events', title: 'shared_events', type: 'integer' },
  { id: 'person_pairs', title: 'person_pairs', type: 'integer' },
  { id: 'newman', title: 'newman', type: 'double' },
  { id: 'jaccard', title: 'jaccard', type: 'double' },
  { id: 'weighted', title: 'weighted', type: 'double' },
  { id: 'first_shared', title: 'first_shared', type: 'string' },
  { id: 'last_shared', title: 'last_shared', type: 'string' },
  { id: 'class', title: 'class', type: 'string' },
  { id: 'state', title: 'state', type: 'string' },
  { id: 'p_value', title: 'p_value', type: 'double' },
  { id: 'significant', title: 'significant', type: 'boolean' },
  { id: 'neighbourhood_overlap', title: 'neighbourhood_overlap', type: 'double' },
  { id: 'local_bridge', title: 'local_bridge', type: 'boolean' },
];

const EDGE_DYNAMIC: ExportAttribute[] = [
  { id: 'shared_events_over_time', title: 'shared events (over time)', type: 'integer' },
  { id: 'class_over_time', title: 'class (over time)', type: 'string' },
  { id: 'state_over_time', title: 'state (over time)', type: 'string' },
];

function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/**
 * The values of one tie over time from its shared-event dates: the running count, the class (strong from the
 * `strongMin`-th shared event when the basis is `shared_events`) and the state (fading once the fading period
 * has passed since the last shared event). Intervals are [start, end): `end` is the next change or open.
 */
export function tieTimeline(
  dates: readonly string[],
  o: { strongMin: number; fadeAfter: string; strengthBasis: string; asOf: string | null },
  finalClass: 'strong' | 'weak',
): Record<string, ExportTimedValue[]> {
  const count: ExportTimedValue[] = [];
  const cls: ExportTimedValue[] = [];
  const state: ExportTimedValue[] = [];
  const fade = parseDuration(o.fadeAfter, 'network.gexf', 'fadeAfter');
  // The first day on which a tie last seen on `d` counts as fading: the day after d + fadeAfter.
  const fadesOn = (d: string) => dayToIso(isoToDay(addMonths(d, fade.months)) + fade.days + 1);
  const distinct: { date: string; n: number }[] = [];
  dates.forEach((d, i) => {
    if (distinct.length && distinct[distinct.length - 1]!.date === d) distinct[distinct.length - 1]!.n = i + 1;
    else distinct.push({ date: d, n: i + 1 });
  });
  const byCount = o.strengthBasis === 'shared_events';
  distinct.forEach(({ date, n }, i) => {
    const next = distinct[i + 1]?.date ?? null;
    count.push({ value: n, start: date, end: next });
    const c = byCount ? (n >= o.strongMin ? 'strong' : 'weak') : finalClass;
    if (cls.length === 0 || cls[cls.length - 1]!.value !== c) {
      if (cls.length) cls[cls.length - 1]!.end = date;
      cls.push({ value: c, start: date, end: null });
    }
    const f = fadesOn(date);
    const fadesBeforeNext = (next === null || f < next) && (o.asOf === null || f <= o.asOf);
    state.push({ value: 'active', start: date, end: fadesBeforeNext ? f : next });
    if (fadesBeforeNext) state.push({ value: 'fading', start: f, end: next });
  });
  return { shared_events_over_time: count, class_over_time: cls, state_over_time: state };
}

/** An iterable that runs `make` afresh each time it is iterated (the GEXF and GraphML writers each walk it once). */
function replayable<T>(make: () => Generator<T>): Iterable<T> {
  return { [Symbol.iterator]: make };
}

/**
 * Build the export graph of an analysis (same analysis, same graph: nodes and edges keep the tables' order).
 * It holds what `analysis.graph` selected: organisations always, people and person ties only below the
 * analysis' graph limit, and at most that many organisation ties (the strongest). Nodes and edges are made one
 * at a time while a writer walks them, so a large graph is never held as objects.
 */
export function analysisExportGraph(analysis: Analysis, options?: ExportGraphOptions): ExportGraph {
  const people = { ...EXPORT_GRAPH_DEFAULTS, ...options }.people && analysis.graph.people;
  const o = analysis.options;
  const timing = { strongMin: o.strongMin, fadeAfter: o.fadeAfter, strengthBasis: o.strengthBasis, asOf: analysis.period.asOf };
  const sectorRank = new Map(analysis.sectors.map((s, i) => [s.sector, i]));
  let maxDegree = 1;
  for (const r of analysis.organisations) if (r.degree > maxDegree) maxDegree = r.degree;
  const orgNode = (r: OrganisationRow): ExportNode => ({
    id: r.id,
    label: r.name,
    start: r.first_seen,
    attributes: { ...pick(r, NODE_ATTRIBUTES), kind: 'organisation' },
    viz: { color: hexToRgb(SECTOR_COLOURS[Math.min(sectorRank.get(r.sector) ?? 0, SECTOR_COLOURS.length - 1)]!), size: Math.round((8 + 22 * Math.sqrt(r.degree / maxDegree)) * 10) / 10 },
  });
  const personNode = (r: PersonRow): ExportNode => ({
    id: r.id,
    label: r.name,
    start: r.first_seen,
    attributes: { ...pick(r, NODE_ATTRIBUTES), organisation: r.organisation_id, kind: 'person' },
    viz: { color: hexToRgb(PALETTE.people), size: 4 },
  });
  const nodes = replayable(function* () {
    for (const r of analysis.organisations) yield orgNode(r);
    if (people) for (const r of analysis.people) yield personNode(r);
  });
  const edge = (table: TieTable, t: number, dates: readonly string[], kind: string): ExportEdge => {
    const row = tieRowAt(table, t);
    return { id: `${row.source}-${row.target}`, source: row.source, target: row.target, start: row.first_shared, weight: row.shared_events, attributes: { ...pick(row, EDGE_ATTRIBUTES), kind }, ...(dates.length ? { timeline: tieTimeline(dates, timing, row.class) } : {}) };
  };
  const g = analysis.graph;
  const edges = replayable(function* () {
    for (let k = 0; k < g.organisationTies.length; k++) yield edge(analysis.tieTables.organisation, g.organisationTies[k]!, g.organisationDates[k] ?? [], 'organisation_tie');
    if (people) for (let k = 0; k < g.personTies.length; k++) yield edge(analysis.tieTables.person, g.personTies[k]!, g.personDates[k] ?? [], 'person_tie');
  });
  const limited = analysis.scale.organisation.graphTies === 'strongest' ? ` (the ${g.organisationTies.length} organisation ties with most shared events out of ${analysis.scale.organisation.ties})` : '';
  const noPeople = !people && analysis.scale.person.graphTies === 'none' ? `; people left out (${analysis.scale.person.ties} person ties, more than ${analysis.scale.graphLimit})` : '';
  return {
    description: `Mycorrhiza partner network as of ${analysis.period.asOf ?? 'the last event'}: organisations${people ? ' and people' : ''} (attribute kind), ties with shared events, class and state over time${limited}${noPeople}.`,
    date: analysis.period.asOf,
    nodeAttributes: NODE_ATTRIBUTES,
    edgeAttributes: EDGE_ATTRIBUTES,
    dynamicNodeAttributes: [],
    dynamicEdgeAttributes: analysis.period.dated ? EDGE_DYNAMIC : [],
    nodes,
    edges,
  };
}

function pick(row: Record<string, unknown>, attrs: readonly ExportAttribute[]): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const a of attrs) {
    const v = row[a.id];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[a.id] = v;
  }
  return out;
}
