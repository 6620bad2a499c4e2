/**
 * Drawing order of a map's edges: sigma draws in insertion order, so edges with more shared events in the whole
 * network go last and strong ties lie on top of weak ones. Ties on the same count keep their index order.
 */
import type { Scene } from '../scene/types.js';

/** Edge indices by total shared events, then by index (a stable counting sort: linear in the edge count). */
export function drawingOrder(scene: Pick<Scene, 'edgeCount' | 'edgeEventStart'>): Int32Array {
  const M = scene.edgeCount;
  const total = (i: number): number => scene.edgeEventStart[i + 1]! - scene.edgeEventStart[i]!;
  let maxTotal = 0;
  for (let i = 0; i < M; i++) maxTotal = Math.max(maxTotal, total(i));
  const start = new Int32Array(maxTotal + 2);
  for (let i = 0; i < M; i++) start[total(i) + 1]!++;
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
  const order = new Int32Array(M);
  for (let i = 0; i < M; i++) order[start[total(i)]!++] = i;
  return order;
}
