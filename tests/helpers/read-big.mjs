// Child process for tests/big-input.test.ts: generate an attendance CSV of ROWS rows over PEOPLE people and EVENTS
// events, read it with the built readers, and print one JSON line: time, peak heap above the baseline (sampled on
// every progress call), peak live heap (after a forced GC every 40th progress call), RSS, counts and the first problems. Run: node --expose-gc read-big.mjs ROWS PEOPLE EVENTS
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [rows, people, events] = process.argv.slice(2).map(Number);
const root = process.env.MYCORRHIZA_ROOT;
const { readAttendance } = await import(pathToFileURL(join(root, 'packages/core/dist/io/index.js')).href);

function attendanceCsv(rows, people, events) {
  const enc = new TextEncoder();
  const parts = [enc.encode('person,organisation,event,date\n')];
  let chunk = [];
  for (let i = 0; i < rows; i++) {
    const p = i % people;
    const e = Math.floor(i / people) % events;
    const day = new Date(Date.UTC(2020, 0, 1) + e * 86_400_000).toISOString().slice(0, 10);
    chunk.push(`Person ${p},Organisation ${p % 97},Event ${e},${day}\n`);
    if (chunk.length === 10_000) {
      parts.push(enc.encode(chunk.join('')));
      chunk = [];
    }
  }
  parts.push(enc.encode(chunk.join('')));
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const bytes = attendanceCsv(rows, people, events);
globalThis.gc?.();
const base = process.memoryUsage().heapUsed;
let peak = 0;
let live = 0;
let calls = 0;
const t0 = performance.now();
const { report, model } = await readAttendance([{ name: 'big.csv', bytes }], {
  nearDuplicates: false,
  onProgress: () => {
    calls++;
    const h = process.memoryUsage().heapUsed - base;
    if (h > peak) peak = h;
    // Every 40th call (about every 4% of a big file), collect garbage and sample the live heap.
    if (calls % 40 === 0 && globalThis.gc) {
      globalThis.gc();
      live = Math.max(live, process.memoryUsage().heapUsed - base);
    }
  },
});
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, bytes: bytes.length, peakHeap: peak, liveHeap: live, rss: process.memoryUsage().rss, progressCalls: calls, counts: report.counts, attendances: model.attendance.length, errors: report.errors.slice(0, 3), warnings: report.warnings.length }) + '\n');
