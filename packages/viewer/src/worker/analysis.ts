/**
 * The worker's analysis calls into @mycorrhiza/core for the panels: a partner's ego network and attendance
 * (`organisationNetwork` / `personNetwork` as of the timeline's date), the attention list (`attention.detailed`)
 * and the "without the convenor" lens (`withoutConvenor`). Results are plain data in the viewer's shapes; with
 * presenter-safe on, person names (and optionally organisation names) are replaced by codes here, so they never
 * reach the page.
 */
import {
  attention,
  organisationNetwork,
  personNetwork,
  windowStart,
  parseDuration,
  withoutConvenor,
  type AttendanceModel,
  type AttentionReport,
  type NetworkOptions,
  type WithoutConvenorResult,
} from '@mycorrhiza/core';
import type Graph from 'graphology';
import type { SceneOptions } from '../scene/types.js';
import type { AnalysisQuery, AttentionView, DetailsView, NameMasking, TieView } from './protocol.js';

/** Replaces names by codes in texts: person names (and organisation names when asked) become their ids. */
export interface Masker {
  name(id: string, name: string): string;
  text(text: string): string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A masker for a model: longest names first, so "An Peeters-Claes" is replaced before "An Peeters". */
export function createMasker(model: AttendanceModel, masking: NameMasking): Masker {
  const pairs: [string, string][] = [];
  if (masking.people) for (const p of model.people) if (p.name.trim()) pairs.push([p.name, p.id]);
  if (masking.organisations) for (const o of model.organisations) if (o.name.trim()) pairs.push([o.name, o.id]);
  pairs.sort((a, b) => b[0].length - a[0].length);
  const codeOf = new Map(pairs);
  const pattern = pairs.length ? new RegExp(pairs.map((p) => escapeRegExp(p[0])).join('|'), 'g') : null;
  const isPerson = (id: string) => /^P\d/.test(id);
  return {
    name(id, name) {
      if ((isPerson(id) && masking.people) || (!isPerson(id) && /^O\d/.test(id) && masking.organisations)) return id;
      return name;
    },
    text(text) {
      return pattern ? text.replace(pattern, (m) => codeOf.get(m) ?? m) : text;
    },
  };
}

/** Core's network options for a query: the tie rules and the window of the timeline's mode. */
export function networkOptions(model: AttendanceModel, query: AnalysisQuery, scene: Required<SceneOptions>): NetworkOptions {
  const to = model.dated ? query.asOf : null;
  const from = to !== null && query.mode === 'window' ? windowStart(to, parseDuration(`${scene.windowMonths}m`)) : null;
  return { to, from, asOf: to, strongMin: scene.strongMin, fadeAfter: scene.fadeAfter, maxEventSize: scene.maxEventSize };
}

export { exampleConvenor } from './core-bridge.js';

/** Analyses of one model, with small caches (the same date is asked for by several panels). */
export function createAnalysis(model: AttendanceModel) {
  const reports = new Map<string, AttentionReport>();
  const lenses = new Map<string, WithoutConvenorResult>();
  let networkKey = '';
  let network: ReturnType<typeof organisationNetwork> | ReturnType<typeof personNetwork> | null = null;

  function report(level: 'organisation' | 'person', net: NetworkOptions, convenor: string | null): AttentionReport {
    const key = JSON.stringify([level, net, convenor]);
    let r = reports.get(key);
    if (!r) {
      r = attention.detailed(model, { ...net, level, convenor: level === 'organisation' ? convenor : null });
      if (reports.size > 6) reports.delete(reports.keys().next().value!);
      reports.set(key, r);
    }
    return r;
  }

  function toAttentionView(r: AttentionReport, mask: Masker): AttentionView['items'] {
    return r.items.map((item) => ({
      id: item.id,
      name: mask.name(item.id, item.name),
      score: item.score,
      reasons: item.reasons.map((x) => ({ code: x.code, en: mask.text(x.text.en), nl: mask.text(x.text.nl) })),
      suggestions: item.suggestions.map((s) => ({ id: s.id, name: mask.name(s.id, s.name), code: s.reason.code, en: mask.text(s.reason.text.en), nl: mask.text(s.reason.text.nl) })),
    }));
  }

  return {
    attention(query: AnalysisQuery, scene: Required<SceneOptions>): AttentionView {
      const mask = createMasker(model, query.masking);
      const net = networkOptions(model, query, scene);
      const level = query.level;
      const convenor = level === 'organisation' ? query.convenor : null;
      if (convenor && query.withoutConvenor) {
        const key = JSON.stringify([net, convenor]);
        let lens = lenses.get(key);
        if (!lens) {
          lens = withoutConvenor(model, convenor, { ...net, convenor: null });
          if (lenses.size > 3) lenses.delete(lenses.keys().next().value!);
          lenses.set(key, lens);
        }
        const entry = (e: { id: string; name: string; how: string; tiesBefore: number; tiesAfter: number; componentAfter: number }) => ({
          id: e.id,
          name: mask.name(e.id, e.name),
          how: e.how,
          tiesBefore: e.tiesBefore,
          tiesAfter: e.tiesAfter,
          componentAfter: e.componentAfter,
        });
        return {
          asOf: lens.asOf,
          level,
          convenor: { id: lens.convenor.id, name: mask.name(lens.convenor.id, lens.convenor.name) },
          without: {
            staff: lens.staff.length,
            organisations: lens.unconnected.organisations.map(entry),
            people: lens.unconnected.people.map(entry),
            before: lens.before.organisations,
            after: lens.after.organisations,
          },
          nodes: lens.attention.nodes,
          items: toAttentionView(lens.attention, mask),
        };
      }
      const r = report(level, net, convenor);
      return {
        asOf: r.asOf,
        level,
        convenor: r.convenor ? { id: r.convenor.id, name: mask.name(r.convenor.id, r.convenor.name) } : null,
        without: null,
        nodes: r.nodes,
        items: toAttentionView(r, mask),
      };
    },

    details(query: AnalysisQuery & { node: string }, scene: Required<SceneOptions>): DetailsView | null {
      const mask = createMasker(model, query.masking);
      const net = networkOptions(model, query, scene);
      const isPerson = /^P\d/.test(query.node);
      const isOrg = /^O\d/.test(query.node);
      if (!isPerson && !isOrg) return null;
      const level = isPerson ? 'person' : 'organisation';
      const key = JSON.stringify([level, net]);
      if (key !== networkKey || !network) {
        network = isPerson ? personNetwork(model, net) : organisationNetwork(model, net);
        networkKey = key;
      }
      const g = network as unknown as Graph;
      const entity = isPerson ? model.people.find((p) => p.id === query.node) : model.organisations.find((o) => o.id === query.node);
      if (!entity) return null;
      const ties: TieView[] = [];
      const has = g.hasNode(query.node);
      if (has)
        g.forEachEdge(query.node, (_e, a, s, t) => {
          const other = s === query.node ? t : s;
          const oa = g.getNodeAttributes(other) as { name: string; sector?: string | null };
          ties.push({
            id: other,
            name: mask.name(other, oa.name),
            sector: oa.sector ?? null,
            shared_events: a.shared_events as number,
            first_shared: (a.first_shared as string | null) ?? null,
            last_shared: (a.last_shared as string | null) ?? null,
            class: a.class as 'strong' | 'weak',
            state: a.state as 'active' | 'fading',
            person_pairs: typeof a.person_pairs === 'number' ? a.person_pairs : null,
          });
        });
      ties.sort((x, y) => y.shared_events - x.shared_events || (x.id < y.id ? -1 : 1));
      const attrs = has ? (g.getNodeAttributes(query.node) as Record<string, unknown>) : {};
      // Attendance: the node's events in the window, from the model's rows.
      const { person, organisation, eventStart } = model.attendance;
      const index = entity.index;
      const attended: { name: string; date: string | null; type: string | null }[] = [];
      const from = net.from ?? null, to = net.to ?? null;
      for (let e = 0; e < model.events.length; e++) {
        const ev = model.events[e]!;
        if (to !== null && ev.date !== null && ev.date > to) break;
        if (from !== null && ev.date !== null && ev.date < from) continue;
        for (let r = eventStart[e]!; r < eventStart[e + 1]!; r++) {
          if ((isPerson ? person[r] : organisation[r]) === index) {
            attended.push({ name: mask.text(ev.name), date: ev.date, type: ev.type });
            break;
          }
        }
      }
      const level2 = isPerson ? 'person' : 'organisation';
      const r = report(level2, net, level2 === 'organisation' ? query.convenor : null);
      const item = r.items.find((i) => i.id === query.node);
      const sector = isOrg ? ((entity as { sector?: string | null }).sector ?? null) : null;
      const region = isOrg ? ((entity as { region?: string | null }).region ?? null) : null;
      let orgName: string | null = null;
      if (isPerson && typeof attrs.organisation === 'string') {
        const o = model.organisations.find((x) => x.id === attrs.organisation);
        orgName = o ? mask.name(o.id, o.name) : null;
      }
      return {
        id: query.node,
        kind: level,
        name: mask.name(query.node, entity.name),
        asOf: net.to ?? null,
        from: net.from ?? null,
        sector,
        region,
        organisation: orgName,
        events: typeof attrs.events === 'number' ? attrs.events : attended.length,
        people: typeof attrs.people === 'number' ? attrs.people : null,
        internalTies: typeof attrs.internal_ties === 'number' ? attrs.internal_ties : null,
        firstSeen: (attrs.first_seen as string | null | undefined) ?? null,
        lastSeen: (attrs.last_seen as string | null | undefined) ?? null,
        ties,
        attendance: attended,
        score: r.scores[query.node] ?? 0,
        reasons: item ? item.reasons.map((x) => ({ code: x.code, en: mask.text(x.text.en), nl: mask.text(x.text.nl) })) : [],
        suggestions: item
          ? item.suggestions.map((s) => ({ id: s.id, name: mask.name(s.id, s.name), code: s.reason.code, en: mask.text(s.reason.text.en), nl: mask.text(s.reason.text.nl) }))
          : [],
      };
    },
  };
}
