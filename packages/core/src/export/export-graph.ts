/**
 * A neutral description of a graph to write as GEXF or GraphML: typed attribute declarations, nodes and edges
 * with static values, a start date, and values that change over time (for Gephi's timeline). Writers only format it.
 */

export type ExportAttributeType = 'string' | 'integer' | 'double' | 'boolean';

/** An attribute declaration: id (also the key in `attributes`), title shown in Gephi, type. */
export interface ExportAttribute {
  id: string;
  title: string;
  type: ExportAttributeType;
}

export type ExportValue = string | number | boolean | null;

/** One value of a dynamic attribute, valid from `start` (inclusive) until `end` (exclusive), or open-ended. */
export interface ExportTimedValue {
  value: string | number | boolean;
  start: string;
  /** Exclusive end (ISO date); null = until the end of the timeline. */
  end: string | null;
}

export interface ExportNode {
  id: string;
  label: string;
  /** ISO date from which the node exists (its first attendance); null = always. */
  start: string | null;
  attributes: Record<string, ExportValue>;
  /** Dynamic attribute values by attribute id, in time order. */
  timeline?: Record<string, ExportTimedValue[]>;
  /** Display hints (Gephi's viz namespace). */
  viz?: { color?: readonly [number, number, number]; size?: number };
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  /** ISO date from which the edge exists (first shared event); null = always. */
  start: string | null;
  weight: number;
  attributes: Record<string, ExportValue>;
  timeline?: Record<string, ExportTimedValue[]>;
}

export interface ExportGraph {
  /** One line saying what the file holds. */
  description: string;
  /** Date stamped on the file (derived from the data, never the clock). */
  date: string | null;
  nodeAttributes: ExportAttribute[];
  edgeAttributes: ExportAttribute[];
  /** Declarations of attributes whose value changes over time. */
  dynamicNodeAttributes: ExportAttribute[];
  dynamicEdgeAttributes: ExportAttribute[];
  /** Nodes and edges: arrays, or iterables that make them one at a time (large graphs; iterated once per writer). */
  nodes: Iterable<ExportNode>;
  edges: Iterable<ExportEdge>;
}
