/**
 * The peers of the benchmark (Node only): the seeded input generator `bench/peers/gen.py`, python-igraph and
 * networkx (`igraph_bench.py`, `networkx_bench.py`) and the C lower bound (`limit.c`), run on the same file in
 * the same run, each in its own process, one after the other; plus the reference checksums stored in
 * `bench/peers/results.md`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseChecksum, type Checksums } from './checksum.js';

export const SCALES = ['S', 'M', 'L', 'XL'] as const;
export type Scale = (typeof SCALES)[number];

/** One step of a peer, as its JSON reports it. */
export interface PeerStep {
  s: number | null;
  peak_mb: number | null;
  finished?: boolean;
  timeout_s?: number;
  failed?: string;
  skipped?: string;
  estimate_s?: number;
}

/** A peer's result file (the JSON printed by `igraph_bench.py`, `networkx_bench.py` or `limit`). */
export interface PeerResult {
  tool: string;
  /** Input file name and wall seconds of the whole job (limit.c, limit.js). */
  input?: string;
  total_s?: number;
  version?: string;
  steps: Record<string, PeerStep>;
  notes?: string[];
  checksum: Checksums;
  process_peak_mb?: number;
  loadavg_start?: number;
  loadavg_end?: number;
}

/** What happened to one peer in this run. */
export interface PeerRun {
  tool: 'limit' | 'limit-js' | 'igraph' | 'networkx';
  /** The result, or null when the tool could not run (see `why`). */
  result: PeerResult | null;
  why?: string;
  wallS?: number;
}

/** Repository paths used by the bench. */
export interface BenchPaths {
  root: string;
  peers: string;
  data: string;
  out: string;
}

export function benchPaths(root: string): BenchPaths {
  return { root, peers: join(root, 'bench', 'peers'), data: join(root, 'bench', 'data'), out: join(root, 'bench', 'out') };
}

/** The python that has networkx / igraph / scipy: `$PY`, else Debian's `/usr/bin/python3`, else `python3` on PATH. */
export function findPython(): string | null {
  const candidates = [process.env.PY, '/usr/bin/python3', 'python3'].filter((x): x is string => !!x);
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import sys; print(sys.version_info[0])'], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() === '3') return py;
  }
  return null;
}

/** True when `python` can import every module named. */
export function pythonHas(python: string, modules: readonly string[]): boolean {
  const r = spawnSync(python, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  return r.status === 0;
}

/**
 * The input file of a scale: `bench/data/<scale>.csv`, generated with `gen.py --scale X` when missing or older
 * than gen.py (the same scale and seed always give the same bytes). Returns the path, or throws with the fix.
 */
export function ensureInput(paths: BenchPaths, scale: Scale, python: string | null, log: (line: string) => void): string {
  const csv = join(paths.data, `${scale}.csv`);
  const gen = join(paths.peers, 'gen.py');
  if (existsSync(csv) && (!existsSync(gen) || statSync(csv).mtimeMs >= statSync(gen).mtimeMs)) return csv;
  if (!python) throw new MissingToolError('python3', `bench: generating ${csv} needs python3 (bench/peers/gen.py); install python3 or put the file there yourself.`);
  if (!existsSync(gen)) throw new MissingToolError('gen.py', `bench: ${gen} is missing; restore bench/peers/ from the repository.`);
  mkdirSync(paths.data, { recursive: true });
  log(`generating ${scale} with bench/peers/gen.py ...`);
  const r = spawnSync(python, [gen, '--scale', scale, '--out', paths.data], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0 || !existsSync(csv)) throw new MissingToolError('gen.py', `bench: gen.py failed for scale ${scale} (exit ${r.status}).`);
  log(r.stdout.trim());
  return csv;
}

/** A tool the bench needs is missing; the CLI exits 2 with the message. */
export class MissingToolError extends Error {
  override name = 'MissingToolError';
  constructor(
    readonly tool: string,
    message: string,
  ) {
    super(message);
  }
}

function spawnJson(cmd: string, args: string[], memKb: number | null, logFile: string | null): { json: PeerResult | null; wallS: number; why?: string } {
  const t0 = performance.now();
  // An address-space cap (like run.sh's `ulimit -v`) makes an oversized run fail instead of exhausting RAM.
  const script = memKb ? 'ulimit -v "$1"; shift; exec "$@"' : 'shift; exec "$@"';
  const r = spawnSync('/bin/sh', ['-c', script, 'sh', String(memKb ?? 0), cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wallS = (performance.now() - t0) / 1000;
  if (logFile) {
    try {
      writeFileSync(logFile, r.stderr ?? '');
    } catch {
      /* the log is a convenience */
    }
  }
  const text = r.stdout ?? '';
  const start = text.indexOf('{');
  try {
    if (start >= 0) return { json: JSON.parse(text.slice(start)) as PeerResult, wallS };
  } catch {
    /* fall through */
  }
  const tail = (r.stderr ?? '').trim().split('\n').slice(-2).join(' / ');
  return { json: null, wallS, why: `exit ${r.status ?? r.signal}: ${tail || 'no output'}` };
}

/** Options of `runPeers`. */
export interface PeerRunOptions {
  /** Seconds a single step of a Python peer may take (their `--budget`). */
  budget: number;
  /** Address-space cap per Python run, KiB. */
  memKb: number;
  /** Also run networkx on XL (by default it is not attempted, as in run.sh: it would need ~49 GiB). */
  networkxXl: boolean;
  /** Which peers to run. Default: all four. */
  tools?: readonly PeerRun['tool'][];
}

/** Build `limit.c` with `gcc -O2` into `bench/out/limit` (when missing or older than the source); null + reason when impossible. */
export function buildLimit(paths: BenchPaths): { exe: string | null; why?: string } {
  const src = join(paths.peers, 'limit.c');
  const exe = join(paths.out, 'limit');
  if (!existsSync(src)) return { exe: null, why: 'bench/peers/limit.c is missing' };
  if (existsSync(exe) && statSync(exe).mtimeMs >= statSync(src).mtimeMs) return { exe };
  mkdirSync(paths.out, { recursive: true });
  const r = spawnSync('gcc', ['-O2', '-o', exe, src], { encoding: 'utf8' });
  if (r.error) return { exe: null, why: 'gcc not found' };
  if (r.status !== 0) return { exe: null, why: `gcc failed: ${r.stderr.trim().split('\n')[0] ?? ''}` };
  return { exe };
}

/** Run limit.c, its JavaScript port, python-igraph and networkx on `csv`, sequentially; tools that are not installed are reported, not fatal. */
export function runPeers(paths: BenchPaths, scale: Scale, csv: string, python: string | null, options: PeerRunOptions, log: (line: string) => void): PeerRun[] {
  const runs: PeerRun[] = [];
  const wanted = options.tools ?? ['limit', 'limit-js', 'igraph', 'networkx'];
  const limit = wanted.includes('limit') ? buildLimit(paths) : { exe: null };
  if (!wanted.includes('limit')) {
    /* not selected */
  } else if (limit.exe) {
    log('running limit.c ...');
    const r = spawnJson(limit.exe, [csv], null, null);
    runs.push({ tool: 'limit', result: r.json, wallS: r.wallS, ...(r.why ? { why: r.why } : {}) });
  } else runs.push({ tool: 'limit', result: null, why: limit.why ?? 'not built' });
  if (wanted.includes('limit-js')) {
    // The same job in JavaScript (bench/limit-js.ts), in a process of its own like the C program.
    log('running limit.js ...');
    const r = spawnJson(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'limit-js.js'), csv], null, null);
    runs.push({ tool: 'limit-js', result: r.json, wallS: r.wallS, ...(r.why ? { why: r.why } : {}) });
  }

  for (const tool of ['igraph', 'networkx'] as const) {
    if (!wanted.includes(tool)) continue;
    const modules = tool === 'igraph' ? ['igraph', 'numpy', 'scipy'] : ['networkx'];
    if (!python) {
      runs.push({ tool, result: null, why: 'python3 not found' });
      continue;
    }
    if (!pythonHas(python, modules)) {
      runs.push({ tool, result: null, why: `${python} cannot import ${modules.join(', ')} (Debian: apt-get install python3-${tool === 'igraph' ? 'igraph python3-scipy' : 'networkx'})` });
      continue;
    }
    if (tool === 'networkx' && scale === 'XL' && !options.networkxXl) {
      runs.push({ tool, result: null, why: 'not attempted on XL (its L memory per edge extrapolates to ~49 GiB); set NX_XL=1 to try' });
      continue;
    }
    const json = join(paths.out, `${tool}-${scale}.json`);
    const args = [join(paths.peers, `${tool}_bench.py`), csv, '--budget', String(options.budget), '--json', json];
    if (tool === 'igraph' && scale === 'XL') args.push('--no-newman');
    log(`running ${tool} (budget ${options.budget} s per step) ...`);
    const r = spawnJson(python, args, options.memKb, join(paths.out, `${tool}-${scale}.log`));
    runs.push({ tool, result: r.json, wallS: r.wallS, ...(r.why ? { why: r.why } : {}) });
  }
  return runs;
}

/**
 * Reference checksums of a scale from `bench/peers/results.md` (the `### <scale>` table): for each key, the
 * first value any tool reported. Empty when the file or the section is missing.
 */
export function referenceChecksums(resultsMd: string, scale: Scale): Checksums {
  const out: Checksums = {};
  const lines = resultsMd.split('\n');
  const at = lines.findIndex((l) => l.trim() === `### ${scale}`);
  if (at < 0) return out;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('#')) break;
    if (!line.startsWith('|') || line.startsWith('|---') || line.startsWith('| key')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const key = cells[0]!.replace(/^~\s*/, '');
    for (const cell of cells.slice(1, -1)) {
      const v = parseChecksum(cell);
      if (v !== undefined) {
        out[key] = v;
        break;
      }
    }
  }
  return out;
}

/** `referenceChecksums` of the stored `bench/peers/results.md`. */
export function loadReferenceChecksums(paths: BenchPaths, scale: Scale): Checksums {
  const file = join(paths.peers, 'results.md');
  return existsSync(file) ? referenceChecksums(readFileSync(file, 'utf8'), scale) : {};
}
