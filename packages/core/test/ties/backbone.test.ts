/**
 * Backbone pieces on tiny inputs a reader can check by hand: hypergeometric tails, Holm and BH adjustments,
 * the Poisson-binomial against brute-force enumeration, the BiCM degree constraints, the disparity filter,
 * and the plain-language warning when no tie can be significant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKBONE_DEFAULTS,
  InvalidOptionError,
  adjustPValues,
  backbone,
  buildModel,
  fitBicm,
  hypergeometricUpperTail,
  personNetwork,
  poissonBinomialMoments,
  poissonBinomialTails,
  poissonBinomialUpperTailRna,
  projectPersons,
  significanceWarning,
} from '../../src/index.js';

describe('hypergeometricUpperTail', () => {
  it('P(X >= 4 | N 14, a 7, b 4) = C(7,4)/C(14,4) = 35/1001', () => {
    expect(hypergeometricUpperTail(4, 14, 7, 4)).toBeCloseTo(35 / 1001, 15);
  });
  it('P(X >= 1 | N 4, a 2, b 2) = 1 − C(2,2)/C(4,2) = 5/6, P(X >= 0) = 1, P(X >= 3) = 0', () => {
    expect(hypergeometricUpperTail(1, 4, 2, 2)).toBeCloseTo(5 / 6, 15);
    expect(hypergeometricUpperTail(0, 4, 2, 2)).toBeCloseTo(1, 15);
    expect(hypergeometricUpperTail(3, 4, 2, 2)).toBe(0);
  });
  it('keeps relative precision for tiny tails: P(X >= 50 | N 1000, 50, 50) = 1/C(1000,50)', () => {
    // ln C(1000, 50) = 194.0016...; the p-value is ~ 6e-85, far below double-precision cancellation.
    const p = hypergeometricUpperTail(50, 1000, 50, 50);
    expect(p).toBeGreaterThan(0);
    expect(Math.log(p)).toBeCloseTo(-(lnFact(1000) - lnFact(50) - lnFact(950)), 9);
  });
});

function lnFact(n: number): number {
  let s = 0;
  for (let k = 2; k <= n; k++) s += Math.log(k);
  return s;
}

describe('adjustPValues', () => {
  const p = Float64Array.from([0.01, 0.04, 0.03, 0.2]);
  it('Holm: sorted 0.01, 0.03, 0.04, 0.2 → 4·0.01, max(.04, 3·.03), max(.09, 2·.04), max(.09, .2)', () => {
    expect([...adjustPValues(p, 'holm')].map((x) => +x.toFixed(12))).toEqual([0.04, 0.09, 0.09, 0.2]);
  });
  it('BH: (m/rank)·p, then running minimum from the top: .04, .0533, .0533, .2', () => {
    const bh = [...adjustPValues(p, 'bh')];
    expect(bh[0]).toBeCloseTo(0.04, 12);
    expect(bh[1]).toBeCloseTo((4 / 3) * 0.04, 12);
    expect(bh[2]).toBeCloseTo((4 / 3) * 0.04, 12);
    expect(bh[3]).toBeCloseTo(0.2, 12);
  });
  it('none returns a copy', () => {
    expect([...adjustPValues(p, 'none')]).toEqual([...p]);
  });
});

describe('poissonBinomialTails', () => {
  it('equals brute-force enumeration of all outcomes', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), (ps) => {
        const probs = Float64Array.from(ps);
        const counts = new Float64Array(ps.length).fill(1);
        const top = ps.length;
        const tails = poissonBinomialTails(probs, counts, top);
        const dist = new Float64Array(top + 1);
        for (let mask = 0; mask < 1 << ps.length; mask++) {
          let pr = 1;
          let k = 0;
          ps.forEach((p, i) => {
            const on = (mask >> i) & 1;
            pr *= on ? p : 1 - p;
            k += on;
          });
          dist[k]! += pr;
        }
        let acc = 0;
        for (let k = top; k >= 0; k--) {
          acc += dist[k]!;
          expect(Math.abs(tails[k]! - Math.min(1, acc))).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 50 },
    );
  });
  it('with an absorbing top state: P(X >= 1) of two fair coins = 3/4', () => {
    expect(poissonBinomialTails(Float64Array.of(0.5), Float64Array.of(2), 1)[1]).toBeCloseTo(0.75, 15);
  });
  it('RNA is close to exact for many trials (binomial 100 × 0.3, P(X >= 40))', () => {
    const exact = poissonBinomialTails(Float64Array.of(0.3), Float64Array.of(100), 40)[40]!;
    const rna = poissonBinomialUpperTailRna(40, poissonBinomialMoments(Float64Array.of(0.3), Float64Array.of(100)));
    expect(Math.abs(rna - exact)).toBeLessThan(2e-3);
  });
});

describe('fitBicm', () => {
  it('reproduces row and column degrees on average', () => {
    const fit = fitBicm([1, 2, 2, 3, 4], [3, 3, 2, 2, 1, 1]);
    expect(fit.maxDegreeError).toBeLessThan(1e-9);
  });
  it('fixes full and empty rows and columns to probabilities 1 and 0', () => {
    const fit = fitBicm([3, 1, 0], [2, 1, 1]);
    const nc = fit.colDegrees.length;
    const full = [...fit.rowDegrees].indexOf(3);
    for (let c = 0; c < nc; c++) expect(fit.prob[full * nc + c]).toBe(1);
    expect(fit.maxDegreeError).toBeLessThan(1e-9);
  });
});

// Three people always together at 2 events, a fourth once: small data.
const small = buildModel([
  ...['a', 'b', 'c'].flatMap((p) => [
    { event: 'E1', date: '2024-01-01', person: p, organisation: null },
    { event: 'E2', date: '2024-02-01', person: p, organisation: null },
  ]),
  { event: 'E2', date: '2024-02-01', person: 'd', organisation: null },
]);

describe('backbone(projection, options)', () => {
  it('gives hypergeometric p-values with N = tie-creating events', () => {
    const r = backbone(projectPersons(small));
    // a–b: N 2, both 2 events, share 2: P = 1/C(2,2) = 1. a–d: d has 1 event, share 1: P(X>=1|2,2,1) = 1.
    for (const p of r.pValue) expect(p).toBeCloseTo(1, 12);
    expect(r.tested).toBe(6);
  });
  it('says in words (English and Dutch) that no tie can be significant', () => {
    const g = personNetwork(small);
    expect(g.getAttribute('significance_warning')).toMatch(/No tie can be significant in these data: with 2 events/);
    expect(g.getAttribute('significance_warning_nl')).toMatch(/Geen enkele band kan significant zijn/);
    const r = backbone(projectPersons(small));
    expect(r.warning).toMatchObject({ code: 'no_tie_can_be_significant', minAchievable: 1, threshold: 0.05, tested: 6, events: 2 });
  });
  it('significanceWarning uses alpha / m as the raw threshold under Holm', () => {
    expect(significanceWarning({ minAchievable: 0.001, alpha: 0.05, correction: 'holm', tested: 100, events: 20 })?.threshold).toBe(0.0005);
    expect(significanceWarning({ minAchievable: 0.001, alpha: 0.05, correction: 'none', tested: 100, events: 20 })).toBeNull();
    expect(significanceWarning({ minAchievable: 0.001, alpha: 0.05, correction: 'bh', tested: 100, events: 20 })).toBeNull();
    expect(significanceWarning({ minAchievable: null, alpha: 0.05, correction: 'none', tested: 3, events: 2 })).toBeNull();
  });
  it('disparity filter: a star centre with weights 1, 1, 8 keeps the heavy spoke from the centre', () => {
    // centre s = 10, k = 3: α(heavy) = (1 − 8/10)^2 = 0.04; leaves have k = 1 → α = 1; p = min.
    const m = buildModel([
      ...['x', 'y'].flatMap((p, i) => [
        { event: `S${i}`, date: '2024-01-01', person: 'hub', organisation: null },
        { event: `S${i}`, date: '2024-01-01', person: p, organisation: null },
      ]),
      ...Array.from({ length: 8 }, (_, k) => [
        { event: `H${k}`, date: '2024-02-01', person: 'hub', organisation: null },
        { event: `H${k}`, date: '2024-02-01', person: 'z', organisation: null },
      ]).flat(),
    ]);
    const g = personNetwork(m, { backbone: 'disparity' });
    const id = (n: string) => m.people.find((p) => p.name === n)!.id;
    expect(g.getEdgeAttribute(g.edge(id('hub'), id('z'))!, 'p_value')).toBeCloseTo(0.04, 12);
    expect(g.getEdgeAttribute(g.edge(id('hub'), id('z'))!, 'significant')).toBe(true);
    expect(g.getEdgeAttribute(g.edge(id('hub'), id('x'))!, 'p_value')).toBeCloseTo(0.81, 12);
  });
  it('validates options field by field', () => {
    const proj = projectPersons(small);
    expect(Object.isFrozen(BACKBONE_DEFAULTS)).toBe(true);
    for (const [option, value] of [
      ['backbone', 'x'],
      ['correction', 'x'],
      ['alpha', 2],
      ['sdsmMethod', 'x'],
      ['disparityWeight', 'x'],
    ] as const) {
      try {
        backbone(proj, { [option]: value } as never);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(InvalidOptionError);
        expect((err as InvalidOptionError).option).toBe(option);
      }
    }
  });
  it('strengthBasis "significant" makes significant ties strong', () => {
    const g = personNetwork(small, { strengthBasis: 'significant' });
    g.forEachEdge((_e, a) => expect(a.class).toBe(a.significant ? 'strong' : 'weak'));
    const w = personNetwork(small, { strengthBasis: 'weighted', strongMin: 2 });
    g.forEachEdge((e) => expect(w.getEdgeAttribute(e, 'class')).toBe(w.getEdgeAttribute(e, 'weighted') >= 2 ? 'strong' : 'weak'));
  });
});
