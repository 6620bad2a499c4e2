/**
 * Structural positions used by the attention reasons: connected components with a deterministic main
 * component, and dependence on a single organisation (articulation point) or a single tie (bridge) to reach
 * it, by one depth-first search with low-links (Hopcroft & Tarjan 1973, doi:10.1145/362248.362272).
 */
import { compactComponents as csrComponents } from '../analysis/compact-components.js';

/** The part of a graph the structure functions read (graphology graphs qualify). */
export interface StructureGraph {
  forEachNode(cb: (node: string) => void): void;
  forEachNeighbor(node: string, cb: (neighbor: string) => void): void;
  hasNode(node: string): boolean;
}

/** Components of a graph, in node order, with the main one singled out. */
export interface ComponentIndex {
  /** Component number of each node. */
  of: Map<string, number>;
  /** Size of each component. */
  sizes: number[];
  /** Number of the main component: the largest; on a tie, the one holding the earliest node in graph order. */
  main: number;
}

/** Connected components (isolated nodes are components of size 1). */
export function componentIndex(graph: StructureGraph): ComponentIndex {
  const of = new Map<string, number>();
  const sizes: number[] = [];
  graph.forEachNode((start) => {
    if (of.has(start)) return;
    const c = sizes.length;
    let size = 0;
    const stack = [start];
    of.set(start, c);
    while (stack.length) {
      const v = stack.pop()!;
      size++;
      graph.forEachNeighbor(v, (w) => {
        if (!of.has(w)) {
          of.set(w, c);
          stack.push(w);
        }
      });
    }
    sizes.push(size);
  });
  let main = -1;
  sizes.forEach((s, c) => {
    if (main < 0 || s > sizes[main]!) main = c;
  });
  return { of, sizes, main };
}

/** How a node depends on one organisation or one tie to reach the rest of its component. */
export interface Dependence {
  /** The articulation node, or the end of the bridge on the far side (towards the main part). */
  through: string;
  /** For a bridge: its end on the node's own side (null for an articulation node). */
  near: string | null;
  via: 'node' | 'tie';
  /** Size of the piece that is cut off together with the node. */
  cutOff: number;
}

/**
 * For the nodes of one component (`members`, in graph order): those on a minor side of an articulation node
 * or a bridge, i.e. not in the one largest remaining piece when that single node or tie goes. When the
 * largest piece is not unique (a star's leaves, two equal halves), every piece counts as cut off. When several
 * cuts apply, the one cutting off the largest piece is kept (the gateway nearest the main part), a node
 * before a tie.
 */
export function dependence(graph: StructureGraph, members: readonly string[]): Map<string, Dependence> {
  const n = members.length;
  const out = new Map<string, Dependence>();
  if (n < 2) return out;
  const id = new Map<string, number>();
  members.forEach((m, i) => id.set(m, i));
  const adj: number[][] = members.map((m) => {
    const list: number[] = [];
    graph.forEachNeighbor(m, (w) => {
      const j = id.get(w);
      if (j !== undefined) list.push(j);
    });
    return list;
  });
  const disc = new Int32Array(n).fill(-1), low = new Int32Array(n), parent = new Int32Array(n).fill(-1);
  const size = new Int32Array(n), order = new Int32Array(n);
  const next = new Int32Array(n);
  let time = 0;
  // Iterative DFS from member 0 (the earliest), so `order[disc[c] .. disc[c] + size[c] - 1]` is c's subtree.
  const stack = [0];
  disc[0] = low[0] = time;
  order[time++] = 0;
  while (stack.length) {
    const v = stack[stack.length - 1]!;
    if (next[v]! < adj[v]!.length) {
      const w = adj[v]![next[v]!++]!;
      if (disc[w] === -1) {
        parent[w] = v;
        disc[w] = low[w] = time;
        order[time++] = w;
        stack.push(w);
      } else if (w !== parent[v]) low[v] = Math.min(low[v]!, disc[w]!);
    } else {
      stack.pop();
      size[v] = 1;
      for (const w of adj[v]!) if (parent[w] === v) size[v]! += size[w]!;
      const p = parent[v]!;
      if (p >= 0) low[p] = Math.min(low[p]!, low[v]!);
    }
  }

  const consider = (node: number, d: Dependence): void => {
    const key = members[node]!;
    const old = out.get(key);
    if (!old || d.cutOff > old.cutOff || (d.cutOff === old.cutOff && d.via === 'node' && old.via === 'tie')) out.set(key, d);
  };
  const subtree = (c: number): number[] => Array.from(order.subarray(disc[c]!, disc[c]! + size[c]!));

  for (let y = 0; y < n; y++) {
    // Pieces left when y goes: each child subtree that cannot climb above y, and the rest (with y's ancestors).
    const pieces: { nodes: () => number[]; size: number }[] = [];
    const separated = new Set<number>();
    for (const c of adj[y]!) {
      if (parent[c] !== y) continue;
      if (y === 0 || low[c]! >= disc[y]!) {
        separated.add(c);
        pieces.push({ nodes: () => subtree(c), size: size[c]! });
      }
    }
    if (y !== 0) {
      const restSize = n - 1 - [...separated].reduce((s, c) => s + size[c]!, 0);
      if (restSize > 0) {
        pieces.push({
          nodes: () => {
            const gone = new Set<number>([y]);
            for (const c of separated) for (const v of subtree(c)) gone.add(v);
            return Array.from({ length: n }, (_, v) => v).filter((v) => !gone.has(v));
          },
          size: restSize,
        });
      }
    }
    if (pieces.length >= 2) {
      const largest = Math.max(...pieces.map((p) => p.size));
      const unique = pieces.filter((p) => p.size === largest).length === 1;
      for (const p of pieces) {
        if (unique && p.size === largest) continue;
        for (const v of p.nodes()) consider(v, { through: members[y]!, near: null, via: 'node', cutOff: p.size });
      }
    }
    // Bridges: the tree edge (parent, y) when y's subtree cannot climb to the parent or above.
    const p = parent[y]!;
    if (p >= 0 && low[y]! > disc[p]!) {
      const inner = size[y]!, outer = n - inner;
      if (inner <= outer) for (const v of subtree(y)) consider(v, { through: members[p]!, near: members[y]!, via: 'tie', cutOff: inner });
      if (outer <= inner) {
        const inSub = new Set(subtree(y));
        for (let v = 0; v < n; v++) if (!inSub.has(v)) consider(v, { through: members[y]!, near: members[p]!, via: 'tie', cutOff: outer });
      }
    }
  }
  return out;
}

/** `dependence` over member numbers: per member, whether it depends, and on what (member numbers, -1 for none). */
export interface DependenceColumns {
  has: Uint8Array;
  through: Int32Array;
  near: Int32Array;
  /** 1 when via a tie (bridge), 0 when via a node (articulation point). */
  tie: Uint8Array;
  cutOff: Int32Array;
}

/**
 * `dependence` on one connected component given as a CSR over member numbers 0..n-1 (the neighbours of member
 * v are `list[start[v] .. start[v+1]-1]`, in graph order; member 0 is the earliest). Same rules and tie-breaks.
 */
export function dependenceColumns(n: number, start: Int32Array, list: Int32Array): DependenceColumns {
  const out: DependenceColumns = { has: new Uint8Array(n), through: new Int32Array(n).fill(-1), near: new Int32Array(n).fill(-1), tie: new Uint8Array(n), cutOff: new Int32Array(n) };
  if (n < 2) return out;
  const disc = new Int32Array(n).fill(-1), low = new Int32Array(n), parent = new Int32Array(n).fill(-1);
  const size = new Int32Array(n), order = new Int32Array(n);
  const next = new Int32Array(n);
  for (let v = 0; v < n; v++) next[v] = start[v]!;
  let time = 0;
  // Iterative DFS from member 0 (the earliest), so `order[disc[c] .. disc[c] + size[c] - 1]` is c's subtree.
  const stack = new Int32Array(n);
  let top = 0;
  stack[top++] = 0;
  disc[0] = low[0] = time;
  order[time++] = 0;
  while (top > 0) {
    const v = stack[top - 1]!;
    if (next[v]! < start[v + 1]!) {
      const w = list[next[v]!++]!;
      if (disc[w] === -1) {
        parent[w] = v;
        disc[w] = low[w] = time;
        order[time++] = w;
        stack[top++] = w;
      } else if (w !== parent[v]) low[v] = Math.min(low[v]!, disc[w]!);
    } else {
      top--;
      size[v] = 1;
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const w = list[k]!;
        if (parent[w] === v) size[v]! += size[w]!;
      }
      const p = parent[v]!;
      if (p >= 0) low[p] = Math.min(low[p]!, low[v]!);
    }
  }

  // The first candidate wins, unless a later one cuts off a larger piece (or as many, through a node instead of a tie).
  const consider = (v: number, through: number, near: number, tie: number, cutOff: number): void => {
    if (!out.has[v] || cutOff > out.cutOff[v]! || (cutOff === out.cutOff[v] && tie === 0 && out.tie[v] === 1)) {
      out.has[v] = 1;
      out.through[v] = through;
      out.near[v] = near;
      out.tie[v] = tie;
      out.cutOff[v] = cutOff;
    }
  };
  const inSubtree = (v: number, c: number): boolean => disc[v]! >= disc[c]! && disc[v]! < disc[c]! + size[c]!;
  // Stamp per member: which y's separated pieces (or which bridge's subtree) it belongs to.
  const stamp = new Int32Array(n).fill(-1);
  const separated: number[] = [];

  for (let y = 0; y < n; y++) {
    // Pieces left when y goes: each child subtree that cannot climb above y, and the rest (with y's ancestors).
    separated.length = 0;
    let separatedSize = 0;
    for (let k = start[y]!; k < start[y + 1]!; k++) {
      const c = list[k]!;
      if (parent[c] !== y) continue;
      if (y === 0 || low[c]! >= disc[y]!) {
        separated.push(c);
        separatedSize += size[c]!;
      }
    }
    const restSize = y !== 0 ? n - 1 - separatedSize : 0;
    const pieces = separated.length + (restSize > 0 ? 1 : 0);
    if (pieces >= 2) {
      let largest = restSize, count = restSize > 0 ? 1 : 0;
      for (const c of separated) {
        if (size[c]! > largest) (largest = size[c]!), (count = 1);
        else if (size[c] === largest) count++;
      }
      const unique = count === 1;
      for (const c of separated) {
        if (unique && size[c] === largest) continue;
        for (let q = disc[c]!, end = disc[c]! + size[c]!; q < end; q++) consider(order[q]!, y, -1, 0, size[c]!);
      }
      if (restSize > 0 && !(unique && restSize === largest)) {
        stamp[y] = y;
        for (const c of separated) for (let q = disc[c]!, end = disc[c]! + size[c]!; q < end; q++) stamp[order[q]!] = y;
        for (let v = 0; v < n; v++) if (stamp[v] !== y) consider(v, y, -1, 0, restSize);
      }
    }
    // Bridges: the tree edge (parent, y) when y's subtree cannot climb to the parent or above.
    const p = parent[y]!;
    if (p >= 0 && low[y]! > disc[p]!) {
      const inner = size[y]!, outer = n - inner;
      if (inner <= outer) for (let q = disc[y]!, end = disc[y]! + inner; q < end; q++) consider(order[q]!, p, y, 1, inner);
      if (outer <= inner) for (let v = 0; v < n; v++) if (!inSubtree(v, y)) consider(v, y, p, 1, outer);
    }
  }
  return out;
}

/** Components over a CSR (`present` nodes in index order, neighbours as listed): component number per node (-1 when absent). */
export interface CompactComponents {
  of: Int32Array;
  sizes: number[];
  /** As `ComponentIndex.main`: the largest; on a tie, the one holding the earliest node. -1 when there is no node. */
  main: number;
}

/** `componentIndex` over typed arrays: the same numbering, sizes and main component. */
export function compactComponents(present: Uint8Array, start: Int32Array, neighbour: Int32Array): CompactComponents {
  const c = csrComponents({ start, neighbour }, present);
  let main = -1;
  for (let k = 0; k < c.count; k++) if (main < 0 || c.size[k]! > c.size[main]!) main = k;
  return { of: c.label, sizes: Array.from(c.size), main };
}
