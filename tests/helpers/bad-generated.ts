/**
 * The big inputs of the bad-input corpus, generated on demand instead of committed (tests/fixtures/bad/manifest.json
 * names them with `generated`): 10,000 columns, 5 MB cells, an unclosed quote before 5 MB of rows, files over
 * the size limits, and the streamed attendance files of the big-input tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { READ_LIMITS } from '../../packages/core/src/io/limits.js';
import type { InputFile } from '../../packages/core/src/io/types.js';
import { ROOT } from './cli.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const MB5 = 5 * 1024 * 1024;

async function wideXlsx(): Promise<Uint8Array> {
  const require = createRequire(join(ROOT, 'packages/core/package.json'));
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Breed');
  ws.addRow(Array.from({ length: READ_LIMITS.maxColumns + 1 }, (_, i) => `c${i + 1}`));
  ws.addRow(['An', 'Kick-off', '2023-01-10']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Generators by the manifest's `generated` key. */
export const GENERATORS: Record<string, () => Uint8Array | Promise<Uint8Array>> = {
  wide: () => utf8(Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',') + '\n' + 'a,'.repeat(9_999) + 'a\n'),
  wideXlsx,
  bigCell: () => utf8(`person,event,date\nAn,Kick-off,2023-01-10\n${'x'.repeat(MB5)},Kick-off,2023-01-10\nBert,Kick-off,2023-01-10\n`),
  bigQuotedCell: () => utf8(`person,event,date\nAn,Kick-off,2023-01-10\n"${'y, "" \n'.repeat(MB5 / 8)}",Kick-off,2023-01-10\nBert,Kick-off,2023-01-10\n`),
  unclosedQuoteBig: () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `Person number ${i} of a long attendance list,Event ${i % 100},2023-01-${String((i % 28) + 1).padStart(2, '0')}`);
    return utf8(`person,event,date\nAn,Event 0,2023-01-01\n"Broken,Event 1,2023-01-02\n${rows.join('\n')}\n`);
  },
  longCell: () => utf8(`person,event,date\nAn,Kick-off,2023-01-10\n"${'z'.repeat(200_000)}",Kick-off,2023-01-10\nBert,Kick-off,2023-01-10\n`),
  wideRow: () => utf8(`person,event,date\nAn,Kick-off,2023-01-10${',z'.repeat(10_000)}\nBert,Kick-off,2023-01-10\n`),
  manyErrors: () => utf8('person,event,date\n' + 'An,,2023-01-10\n'.repeat(READ_LIMITS.maxIssuesPerFile + 50)),
  tooLarge: () => {
    const bytes = new Uint8Array(READ_LIMITS.maxFileBytes + 1).fill(0x61);
    bytes.set(utf8('person,event,date\n'));
    return bytes;
  },
  tooLargeXlsx: () => {
    const bytes = new Uint8Array(READ_LIMITS.maxXlsxBytes + 1);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    return bytes;
  },
};

/** The bytes of a corpus file: generated, or read from tests/fixtures/bad. */
export async function corpusFile(file: string, generated?: string): Promise<InputFile> {
  if (generated) {
    const make = GENERATORS[generated];
    if (!make) throw new Error(`no generator "${generated}" for ${file}`);
    return { name: file, bytes: await make() };
  }
  return { name: file, bytes: new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/bad', file))) };
}

/**
 * An attendance CSV of `rows` rows over `people` people and `events` events (all dated, one organisation per
 * person), built row by row into one buffer without an intermediate string of the whole file.
 * Row i: person i mod people, event ⌊i / people⌋ mod events — so each (person, event) pair repeats only when
 * rows > people × events.
 */
export function attendanceCsv(rows: number, people: number, events: number): Uint8Array {
  const header = utf8('person,organisation,event,date\n');
  const lines: Uint8Array[] = [header];
  let size = header.length;
  const chunk: string[] = [];
  const flush = () => {
    const b = utf8(chunk.join(''));
    lines.push(b);
    size += b.length;
    chunk.length = 0;
  };
  for (let i = 0; i < rows; i++) {
    const p = i % people;
    const e = Math.floor(i / people) % events;
    const day = new Date(Date.UTC(2020, 0, 1) + e * 86_400_000).toISOString().slice(0, 10);
    chunk.push(`Person ${p},Organisation ${p % 97},Event ${e},${day}\n`);
    if (chunk.length === 10_000) flush();
  }
  flush();
  const out = new Uint8Array(size);
  let o = 0;
  for (const l of lines) {
    out.set(l, o);
    o += l.length;
  }
  return out;
}
