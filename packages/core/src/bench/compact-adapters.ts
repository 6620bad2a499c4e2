/**
 * The bench's stages on the compact engine (`--engine compact`, the default): the typed arrays, integer ids and
 * CSR that `mycorrhiza analyze` runs on (issue 9), no graphology graph (except graphology's Louvain below the
 * graph limit, as in `analyze`). Tie profiles build both levels as `analyze` does (`compactLevel`: tie table,
 * adjacency, CSR; above `ANALYZE_DEFAULTS.graphLimit` ties the triangle pass too); the measures then run on the
 * person level's CSR: degree/strength/Newman strength (`compactDegrees`), betweenness through the same planning
 * (`planBetweenness` inside `betweennessValuesAsync`) and worker-thread runner as `analyze`, Burt constraint
 * (`levelConstraint`), core numbers (`coreNumberValues`), components (`compactComponents`) and Louvain
 * (`levelCommunities`). Each adapter returns the function to time and keeps what the checksums need.
 */
import { availableParallelism } from 'node:os';
import { ANALYZE_DEFAULTS } from '../analysis/analyze.js';
import { compactComponents } from '../analysis/compact-components.js';
import { compactDegrees } from '../analysis/compact-degree.js';
import { compactLevel, levelCommunities, levelConstraint } from '../analysis/compact-level.js';
import { BETWEENNESS_DEFAULTS, betweennessValuesAsync, coreNumberValues, planBetweenness } from '../centrality/index.js';
import { parallelBetweennessRunner } from '../cli/parallel-betweenness.js';
import { projectOrganisations, projectPersons } from '../network/project.js';
import { resolveOptions } from '../options.js';
import type { StageId } from './report.js';
import { setVariant, strideSources, type Adapter, type StageContext } from './adapters.js';

function person(ctx: StageContext) {
  return ctx.compact!.person;
}

export const compactStages: Partial<Record<StageId, Adapter>> = {
  'tie-profiles': async (ctx) => () => {
    // From the model, like the graph engine's builders: each projection, then its level (person first, so that
    // its scratch is garbage before the organisation level is built, as in `analyze`).
    const graphLimit = ANALYZE_DEFAULTS.graphLimit; // analyze's switch between its small and large paths
    const pproj = projectPersons(ctx.model!);
    const p = compactLevel(ctx.model!, pproj, { graphLimit });
    const oproj = projectOrganisations(ctx.model!);
    const o = compactLevel(ctx.model!, oproj, { graphLimit });
    ctx.compact = { person: { ...p, proj: pproj }, organisation: { ...o, proj: oproj } };
    setVariant(ctx, 'tie-profiles', p.large ? 'compact, with the triangle pass' : 'compact');
  },
  degree: async (ctx) => () => {
    const { proj, csr, table } = person(ctx);
    const d = compactDegrees(proj, csr, table.strong);
    ctx.degree = {
      degree: { actor: csr.actor, values: d.degree },
      strength: { actor: csr.actor, values: d.strength },
      newmanStrength: { actor: csr.actor, values: d.newmanStrength },
    };
  },
  betweenness: async (ctx) => {
    const { csr } = person(ctx);
    const { betweenness: mode, pivots } = ctx.options;
    const given = { mode, ...(pivots !== null ? { pivots } : {}) };
    // Planned here, untimed, only to give a sampled run the benchlib sources (see adapters.ts); the timed call
    // plans again inside `betweennessValuesAsync`, as `analyze` does.
    const runner = parallelBetweennessRunner();
    const plan = planBetweenness(csr, resolveOptions(BETWEENNESS_DEFAULTS, given), 'bench', runner.threads ?? 1);
    const sources = plan.method === 'sampled' ? strideSources(ctx.model!, plan.sources!.length) : null;
    return async () => {
      const r = await betweennessValuesAsync(csr, { ...given, ...(sources ? { sources } : {}), runner, weighted: false, normalized: false });
      const exact = r.method === 'exact';
      ctx.betweenness = { exact, pivots: r.pivots, values: { actor: csr.actor, values: r.values } };
      setVariant(ctx, 'betweenness', `${exact ? 'exact' : `sampled k=${r.pivots}`}, ${availableParallelism()} threads`);
    };
  },
  constraint: async (ctx) => () => {
    const level = person(ctx);
    levelConstraint(level);
    setVariant(ctx, 'constraint', level.large ? 'triangle pass, also run inside tie profiles' : 'Σ deg² scan');
  },
  core: async (ctx) => () => coreNumberValues(person(ctx).csr),
  components: async (ctx) => () => {
    const c = compactComponents(person(ctx).csr);
    ctx.components = { count: c.count, largest: c.largest };
  },
  louvain: async (ctx) => () => {
    const r = levelCommunities(person(ctx), 1);
    ctx.louvain = { communities: r.count, modularity: r.modularity };
    setVariant(ctx, 'louvain', r.method);
  },
};
