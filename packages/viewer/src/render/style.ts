/**
 * The map's visual rules in one place: node sizes by ties or attendance, edge looks by strength class and
 * recency state (strong: thick, solid, dark; weak: thin, light; fading: faded), and colour helpers.
 */
import { EDGE_PLAIN, EDGE_STRONG, EDGE_STRONG_FADING, EDGE_WEAK, EDGE_WEAK_FADING, NODE_EVENT, NODE_PERSON } from '../scene/types.js';

export const THEME = Object.freeze({
  background: '#f6f5f1',
  label: '#1c2230',
  labelHalo: 'rgba(246,245,241,0.92)',
  dimmed: '#d9dbe0',
  dimmedEdge: '#ecebe7',
});

/** Look of an edge class: colour (with alpha) and thickness in pixels. */
export interface EdgeLook {
  color: string;
  size: number;
}

// Opaque colours: semi-transparent WebGL colours composite lighter than intended on a light page, so fading and
// fade-ins mix towards the background instead of using alpha.
export const EDGE_LOOKS: Readonly<Record<number, EdgeLook>> = Object.freeze({
  [EDGE_STRONG]: { color: '#5d6983', size: 1.7 },
  [EDGE_WEAK]: { color: '#cdd0d6', size: 0.6 },
  [EDGE_STRONG_FADING]: { color: '#bcc1ca', size: 1.3 },
  [EDGE_WEAK_FADING]: { color: '#e0e1e3', size: 0.6 },
  [EDGE_PLAIN]: { color: '#c9ccd3', size: 0.7 },
});

/** Node radius range (pixels) for a node kind, smaller for very large maps. */
export function sizeRange(kind: number, nodeCount: number): [number, number] {
  const big = nodeCount > 3000;
  if (kind === NODE_EVENT) return big ? [1.5, 5] : [2.5, 9];
  if (kind === NODE_PERSON) return big ? [1.2, 6] : [2.2, 12];
  return big ? [1.8, 9] : [4, 22];
}

/** Radius for a value on a square-root scale from 0 to `max`. */
export function nodeRadius(kind: number, nodeCount: number, value: number, max: number): number {
  const [lo, hi] = sizeRange(kind, nodeCount);
  return lo + (hi - lo) * Math.sqrt(Math.max(0, value) / Math.max(1, max));
}

function hex(color: string): [number, number, number] {
  return [parseInt(color.slice(1, 3), 16), parseInt(color.slice(3, 5), 16), parseInt(color.slice(5, 7), 16)];
}

/**
 * Mix a `#rrggbb` colour towards the background: `t` = 1 gives the colour, 0 the background. Rounded to 1/32
 * steps to keep sigma's colour cache small.
 */
export function mixToward(color: string, background: string, t: number): string {
  const k = Math.round(Math.max(0, Math.min(1, t)) * 32) / 32;
  if (k >= 1) return color;
  const a = hex(color), b = hex(background);
  const c = a.map((v, i) => Math.round(b[i]! + (v - b[i]!) * k));
  return '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
}

/** Shorten a label for the map. */
export function shortLabel(text: string, max = 30): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}
