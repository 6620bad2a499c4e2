/** Plays the timeline: one step every 0.7 s divided by the speed, stopping at the end. */
import type { Store } from '../state/store.js';

/** Milliseconds per step at speed 1. */
export const STEP_MS = 700;

export function createPlayback(store: Store): () => void {
  let timer: ReturnType<typeof setInterval> | null = null;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  const start = (speed: number) => {
    stop();
    timer = setInterval(() => {
      const s = store.getState();
      if (!s.playing) return stop();
      if (s.step >= s.stepCount - 1) return store.dispatch({ type: 'pause' });
      store.dispatch({ type: 'stepBy', delta: 1 });
    }, STEP_MS / speed);
  };
  const off = store.subscribe((s, p) => {
    if (s.playing && (!p.playing || s.speed !== p.speed)) start(s.speed);
    else if (!s.playing && p.playing) stop();
  });
  return () => {
    off();
    stop();
  };
}
