/**
 * XLSX sheets with read-excel-file's `universal` entry, which reads an ArrayBuffer in Node and in a browser
 * (Web Worker included) alike. Date-formatted cells arrive as Date objects (UTC midnight for whole days),
 * other numbers as numbers; the date parser turns serial numbers in a date column into dates.
 */
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import type { CellValue } from './types.js';

/** The rows of one sheet (row i is spreadsheet row i + 1) and the sheet's name. */
export interface XlsxSheet {
  sheet: string;
  rows: CellValue[][];
  /**
   * Cells holding a formula without a computed value (never recalculated, or an error such as #N/A), by
   * spreadsheet row: 0-based column indexes. read-excel-file reads them as empty, so they are found here.
   */
  uncomputed: Map<number, number[]>;
}

/** Thrown when a named sheet does not exist; lists the sheets that do. */
export class XlsxSheetNotFound extends Error {
  constructor(
    readonly sheet: string,
    readonly available: string[],
  ) {
    super(`no sheet named "${sheet}"`);
  }
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes.buffer
    : (bytes.slice().buffer as ArrayBuffer);
}

/** Read one sheet (the first unless `sheet` names one). Throws XlsxSheetNotFound or the library's own error. */
export async function readXlsxSheet(bytes: Uint8Array, sheet: string | null): Promise<XlsxSheet> {
  const input = toArrayBuffer(bytes);
  // `sheets` is an undocumented-in-types option of read-excel-file 9 (used by its own readSheet): read one sheet only.
  const options = { sheets: [sheet ?? 1] } as Record<string, unknown>;
  try {
    const sheets = await readXlsxFile(input, options);
    const found = sheets[0];
    if (!found) return { sheet: sheet ?? '', rows: [], uncomputed: new Map() };
    return { sheet: found.sheet, rows: found.data as CellValue[][], uncomputed: findUncomputedCells(bytes, found.sheet) };
  } catch (err) {
    const e = err as { name?: string; sheets?: unknown };
    if (e?.name === 'SheetNotFoundError') {
      const available = Array.isArray(e.sheets) ? e.sheets.map(String) : [];
      // Be lenient on case: "aanwezigheden" finds "Aanwezigheden".
      const match = sheet != null ? available.find((s) => s.toLowerCase() === sheet.trim().toLowerCase()) : undefined;
      if (match && match !== sheet) return readXlsxSheet(bytes, match);
      throw new XlsxSheetNotFound(sheet ?? '1', available);
    }
    throw err;
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => XML_ENTITIES[e]!);

/** Column letters ("B", "AA") to a 0-based index. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Scan the sheet's XML for formula cells with no cached value (`<f>` without `<v>`) and error cells (`t="e"`).
 * Best effort: a workbook whose parts cannot be found gives an empty map (read-excel-file already read it).
 */
export function findUncomputedCells(bytes: Uint8Array, sheetName: string): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' });
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
    let relId: string | null = null;
    for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      if (name != null && unescapeXml(name) === sheetName) relId = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? null;
    }
    if (!relId) return out;
    let target: string | null = null;
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/\bId="([^"]*)"/.exec(m[0])?.[1] === relId) target = /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? null;
    }
    if (!target) return out;
    const path = target.startsWith('/') ? target.slice(1) : 'xl/' + target.replace(/^\.\//, '');
    files = unzipSync(bytes, { filter: (f) => f.name === path });
    const xml = files[path];
    if (!xml) return out;
    const text = strFromU8(xml);
    // A cell is `<c r="B3" t="..."> <f>...</f> <v>...</v> </c>` or self-closing; only cells with a formula or an error type matter.
    for (const m of text.matchAll(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[1] ?? '';
      const inner = m[3] ?? '';
      const isError = /\bt="e"/.test(attrs);
      const hasFormula = inner.includes('<f');
      if (!isError && !hasFormula) continue;
      const hasValue = /<v>[^<]/.test(inner) || /<is>/.test(inner);
      if (!isError && hasValue) continue;
      const ref = /\br="([A-Z]+)(\d+)"/.exec(attrs);
      if (!ref) continue;
      const row = Number(ref[2]);
      const cols = out.get(row) ?? [];
      cols.push(columnIndex(ref[1]!));
      out.set(row, cols);
    }
  } catch {
    return out;
  }
  return out;
}
