import { expect, test } from 'vitest';
import { drawingOrder } from '../../src/render/order.js';

/** A scene's edge event lists from the number of shared events of each edge. */
function lists(totals: number[]): { edgeCount: number; edgeEventStart: Int32Array } {
  const start = new Int32Array(totals.length + 1);
  totals.forEach((t, i) => (start[i + 1] = start[i]! + t));
  return { edgeCount: totals.length, edgeEventStart: start };
}

test('edges are drawn by shared events (strong ties last), ties of equal weight in index order', () => {
  expect([...drawingOrder(lists([3, 1, 2, 1, 3, 0]))]).toEqual([5, 1, 3, 2, 0, 4]);
  expect([...drawingOrder(lists([]))]).toEqual([]);
});

test('the order equals a comparison sort on (total, index) for a seeded random network', () => {
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const totals = Array.from({ length: 5_000 }, () => Math.floor(rnd() * rnd() * 40));
  const expected = totals.map((_, i) => i).sort((a, b) => totals[a]! - totals[b]! || a - b);
  expect([...drawingOrder(lists(totals))]).toEqual(expected);
});
