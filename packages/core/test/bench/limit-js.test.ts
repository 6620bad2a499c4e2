/**
 * `limit.js`, the C program's job in JavaScript (src/bench/limit-js.ts): its checksums against a brute-force count
 * of the same projection on random files with quoted ids, doubled quotes, CRLF line ends, repeated rows and short
 * lines (which limit.c skips).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLimitJs } from '../../src/bench/limit-js.js';

const dir = mkdtempSync(join(tmpdir(), 'limit-js-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Seeded linear congruential generator (deterministic files). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('limit.js (limit.c in JavaScript)', () => {
  it('gives the checksums of a brute-force projection', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = lcg(seed);
      const crlf = seed % 2 === 0 ? '\r\n' : '\n';
      const lines = ['event_id,event_date,person_id,organisation'];
      const members = new Map<string, Set<string>>();
      let rows = 0;
      for (let i = 0; i < 400; i++) {
        const ev = `E${Math.floor(rnd() * 30)}`;
        const who = Math.floor(rnd() * 60);
        // Ids written plainly, quoted, or with a doubled quote inside (a different id).
        const kind = Math.floor(rnd() * 4);
        const person = kind === 3 ? `P"${who}` : `P${who}`;
        const cell = kind === 0 ? person : `"${person.replace(/"/g, '""')}"`;
        if (rnd() < 0.05) {
          lines.push(`${ev},2023-01-01`); // short line: no person column, skipped
          continue;
        }
        lines.push(`${ev},2023-01-01,${cell},"Org, ${who % 7}"`);
        rows++;
        // limit.c keeps a quoted id's text between the quotes as written (doubled quotes stay doubled).
        const key = kind === 0 ? person : person.replace(/"/g, '""');
        if (!members.has(ev)) members.set(ev, new Set());
        members.get(ev)!.add(key);
      }
      const file = join(dir, `f${seed}.csv`);
      writeFileSync(file, lines.join(crlf) + crlf);
      const pairs = new Map<string, number>();
      for (const set of members.values()) {
        const m = [...set].sort();
        for (let a = 0; a < m.length; a++) for (let b = a + 1; b < m.length; b++) pairs.set(m[a] + '\u0000' + m[b], (pairs.get(m[a] + '\u0000' + m[b]) ?? 0) + 1);
      }
      const weights = [...pairs.values()];
      const r = runLimitJs(file);
      expect(r.tool).toBe('limit.js');
      expect(r.checksum).toMatchObject({
        rows,
        attendances: [...members.values()].reduce((s, m) => s + m.size, 0),
        events: members.size,
        person_edges: pairs.size,
        total_weight: weights.reduce((s, w) => s + w, 0),
        strong_ties: weights.filter((w) => w >= 2).length,
        max_weight: Math.max(...weights),
        newman_sum: [...members.values()].reduce((s, m) => s + (m.size >= 2 ? m.size / 2 : 0), 0),
      });
      for (const step of ['parse', 'dedupe_index', 'person_proj_mark']) expect(r.steps[step]!.s).toBeGreaterThanOrEqual(0);
    }
  });
});
