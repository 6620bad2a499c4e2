/**
 * Identity of names: two spellings are the same person or organisation when they are equal after trimming,
 * collapsing spaces, Unicode normalisation (NFC vs NFD count as one), dropping invisible format characters,
 * and folding case and accents.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Invisible format characters (zero-width space and joiners, soft hyphen, bidi marks, BOM): a name pasted
// from a web page or a PDF often carries them, and they must not split one person into two.
const INVISIBLE = /\p{Cf}/gu;
const SPACES = /\s+/g;
/** Printable ASCII only: Unicode normalisation, format characters and accents are no-ops there. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * 0: `name` is visible ASCII words with single spaces between them (no space at either end), so trimming and
 * collapsing spaces keep it as it is; bit 1: it also has upper-case letters. -1: anything else.
 */
function plainAscii(name: string): number {
  let upper = 0;
  let prevSpace = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return -1;
      prevSpace = true;
      continue;
    }
    if (c < 33 || c > 126) return -1;
    if (c >= 65 && c <= 90) upper = 1;
    prevSpace = false;
  }
  return prevSpace && name.length > 0 ? -1 : upper;
}

/** The identity key of a name: `"  Élise  Dupont "` and `"elise dupont"` give the same key. */
export function nameKey(name: string): string {
  // Same result as the full folding below (a property test checks it), without the Unicode passes; a plain
  // lower-case name (codes, e-mail-like ids) is its own key.
  const plain = plainAscii(name);
  if (plain === 0) return name;
  if (plain === 1) return name.toLowerCase();
  if (PRINTABLE_ASCII.test(name)) return name.replace(SPACES, ' ').trim().toLowerCase();
  return name.normalize('NFKD').replace(INVISIBLE, '').replace(COMBINING_MARKS, '').replace(SPACES, ' ').trim().toLocaleLowerCase('en').normalize('NFC');
}

/** A display form of a name: NFC, trimmed, inner spaces collapsed; case and accents kept. */
export function cleanName(name: string): string {
  if (plainAscii(name) >= 0) return name;
  if (PRINTABLE_ASCII.test(name)) return name.replace(SPACES, ' ').trim();
  return name.normalize('NFC').replace(SPACES, ' ').trim();
}
