/**
 * Connected components of a compact undirected graph (CSR over Int32Array, e.g. `csrFromProjection` /
 * `csrFromAdjacency`) by breadth-first search from each unlabelled node in index order: O(n + m) time, two
 * Int32Arrays of n (Hopcroft & Tarjan 1973, doi:10.1145/362248.362272). The typed-array twin of
 * graphology-components' `connectedComponents` for networks handled without a graphology graph: the same
 * partition (an isolated node is a component of its own), labelled by first node.
 */

/** Components of a compact graph. */
export interface CompactComponents {
  /** Component of each node: 0, 1, … in order of each component's lowest node index (-1: not present). */
  label: Int32Array;
  /** Number of components (every isolated node counts as one). */
  count: number;
  /** Nodes per component, by label. */
  size: Int32Array;
  /** Nodes in the largest component (0 for a graph without nodes). */
  largest: number;
}

/**
 * Connected components of an undirected CSR: the neighbours of node v are `neighbour[start[v] .. start[v+1]-1]`
 * (each tie listed at both ends, as the projection CSRs are). With `present`, nodes not present (and without ties)
 * are left out: label -1, no component.
 */
export function compactComponents(c: { start: Int32Array; neighbour: Int32Array }, present: Uint8Array | null = null): CompactComponents {
  const { start, neighbour } = c;
  const n = start.length - 1;
  const label = new Int32Array(n).fill(-1);
  // The BFS queue: every node enters it once over the whole run, so one array of n serves all components.
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  let largest = 0;
  for (let s = 0; s < n; s++) {
    if (label[s] !== -1 || (present !== null && !present[s])) continue;
    const id = sizes.length;
    let head = 0;
    let tail = 0;
    label[s] = id;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++]!;
      for (let x = start[v]!, end = start[v + 1]!; x < end; x++) {
        const u = neighbour[x]!;
        if (label[u] === -1) {
          label[u] = id;
          queue[tail++] = u;
        }
      }
    }
    sizes.push(tail);
    if (tail > largest) largest = tail;
  }
  return { label, count: sizes.length, size: Int32Array.from(sizes), largest };
}
