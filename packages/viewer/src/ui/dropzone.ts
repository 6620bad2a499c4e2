/** Drag-and-drop of files anywhere on the viewer, with an overlay while dragging. */
import type { UiContext } from './context.js';
import { el, listen } from './dom.js';

export function mountDropzone(target: HTMLElement, overlay: HTMLElement, ctx: UiContext): () => void {
  let depth = 0;
  const text = el('div', { class: 'mz-drop-text' });
  overlay.appendChild(text);
  overlay.hidden = true;
  const show = (on: boolean) => {
    overlay.hidden = !on;
    if (on) text.textContent = ctx.t()('loader.drop');
  };
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  const offs = [
    listen(target, 'dragenter', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      show(true);
    }),
    listen(target, 'dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    }),
    listen(target, 'dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) show(false);
    }),
    listen(target, 'drop', (e) => {
      e.preventDefault();
      depth = 0;
      show(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) ctx.intents.openFiles(files);
    }),
  ];
  return () => {
    offs.forEach((f) => f());
    overlay.replaceChildren();
  };
}
