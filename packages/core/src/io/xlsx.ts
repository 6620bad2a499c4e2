/**
 * XLSX sheets with read-excel-file's `universal` entry, which reads an ArrayBuffer in Node and in a browser
 * (Web Worker included) alike. Date-formatted cells arrive as Date objects (UTC midnight for whole days),
 * other numbers as numbers; the date parser turns serial numbers in a date column into dates.
 */
import readXlsxFile from 'read-excel-file/universal';
import type { CellValue } from './types.js';

/** The rows of one sheet (row i is spreadsheet row i + 1) and the sheet's name. */
export interface XlsxSheet {
  sheet: string;
  rows: CellValue[][];
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
    return found ? { sheet: found.sheet, rows: found.data as CellValue[][] } : { sheet: sheet ?? '', rows: [] };
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
