/**
 * `mycorrhiza example <rupel|regions|davis> [--out FILE] [--seed N]`: write a built-in example as CSV in the
 * project's input format, to FILE (its folder is created) or to standard output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXAMPLE_NAMES, EXAMPLES, exampleToCsv, generateExample, type ExampleName } from '../examples/index.js';
import { formatFlags, parseArgs, UsageError, type FlagSpec } from './args.js';
import type { Command } from './main.js';

const FLAGS: Record<string, FlagSpec> = {
  out: { kind: 'string', help: 'write the CSV to this file (folders are created); default: standard output' },
  seed: { kind: 'string', help: "an integer seed for the synthetic examples (default: the example's own seed)" },
  help: { kind: 'boolean', help: 'show this help' },
};

const HELP = `Usage: mycorrhiza example <name> [--out FILE] [--seed N]

Writes a built-in example as an attendance CSV (columns event,date,person,organisation,sector,region,
event_type,duration_hours,role). The same name and seed always give the same bytes.

Examples:
${EXAMPLES.map((e) => `  ${e.name.padEnd(9)}${e.title}${e.seed != null ? ` (default seed ${e.seed})` : ''}`).join('\n')}

Options:
${formatFlags(FLAGS)}
`;

export const exampleCommand: Command = {
  summary: 'write a built-in example (rupel, regions, davis) as CSV',
  async run(argv) {
    const { positionals, flags } = parseArgs('example', argv, FLAGS);
    if (flags.help) {
      process.stdout.write(HELP);
      return 0;
    }
    const names = EXAMPLE_NAMES.join(', ');
    if (positionals.length !== 1) throw new UsageError(`mycorrhiza example: give one example name (${names}); received ${positionals.length}.`);
    const name = positionals[0]!;
    if (!(EXAMPLE_NAMES as readonly string[]).includes(name)) throw new UsageError(`mycorrhiza example: unknown example "${name}". Choose one of: ${names}.`);
    let seed: number | undefined;
    if (typeof flags.seed === 'string') {
      if (!/^-?\d+$/.test(flags.seed.trim()) || !Number.isSafeInteger(Number(flags.seed)))
        throw new UsageError(`mycorrhiza example: --seed should be an integer, received "${flags.seed}".`);
      seed = Number(flags.seed);
    }
    const csv = exampleToCsv(generateExample(name as ExampleName, { seed }));
    const out = flags.out;
    if (typeof out === 'string') {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, csv);
      const rows = csv.split('\n').length - 2;
      process.stdout.write(`mycorrhiza example: wrote ${name} (${rows} rows) to ${out}\n`);
    } else process.stdout.write(csv);
    return 0;
  },
};
