/**
 * Shared helpers for the cross-package tests: run the built CLI (`node packages/core/dist/cli/main.js`) with a
 * time bound, make temporary folders, and read every file of an output folder.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built CLI entry point. */
export const CLI = join(ROOT, 'packages/core/dist/cli/main.js');

/** Throw a helpful error when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`Build core first: cd packages/core && npx tsc -p tsconfig.build.json (missing ${CLI})`);
}

/** The outcome of one CLI run. `code` is null when the process was killed (time bound reached or a signal). */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time in milliseconds. */
  ms: number;
  /** True when the run was stopped at `timeoutMs`. */
  timedOut: boolean;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** Kill the process after this many milliseconds. Default: 60,000. */
  timeoutMs?: number;
  /** Working directory. Default: the repository root. */
  cwd?: string;
  /** Extra environment variables (merged over the current ones). */
  env?: Record<string, string>;
  /** Extra Node flags, e.g. `--max-old-space-size=256`. */
  nodeArgs?: string[];
}

/** Run `mycorrhiza <args>` with the built CLI; never throws for a non-zero exit. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): CliRun {
  const t0 = performance.now();
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: performance.now() - t0, timedOut };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'mycorrhiza-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file of a folder (not recursive) as bytes, by name, sorted by name. */
export function readFolder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) out.set(name, readFileSync(join(dir, name)));
  return out;
}

/** A fixture path relative to the repository root. */
export function fixturePath(...parts: string[]): string {
  return join(ROOT, 'tests/fixtures', ...parts);
}
