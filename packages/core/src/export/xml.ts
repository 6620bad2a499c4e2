/**
 * Strict XML text helpers for the GEXF and GraphML writers: every piece of user text goes through `escapeXml`,
 * which escapes the five markup characters and drops code points that XML 1.0 forbids (C0 controls other than
 * tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF), so any name yields a well-formed file.
 */

// Characters not allowed anywhere in an XML 1.0 document (section 2.2, production [2] Char).
// Lone surrogates are matched by the `u` flag as single code points.
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// Any character that `escapeXml` / `escapeXmlAttribute` would change: most values (numbers, dates, ids) have none.
const NEEDS_ESCAPE = /[^\u0020-\u0021\u0023-\u0025\u0028-\u003B\u003D\u003F-\uD7FF\uE000-\uFFFD]/;

/** Escape text for use in XML content or a double-quoted attribute; forbidden characters are removed. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

/** Escape an attribute value; tabs and line breaks become character references so parsers keep them. */
export function escapeXmlAttribute(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return escapeXml(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** `name="value"` pairs for the non-null entries, in the given order. */
export function xmlAttributes(pairs: ReadonlyArray<readonly [string, string | number | boolean | null | undefined]>): string {
  let out = '';
  for (const [name, value] of pairs) {
    if (value == null) continue;
    out += ` ${name}="${escapeXmlAttribute(formatXmlValue(value))}"`;
  }
  return out;
}

/** Numbers in shortest round-trip form (non-finite values become empty), booleans as true/false. */
export function formatXmlValue(value: string | number | boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/** Lines per piece yielded by the chunked writers (`gexfChunks`, `graphmlChunks`). */
export const CHUNK_LINES = 4096;
