/**
 * Strings kept for a whole read, made independent of the text they were cut from. In V8 a substring of 13 or
 * more characters is a view into its parent string (a "sliced string"), so a name kept in a map after it was cut
 * from a file's text keeps that whole text alive, and a streamed file (read window by window) would keep every
 * window holding a first spelling: memory growing with the file, not with the distinct names. Concatenating and
 * slicing makes V8 copy the characters into a string of their own. For the few strings kept (one per distinct
 * name, value or report line), never per row.
 */

/** `text` with its own characters (the same value): it keeps no larger string alive. */
export function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** `detach` for optional values. */
export function detachOrNull(text: string | null | undefined): string | null {
  return text == null ? null : detach(text);
}
