/**
 * `organisationNetwork(model, options)`: organisations tied when they (or people who came for them) were at
 * a common event. Ties between members of one organisation are internal: counted per organisation as
 * `internal_ties`, never edges. Newman (2001) weights count n_e in organisations present.
 */
import Graph from 'graphology';
import type { AttendanceModel } from '../types.js';
import { resolveNetworkOptions } from './options.js';
import { tieKey } from './person-network.js';
import { projectOrganisations } from './project.js';
import { graphAttributes, tieProfiles } from './tie-profile.js';
import type { NetworkOptions, OrganisationGraph, OrganisationNodeAttributes, OrganisationTieAttributes } from './types.js';

/** Build the organisation network of a model. */
export function organisationNetwork(model: AttendanceModel, options?: NetworkOptions): OrganisationGraph {
  const r = resolveNetworkOptions(model, options, 'organisationNetwork');
  const proj = projectOrganisations(model, r);
  const prof = tieProfiles(model, proj);
  const graph: OrganisationGraph = new Graph<OrganisationNodeAttributes, OrganisationTieAttributes>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  graph.replaceAttributes({ ...graphAttributes(proj, prof) });
  const { nodes } = proj;
  for (let v = 0; v < proj.nodeCount; v++) {
    if (!nodes.present[v]) continue;
    const o = model.organisations[v]!;
    graph.addNode(o.id, {
      name: o.name,
      sector: o.sector,
      region: o.region,
      people: proj.people[v]!,
      events: nodes.events[v]!,
      first_seen: model.events[nodes.firstEvent[v]!]!.date,
      last_seen: model.events[nodes.lastEvent[v]!]!.date,
      internal_ties: proj.internalTies[v]!,
    });
  }
  const bb = prof.backbone;
  for (let t = 0; t < proj.length; t++) {
    const a = model.organisations[proj.src[t]!]!.id;
    const b = model.organisations[proj.tgt[t]!]!.id;
    const hours = proj.hours[t]!;
    graph.addUndirectedEdgeWithKey(tieKey(a, b), a, b, {
      shared_events: proj.shared[t]!,
      person_pairs: proj.personPairs[t]!,
      newman: proj.newman[t]!,
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
