/**
 * The error family of @mycorrhiza/core. Tests assert the class and its fields, so messages may improve freely.
 * A message says who speaks, what was expected, what arrived and how to fix it.
 */

/** Base class of every error thrown on purpose by Mycorrhiza. */
export class MycorrhizaError extends Error {
  override name = 'MycorrhizaError';
}

/** An option has a value of the wrong type or out of range. */
export class InvalidOptionError extends MycorrhizaError {
  override name = 'InvalidOptionError';
  constructor(
    /** The function or command speaking, e.g. `personNetwork`. */
    readonly who: string,
    /** The option name, e.g. `strongMin`. */
    readonly option: string,
    /** The value received. */
    readonly value: unknown,
    /** What was expected, in words, e.g. `an integer >= 1`. */
    readonly expected: string,
  ) {
    super(`${who}: option "${option}" should be ${expected}, received ${describeValue(value)}.`);
  }
}

/** A named thing (person, organisation, event, example) does not exist. */
export class NotFoundError extends MycorrhizaError {
  override name = 'NotFoundError';
  constructor(
    readonly kind: string,
    readonly key: string,
    hint = '',
  ) {
    super(`No ${kind} named "${key}" was found.${hint ? ' ' + hint : ''}`);
  }
}

/** An algorithm was given a graph it cannot work on (e.g. directed when it needs undirected). */
export class UnsupportedGraphError extends MycorrhizaError {
  override name = 'UnsupportedGraphError';
  constructor(
    readonly who: string,
    readonly needs: string,
  ) {
    super(`${who}: this function needs ${needs}.`);
  }
}

/** A problem in a user's file, located by file, 1-based spreadsheet row (header = row 1) and column. */
export class InputError extends MycorrhizaError {
  override name = 'InputError';
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly column: string | null,
    message: string,
    readonly fix = '',
  ) {
    super(`${file}${row != null ? ` row ${row}` : ''}${column ? `, column "${column}"` : ''}: ${message}${fix ? ' ' + fix : ''}`);
  }
}

/** Short, printable description of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (value === undefined) return 'undefined';
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s.length > 60 ? s.slice(0, 57) + '...' : s;
  } catch {
    return String(value);
  }
}
