/**
 * Keyboard (not while typing in a field): space plays or pauses, left and right arrows step, F toggles full
 * screen, Esc leaves presenter mode.
 */
import type { Store } from '../state/store.js';

export interface KeyboardActions {
  toggleFullscreen?(): void;
  leavePresenter?(): void;
}

export function createKeyboard(target: HTMLElement, store: Store, actions: KeyboardActions = {}): () => void {
  const onKey = (e: KeyboardEvent) => {
    const tag = (e.target as HTMLElement | null)?.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || e.altKey || e.ctrlKey || e.metaKey) return;
    // Space on a focused button presses that button (the browser's own activation), not play.
    if (e.key === ' ' && tag !== 'BUTTON') {
      e.preventDefault();
      store.dispatch({ type: store.getState().playing ? 'pause' : 'play' });
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      store.dispatch({ type: 'pause' });
      store.dispatch({ type: 'stepBy', delta: e.key === 'ArrowRight' ? 1 : -1 });
    } else if ((e.key === 'f' || e.key === 'F') && actions.toggleFullscreen) {
      e.preventDefault();
      actions.toggleFullscreen();
    } else if (e.key === 'Escape' && store.getState().presenting && actions.leavePresenter) {
      e.preventDefault();
      actions.leavePresenter();
    }
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
