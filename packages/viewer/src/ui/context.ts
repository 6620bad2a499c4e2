/** What every UI component receives: the store, the translator of the current language and the intents. */
import type { Translate } from '../i18n/index.js';
import type { Store } from '../state/store.js';
import type { TimeMode } from '../scene/types.js';
import type { ExampleName } from '../state/state.js';

/** Side-effecting requests from the UI, carried out by the controllers. */
export interface Intents {
  loadExample(name: ExampleName): void;
  openFiles(files: File[]): void;
  confirmMapping(map: Record<string, string | null>): void;
  cancelMapping(): void;
  /** Switch the time mode, keeping the date on the map as close as possible. */
  setMode(mode: TimeMode): void;
  /** Select a node and move the camera to it. */
  focusNode(id: string): void;
  /** Export a picture, the video or a table. */
  exportFile(kind: 'png' | 'svg' | 'webm' | 'attention' | 'ties' | 'growth'): void;
  /** Remember the data on this device (or stop and forget it). */
  setRemember(on: boolean): void;
  /** Delete what was kept on this device. */
  forget(): void;
  /** Enter or leave presenter mode (full screen). */
  setPresenting(on: boolean): void;
}

export interface UiContext {
  store: Store;
  t(): Translate;
  intents: Intents;
  /** Examples offered by the picker. */
  examples: readonly ExampleName[];
}
