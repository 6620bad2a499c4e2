/**
 * `limit.c` in JavaScript: the same job (read `event_id` and `person_id` of an attendance CSV with RFC 4180 quotes,
 * intern them, remove repeated (event, person) rows, build the person projection's upper-triangle CSR with
 * shared-event counts by the `mark` method), the same algorithm step for step, and the same JSON as the C program,
 * so that the bench can show what V8 itself costs on this job: the floor for any JavaScript implementation, beside
 * the C floor. It does nothing else (no other column, no check, no model, no organisation projection).
 *
 * Differences forced by the language, none of them a shortcut: bytes are read as a `Uint8Array`; keys are compared
 * in the file buffer (C keeps keys of up to 16 bytes inline in the slot); the (event, person) dedupe sorts by event
 * with a counting sort and the persons of each event with `TypedArray.prototype.sort` (C: one LSD radix sort of
 * 64-bit keys) — both give the same incidence lists.
 *
 * Run: `node packages/core/dist/bench/limit-js.js FILE.csv` (prints the JSON); `pnpm bench` runs it as the peer
 * `limit-js`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { readPeakRssMb, resetPeakRss } from './measure.js';
import type { PeerResult } from './peers.js';

/** Open addressing on (hash, start, length) over the file's bytes; ids dense in order of first sight. */
class ByteInterner {
  private cap: number;
  private ids: Int32Array;
  private hashes: Int32Array;
  private starts: Int32Array;
  private lens: Int32Array;
  size = 0;

  constructor(
    private readonly bytes: Uint8Array,
    capacity: number,
  ) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.cap = cap;
    this.ids = new Int32Array(cap).fill(-1);
    this.hashes = new Int32Array(cap);
    this.starts = new Int32Array(cap);
    this.lens = new Int32Array(cap);
  }

  private grow(): void {
    const { ids, hashes, starts, lens } = this;
    const cap = this.cap * 2, mask = cap - 1;
    this.ids = new Int32Array(cap).fill(-1);
    this.hashes = new Int32Array(cap);
    this.starts = new Int32Array(cap);
    this.lens = new Int32Array(cap);
    for (let j = 0; j < ids.length; j++) {
      if (ids[j]! < 0) continue;
      let k = hashes[j]! & mask;
      while (this.ids[k]! >= 0) k = (k + 1) & mask;
      this.ids[k] = ids[j]!;
      this.hashes[k] = hashes[j]!;
      this.starts[k] = starts[j]!;
      this.lens[k] = lens[j]!;
    }
    this.cap = cap;
  }

  intern(s: number, n: number): number {
    if ((this.size + 1) * 2 > this.cap) this.grow();
    const b = this.bytes;
    // FNV-1a, as limit.c's hash_span.
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ b[s + i]!, 0x01000193);
    h ^= h >>> 29;
    if (h === 0) h = 1;
    const mask = this.cap - 1;
    let j = h & mask;
    for (;;) {
      const id = this.ids[j]!;
      if (id < 0) break;
      if (this.hashes[j] === h && this.lens[j] === n) {
        const t = this.starts[j]!;
        let i = 0;
        while (i < n && b[t + i] === b[s + i]) i++;
        if (i === n) return id;
      }
      j = (j + 1) & mask;
    }
    this.ids[j] = this.size;
    this.hashes[j] = h;
    this.starts[j] = s;
    this.lens[j] = n;
    return this.size++;
  }
}

const COMMA = 44, LF = 10, CR = 13, QUOTE = 34;

/** The C program's job on `path`, timed step by step; the result has limit.c's JSON shape (tool `limit.js`). */
export function runLimitJs(path: string): PeerResult {
  const tStart = performance.now();
  resetPeakRss();
  const buf = readFileSync(path);
  const end = buf.length;
  const at = (i: number): number => (i < end ? buf[i]! : LF); // limit.c puts a '\n' after the buffer

  // Header: the columns named event_id and person_id.
  let p = 0, col = 0, ce = -1, cp = -1;
  for (let s = 0; ; p++) {
    const c = at(p);
    if (c === COMMA || c === LF || c === CR) {
      const name = buf.subarray(s, p).toString('latin1');
      if (name === 'event_id') ce = col;
      if (name === 'person_id') cp = col;
      col++;
      if (c !== COMMA) break;
      s = p + 1;
    }
  }
  while (p < end && (buf[p] === CR || buf[p] === LF)) p++;
  if (ce < 0 || cp < 0) throw new Error('header lacks event_id/person_id');

  let capRows = Math.floor(end / 40) + 16;
  let rev = new Int32Array(capRows), rper = new Int32Array(capRows);
  let rows = 0;
  const evt = new ByteInterner(buf, 1 << 16), per = new ByteInterner(buf, 1 << 16);
  let prevStart = -1, prevLen = -1, prevId = 0;
  while (p < end) {
    let es = -1, el = 0, ps = -1, pl = 0;
    for (let c = 0; ; c++) {
      let s: number, e: number;
      if (at(p) === QUOTE) {
        s = ++p;
        for (;;) {
          if (p >= end) break;
          if (buf[p] === QUOTE) {
            if (at(p + 1) === QUOTE) {
              p += 2;
              continue;
            }
            break;
          }
          p++;
        }
        e = p;
        if (p < end) p++;
        while (p < end && buf[p] !== COMMA && buf[p] !== LF) p++;
      } else {
        s = p;
        let ch = at(p);
        while (ch !== COMMA && ch !== LF) ch = at(++p);
        e = p;
        if (e > s && buf[e - 1] === CR) e--;
      }
      if (c === ce) {
        es = s;
        el = e - s;
      }
      if (c === cp) {
        ps = s;
        pl = e - s;
      }
      if (p >= end || buf[p] === LF) {
        p++;
        break;
      }
      p++; // comma
    }
    if (es < 0 || ps < 0) continue; // blank or short line
    if (rows === capRows) {
      capRows *= 2;
      const r2 = new Int32Array(capRows);
      r2.set(rev);
      rev = r2;
      const p2 = new Int32Array(capRows);
      p2.set(rper);
      rper = p2;
    }
    // Rows of one event are usually adjacent: reuse the previous id.
    let same = el === prevLen;
    for (let i = 0; same && i < el; i++) same = buf[es + i] === buf[prevStart + i];
    if (same) rev[rows] = prevId;
    else {
      rev[rows] = prevId = evt.intern(es, el);
      prevStart = es;
      prevLen = el;
    }
    rper[rows] = per.intern(ps, pl);
    rows++;
  }
  const E = evt.size, P = per.size;
  const tParse = (performance.now() - tStart) / 1000;
  const peakParse = readPeakRssMb() ?? 0;

  // Dedupe (event, person) and build both CSR incidence lists.
  resetPeakRss();
  const t1 = performance.now();
  const byEvent = new Int32Array(E + 1);
  for (let i = 0; i < rows; i++) byEvent[rev[i]! + 1]!++;
  for (let e = 0; e < E; e++) byEvent[e + 1]! += byEvent[e]!;
  const fillE = byEvent.slice(0, E);
  const sorted = new Int32Array(rows);
  for (let i = 0; i < rows; i++) sorted[fillE[rev[i]!]!++] = rper[i]!;
  const evOff = new Int32Array(E + 1);
  let A = 0;
  for (let e = 0; e < E; e++) {
    const seg = sorted.subarray(byEvent[e]!, byEvent[e + 1]!).sort();
    evOff[e] = A;
    for (let i = 0; i < seg.length; i++) if (i === 0 || seg[i] !== seg[i - 1]) sorted[A++] = seg[i]!;
  }
  evOff[E] = A;
  const mem = sorted.subarray(0, A);
  const pOff = new Int32Array(P + 1);
  for (let i = 0; i < A; i++) pOff[mem[i]! + 1]!++;
  for (let q = 0; q < P; q++) pOff[q + 1]! += pOff[q]!;
  const pEv = new Int32Array(A);
  const fillP = pOff.slice(0, P);
  for (let e = 0; e < E; e++) for (let i = evOff[e]!; i < evOff[e + 1]!; i++) pEv[fillP[mem[i]!]!++] = e;
  let newman = 0;
  for (let e = 0; e < E; e++) {
    const n = evOff[e + 1]! - evOff[e]!;
    if (n >= 2) newman += n / 2;
  }
  const tDedupe = (performance.now() - t1) / 1000;
  const peakDedupe = readPeakRssMb() ?? 0;

  // The mark method: per person a, count the co-members b > a of a's events with a last-seen marker, and append
  // them to the upper-triangle CSR (neighbour, weight).
  resetPeakRss();
  const t2 = performance.now();
  let bound = 0;
  for (let e = 0; e < E; e++) {
    const n = evOff[e + 1]! - evOff[e]!;
    bound += (n * (n - 1)) / 2;
  }
  const mark = new Int32Array(P).fill(-1), cnt = new Int32Array(P), touched = new Int32Array(P);
  const off = new Float64Array(P + 1);
  const nbr = new Int32Array(bound), wt = new Int32Array(bound);
  let edges = 0, total = 0, strong = 0, maxw = 0;
  for (let a = 0; a < P; a++) {
    let nt = 0;
    for (let x = pOff[a]!; x < pOff[a + 1]!; x++) {
      const e = pEv[x]!;
      for (let i = evOff[e]!; i < evOff[e + 1]!; i++) {
        const b = mem[i]!;
        if (b <= a) continue;
        if (mark[b] !== a) {
          mark[b] = a;
          cnt[b] = 0;
          touched[nt++] = b;
        }
        cnt[b]!++;
      }
    }
    for (let i = 0; i < nt; i++) {
      const w = cnt[touched[i]!]!;
      nbr[edges + i] = touched[i]!;
      wt[edges + i] = w;
      total += w;
      if (w >= 2) strong++;
      if (w > maxw) maxw = w;
    }
    edges += nt;
    off[a + 1] = edges;
  }
  const tProj = (performance.now() - t2) / 1000;
  const peakProj = readPeakRssMb() ?? 0;
  const round = (x: number, d: number): number => Number(x.toFixed(d));
  return {
    tool: 'limit.js',
    version: process.version,
    steps: {
      parse: { s: round(tParse, 3), peak_mb: round(peakParse, 1) },
      dedupe_index: { s: round(tDedupe, 3), peak_mb: round(peakDedupe, 1) },
      person_proj_mark: { s: round(tProj, 3), peak_mb: round(peakProj, 1) },
    },
    total_s: round((performance.now() - tStart) / 1000, 3),
    process_peak_mb: round(Math.max(peakParse, peakDedupe, peakProj), 1),
    loadavg_end: round(loadavg()[0] ?? -1, 2),
    input: basename(path),
    checksum: { rows, attendances: A, people: P, events: E, person_edges: edges, total_weight: total, max_weight: maxw, strong_ties: strong, weak_ties: edges - strong, newman_sum: Number(newman.toFixed(6)) },
  } as PeerResult;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node limit-js.js FILE.csv\n');
    process.exit(1);
  }
  process.stdout.write(JSON.stringify(runLimitJs(file), null, 1) + '\n');
}
