/**
 * Sector colours: a fixed categorical palette (Tableau 20 order, tuned for a light background) assigned by a
 * hash of the sector name with linear probing, so a sector keeps its colour across data sets when possible and
 * two sectors never share a colour while the palette lasts.
 */

export const SECTOR_PALETTE = Object.freeze([
  '#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7', '#9c755f', '#2f6f9f',
  '#d37295', '#8cd17d', '#b6992d', '#499894', '#e17c05', '#86bcb6', '#a0cbe8', '#f1ce63', '#bab0ac', '#d4a6c8',
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

/** Colours for sector names (same order as given). Deterministic: sorted names claim slots in turn. */
export function sectorColors(sectors: readonly string[]): string[] {
  const taken = new Array<boolean>(SECTOR_PALETTE.length).fill(false);
  const bySector = new Map<string, string>();
  const sorted = [...new Set(sectors)].sort();
  let overflow = 0;
  for (const name of sorted) {
    let slot = hashString(name.toLowerCase()) % SECTOR_PALETTE.length;
    let tries = 0;
    while (taken[slot] && tries < SECTOR_PALETTE.length) {
      slot = (slot + 1) % SECTOR_PALETTE.length;
      tries++;
    }
    if (tries === SECTOR_PALETTE.length) {
      // More sectors than colours: reuse in a fixed order.
      bySector.set(name, SECTOR_PALETTE[overflow++ % SECTOR_PALETTE.length]!);
    } else {
      taken[slot] = true;
      bySector.set(name, SECTOR_PALETTE[slot]!);
    }
  }
  return sectors.map((s) => bySector.get(s)!);
}
