/**
 * Closed twins for exact betweenness (Sariyüce, Kaya, Saule & Çatalyürek 2013, "Shattering and compressing
 * networks for betweenness centrality", doi:10.1137/1.9781611972832.76; identical vertices of type II).
 * Two adjacent nodes u, v are closed twins when N[u] = N[v] and, weighted, w(u, x) = w(v, x) for every other
 * neighbour x. Then d(u, t) = d(v, t) for every t outside the class, no shortest path starting at u passes
 * through v (the detour u → v → x is longer than u → x by len(u, v) > 0), so δ_u(·) = δ_v(·) with δ(u) = δ(v) = 0
 * inside the class: one source per class, counted with the class size, gives the exact sum. In attendance
 * networks everyone who came to exactly one event is a closed twin of the other one-event people there.
 */

/** 32-bit mix of a node number (murmur3 finaliser). */
function mix(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** u and v (same degree) are closed twins: adjacent with a positive weight, same other neighbours and weights. */
function twins(
  start: Int32Array,
  neighbour: Int32Array,
  weight: Float64Array | null,
  u: number,
  v: number,
  stamp: Int32Array,
  markWeight: Float64Array,
  token: number,
): boolean {
  for (let x = start[u]!, end = start[u + 1]!; x < end; x++) {
    const y = neighbour[x]!;
    stamp[y] = token;
    if (weight !== null) markWeight[y] = weight[x]!;
  }
  if (stamp[v] !== token || (weight !== null && !(markWeight[v]! > 0))) return false;
  for (let x = start[v]!, end = start[v + 1]!; x < end; x++) {
    const y = neighbour[x]!;
    if (y === u) continue;
    if (stamp[y] !== token) return false;
    if (weight !== null && markWeight[y] !== weight[x]) return false;
  }
  return true;
}

/**
 * One representative per class of closed twins (the smallest node number) with the class size, sorted by
 * node number; null when no two nodes are twins. `weight` null: unweighted (only neighbourhoods compared).
 */
export function closedTwinSources(
  csr: { start: Int32Array; neighbour: Int32Array },
  weight: Float64Array | null,
): { sources: Int32Array; multiplicity: Float64Array } | null {
  const { start, neighbour } = csr;
  const n = start.length - 1;
  if (n < 2) return null;
  // Order-independent hash of the closed neighbourhood's node numbers; candidates share degree and hash.
  const key = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let h = mix(v);
    for (let x = start[v]!, end = start[v + 1]!; x < end; x++) h = (h + mix(neighbour[x]!)) >>> 0;
    key[v] = (start[v + 1]! - start[v]!) * 4294967296 + h;
  }
  const byKey = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => key[a]! - key[b]! || a - b);
  const rep = new Int32Array(n);
  const size = new Float64Array(n);
  const stamp = new Int32Array(n);
  const markWeight = new Float64Array(weight === null ? 0 : n);
  let token = 0;
  let classes = 0;
  const runReps: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && key[byKey[j]!] === key[byKey[i]!]) j++;
    runReps.length = 0;
    for (let k = i; k < j; k++) {
      const v = byKey[k]!;
      let found = -1;
      if (start[v + 1]! > start[v]!)
        for (const r of runReps)
          if (twins(start, neighbour, weight, r, v, stamp, markWeight, ++token)) {
            found = r;
            break;
          }
      if (found < 0) {
        runReps.push(v);
        rep[v] = v;
        size[v] = 1;
        classes++;
      } else {
        rep[v] = found;
        size[found]!++;
      }
    }
    i = j;
  }
  if (classes === n) return null;
  const sources = new Int32Array(classes);
  const multiplicity = new Float64Array(classes);
  let c = 0;
  for (let v = 0; v < n; v++)
    if (rep[v] === v) {
      sources[c] = v;
      multiplicity[c++] = size[v]!;
    }
  return { sources, multiplicity };
}
