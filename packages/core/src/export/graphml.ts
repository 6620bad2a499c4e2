/**
 * GraphML writer (graphml.graphdrawing.org) for yEd, Cytoscape, igraph and networkx: typed `<key>` declarations,
 * one undirected graph, the static attributes of the export graph plus `start` dates as strings. Written by hand with
 * strict escaping (graphology-graphml 0.5 only parses).
 */
import type { ExportAttribute, ExportGraph, ExportValue } from './export-graph.js';
import { CHUNK_LINES, escapeXml, formatXmlValue, xmlAttributes } from './xml.js';

const GRAPHML_TYPE = { string: 'string', integer: 'long', double: 'double', boolean: 'boolean' } as const;

function keyLines(cls: 'node' | 'edge', attrs: readonly ExportAttribute[]): string[] {
  return attrs.map((a) => `  <key${xmlAttributes([['id', `${cls[0]}_${a.id}`], ['for', cls], ['attr.name', a.id], ['attr.type', GRAPHML_TYPE[a.type]]])}/>`);
}

function dataLines(cls: 'node' | 'edge', attrs: readonly ExportAttribute[], values: Record<string, ExportValue>): string[] {
  const lines: string[] = [];
  for (const a of attrs) {
    const v = values[a.id];
    if (v == null || (typeof v === 'number' && !Number.isFinite(v))) continue;
    lines.push(`      <data${xmlAttributes([['key', `${cls[0]}_${a.id}`]])}>${escapeXml(formatXmlValue(v))}</data>`);
  }
  return lines;
}

/** Serialise an export graph as GraphML (static: final values; `start` kept as an ISO date string). */
export function toGraphml(graph: ExportGraph): string {
  return Array.from(graphmlChunks(graph)).join('');
}

/** The GraphML text in pieces of a few thousand lines (for writing large graphs to a stream); joined, `toGraphml`. */
export function* graphmlChunks(graph: ExportGraph): Generator<string> {
  const nodeAttrs: ExportAttribute[] = [{ id: 'label', title: 'Label', type: 'string' }, { id: 'start', title: 'Start', type: 'string' }, ...graph.nodeAttributes];
  const edgeAttrs: ExportAttribute[] = [{ id: 'weight', title: 'Weight', type: 'double' }, { id: 'start', title: 'Start', type: 'string' }, ...graph.edgeAttributes];
  let out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <!-- ${escapeXml(graph.description).replace(/--/g, '- -')} -->`,
    ...keyLines('node', nodeAttrs),
    ...keyLines('edge', edgeAttrs),
    '  <graph id="G" edgedefault="undirected">',
  ];
  for (const n of graph.nodes) {
    out.push(`    <node${xmlAttributes([['id', n.id]])}>`);
    out.push(...dataLines('node', nodeAttrs, { ...n.attributes, label: n.label, start: n.start }));
    out.push('    </node>');
    if (out.length >= CHUNK_LINES) {
      yield out.join('\n') + '\n';
      out = [];
    }
  }
  for (const e of graph.edges) {
    out.push(`    <edge${xmlAttributes([['id', e.id], ['source', e.source], ['target', e.target]])}>`);
    out.push(...dataLines('edge', edgeAttrs, { ...e.attributes, weight: e.weight, start: e.start }));
    out.push('    </edge>');
    if (out.length >= CHUNK_LINES) {
      yield out.join('\n') + '\n';
      out = [];
    }
  }
  out.push('  </graph>', '</graphml>');
  yield out.join('\n') + '\n';
}
