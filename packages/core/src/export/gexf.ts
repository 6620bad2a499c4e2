/**
 * GEXF 1.3 writer (gexf.net/1.3) for Gephi: a dynamic graph with `timeformat="date"`, a `start` on every node and
 * edge (first attendance, first shared event) and dynamic attribute values (`<attvalue start endopen>`), so
 * Gephi's timeline replays the growth. Written by hand with strict escaping: graphology-gexf writes no spells.
 */
import type { ExportAttribute, ExportGraph, ExportTimedValue, ExportValue } from './export-graph.js';
import { CHUNK_LINES, escapeXml, formatXmlValue, xmlAttributes } from './xml.js';

const GEXF_TYPE = { string: 'string', integer: 'integer', double: 'double', boolean: 'boolean' } as const;

function attributeBlock(cls: 'node' | 'edge', mode: 'static' | 'dynamic', attrs: readonly ExportAttribute[]): string[] {
  if (attrs.length === 0) return [];
  return [
    `    <attributes${xmlAttributes([['class', cls], ['mode', mode]])}>`,
    ...attrs.map((a) => `      <attribute${xmlAttributes([['id', a.id], ['title', a.title], ['type', GEXF_TYPE[a.type]]])}/>`),
    '    </attributes>',
  ];
}

function attvalues(staticAttrs: readonly ExportAttribute[], values: Record<string, ExportValue>, dynamicAttrs: readonly ExportAttribute[], timeline: Record<string, ExportTimedValue[]> | undefined, indent: string): string[] {
  const lines: string[] = [];
  for (const a of staticAttrs) {
    const v = values[a.id];
    if (v == null || (typeof v === 'number' && !Number.isFinite(v))) continue;
    lines.push(`${indent}  <attvalue${xmlAttributes([['for', a.id], ['value', formatXmlValue(v)]])}/>`);
  }
  for (const a of dynamicAttrs) {
    for (const t of timeline?.[a.id] ?? []) {
      lines.push(`${indent}  <attvalue${xmlAttributes([['for', a.id], ['value', formatXmlValue(t.value)], ['start', t.start], ['endopen', t.end]])}/>`);
    }
  }
  return lines.length ? [`${indent}<attvalues>`, ...lines, `${indent}</attvalues>`] : [];
}

/** Serialise an export graph as GEXF 1.3 (undirected, dynamic, dates). Same input, same bytes. */
export function toGexf(graph: ExportGraph): string {
  return Array.from(gexfChunks(graph)).join('');
}

/** The GEXF text in pieces of a few thousand lines (for writing large graphs to a stream); joined, `toGexf`. */
export function* gexfChunks(graph: ExportGraph): Generator<string> {
  let out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta${xmlAttributes([['lastmodifieddate', graph.date]])}>`,
    '    <creator>Mycorrhiza</creator>',
    `    <description>${escapeXml(graph.description)}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="undirected" mode="dynamic" timeformat="date" timerepresentation="interval">',
    ...attributeBlock('node', 'static', graph.nodeAttributes),
    ...attributeBlock('node', 'dynamic', graph.dynamicNodeAttributes),
    ...attributeBlock('edge', 'static', graph.edgeAttributes),
    ...attributeBlock('edge', 'dynamic', graph.dynamicEdgeAttributes),
    '    <nodes>',
  ];
  for (const n of graph.nodes) {
    out.push(`      <node${xmlAttributes([['id', n.id], ['label', n.label], ['start', n.start]])}>`);
    out.push(...attvalues(graph.nodeAttributes, n.attributes, graph.dynamicNodeAttributes, n.timeline, '        '));
    if (n.viz?.size != null) out.push(`        <viz:size${xmlAttributes([['value', n.viz.size]])}/>`);
    if (n.viz?.color) out.push(`        <viz:color${xmlAttributes([['r', n.viz.color[0]], ['g', n.viz.color[1]], ['b', n.viz.color[2]]])}/>`);
    out.push('      </node>');
    if (out.length >= CHUNK_LINES) {
      yield out.join('\n') + '\n';
      out = [];
    }
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of graph.edges) {
    out.push(`      <edge${xmlAttributes([['id', e.id], ['source', e.source], ['target', e.target], ['weight', e.weight], ['start', e.start]])}>`);
    out.push(...attvalues(graph.edgeAttributes, e.attributes, graph.dynamicEdgeAttributes, e.timeline, '        '));
    out.push('      </edge>');
    if (out.length >= CHUNK_LINES) {
      yield out.join('\n') + '\n';
      out = [];
    }
  }
  out.push('    </edges>', '  </graph>', '</gexf>');
  yield out.join('\n') + '\n';
}
