/**
 * Every string a user reads comes from the one dictionary in src/i18n: English and Dutch have the same keys,
 * no value is empty, placeholders match, and src/ui/** holds no literal that looks like interface text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN } from '../../src/i18n/en.js';
import { NL } from '../../src/i18n/nl.js';

const UI = join(import.meta.dirname, '../../src/ui');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** String literals of a source file with their line, comments removed. */
export function literals(source: string): { text: string; line: number; before: string }[] {
  const out: { text: string; line: number; before: string }[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const re = /(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const line = code.slice(0, m.index).split('\n').length;
    out.push({ text: m[2]!, line, before: code.slice(Math.max(0, m.index - 24), m.index) });
  }
  return out;
}

/** True when a literal reads like interface text rather than code (class names, attributes, formats). */
export function looksLikeUiText(text: string, before: string): boolean {
  const words = text.replace(/\$\{[^}]*\}/g, ' ').trim();
  if (!/[A-Za-z]{2}/.test(words)) return false;
  // A dictionary key (or a key prefix built with a template) is the dictionary, not text.
  if (text in EN || /^[a-z]+(\.[\w-]*)+$/.test(words)) return false;
  // Where text reaches the user: el(..., { text }), title, labels, placeholders, d3 .text().
  if (/(text|title|placeholder|textContent|'aria-label'|label)\s*[:=]\s*$|\.text\(\s*$/.test(before)) return true;
  if (/^mz-|\bmz-|^[\w-]+$|^[a-z-]+(\s[a-z-]+)*$/.test(words) && !/[A-Z]/.test(words)) return false;
  return /[A-Za-z]{3,}[ ,.:;!?]+[A-Za-z]{3,}/.test(words) && /[A-Z]/.test(words);
}

describe('the dictionary', () => {
  it('has the same keys, non-empty values and the same placeholders in English and Dutch', () => {
    expect(Object.keys(NL).sort()).toEqual(Object.keys(EN).sort());
    for (const k of Object.keys(EN) as (keyof typeof EN)[]) {
      expect(EN[k].trim().length, k).toBeGreaterThan(0);
      expect(NL[k].trim().length, k).toBeGreaterThan(0);
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(NL[k]), k).toEqual(ph(EN[k]));
    }
  });

  it('the scanner flags interface text and passes code', () => {
    expect(looksLikeUiText('Show names', "el('span', { text: ")).toBe(true);
    expect(looksLikeUiText('Close', "{ title: ")).toBe(true);
    expect(looksLikeUiText('Open the files now', 'x(')).toBe(true);
    expect(looksLikeUiText('mz-button mz-small', "{ class: ")).toBe(false);
    expect(looksLikeUiText('data-testid', '')).toBe(false);
    expect(looksLikeUiText(' · ', "{ text: ")).toBe(false);
    expect(looksLikeUiText('translate(0,${h})', 'attr(')).toBe(false);
  });

  it('src/ui/** has no literal interface text: every label goes through t(key)', () => {
    const found: string[] = [];
    const sources = files(UI);
    expect(sources.length).toBeGreaterThan(10);
    for (const f of sources) {
      for (const l of literals(readFileSync(f, 'utf8'))) if (looksLikeUiText(l.text, l.before)) found.push(`${f.slice(UI.length + 1)}:${l.line}: ${JSON.stringify(l.text)}`);
    }
    expect(found).toEqual([]);
  });
});
