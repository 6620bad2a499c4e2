/**
 * A Fenwick (binary indexed) tree of counts over event indices (Fenwick 1994, doi:10.1002/spe.4380240306).
 * The replay keeps ties bucketed by the index of their last shared event, and people by their last
 * attendance, so "how many ties are fading as of date d" is one prefix sum in O(log events).
 */
export class Fenwick {
  private readonly tree: Float64Array;

  constructor(readonly size: number) {
    this.tree = new Float64Array(size + 1);
  }

  /** Add `delta` to the bucket at index `i` (0-based). */
  add(i: number, delta: number): void {
    for (let k = i + 1; k <= this.size; k += k & -k) this.tree[k]! += delta;
  }

  /** Sum of the buckets at indices `0 .. end-1`. */
  prefix(end: number): number {
    let s = 0;
    for (let k = Math.min(end, this.size); k > 0; k -= k & -k) s += this.tree[k]!;
    return s;
  }
}
