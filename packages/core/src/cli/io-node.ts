/** The CLI's only contact with the file system for input: read files as bytes, with clear errors. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from './args.js';

export interface NamedBytes {
  /** The name shown in reports: the path as the user typed it. */
  name: string;
  bytes: Uint8Array;
}

export function readInputFiles(command: string, paths: readonly string[]): NamedBytes[] {
  if (paths.length === 0) throw new UsageError(`mycorrhiza ${command}: give at least one attendance file (CSV, XLSX or JSON).`);
  return paths.map((path) => {
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      throw new UsageError(`mycorrhiza ${command}: cannot find "${path}". Check the path (it is relative to ${process.cwd()}).`);
    }
    if (!isFile) throw new UsageError(`mycorrhiza ${command}: "${path}" is not a file (${basename(path)}).`);
    return { name: path, bytes: new Uint8Array(readFileSync(path)) };
  });
}
