/** validateNetworkOptions / resolveNetworkOptions: every branch throws InvalidOptionError naming the field. */
import { describe, expect, it } from 'vitest';
import {
  InvalidOptionError,
  NETWORK_DEFAULTS,
  NotFoundError,
  buildModel,
  personNetwork,
  resolveNetworkOptions,
  twoModeNetwork,
  type NetworkOptions,
} from '../../src/index.js';

const model = buildModel([
  { event: 'A', date: '2024-01-01', person: 'x', organisation: 'Org 1' },
  { event: 'A', date: '2024-01-01', person: 'y', organisation: 'Org 2' },
  { event: 'B', date: '2024-06-01', person: 'y', organisation: 'Org 2' },
  { event: 'B', date: '2024-06-01', person: 'z', organisation: null },
]);

describe('validateNetworkOptions', () => {
  const bad: [keyof NetworkOptions | string, unknown][] = [
    ['from', '2024-13-01'],
    ['to', 20240101],
    ['asOf', 'yesterday'],
    ['maxEventSize', 1],
    ['maxEventSize', 2.5],
    ['eventTypeWeights', []],
    ['eventTypeWeights.webinar', -1],
    ['strongMin', -1],
    ['strengthBasis', 'hours'],
    ['fadeAfter', 'nine months'],
    ['alpha', 0],
    ['correction', 'bonferroni'],
    ['backbone', 'poisson'],
    ['exclude', ''],
  ];
  for (const [field, value] of bad) {
    it(`personNetwork(model, {${field}: ${JSON.stringify(value)}}) throws InvalidOptionError naming "${field}"`, () => {
      const options = field.startsWith('eventTypeWeights.') ? { eventTypeWeights: { webinar: value } } : { [field]: value };
      try {
        personNetwork(model, options as NetworkOptions);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(InvalidOptionError);
        expect((err as InvalidOptionError).option).toBe(field);
        expect((err as InvalidOptionError).who).toBe('personNetwork');
      }
    });
  }
  it('rejects to before from', () => {
    expect(() => personNetwork(model, { from: '2024-05-01', to: '2024-01-01' })).toThrow(InvalidOptionError);
  });
  it('reports an unknown organisation to exclude with NotFoundError', () => {
    expect(() => personNetwork(model, { exclude: 'Nobody' })).toThrow(NotFoundError);
  });
  it('keeps the defaults frozen', () => {
    expect(Object.isFrozen(NETWORK_DEFAULTS)).toBe(true);
    expect(NETWORK_DEFAULTS).toMatchObject({ strongMin: 3, strengthBasis: 'shared_events', fadeAfter: '9m', alpha: 0.05, correction: 'none', backbone: 'hypergeometric' });
  });
});

describe('resolveNetworkOptions', () => {
  it('maps a window to event indices and defaults asOf to the last event in it', () => {
    const r = resolveNetworkOptions(model, { from: '2024-02-01' });
    expect([r.eventFrom, r.eventTo]).toEqual([1, 2]);
    expect(r.asOfDate).toBe('2024-06-01');
    expect(r.fadeBefore).toBe('2023-09-01');
    expect(resolveNetworkOptions(model, { to: '2024-03-01' }).asOfDate).toBe('2024-03-01');
  });
  it('finds the organisation to exclude by id or by name, ignoring case and accents', () => {
    expect(resolveNetworkOptions(model, { exclude: 'O002' }).excludedOrganisation).toBe(1);
    expect(resolveNetworkOptions(model, { exclude: ' org  2 ' }).excludedOrganisation).toBe(1);
  });
});

describe('personNetwork windows and isolates', () => {
  it('includes isolated people and only the window', () => {
    const g = personNetwork(model, { from: '2024-01-01', to: '2024-01-31' });
    expect(g.order).toBe(2);
    const all = personNetwork(model, { maxEventSize: 2 });
    expect(all.order).toBe(3);
    expect(all.getAttribute('level')).toBe('person');
  });
  it('an empty window gives an empty graph', () => {
    const g = personNetwork(model, { from: '2030-01-01' });
    expect(g.order).toBe(0);
    expect(g.size).toBe(0);
  });
});

describe('twoModeNetwork', () => {
  it('links people and organisations to events and adds membership edges', () => {
    const g = twoModeNetwork(model);
    const kinds = g.mapNodes((_id, a) => a.kind).sort();
    expect(kinds).toEqual(['event', 'event', 'organisation', 'organisation', 'person', 'person', 'person']);
    expect(g.getNodeAttributes('E001')).toMatchObject({ kind: 'event', people: 2, organisations: 2, creates_ties: true });
    const y = model.people.find((p) => p.name === 'y')!.id;
    expect(g.getNodeAttributes(y)).toMatchObject({ kind: 'person', events: 2, organisation: 'O002' });
    expect(g.getEdgeAttributes(g.edge(y, 'O002')!)).toMatchObject({ kind: 'membership', events: 2 });
    expect(g.filterEdges((_e, a) => a.kind === 'attendance')).toHaveLength(4 + 3);
  });
  it('can hold only people, without memberships', () => {
    const g = twoModeNetwork(model, { actors: 'people' });
    expect(g.filterNodes((_id, a) => a.kind === 'organisation')).toHaveLength(0);
    expect(() => twoModeNetwork(model, { actors: 'all' as never })).toThrow(InvalidOptionError);
  });
});

describe('undated data', () => {
  it('builds ties without dates: first/last shared null, every tie active', () => {
    const m = buildModel([
      { event: 'A', date: null, person: 'x', organisation: null },
      { event: 'A', date: null, person: 'y', organisation: null },
    ]);
    const g = personNetwork(m, { fadeAfter: '1d' });
    expect(g.size).toBe(1);
    g.forEachEdge((_e, a) => expect(a).toMatchObject({ first_shared: null, last_shared: null, state: 'active', shared_events: 1 }));
    g.forEachNode((_n, a) => expect(a.first_seen).toBeNull());
  });
});
