/**
 * The benchmark's markdown report: our stages side by side with python-igraph, networkx and the C lower bound
 * (seconds / peak MiB, with ours/theirs ratios taken within one run), the checksum comparison, and the issue's
 * targets with whether they are met. Pure: data in, text out.
 */
import { compareChecksums, formatChecksum, type ChecksumRow, type Checksums } from './checksum.js';
import type { PeerResult, PeerRun, PeerStep, Scale } from './peers.js';

/** Stage ids of our pipeline, in run order (also the names accepted by `--stages`). */
export const STAGES = [
  'parse',
  'model',
  'suggestions',
  'person-projection',
  'organisation-projection',
  'tie-profiles',
  'degree',
  'betweenness',
  'constraint',
  'core',
  'components',
  'louvain',
  'growth',
  'attention',
] as const;
export type StageId = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<StageId, string>> = Object.freeze({
  parse: 'parse',
  model: 'read + model (readAttendance, name suggestions apart)',
  suggestions: 'near-duplicate name suggestions',
  'person-projection': 'person projection',
  'organisation-projection': 'organisation projection',
  'tie-profiles': 'tie profiles (both networks)',
  degree: 'degree + strength',
  betweenness: 'betweenness',
  constraint: 'constraint',
  core: 'core numbers',
  components: 'components',
  louvain: 'louvain',
  growth: 'growth series',
  attention: 'attention',
});

/** One of our stages as measured by the bench child. */
export interface OurStage {
  id: StageId;
  /** Wall seconds, or null when the stage did not run. */
  s: number | null;
  /** Peak RSS during the stage, MiB. */
  peakMb: number | null;
  /** RSS after the stage, MiB. */
  rssAfterMb?: number;
  /** JS heap kept by the stage's result, MiB. */
  heapDeltaMb?: number;
  /** Why the stage did not run (module missing, not selected...). */
  skipped?: string;
  /** The error message when the stage threw (or its process died). */
  failed?: string;
  /** Set when the stage was stopped after this many seconds (did not finish). */
  dnf?: number;
  /** A label shown after the stage name, e.g. `exact` / `sampled k=500`. */
  variant?: string;
}

/** What the bench child reports for our pipeline. */
export interface OursResult {
  tool: 'mycorrhiza';
  node: string;
  /** What the network stages ran on (`--engine`); absent in results from before the option (graph). */
  engine?: 'compact' | 'graph';
  stages: OurStage[];
  checksum: Checksums;
  notes: string[];
  /** Process peak RSS, MiB. */
  processPeakMb: number;
  /** True when every stage peak is the stage's own (kernel mark reset before it). */
  perStagePeak: boolean;
}

/** The `mycorrhiza analyze` run on the same file, measured from outside. */
export interface AnalyzeRun {
  s: number;
  peakMb: number | null;
  exitCode: number | null;
  why?: string;
}

/** Everything the report needs. */
export interface BenchReport {
  scale: Scale;
  input: { path: string; bytes: number };
  machine: { cpu: string; cores: number; node: string; loadStart: number; loadEnd: number };
  date: string;
  budget: number;
  ours: OursResult | null;
  oursWhy?: string;
  peers: PeerRun[];
  reference: Checksums;
  analyze?: AnalyzeRun;
}

type Tool = 'igraph' | 'networkx' | 'limit';
const TOOLS: readonly Tool[] = ['igraph', 'networkx', 'limit'];
const TOOL_LABEL: Readonly<Record<Tool, string>> = { igraph: 'igraph', networkx: 'networkx', limit: 'limit.c' };

/** Peer steps comparable with each of our stages. */
export const PEER_STEPS: Readonly<Partial<Record<StageId, Partial<Record<Tool, string>>>>> = Object.freeze({
  parse: { igraph: 'parse', networkx: 'parse', limit: 'parse' },
  'person-projection': { igraph: 'person_proj', networkx: 'person_proj_api', limit: 'person_proj_mark' },
  'organisation-projection': { igraph: 'org_proj', networkx: 'org_proj' },
  degree: { igraph: 'degree_strength', networkx: 'degree_strength' },
  betweenness: { igraph: 'betweenness_exact', networkx: 'betweenness_exact' },
  components: { igraph: 'components', networkx: 'components' },
  louvain: { igraph: 'louvain', networkx: 'louvain' },
});

/** Label of every peer of a run (limit.js is shown in its own table beside limit.c). */
const RUN_LABEL: Readonly<Record<PeerRun['tool'], string>> = { ...TOOL_LABEL, 'limit-js': 'limit.js' };

function peerResult(peers: readonly PeerRun[], tool: PeerRun['tool']): PeerResult | null {
  return peers.find((p) => p.tool === tool)?.result ?? null;
}

function secs(s: number): string {
  return s < 10 ? s.toFixed(3) : s.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

function mb(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** A peer step as `report.py` shows it. */
export function peerCell(step: PeerStep | undefined): string {
  if (!step) return '—';
  if (step.skipped) {
    if (step.skipped.includes('not supported')) return 'n/a (unsupported)';
    return step.estimate_s != null ? `skipped (est. ${Math.round(step.estimate_s).toLocaleString('en-US')} s)` : 'skipped';
  }
  if (step.failed) return `FAILED (${step.failed})`;
  if (step.finished === false) return `DNF (> ${Math.round(step.timeout_s ?? 0)} s)`;
  if (step.s == null) return '—';
  return `${secs(step.s)} s / ${mb(step.peak_mb ?? 0)} MB`;
}

function ourCell(st: OurStage | undefined): string {
  if (!st) return '—';
  if (st.dnf != null) return `DNF (> ${st.dnf} s)`;
  if (st.failed) return `FAILED (${st.failed.slice(0, 60)})`;
  if (st.skipped || st.s == null) return `not run${st.skipped ? ` (${st.skipped})` : ''}`;
  return `${secs(st.s)} s / ${mb(st.peakMb ?? 0)} MB`;
}

/** ours / theirs: `0.42×`; `< x` when they did not finish; `≈ x` against an estimate; '' when not comparable. */
export function ratioCell(ours: number | null | undefined, step: PeerStep | undefined): string {
  if (ours == null || !step) return '';
  if (step.skipped) return step.estimate_s ? `≈ ${fmtRatio(ours / step.estimate_s)} (vs est.)` : '';
  if (step.finished === false) return step.timeout_s ? `< ${fmtRatio(ours / step.timeout_s)}` : '';
  if (step.s == null || step.s <= 0) return '';
  return fmtRatio(ours / step.s);
}

function fmtRatio(r: number): string {
  return r >= 100 ? `${Math.round(r)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toPrecision(2)}×`;
}

/** Sum of finished steps; null when one is missing or did not finish. */
function sumSteps(result: PeerResult | null, names: readonly string[]): PeerStep | undefined {
  if (!result) return undefined;
  let s = 0;
  let peak = 0;
  for (const n of names) {
    const st = result.steps[n];
    if (!st || st.s == null || st.finished === false || st.skipped) return undefined;
    s += st.s;
    peak = Math.max(peak, st.peak_mb ?? 0);
  }
  return { s, peak_mb: peak };
}

function sumOurs(ours: OursResult | null, ids: readonly StageId[]): OurStage | undefined {
  if (!ours) return undefined;
  let s = 0;
  let peak = 0;
  for (const id of ids) {
    const st = ours.stages.find((x) => x.id === id);
    if (!st || st.s == null) return undefined;
    s += st.s;
    peak = Math.max(peak, st.peakMb ?? 0);
  }
  return { id: ids[0]!, s, peakMb: peak };
}

// `model` is the whole reader (it parses the file itself), so the sums start there, not at `parse`.
const OUR_PROJECTION: readonly StageId[] = ['model', 'person-projection', 'organisation-projection'];
const OUR_PERSON_ONLY: readonly StageId[] = ['model', 'person-projection'];
const PEER_PROJECTION: Readonly<Record<Tool, readonly string[]>> = {
  igraph: ['parse', 'person_proj', 'org_proj'],
  networkx: ['parse', 'person_proj_api', 'org_proj'],
  limit: ['parse', 'dedupe_index', 'person_proj_mark'],
};

/** The comparison rows of the stage table (stage, ours, each tool, ratios). */
export interface StageRow {
  label: string;
  ours: string;
  cells: Record<Tool, string>;
  ratios: Record<Tool, string>;
}

/** Stage table rows: every stage, then the combined parse + projection rows. */
export function stageRows(r: BenchReport): StageRow[] {
  const rows: StageRow[] = [];
  const res = Object.fromEntries(TOOLS.map((t) => [t, peerResult(r.peers, t)])) as Record<Tool, PeerResult | null>;
  const cell = (t: Tool, step: string | undefined): PeerStep | undefined => (step && res[t] ? res[t]!.steps[step] : undefined);
  for (const id of STAGES) {
    const st = r.ours?.stages.find((x) => x.id === id);
    const map = { ...(PEER_STEPS[id] ?? {}) };
    // A sampled estimate of ours is compared with networkx's sampled estimate (igraph cannot sample).
    if (id === 'betweenness' && st?.variant?.startsWith('sampled')) {
      map.networkx = 'betweenness_sampled_k500';
      delete map.igraph;
    }
    const cells = {} as Record<Tool, string>;
    const ratios = {} as Record<Tool, string>;
    for (const t of TOOLS) {
      const step = cell(t, map[t]);
      cells[t] = map[t] ? (res[t] ? peerCell(step) : 'not run') : '—';
      ratios[t] = map[t] ? ratioCell(st?.s, step) : '';
    }
    // A stage outside `--stages` with nothing to compare is left out.
    if (!st && TOOLS.every((t) => cells[t] === '—' || cells[t] === 'not run')) continue;
    rows.push({ label: STAGE_LABELS[id] + (st?.variant ? ` (${st.variant})` : ''), ours: ourCell(st), cells, ratios });
  }
  const combos: [string, readonly StageId[]][] = [
    ['**read + person + organisation projection**', OUR_PROJECTION],
    ['**read + person projection**', OUR_PERSON_ONLY],
  ];
  for (const [label, ids] of combos) {
    const mine = sumOurs(r.ours, ids);
    const cells = {} as Record<Tool, string>;
    const ratios = {} as Record<Tool, string>;
    for (const t of TOOLS) {
      const names = ids === OUR_PERSON_ONLY && t !== 'limit' ? PEER_PROJECTION[t].slice(0, 2) : PEER_PROJECTION[t];
      const step = sumSteps(res[t], names);
      cells[t] = res[t] ? (step ? peerCell(step) : 'incomplete') : 'not run';
      ratios[t] = ratioCell(mine?.s, step);
    }
    rows.push({ label, ours: ourCell(mine), cells, ratios });
  }
  rows.push({
    label: '**process peak**',
    ours: r.ours ? `${mb(r.ours.processPeakMb)} MB` : 'not run',
    cells: Object.fromEntries(TOOLS.map((t) => [t, res[t]?.process_peak_mb != null ? `${mb(res[t]!.process_peak_mb!)} MB` : res[t] ? '' : 'not run'])) as Record<Tool, string>,
    ratios: { igraph: '', networkx: '', limit: '' },
  });
  return rows;
}

/**
 * limit.c beside its JavaScript port (`bench/limit-js.ts`, the same job and algorithm), step by step: what the
 * runtime itself costs on the C program's job. Null when limit.js did not run.
 */
export function runtimeFloorRows(r: BenchReport): { label: string; c: string; js: string; ratio: string }[] | null {
  const c = peerResult(r.peers, 'limit'), js = peerResult(r.peers, 'limit-js');
  if (!js) return null;
  const steps: [string, readonly string[]][] = [
    ['parse', ['parse']],
    ['dedupe + index', ['dedupe_index']],
    ['person projection (mark)', ['person_proj_mark']],
    ['**parse + person projection**', PEER_PROJECTION.limit],
  ];
  return steps.map(([label, names]) => {
    const cs = sumSteps(c, names), jss = sumSteps(js, names);
    return { label, c: c ? peerCell(cs) : 'not run', js: peerCell(jss), ratio: cs?.s && jss?.s != null ? fmtRatio(jss.s / cs.s) : '' };
  });
}

/** Checksum rows: ours against each peer of this run and the stored reference (`results.md`). */
export function checksumRows(r: BenchReport): ChecksumRow[] {
  const theirs: Record<string, Checksums | undefined> = {};
  for (const t of TOOLS) theirs[TOOL_LABEL[t]] = peerResult(r.peers, t)?.checksum;
  theirs['limit.js'] = peerResult(r.peers, 'limit-js')?.checksum;
  theirs['results.md'] = r.reference;
  return compareChecksums(r.ours?.checksum ?? {}, theirs);
}

/** One target of the issue, evaluated on this run. */
export interface TargetCheck {
  target: string;
  value: string;
  /** true met, false missed, null not measurable in this run (scale or peer missing). */
  met: boolean | null;
}

function stageS(r: BenchReport, id: StageId): number | null {
  return r.ours?.stages.find((x) => x.id === id)?.s ?? null;
}

/** The targets of issue 9 that this scale can answer. */
export function targetChecks(r: BenchReport): TargetCheck[] {
  const out: TargetCheck[] = [];
  const ig = peerResult(r.peers, 'igraph');
  const lim = peerResult(r.peers, 'limit');
  const proj = sumOurs(r.ours, OUR_PROJECTION)?.s ?? null;
  const projPerson = sumOurs(r.ours, OUR_PERSON_ONLY)?.s ?? null;
  if (r.scale === 'M' || r.scale === 'L') {
    const igProj = sumSteps(ig, PEER_PROJECTION.igraph)?.s ?? null;
    const ratio = proj != null && igProj ? proj / igProj : null;
    out.push({ target: `read + person + organisation projection faster than python-igraph (${r.scale})`, value: ratio != null ? `ours/igraph = ${fmtRatio(ratio)}` : 'not measured in this run', met: ratio != null ? ratio < 1 : null });
    const cProj = sumSteps(lim, PEER_PROJECTION.limit)?.s ?? null;
    const rc = proj != null && cProj ? proj / cProj : null;
    const rcp = projPerson != null && cProj ? projPerson / cProj : null;
    const jsProj = sumSteps(peerResult(r.peers, 'limit-js'), PEER_PROJECTION.limit)?.s ?? null;
    const floor = jsProj != null && cProj ? `; the C program's own job in JavaScript (limit.js) = ${fmtRatio(jsProj / cProj)}` : '';
    out.push({
      target: `read + projections within 5× of the C program (${r.scale})`,
      value: rc != null ? `ours (read+person+org) / C (parse+person) = ${fmtRatio(rc)}; read+person only: ${rcp != null ? fmtRatio(rcp) : '?'}${floor}` : 'not measured in this run',
      met: rc != null ? rc <= 5 : null,
    });
  }
  if (r.scale === 'M') {
    const st = r.ours?.stages.find((x) => x.id === 'betweenness');
    const igB = ig?.steps['betweenness_exact'];
    const exact = st?.variant?.startsWith('exact') ?? false;
    const ratio = st?.s != null && igB?.s ? st.s / igB.s : null;
    const bound = igB?.finished === false ? '< ' : ''; // igraph stopped at its budget: ours is at most this
    const ran = st?.s != null;
    out.push({
      target: 'exact betweenness faster than python-igraph (M)',
      value: !ran ? `ours did not run (${st ? ourCell(st) : 'not selected'})` : !exact ? `ours ran ${st.variant ?? '?'}` : ratio != null ? `ours/igraph = ${bound}${fmtRatio(ratio)}` : 'igraph not run',
      met: !ran ? null : exact && ratio != null ? ratio < 1 : exact ? null : false,
    });
    const lv = stageS(r, 'louvain');
    const igL = ig?.steps['louvain']?.s;
    const rl = lv != null && igL ? lv / igL : null;
    out.push({ target: 'Louvain within 2× of python-igraph (M)', value: rl != null ? `ours/igraph = ${fmtRatio(rl)}` : 'not measured in this run', met: rl != null ? rl <= 2 : null });
  }
  if (r.scale === 'L') {
    const g = stageS(r, 'growth');
    // One full build = both networks with their full tie profiles, from the model (the tie-profiles stage).
    const build = stageS(r, 'tie-profiles');
    const rg = g != null && build ? g / build : null;
    out.push({ target: 'full growth series within 3× of one full build (L)', value: rg != null ? `growth (monthly) / tie profiles (both networks) = ${fmtRatio(rg)}` : 'not measured', met: rg != null ? rg <= 3 : null });
  }
  if (r.analyze && (r.scale === 'L' || r.scale === 'XL')) {
    const a = r.analyze;
    const ok = a.exitCode === 0;
    const value = `${ok ? 'completed' : `failed (${a.why ?? `exit ${a.exitCode}`})`} in ${secs(a.s)} s, peak ${a.peakMb != null ? mb(a.peakMb) + ' MB' : '?'}`;
    if (r.scale === 'L') out.push({ target: '`mycorrhiza analyze` on L under 2 minutes and 4 GB', value, met: ok && a.s < 120 && a.peakMb != null && a.peakMb < 4096 });
    else out.push({ target: '`mycorrhiza analyze` on XL without running out of memory', value, met: ok });
  }
  return out;
}

/** The line under the stage table that names the engine of the network stages. */
export function engineLine(engine: 'compact' | 'graph'): string {
  return engine === 'compact'
    ? 'Engine: **compact** (`--engine compact`): tie profiles to Louvain run on the typed arrays, integer ids and CSR that `mycorrhiza analyze` runs on ' +
        '(tie table and adjacency per level, `compactDegrees`, `betweennessValuesAsync` on the CSR with the worker runner, triangle pass or Σ deg² scan for constraint as analyze picks by size, ' +
        '`coreNumberValues`, `compactComponents`, compact Louvain above 25,000 ties, graphology\'s below, as analyze).'
    : 'Engine: **graph** (`--engine graph`): tie profiles build graphology graphs (`personNetwork`, `organisationNetwork`) and the measures run through the library API on them.';
}

/** The whole markdown report. */
export function renderReport(r: BenchReport): string {
  const w: string[] = [];
  const ver = (t: Tool) => peerResult(r.peers, t)?.version;
  w.push(`# Mycorrhiza benchmark, scale ${r.scale}`);
  w.push('');
  w.push(`Input: \`${r.input.path}\` (${(r.input.bytes / 1e6).toFixed(1)} MB), from \`bench/peers/gen.py --scale ${r.scale}\` (seeded). ` + `Run ${r.date}.`);
  w.push(
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node}; 1-minute load ${r.machine.loadStart.toFixed(2)} → ${r.machine.loadEnd.toFixed(2)}. ` +
      `Peers: python-igraph ${ver('igraph') ?? '(not run)'}, networkx ${ver('networkx') ?? '(not run)'} (per-step budget ${r.budget} s), limit.c (gcc -O2), limit.js (limit.c in JavaScript). ` +
      'Tools run one after the other; compare the ratios of one run, not absolute times across runs.',
  );
  w.push('');
  w.push(
    'Cells: wall seconds / peak RSS during the step (MiB; the kernel peak mark is reset before each step, so it includes what earlier steps left resident). ' +
      'Ratios are ours / theirs (< 1: we are faster). `<`: they did not finish within the budget; `≈ … (vs est.)`: against their own pilot estimate. ' +
      '`parse` is the reader\'s tokeniser alone (into column lists, like the peers\' parse); `read + model` is the whole reader (`readAttendance`: parse, header mapping, date and identity checks, dedupe, model; its near-duplicate name suggestions are the next stage, left out of the sums), ' +
      'so the combined rows add read + projections; for the peers they add parse + projections (limit.c: parse + dedupe/index + person projection; it has no organisation projection).',
  );
  w.push('');
  w.push('| stage | ours | igraph | networkx | limit.c | ours/igraph | ours/networkx | ours/C |');
  w.push('|---|---|---|---|---|---:|---:|---:|');
  for (const row of stageRows(r)) {
    w.push(`| ${row.label} | ${row.ours} | ${row.cells.igraph} | ${row.cells.networkx} | ${row.cells.limit} | ${row.ratios.igraph} | ${row.ratios.networkx} | ${row.ratios.limit} |`);
  }
  w.push('');
  if (r.ours) w.push(engineLine(r.ours.engine ?? 'graph'), '');
  const missing = r.peers.filter((p) => !p.result);
  if (missing.length || !r.ours) {
    for (const p of missing) w.push(`- ${RUN_LABEL[p.tool]} not run: ${p.why ?? 'unknown reason'}`);
    if (!r.ours) w.push(`- ours not run: ${r.oursWhy ?? 'unknown reason'}`);
    w.push('');
  }
  if (r.ours?.notes.length || r.analyze) {
    for (const n of r.ours?.notes ?? []) w.push(`- ${n}`);
    if (r.analyze) {
      const a = r.analyze;
      w.push(`- \`mycorrhiza analyze\` on this file (every output, separate process): ${a.exitCode === 0 ? 'completed' : `did not complete: ${a.why ?? `exit ${a.exitCode}`}`} in ${secs(a.s)} s, peak ${a.peakMb != null ? mb(a.peakMb) + ' MB' : '?'}.`);
    }
    w.push('');
  }
  const floor = runtimeFloorRows(r);
  if (floor) {
    w.push('## The C program in JavaScript');
    w.push('');
    w.push(
      '`limit.js` (`packages/core/src/bench/limit-js.ts`) does limit.c\'s job with limit.c\'s algorithm, step for step, in a Node process of its own: ' +
        'two columns, no check, no model, no organisation projection. Its ratio to the C program is the floor of any JavaScript implementation on this machine.',
    );
    w.push('');
    w.push('| step | limit.c | limit.js | limit.js / C |');
    w.push('|---|---|---|---:|');
    for (const row of floor) w.push(`| ${row.label} | ${row.c} | ${row.js} | ${row.ratio} |`);
    w.push('');
  }
  const targets = targetChecks(r);
  if (targets.length) {
    w.push('## Targets');
    w.push('');
    w.push('| target | this run | met |');
    w.push('|---|---|---|');
    for (const t of targets) w.push(`| ${t.target} | ${t.value} | ${t.met === null ? '?' : t.met ? 'yes' : '**no**'} |`);
    w.push('');
  }
  w.push('## Checksums');
  w.push('');
  w.push('Definitions: `bench/peers/benchlib.py` (a strong tie there is weight ≥ 2). Exact keys must agree; `~` keys (Louvain) are compared loosely.');
  w.push('');
  const rows = checksumRows(r);
  const cols = ['igraph', 'networkx', 'limit.c', 'limit.js', 'results.md'];
  w.push(`| key | ours | ${cols.join(' | ')} | status |`);
  w.push(`|---|---|${cols.map(() => '---|').join('')}---|`);
  for (const row of rows) {
    w.push(`| ${row.key} | ${formatChecksum(row.ours)} | ${cols.map((c) => formatChecksum(row.theirs[c])).join(' | ')} | ${row.status === 'MISMATCH' ? '**MISMATCH**' : row.status} |`);
  }
  w.push('');
  return w.join('\n');
}
