/**
 * Introductions for a flagged organisation (or person): up to three others it is not yet tied to, ranked by
 * common partners (triadic closure, Granovetter 1973, doi:10.1086/225469), then a complementary sector it
 * has no tie with yet, then both having come recently; candidates in the main network and with more ties first.
 */
import { nameKey } from '../../src/model/identity.js';
import type { StructureGraph } from '../../src/attention/structure.js';
import type { JudgedNode } from '../../src/attention/attention.js';
import type { ComponentIndex } from '../../src/attention/structure.js';
import { suggestionText } from '../../src/attention/text.js';
import type { AttentionLevel, AttentionSuggestion, SuggestionCode } from '../../src/attention/types.js';

export interface SuggestOptions {
  max: number;
  comps: ComponentIndex;
  /** Last attendance on or after this date counts as recent (null: undated data, no recency). */
  recentFrom: string | null;
  driftAfter: string;
  level: AttentionLevel;
  /** Nodes never suggested (the convenor and its staff). */
  skip: (id: string) => boolean;
}

interface Candidate {
  id: string;
  common: string[];
  complementary: boolean;
  bothActive: boolean;
  main: boolean;
  degree: number;
  order: number;
}

/** Up to `max` introductions for node `x`, each with the strongest reason that applies. */
export function suggestIntroductions(
  graph: StructureGraph & { neighbors(node: string): string[]; degree(node: string): number },
  nodes: ReadonlyMap<string, JudgedNode>,
  x: string,
  o: SuggestOptions,
): AttentionSuggestion[] {
  const self = nodes.get(x)!;
  const neighbours = new Set<string>(graph.neighbors(x));
  const tiedSectors = new Set<string>();
  for (const n of neighbours) {
    const s = nodes.get(n)!.sector;
    if (s != null) tiedSectors.add(nameKey(s));
  }
  const ownSector = self.sector == null ? null : nameKey(self.sector);
  const common = new Map<string, string[]>();
  for (const n of neighbours) {
    graph.forEachNeighbor(n, (m) => {
      if (m === x || neighbours.has(m)) return;
      const list = common.get(m);
      if (list) list.push(n);
      else common.set(m, [n]);
    });
  }
  const selfRecent = o.recentFrom !== null && self.last_seen !== null && self.last_seen >= o.recentFrom;
  const candidates: Candidate[] = [];
  let order = 0;
  graph.forEachNode((id) => {
    order++;
    if (id === x || neighbours.has(id) || o.skip(id)) return;
    const node = nodes.get(id)!;
    const sector = node.sector == null ? null : nameKey(node.sector);
    const c: Candidate = {
      id,
      common: common.get(id) ?? [],
      complementary: sector !== null && sector !== ownSector && !tiedSectors.has(sector),
      bothActive: selfRecent && node.last_seen !== null && node.last_seen >= o.recentFrom!,
      main: o.comps.of.get(id) === o.comps.main,
      degree: graph.degree(id),
      order,
    };
    if (c.common.length || c.complementary || c.bothActive) candidates.push(c);
  });
  candidates.sort(
    (a, b) =>
      b.common.length - a.common.length ||
      Number(b.complementary) - Number(a.complementary) ||
      Number(b.bothActive) - Number(a.bothActive) ||
      Number(b.main) - Number(a.main) ||
      b.degree - a.degree ||
      a.order - b.order,
  );
  return candidates.slice(0, o.max).map((c) => {
    const node = nodes.get(c.id)!;
    let code: SuggestionCode;
    let numbers: Record<string, number | string | null>;
    if (c.common.length) {
      code = 'common_partners';
      const names = c.common.map((n) => nodes.get(n)!.name).sort();
      numbers = { common: c.common.length, names: names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '') };
    } else if (c.complementary) {
      code = 'complementary_sector';
      numbers = { sector: node.sector };
    } else {
      code = 'both_active';
      numbers = { drift_after: o.driftAfter, last_seen: node.last_seen };
    }
    return { id: c.id, name: node.name, reason: { code, numbers, text: suggestionText(code, numbers, o.level) } };
  });
}
