#!/usr/bin/env node
/**
 * `pnpm bench [S|M|L|XL] [--no-peers] [--stages a,b,c] [--engine compact|graph] [--budget SECONDS]`: our pipeline stage by stage beside
 * python-igraph, networkx and the C lower bound on the same generated file, in the same run. Writes
 * `bench/out/bench-<scale>.md` and prints it. Exit codes: 0 done, 1 a checksum MISMATCH or a failed stage,
 * 2 usage error or a missing tool (python3 for the input generator).
 *
 * Our pipeline runs in a child process (`--child`) started with `--expose-gc` and a large heap, so its peaks
 * are its own (like each peer's) and garbage from one stage is collected before the next.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFlags, parseArgs, UsageError, type FlagSpec } from '../cli/args.js';
import { load1, machineInfo, runMeasured } from './machine.js';
import { benchPaths, ensureInput, findPython, loadReferenceChecksums, MissingToolError, runPeers, SCALES, type PeerRun, type Scale } from './peers.js';
import { ENGINES, runPipeline, type Engine, type OursProgress, type PipelineOptions } from './pipeline.js';
import { checksumRows, renderReport, STAGES, type AnalyzeRun, type BenchReport, type OursResult, type StageId } from './report.js';

const FLAGS: Record<string, FlagSpec> = {
  'no-peers': { kind: 'boolean', help: 'run only our pipeline (checksums are still compared with bench/peers/results.md)' },
  peers: { kind: 'string', help: 'which peers to run: comma-separated from limit, limit-js, igraph, networkx (default all)' },
  stages: { kind: 'string', help: `comma-separated stages (prerequisites are added): ${STAGES.join(', ')}` },
  engine: { kind: 'string', help: 'what the network stages run on: compact (default: the typed arrays and CSR `mycorrhiza analyze` runs on) or graph (graphology graphs, the library API)' },
  budget: { kind: 'string', help: 'seconds a single step of a Python peer may take (default 120)' },
  file: { kind: 'string', help: 'benchmark this CSV instead of bench/data/<scale>.csv (scale still picks the reference checksums)' },
  betweenness: {
    kind: 'string',
    help: 'betweenness mode passed to the tie engine: auto (default: exact up to BETWEENNESS_EXACT_MAX_NODES = 20,000 nodes and BETWEENNESS_EXACT_MAX_WORK = 2e10 adjacency visits), exact or sampled',
  },
  pivots: { kind: 'string', help: "pivots (sources) of the sampled betweenness estimate (default: the tie engine's work budget × threads / 2m; 500 reproduces networkx's sample)" },
  'no-analyze': { kind: 'boolean', help: 'skip the `mycorrhiza analyze` run on the same file' },
  'analyze-timeout': { kind: 'string', help: 'seconds before the `mycorrhiza analyze` run is stopped (default 600)' },
  heap: { kind: 'string', help: 'V8 old-space limit of our pipeline process, MiB (default 16384)' },
  'stage-timeout': { kind: 'string', help: 'seconds one of our stages may run before it is stopped and marked DNF (default 600)' },
  done: { kind: 'string', help: '(internal) stages measured by an earlier process of this run' },
  dnf: { kind: 'string', help: '(internal) stages that did not finish in an earlier process of this run' },
  child: { kind: 'boolean', help: '(internal) run our pipeline in this process and write JSON to --json' },
  json: { kind: 'string', help: '(internal) where the child writes its result' },
  help: { kind: 'boolean', help: 'show this help' },
};

const HERE = dirname(fileURLToPath(import.meta.url));
/** Repository root: packages/core/dist/bench → four levels up. */
const ROOT = resolve(HERE, '..', '..', '..', '..');

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

function num(flag: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (!Number.isFinite(x) || x < min) throw new UsageError(`bench: flag "--${flag}" should be a number >= ${min}, received "${String(value)}".`);
  return x;
}

function parseStages(value: unknown): StageId[] | null {
  if (value === undefined) return null;
  const ids = String(value).split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of ids) {
    if (!(STAGES as readonly string[]).includes(id)) throw new UsageError(`bench: unknown stage "${id}". Stages: ${STAGES.join(', ')}.`);
  }
  return ids as StageId[];
}

function pipelineOptions(flags: Record<string, unknown>): PipelineOptions {
  const mode = flags.betweenness === undefined ? 'auto' : String(flags.betweenness);
  if (!['auto', 'exact', 'sampled'].includes(mode)) throw new UsageError(`bench: flag "--betweenness" should be auto, exact or sampled, received "${mode}".`);
  const engine = flags.engine === undefined ? 'compact' : String(flags.engine);
  if (!(ENGINES as readonly string[]).includes(engine)) throw new UsageError(`bench: flag "--engine" should be compact or graph, received "${engine}".`);
  return {
    stages: parseStages(flags.stages),
    engine: engine as Engine,
    betweenness: mode as PipelineOptions['betweenness'],
    pivots: flags.pivots === undefined ? null : num('pivots', flags.pivots, 0, 1),
    budget: num('budget', flags.budget, 120, 1),
    done: parseStages(flags.done) ?? [],
    dnf: parseStages(flags.dnf) ?? [],
  };
}

async function child(flags: Record<string, unknown>): Promise<number> {
  const file = String(flags.file ?? '');
  const json = String(flags.json ?? '');
  if (!file || !json) throw new UsageError('bench --child needs --file and --json.');
  // The file is replaced (write + rename: never half-written) before and after every stage, so the parent can
  // stop a stage that overruns and keep the rest.
  const write = (value: unknown) => {
    writeFileSync(json + '.tmp', JSON.stringify(value) + '\n');
    renameSync(json + '.tmp', json);
  };
  write(await runPipeline(file, pipelineOptions(flags), log, write));
  return 0;
}

function readProgress(path: string): OursProgress | null {
  try {
    const text = readFileSync(path, 'utf8');
    return text.trim() ? (JSON.parse(text) as OursProgress) : null;
  } catch {
    return null;
  }
}

/**
 * Run our pipeline in child processes: one process normally; when a stage overruns `stageTimeout` (or the process
 * dies, e.g. out of memory) that stage is recorded as not finished and a new process measures the remaining
 * stages (rebuilding, unmeasured, the prerequisites it needs).
 */
async function runOurs(csv: string, outJson: string, flags: Record<string, unknown>, heap: number, stageTimeout: number): Promise<{ ours: OursResult | null; why?: string }> {
  const done: StageId[] = [];
  const dnf: StageId[] = [];
  const merged: OursResult = { tool: 'mycorrhiza', node: process.version, stages: [], checksum: {}, notes: [], processPeakMb: 0, perStagePeak: true };
  for (let attempt = 0; attempt <= STAGES.length; attempt++) {
    const args = ['--expose-gc', `--max-old-space-size=${heap}`, fileURLToPath(import.meta.url), '--child', '--file', csv, '--json', outJson];
    for (const f of ['stages', 'engine', 'betweenness', 'pivots', 'budget']) if (flags[f] !== undefined) args.push(`--${f}`, String(flags[f]));
    if (done.length) args.push('--done', done.join(','));
    if (dnf.length) args.push('--dnf', dnf.join(','));
    writeFileSync(outJson, '');
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    let overran: StageId | null = null;
    const watchdog = setInterval(() => {
      if (overran) return; // already stopping it
      const p = readProgress(outJson);
      if (p?.running && Date.now() - p.running.since > stageTimeout * 1000) {
        overran = p.running.id;
        log(`stage ${overran} still running after ${stageTimeout} s: stopping it`);
        child.kill('SIGKILL');
      }
    }, 1000);
    const exit = await new Promise<{ code: number | null; signal: string | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
    clearInterval(watchdog);
    const part = readProgress(outJson);
    if (part) {
      for (const st of part.stages) if (!merged.stages.some((x) => x.id === st.id)) merged.stages.push(st);
      Object.assign(merged.checksum, part.checksum);
      for (const n of part.notes) if (!merged.notes.includes(n)) merged.notes.push(n);
      merged.processPeakMb = Math.max(merged.processPeakMb, part.processPeakMb);
      merged.perStagePeak &&= part.perStagePeak;
      merged.node = part.node;
      if (part.engine) merged.engine = part.engine;
    }
    const running = part?.running?.id ?? null;
    if (!running && exit.code === 0) break;
    if (!running) return { ours: part ? merged : null, why: `our pipeline process ended with ${exit.signal ?? `exit ${exit.code}`}` };
    merged.stages.push(
      overran === running
        ? { id: running, s: null, peakMb: null, dnf: stageTimeout }
        : { id: running, s: null, peakMb: null, failed: `process died (${exit.signal ?? `exit ${exit.code}`}; out of memory?)` },
    );
    dnf.push(running);
    for (const st of part!.stages) if (!done.includes(st.id)) done.push(st.id);
  }
  merged.stages.sort((a, b) => STAGES.indexOf(a.id) - STAGES.indexOf(b.id));
  return { ours: merged };
}

async function runAnalyze(csv: string, scale: Scale, outDir: string, timeoutS: number): Promise<AnalyzeRun | undefined> {
  const cli = join(ROOT, 'packages', 'core', 'dist', 'cli', 'main.js');
  if (!existsSync(cli)) return undefined;
  const help = spawnSync(process.execPath, [cli, 'analyze', '--help'], { encoding: 'utf8' });
  if (/unknown command/.test(help.stderr ?? '')) {
    log('mycorrhiza analyze is not available in this build; skipped');
    return undefined;
  }
  const dir = join(outDir, `analyze-${scale}`);
  log(`running mycorrhiza analyze on ${scale} ...`);
  const r = await runMeasured(process.execPath, [cli, 'analyze', csv, '--out', dir], timeoutS);
  const why = r.timedOut ? `did not finish within ${timeoutS} s (stopped)` : r.stderrTail || `signal ${r.signal}`;
  log(`analyze: ${r.exitCode === 0 ? 'done' : why} in ${r.s.toFixed(1)} s, peak ${r.peakMb?.toFixed(0) ?? '?'} MiB`);
  return { s: r.s, peakMb: r.peakMb, exitCode: r.timedOut ? null : r.exitCode, ...(r.exitCode !== 0 || r.timedOut ? { why } : {}) };
}

async function main(argv: string[]): Promise<number> {
  const { positionals, flags } = parseArgs('bench', argv, FLAGS);
  if (flags.help) {
    process.stdout.write(`Usage: pnpm bench [S|M|L|XL] [options]\n\n${formatFlags(FLAGS)}\n`);
    return 0;
  }
  if (flags.child) return child(flags);
  if (positionals.length > 1) throw new UsageError(`bench: give one scale (S, M, L or XL), received ${positionals.join(' ')}.`);
  const scale = (positionals[0] ?? 'S').toUpperCase();
  if (!(SCALES as readonly string[]).includes(scale)) throw new UsageError(`bench: unknown scale "${positionals[0]}"; use S, M, L or XL.`);
  const sc = scale as Scale;
  pipelineOptions(flags); // validate before the long work starts
  const tools = flags.peers === undefined ? undefined : String(flags.peers).split(',').map((t) => t.trim());
  for (const t of tools ?? []) if (!['limit', 'limit-js', 'igraph', 'networkx'].includes(t)) throw new UsageError(`bench: unknown peer "${t}"; use limit, limit-js, igraph or networkx.`);
  const budget = num('budget', flags.budget, 120, 1);
  const heap = num('heap', flags.heap, 16384, 256);
  const paths = benchPaths(ROOT);
  mkdirSync(paths.out, { recursive: true });

  const python = findPython();
  let csv: string;
  if (flags.file !== undefined) {
    csv = resolve(String(flags.file));
    if (!existsSync(csv)) throw new UsageError(`bench: cannot find "${String(flags.file)}".`);
  } else {
    try {
      csv = ensureInput(paths, sc, python, log);
    } catch (err) {
      if (err instanceof MissingToolError) {
        process.stderr.write(err.message + '\n');
        return 2;
      }
      throw err;
    }
  }

  const machine = machineInfo();
  const loadStart = load1();
  log(`scale ${sc}: ${relative(ROOT, csv)}; ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}`);
  log('running our pipeline ...');
  const stageTimeout = num('stage-timeout', flags['stage-timeout'], 600, 1);
  const ours = await runOurs(csv, join(paths.out, `ours-${sc}.json`), flags, heap, stageTimeout);
  writeFileSync(join(paths.out, `ours-${sc}.json`), JSON.stringify(ours.ours, null, 1) + '\n');
  const analyzeTimeout = num('analyze-timeout', flags['analyze-timeout'], 600, 1);
  const analyze = flags['no-analyze'] || flags.stages !== undefined ? undefined : await runAnalyze(csv, sc, paths.out, analyzeTimeout);
  let peers: PeerRun[] = [];
  if (!flags['no-peers']) {
    peers = runPeers(paths, sc, csv, python, { budget, memKb: 20 * 1024 * 1024, networkxXl: process.env.NX_XL === '1', ...(tools ? { tools: tools as PeerRun['tool'][] } : {}) }, log);
  }
  const report: BenchReport = {
    scale: sc,
    input: { path: relative(ROOT, csv), bytes: statSync(csv).size },
    machine: { ...machine, loadStart, loadEnd: load1() },
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    budget,
    ours: ours.ours,
    ...(ours.why ? { oursWhy: ours.why } : {}),
    peers,
    reference: loadReferenceChecksums(paths, sc),
    ...(analyze ? { analyze } : {}),
  };
  const md = renderReport(report);
  const outMd = join(paths.out, `bench-${sc}.md`);
  writeFileSync(outMd, md);
  process.stdout.write(md + '\n');
  log(`wrote ${relative(ROOT, outMd)}`);

  let code = 0;
  const mismatches = checksumRows(report).filter((r) => r.status === 'MISMATCH');
  if (mismatches.length) {
    process.stderr.write(`\n!!! MISMATCH: ${mismatches.length} checksum(s) differ from the peers: ${mismatches.map((m) => m.key).join(', ')} !!!\n\n`);
    code = 1;
  }
  const failed = ours.ours?.stages.filter((s) => s.failed) ?? [];
  if (!ours.ours || failed.length) {
    process.stderr.write(`bench: ${ours.ours ? `stage(s) failed: ${failed.map((s) => `${s.id} (${s.failed})`).join('; ')}` : ours.why}\n`);
    code = 1;
  }
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(err.message + '\n');
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`bench: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);
