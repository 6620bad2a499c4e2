/**
 * `personNetwork(model, options)`: the person projection as a graphology graph with the full tie profile
 * (PRODUCT.md section 2). Nodes are every person with attendance in the window, isolated ones included.
 * Newman (2001) doi:10.1103/PhysRevE.64.016132; Onnela et al. (2007) doi:10.1073/pnas.0610245104;
 * Tumminello et al. (2011) doi:10.1371/journal.pone.0017994.
 */
import Graph from 'graphology';
import type { AttendanceModel } from '../types.js';
import { resolveNetworkOptions } from './options.js';
import { projectPersons } from './project.js';
import { graphAttributes, tieProfiles } from './tie-profile.js';
import type { NetworkOptions, PersonGraph, PersonNodeAttributes, PersonTieAttributes } from './types.js';

/** Edge key of a tie between two node ids (the lower model index first): `"P001--P002"`. */
export function tieKey(a: string, b: string): string {
  return `${a}--${b}`;
}

/** Build the person network of a model. */
export function personNetwork(model: AttendanceModel, options?: NetworkOptions): PersonGraph {
  const r = resolveNetworkOptions(model, options, 'personNetwork');
  const proj = projectPersons(model, r);
  const prof = tieProfiles(model, proj);
  const graph: PersonGraph = new Graph<PersonNodeAttributes, PersonTieAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.replaceAttributes({ ...graphAttributes(proj, prof) });
  const { nodes } = proj;
  for (let v = 0; v < proj.nodeCount; v++) {
    if (!nodes.present[v]) continue;
    const p = model.people[v]!;
    const o = proj.organisation[v]!;
    graph.addNode(p.id, {
      name: p.name,
      organisation: o >= 0 ? model.organisations[o]!.id : null,
      events: nodes.events[v]!,
      first_seen: model.events[nodes.firstEvent[v]!]!.date,
      last_seen: model.events[nodes.lastEvent[v]!]!.date,
    });
  }
  const bb = prof.backbone;
  const tieEvents = nodes.tieEvents;
  for (let t = 0; t < proj.length; t++) {
    const i = proj.src[t]!;
    const j = proj.tgt[t]!;
    const shared = proj.shared[t]!;
    const a = model.people[i]!.id;
    const b = model.people[j]!.id;
    const hours = proj.hours[t]!;
    graph.addUndirectedEdgeWithKey(tieKey(a, b), a, b, {
      shared_events: shared,
      newman: proj.newman[t]!,
      jaccard: shared / (tieEvents[i]! + tieEvents[j]! - shared),
      first_shared: prof.firstShared[t]!,
      last_shared: prof.lastShared[t]!,
      weighted: proj.weighted[t]!,
      hours: hours === hours ? hours : null,
      neighbourhood_overlap: prof.overlap[t]!,
      local_bridge: prof.localBridge[t] === 1,
      p_value: bb.pValue[t]!,
      significant: bb.significant[t] === 1,
      class: prof.strong[t] ? 'strong' : 'weak',
      state: prof.fading[t] ? 'fading' : 'active',
    });
  }
  return graph;
}
