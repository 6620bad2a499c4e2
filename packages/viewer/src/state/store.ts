/** A minimal store: holds the state, applies `reduce`, tells subscribers what changed. */
import { reduce, type Action, type ViewerState } from './state.js';

export type Listener = (state: ViewerState, previous: ViewerState) => void;

export interface Store {
  getState(): ViewerState;
  dispatch(action: Action): void;
  /** Returns an unsubscribe function. */
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: ViewerState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    dispatch(action) {
      const previous = state;
      state = reduce(state, action);
      if (state !== previous) for (const l of [...listeners]) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
