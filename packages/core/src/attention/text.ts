/**
 * Plain-language sentences for attention reasons and introduction suggestions, in English and Dutch, with
 * the numbers filled in. One function per language keeps grammar (singular/plural) close to the words.
 */
import { parseDuration } from '../model/dates.js';
import type { AttentionLevel, ReasonCode, SuggestionCode } from './types.js';

/** A sentence in both languages. */
export interface Bilingual {
  en: string;
  nl: string;
}

type Numbers = Readonly<Record<string, number | string | null>>;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function nouns(level: AttentionLevel) {
  return level === 'organisation'
    ? { en: { self: 'this organisation', many: 'organisations', one: 'organisation' }, nl: { self: 'deze organisatie', many: 'organisaties', one: 'organisatie' } }
    : { en: { self: 'this person', many: 'people', one: 'person' }, nl: { self: 'deze persoon', many: 'personen', one: 'persoon' } };
}

/** A duration such as "6m" in words: "6 months" / "6 maanden". */
export function durationText(text: string): Bilingual {
  const d = parseDuration(text);
  if (d.days === 0) {
    if (d.months % 12 === 0) return { en: plural(d.months / 12, 'year', 'years'), nl: `${d.months / 12} jaar` };
    return { en: plural(d.months, 'month', 'months'), nl: `${d.months} ${d.months === 1 ? 'maand' : 'maanden'}` };
  }
  return { en: plural(d.days, 'day', 'days'), nl: `${d.days} ${d.days === 1 ? 'dag' : 'dagen'}` };
}

/** The sentence for one attention reason. */
export function reasonText(code: ReasonCode, x: Numbers, level: AttentionLevel): Bilingual {
  const w = nouns(level);
  const n = (k: string): number => Number(x[k] ?? 0);
  const s = (k: string): string => String(x[k] ?? '');
  switch (code) {
    case 'isolated':
      return {
        en: `No tie to any other ${w.en.one} (0 ties), after ${plural(n('events'), 'event', 'events')}.`,
        nl: `Geen enkele band met een andere ${w.nl.one} (0 banden), na ${plural(n('events'), 'activiteit', 'activiteiten')}.`,
      };
    case 'only_weak': {
      const en = n('ties') === 1 ? 'Its only tie is' : `All ${n('ties')} ties are`;
      const nl = n('ties') === 1 ? 'De enige band is' : `Alle ${n('ties')} banden zijn`;
      if (x['basis'] === 'significant')
        return { en: `${en} weak: none is statistically significant.`, nl: `${nl} zwak: geen enkele is statistisch significant.` };
      if (x['basis'] === 'weighted')
        return { en: `${en} weak: none reaches a weighted strength of ${n('strong_min')}.`, nl: `${nl} zwak: geen enkele haalt een gewogen sterkte van ${n('strong_min')}.` };
      return {
        en: `${en} weak: none reaches ${n('strong_min')} shared events.`,
        nl: `${nl} zwak: geen enkele haalt ${n('strong_min')} gedeelde activiteiten.`,
      };
    }
    case 'single_contact':
      return {
        en: `Only one person (${n('people')}) ever came for this organisation.`,
        nl: `Er kwam maar één persoon (${n('people')}) namens deze organisatie.`,
      };
    case 'one_timer':
      return {
        en: `Came to one event only (${n('events')}), on ${s('last_seen')}.`,
        nl: `Kwam maar naar één activiteit (${n('events')}), op ${s('last_seen')}.`,
      };
    case 'drifting':
      return {
        en: `Not seen for ${plural(n('months_silent'), 'month', 'months')}: last came on ${s('last_seen')}, after ${plural(n('events'), 'event', 'events')}.`,
        nl: `Al ${n('months_silent')} ${n('months_silent') === 1 ? 'maand' : 'maanden'} niet meer gezien: laatst op ${s('last_seen')}, na ${plural(n('events'), 'activiteit', 'activiteiten')}.`,
      };
    case 'outside_main':
      return {
        en: `Outside the main network: its group has ${plural(n('component_size'), w.en.one, w.en.many)}, the main one ${n('main_size')}.`,
        nl: `Buiten het hoofdnetwerk: haar groep telt ${plural(n('component_size'), w.nl.one, w.nl.many)}, het hoofdnetwerk ${n('main_size')}.`,
      };
    case 'bridge_dependent':
      return x['via'] === 'tie'
        ? {
            en: `Reaches the main network only through one tie (${s('near_name')} – ${s('through_name')}); ${plural(n('cut_off'), w.en.one, w.en.many)} would be cut off without it.`,
            nl: `Bereikt het hoofdnetwerk alleen via één band (${s('near_name')} – ${s('through_name')}); zonder die band raken ${plural(n('cut_off'), w.nl.one, w.nl.many)} afgesneden.`,
          }
        : {
            en: `Reaches the main network only through one ${w.en.one} (${s('through_name')}); ${plural(n('cut_off'), w.en.one, w.en.many)} would be cut off without it.`,
            nl: `Bereikt het hoofdnetwerk alleen via één ${w.nl.one} (${s('through_name')}); zonder die ${w.nl.one} raken ${plural(n('cut_off'), w.nl.one, w.nl.many)} afgesneden.`,
          };
    case 'own_sector_only':
      return {
        en: `${n('ties') === 1 ? 'Its only tie stays' : `All ${n('ties')} ties stay`} inside its own sector (${s('sector')}).`,
        nl: `${n('ties') === 1 ? 'De enige band blijft' : `Alle ${n('ties')} banden blijven`} binnen de eigen sector (${s('sector')}).`,
      };
    case 'convenor_dependent':
      return {
        en: `Without ${s('convenor_name')} ${w.en.self} would be cut off from the main network (${plural(n('main_size_without'), w.en.one, w.en.many)} left there).`,
        nl: `Zonder ${s('convenor_name')} zou ${w.nl.self} afgesneden zijn van het hoofdnetwerk (daar blijven ${plural(n('main_size_without'), w.nl.one, w.nl.many)}).`,
      };
  }
}

/** The sentence for one introduction suggestion. */
export function suggestionText(code: SuggestionCode, x: Numbers, level: AttentionLevel): Bilingual {
  const w = nouns(level);
  switch (code) {
    case 'common_partners':
      return {
        en: `You share ${plural(Number(x['common']), 'partner', 'partners')} (${x['names']}).`,
        nl: `Jullie hebben ${Number(x['common'])} gemeenschappelijke ${Number(x['common']) === 1 ? 'partner' : 'partners'} (${x['names']}).`,
      };
    case 'complementary_sector':
      return {
        en: `Works in ${x['sector']}, a sector ${w.en.self} has no tie with yet.`,
        nl: `Werkt in de sector ${x['sector']}, waarmee ${w.nl.self} nog geen band heeft.`,
      };
    case 'both_active': {
      const d = durationText(String(x['drift_after']));
      return {
        en: `Both came to an event in the last ${d.en} (the other last on ${x['last_seen']}).`,
        nl: `Beide kwamen de voorbije ${d.nl} nog naar een activiteit (de andere laatst op ${x['last_seen']}).`,
      };
    }
  }
}
