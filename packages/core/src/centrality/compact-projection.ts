/**
 * A `CompactGraph` straight from a projection's tie columns (`projectPersons` / `projectOrganisations`), without
 * building a graphology graph (which costs seconds to minutes on large inputs). The CSR is the one
 * `compactGraph` builds from the graph `personNetwork` / `organisationNetwork` makes of the same projection:
 * nodes are the present actors in index order, adjacency lists in tie order, so every measure is identical.
 */
import { InvalidOptionError } from '../errors.js';
import type { Projection } from '../network/project.js';
import type { CompactGraph } from './compact.js';

export interface CsrFromProjectionOptions {
  /** Tie weight per adjacency entry: "shared_events", "newman", or null (every weight 1). Default: "shared_events". */
  weight?: 'shared_events' | 'newman' | null;
  /**
   * Node id per actor index (e.g. `model.people.map((p) => p.id)`, the ids of the graphology graph).
   * Default: null (ids are the actor indices as strings).
   */
  ids?: readonly string[] | null;
}

/** A compact graph of a projection; compact node v is actor `actor[v]` of the model. */
export interface ProjectionCsr extends CompactGraph {
  actor: Int32Array;
}

/** Build the compact graph of a projection (present actors only, as the network builders do). */
export function csrFromProjection(proj: Projection, options: CsrFromProjectionOptions = {}): ProjectionCsr {
  const weightName = options.weight === undefined ? 'shared_events' : options.weight;
  if (weightName !== null && weightName !== 'shared_events' && weightName !== 'newman')
    throw new InvalidOptionError('csrFromProjection', 'weight', weightName, '"shared_events", "newman" or null');
  const ids = options.ids ?? null;
  if (ids !== null && ids.length < proj.nodeCount)
    throw new InvalidOptionError('csrFromProjection', 'ids', `${ids.length} ids`, `one id per actor (${proj.nodeCount})`);
  const present = proj.nodes.present;
  const local = new Int32Array(proj.nodeCount).fill(-1);
  let n = 0;
  for (let a = 0; a < proj.nodeCount; a++) if (present[a]) local[a] = n++;
  const actor = new Int32Array(n);
  const nodeIds: string[] = new Array<string>(n);
  for (let a = 0; a < proj.nodeCount; a++) {
    const v = local[a]!;
    if (v < 0) continue;
    actor[v] = a;
    nodeIds[v] = ids !== null ? ids[a]! : String(a);
  }
  const index = new Map<string, number>();
  for (let v = 0; v < n; v++) index.set(nodeIds[v]!, v);
  const start = new Int32Array(n + 1);
  const t = proj.length;
  for (let k = 0; k < t; k++) {
    start[local[proj.src[k]!]! + 1]!++;
    start[local[proj.tgt[k]!]! + 1]!++;
  }
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const neighbour = new Int32Array(2 * t);
  const weight = new Float64Array(2 * t);
  const w = weightName === 'shared_events' ? proj.shared : weightName === 'newman' ? proj.newman : null;
  for (let k = 0; k < t; k++) {
    const a = local[proj.src[k]!]!;
    const b = local[proj.tgt[k]!]!;
    const value = w === null ? 1 : w[k]!;
    let x = fill[a]!++;
    neighbour[x] = b;
    weight[x] = value;
    x = fill[b]!++;
    neighbour[x] = a;
    weight[x] = value;
  }
  return { ids: nodeIds, index, start, neighbour, weight, actor };
}
