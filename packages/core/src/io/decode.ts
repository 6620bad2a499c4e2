/**
 * Format and encoding sniffing for user files. The content decides, the extension only breaks ties: a PNG
 * renamed `.csv` is refused as a picture, a zip is read as XLSX. Text is UTF-8 (with or without BOM), UTF-16
 * with BOM (or plainly UTF-16 LE/BE by its zero bytes), else Windows-1252 (Excel's plain "CSV" export in
 * Western Europe). Windows-1252 is decoded with our own table: Node 20's TextDecoder gets 0x80–0x9F wrong.
 */

/** What the first bytes say about a file. */
export type SniffedKind = 'zip' | 'text' | { binary: string };

/** Windows-1252 code points for bytes 0x80–0x9F (the five undefined bytes map to themselves, as in WHATWG). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
] as const;

const MAGIC: { bytes: number[]; name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG picture' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG picture' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF picture' },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Excel .xls (or Word .doc) file' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Look at the first bytes: a zip container (XLSX), a known binary format, or text. */
export function sniffBytes(bytes: Uint8Array): SniffedKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  for (const m of MAGIC) if (startsWith(bytes, m.bytes)) return { binary: m.name };
  return 'text';
}

/** A decoded text and the encoding that was used. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  const codes = new Array<number>(CHUNK);
  let k = 0;
  for (let i = start; i + 1 < bytes.length; i += 2) {
    codes[k++] = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
    if (k === CHUNK) {
      parts.push(String.fromCharCode(...codes));
      k = 0;
    }
  }
  if (k > 0) parts.push(String.fromCharCode(...codes.slice(0, k)));
  return parts.join('');
}

/** Decode Windows-1252 with a table (Node 20's TextDecoder maps 0x80–0x9F to C1 controls). */
export function decodeWindows1252(bytes: Uint8Array, start = 0): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = start; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      codes[j - i] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Guess UTF-16 without BOM from zero bytes: ASCII text in UTF-16 has a zero in every other byte. */
function guessUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 2000) & ~1;
  if (n < 4) return null;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > 0.4 * pairs && evenZero < 0.05 * pairs) return 'le';
  if (evenZero > 0.4 * pairs && oddZero < 0.05 * pairs) return 'be';
  return null;
}

/** Decode a text file: UTF-8 (BOM stripped), UTF-16 (by BOM or zero-byte pattern), else Windows-1252. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decodeUtf16(bytes, 2, true), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decodeUtf16(bytes, 2, false), encoding: 'utf-16be' };
  const guess = guessUtf16(bytes);
  if (guess) return { text: decodeUtf16(bytes, 0, guess === 'le'), encoding: guess === 'le' ? 'utf-16le' : 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * True when decoded text looks like binary data rather than a table: NUL characters, or more than 1% of
 * control characters other than tab, CR and LF in the first 64k characters.
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  return control > 0.01 * n;
}

/** Lower-case extension of a file name without the dot ('' when none). */
export function extensionOf(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * For bytes that are not valid UTF-8: the first invalid byte and the number of well-formed multi-byte UTF-8
 * sequences. Several such sequences mean a UTF-8 file with a few stray bytes (pasted from elsewhere), which
 * Windows-1252 decoding would garble; null when there is no such sequence (a genuine Windows-1252 file).
 */
export function utf8Evidence(bytes: Uint8Array): { badOffset: number; badByte: number; sequences: number } | null {
  let sequences = 0;
  let badOffset = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += len;
    } else {
      if (badOffset < 0) badOffset = i;
      i++;
    }
  }
  return sequences > 0 && badOffset >= 0 ? { badOffset, badByte: bytes[badOffset]!, sequences } : null;
}
