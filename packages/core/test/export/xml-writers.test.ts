/** GEXF 1.3 / GraphML writers and XML escaping: well-formed output for any name, spells and dynamic values. */
import { describe, expect, it } from 'vitest';
import type { ExportGraph } from '../../src/export/export-graph.js';
import { toGexf } from '../../src/export/gexf.js';
import { toGraphml } from '../../src/export/graphml.js';
import { tieTimeline } from '../../src/export/network-export.js';
import { escapeXml, escapeXmlAttribute } from '../../src/export/xml.js';
import { checkXml } from './helpers.js';

const NASTY = 'A & B <img src=x onerror=alert(1)> "q" \'s\' \u0001\u0008 -- end-';

function graph(): ExportGraph {
  return {
    description: `test ${NASTY}`,
    date: '2024-10-01',
    nodeAttributes: [{ id: 'kind', title: 'kind', type: 'string' }, { id: 'degree', title: 'degree', type: 'integer' }],
    edgeAttributes: [{ id: 'shared_events', title: 'shared_events', type: 'integer' }, { id: 'p_value', title: 'p_value', type: 'double' }],
    dynamicNodeAttributes: [],
    dynamicEdgeAttributes: [{ id: 'shared_events_over_time', title: 'shared events (over time)', type: 'integer' }],
    nodes: [
      { id: 'O001', label: NASTY, start: '2023-01-05', attributes: { kind: 'organisation', degree: 1 }, viz: { color: [31, 111, 92], size: 10 } },
      { id: 'O002', label: 'Tab\there\nnewline', start: '2023-02-01', attributes: { kind: NASTY, degree: 1 } },
    ],
    edges: [
      {
        id: 'O001-O002', source: 'O001', target: 'O002', start: '2023-02-01', weight: 2,
        attributes: { shared_events: 2, p_value: Number.NaN },
        timeline: { shared_events_over_time: [{ value: 1, start: '2023-02-01', end: '2023-03-01' }, { value: 2, start: '2023-03-01', end: null }] },
      },
    ],
  };
}

describe('escapeXml', () => {
  it('escapes the five markup characters and drops characters XML forbids', () => {
    expect(escapeXml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001Fc\uFFFEd\uD800e')).toBe('abcde');
    expect(escapeXml('😀 é')).toBe('😀 é');
    expect(escapeXmlAttribute('a\tb\nc')).toBe('a&#9;b&#10;c');
  });
});

describe('toGexf(graph)', () => {
  const xml = toGexf(graph());
  it('is well-formed GEXF 1.3, dynamic, with dates', () => {
    const c = checkXml(xml);
    expect(c.root).toBe('gexf');
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(xml).toContain('mode="dynamic" timeformat="date"');
    expect(c.names.get('node')).toBe(2);
    expect(c.names.get('edge')).toBe(1);
  });
  it('writes node and edge starts and dynamic values with open ends', () => {
    expect(xml).toContain('<node id="O001" label="A &amp; B &lt;img src=x onerror=alert(1)&gt; &quot;q&quot; &apos;s&apos;  -- end-" start="2023-01-05">');
    expect(xml).toContain('weight="2" start="2023-02-01"');
    expect(xml).toContain('<attvalue for="shared_events_over_time" value="1" start="2023-02-01" endopen="2023-03-01"/>');
    expect(xml).toContain('<attvalue for="shared_events_over_time" value="2" start="2023-03-01"/>');
    expect(xml).toContain('<attributes class="edge" mode="dynamic">');
    expect(xml).not.toContain('for="p_value"');
    expect(xml).toContain('<viz:color r="31" g="111" b="92"/>');
  });
  it('is the same string for the same graph', () => {
    expect(toGexf(graph())).toBe(xml);
  });
});

describe('toGraphml(graph)', () => {
  it('is well-formed with typed keys, labels and starts as data', () => {
    const xml = toGraphml(graph());
    const c = checkXml(xml);
    expect(c.root).toBe('graphml');
    expect(xml).toContain('<key id="n_degree" for="node" attr.name="degree" attr.type="long"/>');
    expect(xml).toContain('<data key="n_label">A &amp; B &lt;img src=x onerror=alert(1)&gt;');
    expect(xml).toContain('<data key="e_start">2023-02-01</data>');
    expect(xml).not.toMatch(/<!--(?:(?!-->)[\s\S])*--(?!>)/);
  });
});

describe('checkXml (the test helper itself)', () => {
  it('rejects broken XML', () => {
    expect(() => checkXml('<a><b></a></b>')).toThrow(/mismatched/);
    expect(() => checkXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
    expect(() => checkXml('<a>&nbsp;</a>')).toThrow(/entity/);
    expect(() => checkXml('<a>1 < 2</a>')).toThrow();
    expect(() => checkXml('<a x=1/>')).toThrow(/unquoted/);
    expect(checkXml('<?xml version="1.0"?>\n<a x="&amp;"><!-- c --><b/>t</a>\n').elements).toBe(2);
  });
});

describe('tieTimeline(dates, options, finalClass)', () => {
  const o = { strongMin: 3, fadeAfter: '9m', strengthBasis: 'shared_events', asOf: '2024-12-31' };
  it('counts shared events, turns strong at strongMin and fades after the fading period', () => {
    const t = tieTimeline(['2023-01-10', '2023-02-10', '2023-02-10', '2023-03-10'], o, 'strong');
    expect(t.shared_events_over_time).toEqual([
      { value: 1, start: '2023-01-10', end: '2023-02-10' },
      { value: 3, start: '2023-02-10', end: '2023-03-10' },
      { value: 4, start: '2023-03-10', end: null },
    ]);
    expect(t.class_over_time).toEqual([
      { value: 'weak', start: '2023-01-10', end: '2023-02-10' },
      { value: 'strong', start: '2023-02-10', end: null },
    ]);
    // Last shared 2023-03-10 + 9 months = 2023-12-10: fading from the next day.
    expect(t.state_over_time!.slice(-2)).toEqual([
      { value: 'active', start: '2023-03-10', end: '2023-12-11' },
      { value: 'fading', start: '2023-12-11', end: null },
    ]);
  });
  it('fades between two shared events that are far apart, and not after the as-of date', () => {
    const t = tieTimeline(['2023-01-10', '2024-06-01'], { ...o, asOf: '2024-06-01' }, 'weak');
    expect(t.state_over_time).toEqual([
      { value: 'active', start: '2023-01-10', end: '2023-10-11' },
      { value: 'fading', start: '2023-10-11', end: '2024-06-01' },
      { value: 'active', start: '2024-06-01', end: null },
    ]);
  });
});
