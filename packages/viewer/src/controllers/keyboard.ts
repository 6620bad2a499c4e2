/** Keyboard: space plays or pauses, left and right arrows step (not while typing in a field). */
import type { Store } from '../state/store.js';

export function createKeyboard(target: HTMLElement, store: Store): () => void {
  const onKey = (e: KeyboardEvent) => {
    const tag = (e.target as HTMLElement | null)?.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === ' ') {
      e.preventDefault();
      store.dispatch({ type: store.getState().playing ? 'pause' : 'play' });
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      store.dispatch({ type: 'pause' });
      store.dispatch({ type: 'stepBy', delta: e.key === 'ArrowRight' ? 1 : -1 });
    }
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
