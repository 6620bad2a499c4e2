/**
 * Sector colours: a fixed categorical palette of clearly distinct hues (Tableau 10 without its grey, then darker
 * and lighter extras, each far from the others in hue or lightness), assigned deterministically: sectors sorted
 * by size (largest first, then by name) take the colours in palette order, so the biggest groups get the most
 * distinct colours and the same data always gets the same colours.
 */

export const SECTOR_PALETTE = Object.freeze([
  '#4e79a7', // blue
  '#f28e2b', // orange
  '#e15759', // red
  '#59a14f', // green
  '#b07aa1', // mauve
  '#edc948', // yellow
  '#2a9d8f', // teal
  '#ff9da7', // pink
  '#9c755f', // brown
  '#1f3d7a', // navy
  '#a6d854', // lime
  '#6a3d9a', // violet
  '#8ecae6', // light blue
  '#ffbe7d', // peach
  '#8f8a2c', // olive
  '#8c2d2d', // maroon
  '#d4a6c8', // lilac
  '#3d3d3d', // charcoal
]);

/** Colour of nodes without a sector. */
export const NO_SECTOR_COLOR = '#8d95a3';
/** Colour of event nodes (two-mode view). */
export const EVENT_COLOR = '#5b6472';

/** FNV-1a 32-bit hash of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Colours for sector names (same order as given). `sizes` (sector → count) orders the claim on the palette;
 * without it, or on equal sizes, names in alphabetical order. Beyond the palette, colours repeat in order.
 */
export function sectorColors(sectors: readonly string[], sizes?: ReadonlyMap<string, number>): string[] {
  const size = (name: string) => sizes?.get(name) ?? 0;
  const sorted = [...new Set(sectors)].sort((a, b) => size(b) - size(a) || (a < b ? -1 : a > b ? 1 : 0));
  const bySector = new Map(sorted.map((name, i) => [name, SECTOR_PALETTE[i % SECTOR_PALETTE.length]!]));
  return sectors.map((s) => bySector.get(s)!);
}
