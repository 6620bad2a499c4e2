import { expect, test } from 'vitest';
import { sameDisplay, sameFilters } from '../../src/controllers/display.js';
import type { DisplayState } from '../../src/render/renderer.js';

const base: DisplayState = { hovered: null, selected: null, sizeBy: 'ties', personLabels: false, safe: false, codeOrganisations: false, filters: null, search: '', hiddenNode: null, marked: [] };

test('equal filters are told apart from different ones by value, not identity', () => {
  const f = { sectors: new Set([1, 2]), regions: null, tieClass: 'all' as const, minShared: 1 };
  expect(sameFilters(f, { ...f, sectors: new Set([2, 1]) })).toBe(true);
  expect(sameFilters(null, undefined)).toBe(true);
  expect(sameFilters(f, null)).toBe(false);
  expect(sameFilters(f, { ...f, sectors: new Set([1]) })).toBe(false);
  expect(sameFilters(f, { ...f, minShared: 2 })).toBe(false);
  expect(sameFilters(f, { ...f, regions: new Set([0]) })).toBe(false);
});

test('a display state equals a copy of itself and differs when anything shown differs', () => {
  expect(sameDisplay(base, { ...base, marked: [] })).toBe(true);
  expect(sameDisplay(base, { ...base, safe: undefined, search: undefined })).toBe(true);
  for (const change of [{ hovered: 'O001' }, { selected: 'O002' }, { sizeBy: 'attendance' as const }, { personLabels: true }, { safe: true }, { search: 'caw' }, { hiddenNode: 'O003' }, { marked: ['O004'] }])
    expect(sameDisplay(base, { ...base, ...change }), JSON.stringify(change)).toBe(false);
});
