import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../../src/io/index.js';

/** A fixture from tests/fixtures/io (or another folder under tests/fixtures) as an InputFile named by its base name. */
export function fixture(name: string, folder = 'io'): InputFile {
  const path = fileURLToPath(new URL(`../../../../tests/fixtures/${folder}/${name}`, import.meta.url));
  return { name, bytes: new Uint8Array(readFileSync(path)) };
}

/** An in-memory UTF-8 file. */
export function textFile(name: string, text: string): InputFile {
  return { name, bytes: new TextEncoder().encode(text) };
}
