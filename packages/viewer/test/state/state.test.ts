import { describe, expect, it } from 'vitest';
import { EN } from '../../src/i18n/en.js';
import { NL } from '../../src/i18n/nl.js';
import { createTranslator, languageFromTag } from '../../src/i18n/index.js';
import { createInitialState, reduce } from '../../src/state/state.js';

describe('reduce(state, action)', () => {
  it('clamps steps, stops playing at the end and restarts play from the first step', () => {
    let s = createInitialState({ stepCount: 5, step: 4 });
    s = reduce(s, { type: 'setStep', step: 99 });
    expect(s.step).toBe(4);
    s = reduce(s, { type: 'play' });
    expect([s.playing, s.step]).toEqual([true, 0]);
    s = reduce(s, { type: 'setStep', step: 3 });
    s = reduce(s, { type: 'stepBy', delta: 1 });
    expect([s.step, s.playing]).toEqual([4, false]);
    expect(reduce(s, { type: 'stepBy', delta: -9 }).step).toBe(0);
  });
  it('keeps the map usable after a failed load once a map was shown', () => {
    let s = createInitialState();
    s = reduce(s, { type: 'loaded', source: { kind: 'example', name: 'rupel' }, report: null, view: 'organisations', stepCount: 10, step: 9 });
    s = reduce(s, { type: 'loadStart' });
    s = reduce(s, { type: 'loadFailed', error: 'broken', report: { errors: [{ file: 'x.csv', row: 2, column: 'datum', value: '31/02/2023', message: 'no date', fix: 'use a real date' }], warnings: [], suggestions: [], counts: { rows: 1, used: 0, rejected: 1, people: 0, organisations: 0, events: 0 } } });
    expect([s.status, s.source?.kind, s.stepCount, s.reportOpen]).toEqual(['ready', 'example', 10, true]);
    expect(reduce(createInitialState(), { type: 'loadFailed', error: 'broken' }).status).toBe('error');
  });
});

describe('i18n', () => {
  it('has the same keys in English and Dutch, and fills placeholders', () => {
    expect(Object.keys(NL).sort()).toEqual(Object.keys(EN).sort());
    expect(createTranslator('en')('counter.organisations', { n: 88 })).toBe('88 organisations');
    expect(createTranslator('nl')('counter.organisations', { n: 88 })).toBe('88 organisaties');
    expect(languageFromTag('nl-BE')).toBe('nl');
    expect(languageFromTag('fr-BE')).toBe('en');
  });
});
