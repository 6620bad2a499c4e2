/**
 * The words of the HTML report and the terminal summary in English and Dutch. Placeholders `{name}` are filled by
 * `formatText`; values are escaped by the caller when they reach HTML.
 */

export const LANGS = ['en', 'nl'] as const;
/** A report language. */
export type Lang = (typeof LANGS)[number];

const en = {
  title: 'Partner network report',
  subtitle: 'Who met whom at {events} events, {first} – {asOf}',
  subtitleUndated: 'Who met whom at {events} events (undated: no time features)',
  generated: 'Figures as of {asOf}. Made with Mycorrhiza from attendance records.',
  safeBadge: 'Safe mode: people appear as codes only',
  headline: 'At a glance',
  organisations: 'organisations',
  people: 'people',
  events: 'events',
  attendances: 'attendances',
  strongOrgTies: 'strong organisation ties',
  orgTies: 'organisation ties',
  personTies: 'person ties',
  from: 'from',
  toDate: 'by {date}',
  atStart: 'at the first event ({date})',
  growth: 'Growth',
  growthLead: 'Cumulative counts as of each {step}: everyone seen so far, ties formed so far.',
  step_event: 'event date',
  step_month: 'month',
  step_quarter: 'quarter',
  growthPartners: 'Organisations and people',
  growthTies: 'Organisation ties',
  growthPersonTies: 'Person ties',
  strong: 'strong',
  weak: 'weak',
  active: 'active',
  fading: 'fading',
  total: 'total',
  tiesTitle: 'Ties by strength and recency',
  tiesRule: 'A tie is strong when the two met at {strongMin} or more shared events, otherwise weak. It is fading when their last shared event was more than {fadeAfter} before {asOf}, otherwise active.',
  tiesRuleBasis: 'A tie is strong when its {basis} reaches {strongMin}, otherwise weak. It is fading when the last shared event was more than {fadeAfter} before {asOf}, otherwise active.',
  tiesRuleSignificant: 'A tie is strong when it is statistically significant (see the note below), otherwise weak. It is fading when the last shared event was more than {fadeAfter} before {asOf}, otherwise active.',
  level: 'level',
  personLevel: 'Person ties',
  organisationLevel: 'Organisation ties',
  internalTies: 'Ties between colleagues of one organisation are internal: counted per organisation ({count} in all), not drawn between organisations.',
  distribution: 'Tie strength',
  distributionLead: 'Number of organisation ties by how many events the two organisations shared.',
  distributionPersonLead: 'Number of person ties by how many events the two people shared.',
  sharedEvents: 'shared events',
  ties: 'ties',
  threshold: 'strong from {n}',
  sectorMix: 'Sector mix',
  sectorLead: 'Organisations per sector (people who came for them in brackets).',
  noSector: '(no sector given)',
  attention: 'Partners needing attention',
  attentionLead: 'Organisations sorted by score; each reason comes with its numbers. Suggested introductions name up to three partners and why.',
  attentionNone: 'No organisation needs attention on these rules.',
  organisation: 'Organisation',
  score: 'Score',
  reasons: 'Reasons',
  suggestions: 'Introduce to',
  moreAttention: '{n} more organisations are listed in attention.csv.',
  comparison: 'Before and after',
  comparisonLead: 'The same figures for {before} and {after}.',
  period: 'period',
  figure: 'Figure',
  change: 'change',
  newTies: 'New organisation ties',
  lostTies: 'Ties not renewed',
  noneListed: 'none',
  andMore: '… and {n} more',
  cmp_events: 'events',
  cmp_people: 'people attending',
  cmp_organisations: 'organisations attending',
  cmp_new_people: 'new people',
  cmp_new_organisations: 'new organisations',
  cmp_person_ties: 'person ties formed or renewed',
  cmp_organisation_ties: 'organisation ties formed or renewed',
  cmp_strong_organisation_ties: 'strong organisation ties',
  cmp_repeat_share: 'share of people who came more than once',
  convenor: 'Without the convenor',
  convenorLead: 'The network with {name} and its staff left out.',
  convenorNone: 'Every other organisation keeps at least one tie without {name}.',
  convenorSome: 'These organisations would have no tie at all without {name}:',
  convenorFigures: 'Organisation ties: {with} with, {without} without. Components: {cwith} with, {cwithout} without.',
  central: 'Most connected organisations',
  centralLead: 'By number of partner organisations; betweenness counts the shortest paths that pass through them.',
  degree: 'partners',
  betweenness: 'betweenness',
  significance: 'Statistical significance',
  significanceOk: '{significant} of {tested} organisation ties and {psignificant} of {ptested} person ties are significant at alpha {alpha} ({model} null model, correction: {correction}).',
  methods: 'Methods',
  methodsLead: 'How each figure is computed, with the paper it comes from.',
  references: 'References',
  options: 'Options used',
  footer: 'Mycorrhiza · same input and options give the same report.',
  contents: 'Contents',
  noData: 'No data to show.',
} as const;

export type ReportKey = keyof typeof en;

const nl: Record<ReportKey, string> = {
  title: 'Rapport partnernetwerk',
  subtitle: 'Wie wie ontmoette op {events} activiteiten, {first} – {asOf}',
  subtitleUndated: 'Wie wie ontmoette op {events} activiteiten (zonder datums: geen tijdsanalyse)',
  generated: 'Cijfers op {asOf}. Gemaakt met Mycorrhiza uit aanwezigheidslijsten.',
  safeBadge: 'Veilige modus: personen verschijnen alleen als code',
  headline: 'In één oogopslag',
  organisations: 'organisaties',
  people: 'deelnemers',
  events: 'activiteiten',
  attendances: 'aanwezigheden',
  strongOrgTies: 'sterke banden tussen organisaties',
  orgTies: 'banden tussen organisaties',
  personTies: 'banden tussen personen',
  from: 'van',
  toDate: 'op {date}',
  atStart: 'op de eerste activiteit ({date})',
  growth: 'Groei',
  growthLead: 'Cumulatief per {step}: iedereen die tot dan kwam, alle banden die tot dan ontstonden.',
  step_event: 'activiteitsdatum',
  step_month: 'maand',
  step_quarter: 'kwartaal',
  growthPartners: 'Organisaties en deelnemers',
  growthTies: 'Banden tussen organisaties',
  growthPersonTies: 'Banden tussen personen',
  strong: 'sterk',
  weak: 'zwak',
  active: 'actief',
  fading: 'vervagend',
  total: 'totaal',
  tiesTitle: 'Banden naar sterkte en recentheid',
  tiesRule: 'Een band is sterk wanneer beide samen op {strongMin} of meer activiteiten waren, anders zwak. Hij vervaagt wanneer de laatste gedeelde activiteit meer dan {fadeAfter} vóór {asOf} lag, anders is hij actief.',
  tiesRuleBasis: 'Een band is sterk wanneer zijn {basis} {strongMin} bereikt, anders zwak. Hij vervaagt wanneer de laatste gedeelde activiteit meer dan {fadeAfter} vóór {asOf} lag, anders is hij actief.',
  tiesRuleSignificant: 'Een band is sterk wanneer hij statistisch significant is (zie de noot hieronder), anders zwak. Hij vervaagt wanneer de laatste gedeelde activiteit meer dan {fadeAfter} vóór {asOf} lag, anders is hij actief.',
  level: 'niveau',
  personLevel: 'Banden tussen personen',
  organisationLevel: 'Banden tussen organisaties',
  internalTies: 'Banden tussen collega’s van één organisatie zijn intern: ze tellen per organisatie ({count} in totaal) en worden niet tussen organisaties getekend.',
  distribution: 'Sterkte van de banden',
  distributionLead: 'Aantal banden tussen organisaties naar het aantal activiteiten dat beide deelden.',
  distributionPersonLead: 'Aantal banden tussen personen naar het aantal activiteiten dat beide deelden.',
  sharedEvents: 'gedeelde activiteiten',
  ties: 'banden',
  threshold: 'sterk vanaf {n}',
  sectorMix: 'Sectoren',
  sectorLead: 'Organisaties per sector (deelnemers die voor hen kwamen tussen haakjes).',
  noSector: '(geen sector opgegeven)',
  attention: 'Partners die aandacht vragen',
  attentionLead: 'Organisaties gesorteerd op score; elke reden met haar cijfers. Voorgestelde kennismakingen noemen tot drie partners en waarom.',
  attentionNone: 'Volgens deze regels vraagt geen enkele organisatie aandacht.',
  organisation: 'Organisatie',
  score: 'Score',
  reasons: 'Redenen',
  suggestions: 'Voorstellen aan',
  moreAttention: 'Nog {n} organisaties staan in attention.csv.',
  comparison: 'Voor en na',
  comparisonLead: 'Dezelfde cijfers voor {before} en {after}.',
  period: 'periode',
  figure: 'Cijfer',
  change: 'verschil',
  newTies: 'Nieuwe banden tussen organisaties',
  lostTies: 'Niet vernieuwde banden',
  noneListed: 'geen',
  andMore: '… en nog {n}',
  cmp_events: 'activiteiten',
  cmp_people: 'aanwezige deelnemers',
  cmp_organisations: 'aanwezige organisaties',
  cmp_new_people: 'nieuwe deelnemers',
  cmp_new_organisations: 'nieuwe organisaties',
  cmp_person_ties: 'banden tussen personen gevormd of vernieuwd',
  cmp_organisation_ties: 'banden tussen organisaties gevormd of vernieuwd',
  cmp_strong_organisation_ties: 'sterke banden tussen organisaties',
  cmp_repeat_share: 'aandeel deelnemers dat meer dan eens kwam',
  convenor: 'Zonder de trekker',
  convenorLead: 'Het netwerk zonder {name} en zijn medewerkers.',
  convenorNone: 'Elke andere organisatie houdt minstens één band zonder {name}.',
  convenorSome: 'Deze organisaties hebben zonder {name} geen enkele band meer:',
  convenorFigures: 'Banden tussen organisaties: {with} met, {without} zonder. Componenten: {cwith} met, {cwithout} zonder.',
  central: 'Meest verbonden organisaties',
  centralLead: 'Naar aantal partnerorganisaties; betweenness telt de kortste paden die via hen lopen.',
  degree: 'partners',
  betweenness: 'betweenness',
  significance: 'Statistische significantie',
  significanceOk: '{significant} van {tested} banden tussen organisaties en {psignificant} van {ptested} banden tussen personen zijn significant bij alfa {alpha} (nulmodel {model}, correctie: {correction}).',
  methods: 'Methode',
  methodsLead: 'Hoe elk cijfer berekend wordt, met het artikel waar het vandaan komt.',
  references: 'Bronnen',
  options: 'Gebruikte instellingen',
  footer: 'Mycorrhiza · dezelfde invoer en instellingen geven hetzelfde rapport.',
  contents: 'Inhoud',
  noData: 'Geen gegevens om te tonen.',
};

/** All report words by language. */
export const REPORT_TEXT: Readonly<Record<Lang, Readonly<Record<ReportKey, string>>>> = Object.freeze({ en, nl });

/** Short labels of the attention reasons (codes of attention/types.ts). */
export const REASON_LABELS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = Object.freeze({
  en: {
    isolated: 'isolated',
    only_weak: 'only weak ties',
    single_contact: 'single contact',
    one_timer: 'one event',
    drifting: 'drifting',
    outside_main: 'outside main network',
    bridge_dependent: 'hangs on one bridge',
    own_sector_only: 'own sector only',
    convenor_dependent: 'needs the convenor',
  },
  nl: {
    isolated: 'geïsoleerd',
    only_weak: 'alleen zwakke banden',
    single_contact: 'één contactpersoon',
    one_timer: 'één activiteit',
    drifting: 'weggedreven',
    outside_main: 'buiten het hoofdnetwerk',
    bridge_dependent: 'hangt aan één brug',
    own_sector_only: 'alleen eigen sector',
    convenor_dependent: 'afhankelijk van de trekker',
  },
});

/** Words for the correction methods. */
export const CORRECTION_LABELS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = Object.freeze({
  en: { none: 'none', holm: 'Holm', bh: 'Benjamini–Hochberg' },
  nl: { none: 'geen', holm: 'Holm', bh: 'Benjamini–Hochberg' },
});

/** Short month names for chart axes. */
export const MONTHS: Readonly<Record<Lang, readonly string[]>> = Object.freeze({
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
});

/** Fill `{name}` placeholders. Unknown placeholders are left as they are. */
export function formatText(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** Look up and fill one report text. */
export function reportText(lang: Lang, key: ReportKey, values?: Readonly<Record<string, string | number>>): string {
  return formatText(REPORT_TEXT[lang][key], values);
}

/** The report language from environment variables: `nl` when LC_ALL, LC_MESSAGES or LANG starts with "nl", else `en`. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return v.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** A date in words: `14 March 2023` / `14 maart 2023`. */
export function longDate(iso: string | null, lang: Lang): string {
  if (!iso) return '–';
  const names = lang === 'nl'
    ? ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']
    : ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(iso.slice(8, 10))} ${names[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
}
