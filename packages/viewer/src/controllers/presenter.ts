/**
 * Presenter mode: the viewer fills the screen (Fullscreen API when the browser allows it), controls are hidden
 * by CSS (`is-presenting`), the caption grows. Leaving full screen (Esc in the browser) leaves presenter mode.
 */
import type { Store } from '../state/store.js';

export interface Presenter {
  set(on: boolean): void;
  toggleFullscreen(): void;
  dispose(): void;
}

export function createPresenter(root: HTMLElement, store: Store): Presenter {
  const doc = root.ownerDocument;
  const isFull = () => doc.fullscreenElement === root;
  const request = () => {
    if (!isFull() && root.requestFullscreen) root.requestFullscreen().catch(() => undefined);
  };
  const exit = () => {
    if (isFull() && doc.exitFullscreen) doc.exitFullscreen().catch(() => undefined);
  };
  let wasFull = false;
  const onChange = () => {
    const full = isFull();
    // Leaving full screen with the browser's Esc also leaves presenter mode.
    if (wasFull && !full && store.getState().presenting) store.dispatch({ type: 'setPresenting', on: false });
    wasFull = full;
  };
  doc.addEventListener('fullscreenchange', onChange);
  const off = store.subscribe((s, p) => {
    root.classList.toggle('is-presenting', s.presenting);
    root.classList.toggle('is-safe', s.safe);
    if (s.presenting && !p.presenting) root.focus({ preventScroll: true });
  });
  return {
    set(on) {
      store.dispatch({ type: 'setPresenting', on });
      if (on) request();
      else exit();
    },
    toggleFullscreen() {
      if (isFull()) exit();
      else request();
    },
    dispose() {
      off();
      doc.removeEventListener('fullscreenchange', onChange);
      exit();
    },
  };
}
