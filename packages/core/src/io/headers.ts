/**
 * Header auto-mapping: recognise the canonical fields (PRODUCT.md §1) from Dutch, English and French headers
 * regardless of case, accents, spaces or punctuation. Whole headers are looked up first ("Naam deelnemer",
 * "type organisatie", "event_id"), then their words and the parts of Dutch compounds ("activiteitsdatum").
 * A mapping is `unsure` when a required field is missing or two columns claim one field.
 */
import { InvalidOptionError } from '../errors.js';
import { FIELDS, type Field } from '../types.js';

/** Synonyms per field, written naturally; they are normalised (case, accents, punctuation, spaces) on use. */
export const HEADER_SYNONYMS: Readonly<Record<Field, readonly string[]>> = Object.freeze({
  event: [
    'activiteit', 'activiteiten', 'evenement', 'sessie', 'vorming', 'bijeenkomst', 'opleiding', 'cursus', 'training',
    'workshop', 'webinar', 'event', 'events', 'activity', 'session', 'meeting', 'course', 'activité', 'séance',
    'réunion', 'formation', 'atelier', 'événement', 'event id', 'event name', 'event title', 'naam activiteit',
    'titel activiteit', 'activiteitnaam', 'naam vorming', 'nom activité', 'titre', 'titel',
  ],
  date: [
    'datum', 'dag', 'date', 'day', 'jour', 'event date', 'datum activiteit', 'date activité', 'wanneer', 'when',
    'startdatum', 'start date', 'date de début', 'aanwezigheidsdatum', 'session date', 'meeting date',
  ],
  person: [
    'naam', 'deelnemer', 'deelnemers', 'persoon', 'name', 'participant', 'participants', 'attendee', 'nom', 'person',
    'personne', 'person id', 'naam deelnemer', 'deelnemersnaam', 'full name', 'volledige naam', 'nom complet',
    'participant name', 'attendee name', 'nom du participant', 'nom participant', 'medewerker', 'contactpersoon',
    'aanwezige', 'aanwezigen', 'participant id', 'deelnemer id',
  ],
  organisation: [
    'organisatie', 'dienst', 'werkgever', 'organisation', 'organization', 'org', 'organisme', 'instelling',
    'voorziening', 'partner', 'partnerorganisatie', 'employer', 'company', 'bedrijf', 'entreprise', 'structure',
    'institution', 'agency', 'organisation id', 'organization id', 'org id', 'naam organisatie', 'organisatienaam',
    'organisation name', 'organization name', 'nom organisme', 'nom de l organisation', 'employeur', 'service',
  ],
  sector: [
    'sector', 'domein', 'type organisatie', 'secteur', 'domaine', 'organisation type', 'organization type',
    'type of organisation', 'type d organisme', 'type de structure', 'sector organisatie', 'branche', 'soort organisatie',
  ],
  region: [
    'gemeente', 'regio', 'stad', 'municipality', 'region', 'commune', 'city', 'town', 'ville', 'plaats', 'provincie',
    'province', 'area', 'zone', 'district', 'werkgebied', 'location', 'locatie', 'lieu',
  ],
  event_type: [
    'type', 'soort', 'vorm', 'format', 'event type', 'type activiteit', 'soort activiteit', 'werkvorm', 'type evenement',
    'type d activité', 'type de séance', 'activity type', 'session type', 'meeting type', 'kind', 'formule',
  ],
  duration_hours: [
    'duur', 'uren', 'uur', 'duration', 'hours', 'durée', 'heures', 'aantal uren', 'tijdsduur', 'duration hours',
    'duur uren', 'duur in uren', 'length', 'nombre d heures', 'duration h', 'hrs',
  ],
  role: ['functie', 'rol', 'role', 'function', 'fonction', 'job title', 'beroep', 'profession', 'job', 'position', 'poste', 'titre du poste'],
  email: ['e-mail', 'email', 'mail', 'courriel', 'e-mailadres', 'emailadres', 'mailadres', 'adresse e-mail', 'email address', 'e-mail address'],
});

/** Words that qualify a header without naming a field ("naam organisatie", "event id", "nom du participant"). */
const QUALIFIERS = new Set([
  'naam', 'name', 'nom', 'id', 'code', 'nr', 'no', 'nummer', 'number', 'numero', 'num', 'key', 'van', 'de', 'het', 'der',
  'des', 'du', 'la', 'le', 'les', 'of', 'the', 'a', 'an', 'd', 'l', 's', 'en', 'and', 'et', 'in', 'per', 'voor', 'for',
  'pour', 'titel', 'title', 'titre',
]);

/** First-name and last-name headers: both map to `person` and are joined with a space. */
const FIRST_NAME = new Set(['voornaam', 'first name', 'firstname', 'given name', 'prenom', 'forename']);
const LAST_NAME = new Set(['achternaam', 'familienaam', 'last name', 'lastname', 'surname', 'family name', 'nom de famille']);

/** Words that mean the column is about something else (a birth date is not an event date). */
const NEGATIVE = new Set(['geboorte', 'geboortedatum', 'birth', 'birthday', 'naissance', 'telefoon', 'phone', 'telephone', 'gsm', 'adres', 'address', 'adresse', 'postcode', 'zip']);

/** When a header's words point at several fields, the most specific wins ("activiteitsdatum" → date). */
const PRIORITY: readonly Field[] = ['email', 'date', 'duration_hours', 'role', 'sector', 'event_type', 'region', 'organisation', 'event', 'person'];

/**
 * Normalise a header for matching: Unicode compatibility form, accents removed, lower case, every run of
 * non-letters/digits replaced by one space. `"  Activité_Date "` → `"activite date"`.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const compact = (s: string): string => s.replace(/ /g, '');

/** Whole-header lookup (compacted: "e-mail", "e mail" and "email" meet). */
const PHRASES = new Map<string, Field>();
/** Single-word lookup for words and compound parts. */
const WORDS = new Map<string, Field>();
for (const field of FIELDS) {
  for (const syn of HEADER_SYNONYMS[field]) {
    const n = normaliseHeader(syn);
    if (!PHRASES.has(compact(n))) PHRASES.set(compact(n), field);
    if (!n.includes(' ') && !QUALIFIERS.has(n) && !WORDS.has(n)) WORDS.set(n, field);
  }
}
// "type" qualifies: with an organisation word it means sector, otherwise event type (handled in guessField).
const SORTED_WORDS = [...WORDS.keys()].filter((w) => w.length >= 4).sort((a, b) => b.length - a.length);

/** The fields named by one word: itself, or the known parts of a compound ("organisatienaam", "startdatum"). */
function wordFields(word: string): Field[] {
  const f = WORDS.get(word);
  if (f) return [f];
  const out: Field[] = [];
  for (const w of SORTED_WORDS) {
    if (w.length >= word.length) continue;
    if (word.startsWith(w) || word.endsWith(w)) {
      const g = WORDS.get(w)!;
      if (!out.includes(g)) out.push(g);
    }
  }
  return out;
}

/** How a single header was recognised. */
export interface HeaderGuess {
  field: Field | null;
  /** 'phrase' (whole header known), 'words' (from its words), 'name-part' (first/last name), or 'none'. */
  how: 'phrase' | 'words' | 'name-part' | 'none';
}

/** Recognise one header. Returns `{field: null, how: 'none'}` when nothing fits. */
export function guessField(header: string): HeaderGuess {
  const n = normaliseHeader(header);
  if (!n) return { field: null, how: 'none' };
  const c = compact(n);
  if (FIRST_NAME.has(n) || LAST_NAME.has(n) || FIRST_NAME.has(c) || LAST_NAME.has(c)) return { field: 'person', how: 'name-part' };
  const phrase = PHRASES.get(c);
  if (phrase) return { field: phrase, how: 'phrase' };
  const words = n.split(' ');
  if (words.some((w) => NEGATIVE.has(w) || [...NEGATIVE].some((neg) => neg.length >= 5 && w.startsWith(neg)))) return { field: null, how: 'none' };
  const found = new Set<Field>();
  let hasType = false;
  for (let w of words) {
    if (w === 'type' || w === 'soort' || w === 'kind') {
      hasType = true;
      continue;
    }
    // Compounds with a type word: "organisatietype", "soortactiviteit".
    const typePart = /^(type|soort)(.{4,})$/.exec(w) ?? /^(.{4,}?)s?(type|soort)$/.exec(w);
    if (typePart) {
      hasType = true;
      w = typePart[1] === 'type' || typePart[1] === 'soort' ? typePart[2]! : typePart[1]!;
    }
    if (QUALIFIERS.has(w)) continue;
    for (const f of wordFields(w)) found.add(f);
  }
  if (hasType) {
    if (found.has('organisation')) return { field: 'sector', how: 'words' };
    if (found.size === 0 || found.has('event')) return { field: 'event_type', how: 'words' };
  }
  for (const f of PRIORITY) if (found.has(f)) return { field: f, how: 'words' };
  // Only qualifiers left: "Naam", "Nom", "Name" → person; "ID" alone stays unknown.
  if (words.some((w) => w === 'naam' || w === 'name' || w === 'nom')) return { field: 'person', how: 'words' };
  return { field: null, how: 'none' };
}

/** Header overrides: a record `{ "Naam deelnemer": "person" }` or strings `"Naam deelnemer=person"`. A field of `null`, `""`, `-` or `ignore` drops the column. */
export type MapOverrides = Readonly<Record<string, Field | null | '' | '-' | 'ignore'>> | readonly string[];

/** Parse overrides into normalised header → field (null = ignore). Throws InvalidOptionError on an unknown field. */
export function resolveMapOverrides(overrides: MapOverrides | undefined, who = 'readAttendance'): Map<string, { header: string; field: Field | null }> {
  const out = new Map<string, { header: string; field: Field | null }>();
  if (!overrides) return out;
  const entries: [string, string | null][] = [];
  if (Array.isArray(overrides)) {
    for (const item of overrides as readonly string[]) {
      const eq = typeof item === 'string' ? item.lastIndexOf('=') : -1;
      if (eq <= 0) throw new InvalidOptionError(who, 'map', item, 'a "Header=field" pair, e.g. "Naam deelnemer=person"');
      entries.push([item.slice(0, eq), item.slice(eq + 1)]);
    }
  } else {
    for (const [k, v] of Object.entries(overrides as Record<string, string | null>)) entries.push([k, v]);
  }
  for (const [header, raw] of entries) {
    const value = raw == null ? '' : String(raw).trim();
    let field: Field | null;
    if (value === '' || value === '-' || value.toLowerCase() === 'ignore') field = null;
    else {
      const f = FIELDS.find((x) => x === value || x === value.toLowerCase().replace(/[\s-]+/g, '_') || (x === 'organisation' && /^organi[sz]ation$/i.test(value)));
      if (!f) throw new InvalidOptionError(who, 'map', `${header}=${value}`, `a field among ${FIELDS.join(', ')} (or "ignore")`);
      field = f;
    }
    out.set(normaliseHeader(header), { header: header.trim(), field });
  }
  return out;
}

/** The result of mapping one file's headers. */
export interface DetectedMapping {
  /** Column index → field, or null when the column is not used. */
  mapping: Record<number, Field | null>;
  /** True when a person should confirm: a required field is missing or two columns claim one field. */
  unsure: boolean;
  /** One line per decision worth telling (what was mapped how, what is missing, what was dropped). */
  reasons: string[];
  /** Columns dropped because an earlier column claimed the same field. */
  conflicts: { field: Field; kept: number; dropped: number }[];
}

const REQUIRED_TEXT = 'an event column, and a person or an organisation column';

/**
 * Map headers to canonical fields. Overrides win over detection (and take their field away from other columns).
 * Two columns claiming one field: the first keeps it, the other is ignored and the mapping is unsure —
 * except first-name + last-name columns, which are joined into `person`. Missing `event`, missing both
 * `person` and `organisation`, or missing `date` also make it unsure (an undated file is allowed, but a person
 * should confirm it).
 */
export function detectMapping(headers: readonly string[], overrides?: MapOverrides): DetectedMapping {
  const over = resolveMapOverrides(overrides, 'detectMapping');
  const mapping: Record<number, Field | null> = {};
  const reasons: string[] = [];
  let unsure = false;
  const conflicts: DetectedMapping['conflicts'] = [];
  const overridden = new Set<Field>();
  const guesses: HeaderGuess[] = headers.map((h) => {
    const o = over.get(normaliseHeader(h));
    if (o) {
      if (o.field) overridden.add(o.field);
      return { field: o.field, how: 'phrase' };
    }
    return guessField(h);
  });
  // Beside a first-name column, a bare "Naam" / "Nom" / "Name" is the family name.
  if (headers.some((h) => FIRST_NAME.has(normaliseHeader(h)) || FIRST_NAME.has(compact(normaliseHeader(h))))) {
    headers.forEach((h, i) => {
      if (!over.has(normaliseHeader(h)) && ['naam', 'nom', 'name'].includes(normaliseHeader(h))) guesses[i] = { field: 'person', how: 'name-part' };
    });
  }
  const claimed = new Map<Field, number>();
  headers.forEach((h, i) => {
    const o = over.get(normaliseHeader(h));
    const g = guesses[i]!;
    let field = g.field;
    if (!o && field && overridden.has(field)) {
      reasons.push(`"${h}" is not used: --map gives ${field} to another column.`);
      field = null;
    } else if (field && claimed.has(field)) {
      const first = claimed.get(field)!;
      const bothNameParts = field === 'person' && g.how === 'name-part' && guesses[first]!.how === 'name-part';
      if (!bothNameParts && !o) {
        unsure = true;
        reasons.push(`"${h}" also looks like ${field}; "${headers[first]}" is used. Use --map "${h}=${field}" to choose it instead.`);
        conflicts.push({ field, kept: first, dropped: i });
        field = null;
      } else if (bothNameParts) {
        reasons.push(`"${headers[first]}" and "${h}" are joined into person.`);
      }
    }
    if (field && !claimed.has(field)) claimed.set(field, i);
    mapping[i] = field;
    if (o) reasons.push(o.field ? `"${h}" → ${o.field} (from --map).` : `"${h}" is ignored (from --map).`);
    else if (field && g.how === 'words') reasons.push(`"${h}" → ${field} (recognised from its words).`);
  });
  if (!claimed.has('event')) {
    unsure = true;
    reasons.push(`No event column found (needs ${REQUIRED_TEXT}). Use --map "Header=event".`);
  }
  if (!claimed.has('person') && !claimed.has('organisation')) {
    unsure = true;
    reasons.push(`No person or organisation column found (needs ${REQUIRED_TEXT}). Use --map "Header=person" or "Header=organisation".`);
  }
  if (!claimed.has('date')) {
    unsure = true;
    reasons.push('No date column found: the file would be read without dates (no time features). Use --map "Header=date" if it has one.');
  }
  return { mapping, unsure, reasons, conflicts };
}
