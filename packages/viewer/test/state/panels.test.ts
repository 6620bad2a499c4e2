import { describe, expect, it } from 'vitest';
import { sortedAttention } from '../../src/state/attention-sort.js';
import { activeFilterCount, createInitialState, reduce } from '../../src/state/state.js';
import { displayState } from '../../src/controllers/display.js';
import type { AttentionItemView } from '../../src/worker/protocol.js';

const item = (id: string, name: string, score: number, reasons: number): AttentionItemView => ({
  id,
  name,
  score,
  reasons: Array.from({ length: reasons }, (_, i) => ({ code: `r${i}`, en: '', nl: '' })),
  suggestions: [],
});

describe('reduce(state, panel actions)', () => {
  it('selecting opens the details tab and clearing goes back to the list', () => {
    let s = createInitialState();
    s = reduce(s, { type: 'select', node: 'O004' });
    expect([s.selected, s.tab]).toEqual(['O004', 'details']);
    s = reduce(s, { type: 'select', node: null });
    expect([s.selected, s.tab, s.details]).toEqual([null, 'attention', null]);
  });
  it('filters clamp the minimum shared events and count what is on; new data clears them', () => {
    let s = createInitialState();
    s = reduce(s, { type: 'setFilters', filters: { minShared: -3, sectors: ['onderwijs'] } });
    expect(s.filters.minShared).toBe(1);
    expect(activeFilterCount(s.filters)).toBe(1);
    s = reduce(s, { type: 'setFilters', filters: { minShared: 2.6, tieClass: 'strong' } });
    expect([s.filters.minShared, activeFilterCount(s.filters)]).toEqual([3, 3]);
    s = reduce(s, { type: 'loaded', source: { kind: 'example', name: 'davis' }, report: null, view: 'people', stepCount: 3, step: 2, convenor: null });
    expect(activeFilterCount(s.filters)).toBe(0);
  });
  it('"without the convenor" needs a convenor and ends with it', () => {
    let s = createInitialState();
    s = reduce(s, { type: 'setWithoutConvenor', on: true });
    expect(s.withoutConvenor).toBe(false);
    s = reduce(s, { type: 'setConvenor', convenor: 'O001' });
    s = reduce(s, { type: 'setWithoutConvenor', on: true });
    expect(s.withoutConvenor).toBe(true);
    s = reduce(s, { type: 'setConvenor', convenor: null });
    expect(s.withoutConvenor).toBe(false);
  });
  it('sorting the same column twice flips the direction', () => {
    let s = createInitialState();
    expect([s.attentionSort, s.attentionDesc]).toEqual(['score', true]);
    s = reduce(s, { type: 'sortAttention', by: 'score' });
    expect(s.attentionDesc).toBe(false);
    s = reduce(s, { type: 'sortAttention', by: 'name' });
    expect([s.attentionSort, s.attentionDesc]).toEqual(['name', false]);
  });
});

describe('sortedAttention(items, by, desc)', () => {
  const items = [item('O3', 'Beta', 5, 2), item('O1', 'alfa', 5, 3), item('O2', 'Gamma', 9, 1)];
  it('sorts by score, name or reasons, ties broken by id', () => {
    expect(sortedAttention(items, 'score', true).map((i) => i.id)).toEqual(['O2', 'O1', 'O3']);
    expect(sortedAttention(items, 'name', false).map((i) => i.id)).toEqual(['O1', 'O3', 'O2']);
    expect(sortedAttention(items, 'reasons', true).map((i) => i.id)).toEqual(['O1', 'O3', 'O2']);
  });
});

describe('displayState(state, scene)', () => {
  it('hides the convenor and marks who becomes unconnected only in the lens', () => {
    let s = createInitialState({ convenor: 'O001' });
    expect(displayState(s, null).hiddenNode).toBeNull();
    s = reduce(s, { type: 'setWithoutConvenor', on: true });
    s = reduce(s, {
      type: 'attention',
      analysis: {
        key: 'k',
        status: 'ready',
        error: null,
        value: {
          asOf: null, level: 'organisation', convenor: { id: 'O001', name: 'X' }, nodes: 3, items: [],
          without: { staff: 1, organisations: [{ id: 'O007', name: 'Y', how: 'lost_all_ties', tiesBefore: 1, tiesAfter: 0, componentAfter: 1 }], people: [], before: { nodes: 3, ties: 2, components: 1, mainComponentSize: 3 }, after: { nodes: 2, ties: 0, components: 2, mainComponentSize: 1 } },
        },
      },
    });
    const d = displayState(s, null);
    expect([d.hiddenNode, d.marked]).toEqual(['O001', ['O007']]);
  });
});
