/**
 * The pieces that keep large analyses within memory: report.json written entry by entry equals one
 * JSON.stringify of the summary; the XML escaping fast path changes nothing; tie tables derive jaccard,
 * neighbourhood overlap and local bridges per row with the values the graph builders store; the graph export
 * of a limited organisation network keeps the ties with most shared events.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { jaccardAt, localBridgeAt, overlapAt, tieTableOf, weightedAt } from '../../src/analysis/tie-table.js';
import { analysisSummaryJson, analysisSummaryJsonChunks } from '../../src/export/analysis-files.js';
import { attentionRows } from '../../src/export/tables.js';
import { escapeXml, escapeXmlAttribute } from '../../src/export/xml.js';
import { buildModel } from '../../src/model/build-model.js';
import { resolveNetworkOptions } from '../../src/network/options.js';
import { projectOrganisations, projectPersons } from '../../src/network/project.js';
import { tieProfiles } from '../../src/network/tie-profile.js';
import type { AttendanceRecord } from '../../src/types.js';
import { syntheticRows } from '../analysis/synthetic.js';

const model = buildModel(syntheticRows());

describe('report.json in pieces', () => {
  it('joins to JSON.stringify of the summary, with and without flagged organisations', () => {
    const a = analyze(model, { seed: 1 });
    expect(a.attention.some((x) => x.reasons.length > 0)).toBe(true);
    for (const analysis of [a, { ...a, attention: [] }]) {
      const { people: _p, organisations: _o, events: _e, personTies: _pt, organisationTies: _ot, growth: _g, tieDates: _d, tieTables: _tt, graph: _gr, attention, ...summary } = analysis;
      const want =
        JSON.stringify(
          { generator: 'mycorrhiza', ...summary, attention: attentionRows(attention, 'nl'), attention_detail: attention.filter((x) => x.reasons.length > 0), files: JSON.parse(analysisSummaryJson(a, 'en')).files },
          null,
          2,
        ) + '\n';
      expect(analysisSummaryJson(analysis, 'nl')).toBe(want);
      expect(Array.from(analysisSummaryJsonChunks(analysis, 'nl')).join('')).toBe(want);
    }
  });

  it('cuts thousands of entries into several pieces', () => {
    const a = analyze(model, { seed: 1 });
    const one = a.attention.find((x) => x.reasons.length > 0)!;
    const many = { ...a, attention: Array.from({ length: 5000 }, (_, i) => ({ ...one, id: `O${i}` })) };
    const pieces = Array.from(analysisSummaryJsonChunks(many, 'en'));
    expect(pieces.length).toBeGreaterThan(6);
    expect(JSON.parse(pieces.join('')).attention_detail).toHaveLength(5000);
  });
});

describe('escapeXml fast path', () => {
  it('gives the full escaping for every kind of character', () => {
    const slow = (t: string) =>
      t.replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? '&apos;');
    const samples = ['2024-01-31', '0.125', 'Café Noord', 'a&b', '<x>', `it's "q"`, 'tab\there', 'line\nbreak', 'cr\rx', '\u0001bad', '\uD800lone', '😀 emoji', '\uFFFE', 'plain = text ; ok?'];
    for (const s of samples) {
      expect(escapeXml(s)).toBe(slow(s));
      expect(escapeXmlAttribute(s)).toBe(slow(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;'));
    }
  });
});

describe('tie tables derive columns per row', () => {
  it('jaccard, overlap, local bridges and weighted equal the stored profile columns', () => {
    const last = model.events[model.events.length - 1]!.date;
    const r = resolveNetworkOptions(model, { to: last, asOf: last }, 'test');
    for (const proj of [projectPersons(model, r), projectOrganisations(model, r)]) {
      const prof = tieProfiles(model, proj);
      const table = tieTableOf(model, proj, prof);
      expect(table.length).toBeGreaterThan(10);
      const te = proj.nodes.tieEvents;
      for (let t = 0; t < table.length; t++) {
        expect(overlapAt(table, t)).toBe(prof.overlap[t]);
        expect(localBridgeAt(table, t)).toBe(prof.localBridge[t] === 1);
        expect(weightedAt(table, t)).toBe(proj.weighted[t]);
        if (proj.level === 'person') expect(jaccardAt(table, t)).toBe(proj.shared[t]! / (te[proj.src[t]!]! + te[proj.tgt[t]!]! - proj.shared[t]!));
        else expect(jaccardAt(table, t)).toBeNaN();
      }
    }
  });

  it('keeps the columns that carry information: event-type weights and durations', () => {
    const rows: AttendanceRecord[] = ['A', 'B', 'C'].flatMap((p, i) => [
      { event: 'E1', date: '2024-01-10', person: p, organisation: `O${i}`, event_type: 'training', duration_hours: 2 },
      { event: 'E2', date: '2024-02-10', person: p, organisation: `O${i}`, event_type: 'meeting' },
    ]);
    const m = buildModel(rows);
    const a = analyze(m, { eventTypeWeights: { training: 2 } });
    const t = a.personTies[0]!;
    expect(t.weighted).toBe(3);
    expect(t.hours).toBe(2);
    expect(a.tieTables.person.weighted).not.toBeNull();
    const plain = analyze(buildModel(rows.map(({ duration_hours: _h, ...r }) => r)));
    expect(plain.tieTables.person.hours).toBeNull();
    expect(plain.personTies[0]!.hours).toBeNull();
    expect(plain.tieTables.person.weighted).toBeNull();
    expect(plain.personTies[0]!.weighted).toBe(2);
  });
});

describe('graph export above the limit', () => {
  it('holds the ties with most shared events, then highest Newman weight, in row order', () => {
    const full = analyze(model, { seed: 1 });
    const limit = Math.floor(full.tieTables.organisation.length / 3);
    const cut = analyze(model, { seed: 1, graphLimit: limit });
    const t = cut.tieTables.organisation;
    const all = Array.from({ length: t.length }, (_, k) => k);
    const want = all
      .slice()
      .sort((a, b) => t.shared[b]! - t.shared[a]! || t.newman[b]! - t.newman[a]! || a - b)
      .slice(0, limit)
      .sort((a, b) => a - b);
    expect(Array.from(cut.graph.organisationTies)).toEqual(want);
  });
});
