/**
 * Introductions for flagged organisations (or people) over a CSR adjacency: up to three others not yet tied,
 * ranked as the graph reference (test/attention/suggestions-reference.ts) ranks them — common partners (triadic closure,
 * Granovetter 1973, doi:10.1086/225469), then a complementary sector, both recent, main network, degree and
 * node order. Common partners are counted in one two-step scan from the node (O(Σ neighbour degrees)); only
 * the best `max` are kept (no sort of all candidates); the rest come from one list ranked once for everybody.
 */
import type { CompactLevel } from './compact.js';
import { suggestionText } from './text.js';
import type { AttentionSuggestion, SuggestionCode } from './types.js';

/** A chosen introduction: the node, its common partners' names (sorted) and the flags it was ranked by. */
export interface Chosen {
  v: number;
  common: number;
  complementary: boolean;
  bothActive: boolean;
  /** The first four names of its common partners with x, in sort order. */
  names: string[];
}

export interface IntroContext {
  start: Int32Array;
  neighbour: Int32Array;
  main: Uint8Array;
  order: Int32Array;
  sector: Int32Array;
  lastSeen: readonly (string | null)[];
  ranked: Int32Array;
  degreeOf: (v: number) => number;
  actors: readonly { id: string; name: string }[];
}

/** Up to `max` candidates for x, ranked as the graph reference (test/attention/suggestions-reference.ts) ranks them. */
export function createIntroducer(n: number, sectors: number, recentFrom: string | null, c: IntroContext) {
  const mark = new Int32Array(n).fill(-1);
  // Last seen on or after `recentFrom` (string dates compared once per node, not once per pair).
  const recent = new Uint8Array(n);
  if (recentFrom !== null) for (let v = 0; v < n; v++) recent[v] = c.lastSeen[v] != null && c.lastSeen[v]! >= recentFrom ? 1 : 0;
  const common = new Int32Array(n);
  const touched = new Int32Array(n);
  const tied = new Int32Array(Math.max(1, sectors)).fill(-1);
  return (x: number, max: number, skip: (v: number) => boolean): Chosen[] => {
    const { start, neighbour, sector, main, order, degreeOf } = c;
    const xFrom = start[x]!, xTo = start[x + 1]!;
    let tiedCount = 0;
    for (let k = xFrom; k < xTo; k++) {
      const nb = neighbour[k]!;
      mark[nb] = x;
      const s = sector[nb]!;
      if (s >= 0 && tied[s] !== x) {
        tied[s] = x;
        tiedCount++;
      }
    }
    const own = sector[x]!;
    const selfRecent = recent[x] === 1;
    const complementary = (v: number): boolean => sector[v]! >= 0 && sector[v] !== own && tied[sector[v]!] !== x;
    const bothActive = (v: number): boolean => selfRecent && recent[v] === 1;
    // Common partners: two steps out from x (x itself and its partners are left out when the counts are read).
    // A long scan only counts (no branch) and then reads every node; a short one lists the nodes it touches.
    let steps = 0;
    for (let k = xFrom; k < xTo; k++) steps += degreeOf(neighbour[k]!);
    const dense = steps > n >> 2;
    let count = 0;
    for (let k = xFrom; k < xTo; k++) {
      const nb = neighbour[k]!;
      if (dense) for (let y = start[nb]!, end = start[nb + 1]!; y < end; y++) common[neighbour[y]!]!++;
      else
        for (let y = start[nb]!, end = start[nb + 1]!; y < end; y++) {
          const m = neighbour[y]!;
          if (common[m]!++ === 0) touched[count++] = m;
        }
    }
    // The best `max` of them (no full sort: candidates can be thousands).
    const better = (a: Chosen, b: Chosen): boolean =>
      a.common !== b.common ? a.common > b.common
      : a.complementary !== b.complementary ? a.complementary
      : a.bothActive !== b.bothActive ? a.bothActive
      : main[a.v] !== main[b.v] ? main[a.v]! > main[b.v]!
      : degreeOf(a.v) !== degreeOf(b.v) ? degreeOf(a.v) > degreeOf(b.v)
      : order[a.v]! < order[b.v]!;
    const out: Chosen[] = [];
    // Fewer common partners than the last of a full list cannot enter it.
    let least = 1;
    const offer = (v: number): void => {
      if (v === x || mark[v] === x || skip(v)) return;
      const cand: Chosen = { v, common: common[v]!, complementary: complementary(v), bothActive: bothActive(v), names: [] };
      if (out.length === max && !better(cand, out[max - 1]!)) return;
      let at = out.length < max ? out.length : max - 1;
      out[at] = cand;
      while (at > 0 && better(out[at]!, out[at - 1]!)) {
        const t = out[at - 1]!;
        out[at - 1] = out[at]!;
        out[at] = t;
        at--;
      }
      if (out.length === max) least = out[max - 1]!.common;
    };
    if (dense) {
      for (let v = 0; v < n; v++) if (common[v]! >= least) offer(v);
    } else {
      for (let k = 0; k < count; k++) if (common[touched[k]!]! >= least) offer(touched[k]!);
    }
    if (out.length < max) {
      // The rest: complementary and both active, then complementary, then both active; each in ranked order.
      // Stop once the best group that can still grow is full (groups that cannot occur are skipped).
      const need = max - out.length;
      const canComplement = own >= 0 ? tiedCount + (tied[own] === x ? 0 : 1) < sectors : tiedCount < sectors;
      const stopAt = canComplement ? (selfRecent ? 0 : 1) : 2;
      const groups: Chosen[][] = [[], [], []];
      for (let r = 0; r < c.ranked.length && groups[stopAt]!.length < need; r++) {
        const v = c.ranked[r]!;
        if (v === x || mark[v] === x || common[v]! > 0 || skip(v)) continue;
        const cp = complementary(v), ba = bothActive(v);
        if (!cp && !ba) continue;
        const g = cp && ba ? 0 : cp ? 1 : 2;
        if (groups[g]!.length < need) groups[g]!.push({ v, common: 0, complementary: cp, bothActive: ba, names: [] });
      }
      for (const g of groups) for (const ch of g) if (out.length < max) out.push(ch);
    }
    // Names of the common partners, while x's partners are still marked: the first four in sort order are
    // all that is shown ("A, B, C, …").
    for (const ch of out) {
      if (ch.common === 0) continue;
      for (let k = start[ch.v]!, end = start[ch.v + 1]!; k < end; k++) if (mark[neighbour[k]!] === x) keepSmallest(ch.names, c.actors[neighbour[k]!]!.name, 4);
    }
    if (dense) common.fill(0);
    else for (let k = 0; k < count; k++) common[touched[k]!] = 0;
    return out;
  };
}

/** Insert `name` into `list` (ascending, as `Array.prototype.sort` orders strings), keeping at most `limit`. */
function keepSmallest(list: string[], name: string, limit: number): void {
  if (list.length === limit && !(name < list[limit - 1]!)) return;
  let at = list.length < limit ? list.length : limit - 1;
  while (at > 0 && name < list[at - 1]!) {
    list[at] = list[at - 1]!;
    at--;
  }
  list[at] = name;
}

export function suggestion(L: CompactLevel, ch: Chosen, driftAfter: string): AttentionSuggestion {
  const node = L.actors[ch.v]!;
  let code: SuggestionCode;
  let numbers: Record<string, number | string | null>;
  if (ch.common > 0) {
    code = 'common_partners';
    const names = ch.names;
    numbers = { common: ch.common, names: names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '') };
  } else if (ch.complementary) {
    code = 'complementary_sector';
    numbers = { sector: L.sector[ch.v] ?? null };
  } else {
    code = 'both_active';
    numbers = { drift_after: driftAfter, last_seen: L.lastSeen[ch.v] ?? null };
  }
  return { id: node.id, name: node.name, reason: { code, numbers, text: suggestionText(code, numbers, L.level) } };
}
