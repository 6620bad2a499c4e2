import { describe, expect, it } from 'vitest';
import { generateExample } from '../../src/examples/index.js';
import { buildModel } from '../../src/model/index.js';
import { organisationNetwork } from '../../src/network/index.js';
import type { OrganisationGraph } from '../../src/network/types.js';

function summary(g: OrganisationGraph) {
  let strong = 0;
  g.forEachEdge((_e, a) => {
    if (a.class === 'strong') strong++;
  });
  const n = g.order;
  return { nodes: n, ties: g.size, density: (2 * g.size) / (n * (n - 1)), strong };
}

// PRODUCT.md section 2: very large events make cliques; maxEventSize keeps them as attendance but stops them from
// creating ties. The regions example is built to show it: webinars of 100–300 next to events of at most 25.
describe("organisationNetwork(regions, { maxEventSize: 40 }) vs no limit", () => {
  const model = buildModel(generateExample('regions'));
  const all = summary(organisationNetwork(model));
  const capped = summary(organisationNetwork(model, { maxEventSize: 40 }));

  it('keeps every organisation as a node', () => {
    expect(capped.nodes).toBe(all.nodes);
    expect(all.nodes).toBe(model.organisations.length);
  });

  it('without a limit the webinars tie almost every pair of organisations, most of them strongly', () => {
    expect(all.density).toBeGreaterThan(0.9);
    expect(all.strong / all.ties).toBeGreaterThan(0.5);
  });

  it('with maxEventSize 40 the network is sparse and strong ties come from trainings and case consultations only', () => {
    expect(capped.density).toBeLessThan(0.3);
    expect(capped.ties).toBeLessThan(all.ties / 4);
    expect(capped.strong).toBeLessThan(all.strong / 5);
    expect(capped.strong).toBeGreaterThan(0);
  });

  it('with maxEventSize 40 no tie crosses regions except through the programme office', () => {
    const g = organisationNetwork(model, { maxEventSize: 40 });
    let crossing = 0;
    g.forEachEdge((_e, _a, s, t, sa, ta) => {
      if (sa.region !== ta.region && sa.region !== 'landelijk' && ta.region !== 'landelijk') crossing++;
    });
    expect(crossing).toBe(0);
  });
});
