/**
 * Checksums of a benchmark run, with the definitions of `bench/peers/benchlib.py` (edge counts, total weight,
 * Newman sum, components, top betweenness...), and their comparison with the peers' values: exact keys must
 * agree (numbers within a tolerance that absorbs summation order and 3-decimal rounding), loose keys (Louvain)
 * are shown side by side only.
 */

/** A checksum value: a number, an `[id, value]` pair, or a top-5 list of pairs. */
export type ChecksumValue = number | [string, number] | [string, number][];
export type Checksums = Record<string, ChecksumValue>;

/** Keys that must agree between tools (from `bench/peers/report.py`). */
export const EXACT_KEYS = [
  'rows',
  'attendances',
  'people',
  'events',
  'orgs',
  'person_edges',
  'total_weight',
  'max_weight',
  'strong_ties',
  'weak_ties',
  'newman_sum',
  'org_edges',
  'org_total_weight',
  'max_degree',
  'max_strength',
  'max_newman_strength',
  'betweenness_exact_top5',
  'betweenness_sampled_k500_top5',
  'mean_clustering',
  'components',
  'largest_component',
] as const;

/** Keys that depend on algorithm details (visiting order, seed): compared loosely, never a mismatch. */
export const LOOSE_KEYS = ['louvain_communities', 'louvain_modularity', 'betweenness_cutoff2_top5'] as const;

/** The five largest values as `[id, value]`, ties broken by id, values rounded to 3 decimals (benchlib `top5`). */
export function top5(ids: readonly string[], values: ArrayLike<number>): [string, number][] {
  const order = Array.from({ length: ids.length }, (_, i) => i);
  order.sort((a, b) => values[b]! - values[a]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  return order.slice(0, 5).map((i) => [ids[i]!, Math.round(values[i]! * 1000) / 1000]);
}

/** The largest value as `[id, value]` (benchlib `top5(...)[0]`). */
export function top1(ids: readonly string[], values: ArrayLike<number>): [string, number] | undefined {
  return top5(ids, values)[0];
}

function sameNumber(a: number, b: number): boolean {
  // 1e-6 relative absorbs summation order; 2e-3 absolute absorbs a 3-decimal rounding that tipped differently.
  return Math.abs(a - b) <= Math.max(2e-3, 1e-6 * Math.max(Math.abs(a), Math.abs(b)));
}

/** True when two checksum values agree under the tolerance described above. */
export function sameChecksum(a: ChecksumValue, b: ChecksumValue): boolean {
  if (typeof a === 'number' || typeof b === 'number') return typeof a === 'number' && typeof b === 'number' && sameNumber(a, b);
  const pa = isPair(a) ? [a] : a;
  const pb = isPair(b) ? [b] : b;
  if (pa.length !== pb.length) return false;
  return pa.every((x, i) => x[0] === pb[i]![0] && sameNumber(x[1], pb[i]![1]));
}

function isPair(v: [string, number] | [string, number][]): v is [string, number] {
  return typeof v[0] === 'string';
}

/** Text of a value as `report.py` prints it: integers bare, floats to at most 6 decimals, pairs `id:value`. */
export function formatChecksum(v: ChecksumValue | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (isPair(v)) return `${v[0]}:${formatNumber(v[1])}`;
  return v.map(([id, x]) => `${id}:${formatNumber(x)}`).join(' ');
}

function formatNumber(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/** Parse a checksum cell of `results.md` back into a value (inverse of `formatChecksum`); undefined for ''. */
export function parseChecksum(text: string): ChecksumValue | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (!t.includes(':')) {
    const x = Number(t);
    return Number.isFinite(x) ? x : undefined;
  }
  const pairs = t.split(/\s+/).map((tok): [string, number] => {
    const i = tok.lastIndexOf(':');
    return [tok.slice(0, i), Number(tok.slice(i + 1))];
  });
  return pairs.length === 1 ? pairs[0]! : pairs;
}

/** One row of the checksum comparison. */
export interface ChecksumRow {
  key: string;
  ours: ChecksumValue | undefined;
  /** Value per peer tool (this run, or the stored reference). */
  theirs: Record<string, ChecksumValue | undefined>;
  /** `ok`: every value present agrees; `MISMATCH`: an exact key differs; `~`: loose key; `''`: nothing to compare. */
  status: 'ok' | 'MISMATCH' | '~' | '';
}

/** Compare our checksums with each peer's, key by key, in the order of `EXACT_KEYS` then `LOOSE_KEYS`. */
export function compareChecksums(ours: Checksums, theirs: Record<string, Checksums | undefined>): ChecksumRow[] {
  const rows: ChecksumRow[] = [];
  const tools = Object.keys(theirs);
  for (const key of [...EXACT_KEYS, ...LOOSE_KEYS] as string[]) {
    const mine = ours[key];
    const per: Record<string, ChecksumValue | undefined> = {};
    for (const t of tools) per[t] = theirs[t]?.[key];
    const present = Object.values(per).filter((v): v is ChecksumValue => v !== undefined);
    if (mine === undefined && present.length === 0) continue;
    let status: ChecksumRow['status'] = '';
    if ((LOOSE_KEYS as readonly string[]).includes(key)) status = '~';
    else if (mine !== undefined && present.length > 0) status = present.every((v) => sameChecksum(mine, v)) ? 'ok' : 'MISMATCH';
    rows.push({ key, ours: mine, theirs: per, status });
  }
  return rows;
}
