/** The display state the map's reducers read, derived (pure) from the viewer state and the scene. */
import type { DisplayFilters, DisplayState } from '../render/renderer.js';
import type { Scene } from '../scene/types.js';
import type { ViewerState } from '../state/state.js';

/** The display state the reducers read, derived from the viewer state and the scene. */
export function displayState(s: ViewerState, scene: Scene | null): DisplayState {
  let filters: DisplayFilters | null = null;
  const f = s.filters;
  if (scene && (f.sectors.length || f.regions.length || f.tieClass !== 'all' || f.minShared > 1)) {
    const toSet = (names: string[], all: string[]) => (names.length ? new Set(names.map((n) => (n === '' ? -1 : all.indexOf(n)))) : null);
    filters = { sectors: toSet(f.sectors, scene.sectors), regions: toSet(f.regions, scene.regions), tieClass: f.tieClass, minShared: f.minShared };
  }
  const without = s.withoutConvenor && s.convenor !== null;
  const lens = without ? s.attention?.value?.without : null;
  return {
    hovered: s.hovered,
    selected: s.selected,
    sizeBy: s.sizeBy,
    personLabels: s.personLabels,
    safe: s.safe,
    codeOrganisations: s.codeOrganisations,
    filters,
    search: s.search,
    hiddenNode: without ? s.convenor : null,
    marked: lens ? lens.organisations.map((o) => o.id) : [],
  };
}

/** True when a state change alters what the reducers show. */
export function displayChanged(s: ViewerState, p: ViewerState): boolean {
  return (
    s.hovered !== p.hovered ||
    s.selected !== p.selected ||
    s.sizeBy !== p.sizeBy ||
    s.personLabels !== p.personLabels ||
    s.safe !== p.safe ||
    s.codeOrganisations !== p.codeOrganisations ||
    s.filters !== p.filters ||
    s.search !== p.search ||
    s.withoutConvenor !== p.withoutConvenor ||
    s.convenor !== p.convenor ||
    (s.withoutConvenor && s.attention !== p.attention)
  );
}


function sameSet(a: ReadonlySet<number> | null, b: ReadonlySet<number> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** True when two filter settings let the same nodes and edges through. */
export function sameFilters(fa: DisplayFilters | null | undefined, fb: DisplayFilters | null | undefined): boolean {
  fa ??= null;
  fb ??= null;
  return fa === fb || (!!fa && !!fb && fa.tieClass === fb.tieClass && fa.minShared === fb.minShared && sameSet(fa.sectors, fb.sectors) && sameSet(fa.regions, fb.regions));
}

/** True when two display states show the same (so the map need not re-run its reducers). */
export function sameDisplay(a: DisplayState, b: DisplayState): boolean {
  const ma = a.marked ?? [], mb = b.marked ?? [];
  return (
    sameFilters(a.filters, b.filters) &&
    a.hovered === b.hovered &&
    a.selected === b.selected &&
    a.sizeBy === b.sizeBy &&
    a.personLabels === b.personLabels &&
    !!a.safe === !!b.safe &&
    !!a.codeOrganisations === !!b.codeOrganisations &&
    (a.search ?? '') === (b.search ?? '') &&
    (a.hiddenNode ?? null) === (b.hiddenNode ?? null) &&
    ma.length === mb.length &&
    ma.every((id, i) => id === mb[i])
  );
}
