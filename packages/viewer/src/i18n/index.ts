/**
 * One dictionary for every string of the viewer, in English and Dutch. UI code asks `t(key, values)`;
 * `{name}` placeholders are filled from `values`. The default language follows `navigator.language`.
 */
import { EN } from './en.js';
import { NL } from './nl.js';

export const LANGS = ['en', 'nl'] as const;
export type Lang = (typeof LANGS)[number];
export type MessageKey = keyof typeof EN;
export type Dictionary = Record<MessageKey, string>;

/** All dictionaries by language. Viewer II extends `EN` and `NL` with its own keys. */
export const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = Object.freeze({ en: EN, nl: NL });

/** A translation function bound to one language. */
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/** Pick the language from a BCP 47 tag such as `nl-BE` (Dutch for any `nl*`, English otherwise). */
export function languageFromTag(tag: string | null | undefined): Lang {
  return typeof tag === 'string' && tag.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** The browser's preferred language, or English where there is no navigator (Node, workers without it). */
export function defaultLanguage(): Lang {
  const nav = (globalThis as { navigator?: { language?: string } }).navigator;
  return languageFromTag(nav?.language);
}

/** Format a number the way the language writes it (thousands separators). */
export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-BE' : 'en-GB').format(n);
}

/** Format an ISO date as a long date in the language (`14 March 2023`, `14 maart 2023`), in UTC. */
export function formatDate(lang: Lang, iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso + 'T00:00:00Z');
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-BE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Create the translation function of a language. Unknown placeholders stay as written. */
export function createTranslator(lang: Lang): Translate {
  const dict = DICTIONARIES[lang];
  return (key, values) => {
    const text = dict[key] ?? EN[key] ?? key;
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = values[name];
      return v === undefined ? m : typeof v === 'number' ? formatNumber(lang, v) : v;
    });
  };
}
