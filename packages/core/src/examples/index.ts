/**
 * The built-in examples (PRODUCT.md section 7): `rupel` (a synthetic Flemish regional network shaped by published
 * figures), `regions` (a synthetic Dutch programme in four regions) and `davis` (Davis, Gardner & Gardner 1941).
 * Each is a list of attendance records in the project's own input format; the same seed gives the same bytes.
 */
import { NotFoundError } from '../errors.js';
import { toCsv } from '../export/csv.js';
import { assertInteger, resolveOptions } from '../options.js';
import type { AttendanceRecord } from '../types.js';
import { generateDavis } from './davis.js';
import { generateRegions, REGIONS_CONVENOR, REGIONS_SEED } from './regions.js';
import { generateRupel, RUPEL_CONVENOR, RUPEL_SEED } from './rupel.js';
import type { PlantedVariant } from './world.js';

export { RUPEL_CONVENOR, RUPEL_SEED, RUPEL_KICK_OFF, RUPEL_CLOSE, RUPEL_DIALOGUE_SERIES } from './rupel.js';
export { REGIONS, REGIONS_CONVENOR, REGIONS_SEED } from './regions.js';
export type { PlantedVariant } from './world.js';

export const EXAMPLE_NAMES = ['rupel', 'regions', 'davis'] as const;
/** Name of a built-in example. */
export type ExampleName = (typeof EXAMPLE_NAMES)[number];

/** What a built-in example is, for menus and help texts. */
export interface ExampleInfo {
  name: ExampleName;
  /** Short title. */
  title: string;
  /** One or two sentences: what it shows and what is synthetic. */
  description: string;
  /** Seed used when none is given (null: the example has no randomness). */
  seed: number | null;
  /** The coordinating organisation, for the "without the convenor" lens (null when there is none). */
  convenor: string | null;
}

/** The built-in examples, in menu order. */
export const EXAMPLES: readonly ExampleInfo[] = Object.freeze([
  Object.freeze({
    name: 'rupel',
    title: 'Rupel: a regional network against family violence (synthetic)',
    description:
      'A seeded, fictional Flemish partner network in the Rupel area, shaped by published figures: kick-off in December 2022 with 25 organisations and 48 people, close in October 2024 with 88 organisations and 452 people; parent dialogues with a family centre, elder-abuse trainings, schools and childcare, a perpetrator programme. All people and organisations are invented.',
    seed: RUPEL_SEED,
    convenor: RUPEL_CONVENOR,
  }),
  Object.freeze({
    name: 'regions',
    title: 'Four Dutch regions: webinars, trainings and case consultations (synthetic)',
    description:
      'A seeded, fictional programme across Utrecht, West-Brabant, Hart van Brabant and Gelderland-Zuid: webinars of 100–300, in-person trainings of 12–25 and case consultations of 4–8. Shows why event size matters: compare the organisation network with and without a maximum event size such as 40. People and attendance are invented.',
    seed: REGIONS_SEED,
    convenor: REGIONS_CONVENOR,
  }),
  Object.freeze({
    name: 'davis',
    title: 'Southern Women (Davis, Gardner & Gardner 1941)',
    description:
      '18 women at 14 social events in a Southern US town in the 1930s, from Deep South (1941), table p.148: the classic test of two-mode network analysis. Real historical data; no organisations.',
    seed: null,
    convenor: null,
  }),
] satisfies ExampleInfo[]);

export interface GenerateExampleOptions {
  /** Seed of the example's random choices (an integer). Default: null, the example's own seed (`rupel` 2022, `regions` 2023; `davis` ignores it). */
  seed?: number | null;
}

export const GENERATE_EXAMPLE_DEFAULTS: Readonly<GenerateExampleOptions> = Object.freeze({ seed: null });

/** Records of an example plus the name variants planted in it (for the alias and near-duplicate features). */
export interface ExampleDetails {
  name: ExampleName;
  /** The seed used (null for `davis`). */
  seed: number | null;
  records: AttendanceRecord[];
  variants: PlantedVariant[];
}

function resolveExample(name: string): ExampleInfo {
  const info = EXAMPLES.find((e) => e.name === name);
  if (!info) throw new NotFoundError('example', name, `Choose one of: ${EXAMPLE_NAMES.join(', ')}.`);
  return info;
}

function generateDetailed(name: ExampleName, options?: GenerateExampleOptions): ExampleDetails {
  const info = resolveExample(name);
  const { seed: given } = resolveOptions(GENERATE_EXAMPLE_DEFAULTS, options);
  if (given != null) assertInteger('generateExample', 'seed', given);
  const seed = info.seed === null ? null : (given ?? info.seed);
  if (info.name === 'rupel') {
    const { records, variants } = generateRupel(seed!);
    return { name: info.name, seed, records, variants };
  }
  if (info.name === 'regions') return { name: info.name, seed, records: generateRegions(seed!), variants: [] };
  return { name: info.name, seed, records: generateDavis(), variants: [] };
}

/**
 * The attendance records of a built-in example. Throws `NotFoundError` for an unknown name and
 * `InvalidOptionError` for a seed that is not an integer.
 */
export const generateExample = Object.assign(
  function generateExample(name: ExampleName, options?: GenerateExampleOptions): AttendanceRecord[] {
    return generateDetailed(name, options).records;
  },
  {
    /** The records with the seed used and the planted name variants. */
    detailed: generateDetailed,
  },
);

/** Columns of an example CSV (the canonical input fields, `email` left out). */
export const EXAMPLE_COLUMNS = ['event', 'date', 'person', 'organisation', 'sector', 'region', 'event_type', 'duration_hours', 'role'] as const;

/** Write example records as CSV in the project's input format (spreadsheet-safe, `\n` line ends, UTF-8 text). */
export function exampleToCsv(records: readonly AttendanceRecord[]): string {
  return toCsv(
    records.map((r) => ({
      event: r.event,
      date: r.date,
      person: r.person,
      organisation: r.organisation,
      sector: r.sector ?? null,
      region: r.region ?? null,
      event_type: r.event_type ?? null,
      duration_hours: r.duration_hours ?? null,
      role: r.role ?? null,
    })),
    EXAMPLE_COLUMNS,
  );
}
