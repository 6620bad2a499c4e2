/**
 * Asks the worker for core's analyses when the panels need them: the attention list (or the list without the
 * convenor) as of the timeline's date, and the selected partner's details. Requests wait until playback pauses
 * and are debounced, so scrubbing does not queue work; answers for an outdated question are dropped.
 */
import type { SceneOptions } from '../scene/types.js';
import type { ViewerState } from '../state/state.js';
import type { Store } from '../state/store.js';
import type { DataClient } from '../worker/client.js';
import type { AnalysisQuery } from '../worker/protocol.js';

/** Milliseconds to wait after the last change before asking. */
export const ANALYSIS_DEBOUNCE_MS = 120;

/** The question the panels ask in a state (null when there is nothing to ask yet). */
export function analysisQuery(s: ViewerState): AnalysisQuery | null {
  if (!s.hasMap || !s.frameInfo || !s.legend) return null;
  const level = s.view === 'people' || !s.legend.hasOrganisations ? 'person' : 'organisation';
  return {
    asOf: s.frameInfo.date,
    mode: s.mode,
    level,
    convenor: level === 'organisation' ? s.convenor : null,
    withoutConvenor: level === 'organisation' && s.withoutConvenor && s.convenor !== null,
    masking: { people: s.safe, organisations: s.safe && s.codeOrganisations },
  };
}

export function createAnalysisController(store: Store, client: DataClient, sceneOptions: SceneOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  function wantsAttention(s: ViewerState): boolean {
    return s.tab === 'attention' || (s.withoutConvenor && s.convenor !== null);
  }

  function check(): void {
    timer = null;
    if (disposed) return;
    const s = store.getState();
    if (s.playing || s.status !== 'ready') return;
    const q = analysisQuery(s);
    if (!q) return;
    if (wantsAttention(s)) {
      const key = JSON.stringify(q);
      if (s.attention?.key !== key) {
        store.dispatch({ type: 'attention', analysis: { key, status: 'loading', value: s.attention?.value ?? null, error: null } });
        void client.attention(q, sceneOptions).then((r) => {
          if (disposed || r.kind === 'stale' || store.getState().attention?.key !== key) return;
          store.dispatch({
            type: 'attention',
            analysis: r.kind === 'ok' ? { key, status: 'ready', value: r.value, error: null } : { key, status: 'error', value: null, error: r.message },
          });
        });
      }
    }
    if (s.selected !== null) {
      const key = JSON.stringify([q, s.selected]);
      if (s.details?.key !== key) {
        const keep = s.details?.value?.id === s.selected ? s.details.value : null;
        store.dispatch({ type: 'details', analysis: { key, status: 'loading', value: keep, error: null } });
        void client.details(q, s.selected, sceneOptions).then((r) => {
          if (disposed || r.kind === 'stale' || store.getState().details?.key !== key) return;
          store.dispatch({
            type: 'details',
            analysis: r.kind === 'ok' ? { key, status: 'ready', value: r.value, error: null } : { key, status: 'error', value: null, error: r.message },
          });
        });
      }
    }
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, ANALYSIS_DEBOUNCE_MS);
  }

  const off = store.subscribe((s, p) => {
    if (
      s.frameInfo !== p.frameInfo ||
      s.playing !== p.playing ||
      s.status !== p.status ||
      s.tab !== p.tab ||
      s.selected !== p.selected ||
      s.convenor !== p.convenor ||
      s.withoutConvenor !== p.withoutConvenor ||
      s.safe !== p.safe ||
      s.codeOrganisations !== p.codeOrganisations ||
      s.view !== p.view ||
      (s.attention === null && p.attention !== null) ||
      (s.details === null && p.details !== null && s.selected !== null)
    )
      schedule();
  });
  schedule();
  return () => {
    disposed = true;
    off();
    if (timer) clearTimeout(timer);
  };
}
