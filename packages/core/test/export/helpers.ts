/**
 * Test helpers for outputs: a strict RFC 4180 CSV parser (to read tables back without trusting the writer) and a
 * small XML well-formedness checker (balanced tags, quoted attributes, known entities, no raw `<` or `&`).
 */

/** Parse CSV text (comma, `"` quoting, `\n` or `\r\n` line ends) into header + rows of records. */
export function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const records: string[][] = [];
  let field = '';
  let row: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') (field += '"', (i += 2));
        else (quoted = false, i++);
      } else (field += c, i++);
      continue;
    }
    if (c === '"' && field === '') (quoted = true, i++);
    else if (c === ',') (row.push(field), (field = ''), i++);
    else if (c === '\n' || c === '\r') {
      row.push(field);
      records.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else (field += c, i++);
  }
  if (field !== '' || row.length) (row.push(field), records.push(row));
  if (quoted) throw new Error('parseCsv: unterminated quoted field');
  const [header = [], ...body] = records;
  for (const r of body) if (r.length !== header.length) throw new Error(`parseCsv: row with ${r.length} cells, header has ${header.length}`);
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]!]))) };
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;

/**
 * Check that `xml` is well-formed XML 1.0 (the subset our writers emit: declaration, comments, elements,
 * attributes, text, the five entities and numeric character references). Returns the root element name and
 * the count of elements; throws with the offset on the first violation.
 */
export function checkXml(xml: string): { root: string; elements: number; names: Map<string, number> } {
  let i = 0;
  const stack: string[] = [];
  const names = new Map<string, number>();
  let elements = 0;
  let root = '';
  const fail = (msg: string): never => {
    throw new Error(`checkXml: ${msg} at offset ${i}: ${JSON.stringify(xml.slice(Math.max(0, i - 40), i + 40))}`);
  };
  const text = (s: string) => {
    if (s.includes('<')) fail('raw < in text');
    const amp = /&/g;
    let m: RegExpExecArray | null;
    while ((m = amp.exec(s))) {
      const rest = s.slice(m.index);
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/.test(rest)) fail('bad entity');
    }
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s)) fail('control character');
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    i = end + 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const chunk = lt < 0 ? xml.slice(i) : xml.slice(i, lt);
    if (stack.length === 0 && chunk.trim() !== '') fail('text outside the root element');
    text(chunk);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      if (xml.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('</', i)) {
      const m = NAME.exec(xml.slice(i + 2));
      if (!m) fail('bad closing tag');
      const name = m![0];
      const close = xml.indexOf('>', i);
      if (xml.slice(i + 2 + name.length, close).trim() !== '') fail('junk in closing tag');
      if (stack.pop() !== name) fail(`mismatched </${name}>`);
      i = close + 1;
      continue;
    }
    const m = NAME.exec(xml.slice(i + 1));
    if (!m) fail('bad tag name');
    const name = m![0];
    if (stack.length === 0) {
      if (root) fail('second root element');
      root = name;
    }
    i += 1 + name.length;
    const seen = new Set<string>();
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0];
      i += ws.length;
      if (xml.startsWith('/>', i)) {
        i += 2;
        break;
      }
      if (xml[i] === '>') {
        i += 1;
        stack.push(name);
        break;
      }
      if (!ws) fail('missing space before attribute');
      const a = NAME.exec(xml.slice(i));
      if (!a) fail('bad attribute name');
      if (seen.has(a![0])) fail(`duplicate attribute ${a![0]}`);
      seen.add(a![0]);
      i += a![0].length;
      if (xml[i] !== '=') fail('attribute without =');
      const q = xml[i + 1];
      if (q !== '"' && q !== "'") fail('unquoted attribute');
      const end = xml.indexOf(q!, i + 2);
      if (end < 0) fail('unterminated attribute');
      text(xml.slice(i + 2, end));
      i = end + 1;
    }
    elements++;
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  if (stack.length) fail(`unclosed <${stack[stack.length - 1]}>`);
  if (!root) fail('no root element');
  return { root, elements, names };
}
