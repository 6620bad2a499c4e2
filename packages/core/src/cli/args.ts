/**
 * A small, strict flag parser for the `mycorrhiza` commands: known flags only, `--flag value` or `--flag=value`,
 * repeatable flags collected into arrays. A wrong flag is a usage error (exit code 2) with the fix in words.
 */

export type FlagKind = 'boolean' | 'string' | 'repeat';

export interface FlagSpec {
  kind: FlagKind;
  /** One line for `--help`. */
  help: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
}

/** A usage error: wrong flag, missing value, missing argument. The CLI prints it and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(command: string, argv: readonly string[], specs: Record<string, FlagSpec>): ParsedArgs {
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs).map((k) => '--' + k).join(', ');
      throw new UsageError(`mycorrhiza ${command}: unknown flag "--${name}". Known flags: ${known}.`);
    }
    if (spec.kind === 'boolean') {
      if (eq > 0) throw new UsageError(`mycorrhiza ${command}: flag "--${name}" takes no value.`);
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`mycorrhiza ${command}: flag "--${name}" needs a value.`);
      i++;
    }
    if (spec.kind === 'repeat') ((flags[name] ??= []) as string[]).push(value);
    else flags[name] = value;
  }
  return { positionals, flags };
}

/** Help text for a command's flags. */
export function formatFlags(specs: Record<string, FlagSpec>): string {
  return Object.entries(specs)
    .map(([name, s]) => `  --${name}${s.kind === 'boolean' ? '' : ' VALUE'}`.padEnd(28) + s.help)
    .join('\n');
}
