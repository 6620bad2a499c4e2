#!/usr/bin/env node
/**
 * The `mycorrhiza` command line: a thin wrapper that parses flags, calls library functions and prints.
 * Exit codes: 0 success, 1 input errors, 2 usage errors.
 */
import { MycorrhizaError } from '../errors.js';
import { UsageError } from './args.js';

export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

// Each command lives in its own module, loaded only when used.
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.js')).validateCommand,
  analyze: async () => (await import('./analyze.js')).analyzeCommand,
  example: async () => (await import('./example.js')).exampleCommand,
  view: async () => (await import('./view.js')).viewCommand,
};

function usage(): string {
  return [
    'mycorrhiza: attendance records to partner networks.',
    '',
    'Usage: mycorrhiza <command> [options]',
    '',
    'Commands:',
    ...Object.keys(COMMANDS).map((c) => `  ${c}`),
    '',
    'Run "mycorrhiza <command> --help" for the options of one command.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`mycorrhiza: unknown command "${name}".\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await (await load()).run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(err.message + '\n');
      return 2;
    }
    if (err instanceof MycorrhizaError) {
      process.stderr.write(err.message + '\n');
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`mycorrhiza: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);
