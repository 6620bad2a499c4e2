/**
 * Entry of the Mycorrhiza viewer app. When served by `mycorrhiza view`, `/data/manifest.json` lists the files
 * given on the command line and the page loads them; otherwise it opens what the user asked this browser to
 * remember (IndexedDB), or the `rupel` example. `boot.ts` (imported first) has already started the data worker
 * and both look-ups.
 */
import { manifestResponse, remembered } from './boot.js';
import { createViewer, type NamedBytes, type ViewerData } from './index.js';
import { mark } from './perf/marks.js';

interface Manifest {
  files: { name: string; url: string }[];
}

async function startData(): Promise<ViewerData> {
  const fromServer = await served();
  if (fromServer) return fromServer;
  const kept = await remembered;
  if (kept?.kind === 'files') return { files: kept.files };
  if (kept?.kind === 'example') return { example: kept.name };
  return null;
}

async function served(): Promise<ViewerData> {
  try {
    const res = await manifestResponse;
    if (!res?.ok) return null;
    const manifest = (await res.json()) as Manifest;
    if (!manifest.files?.length) return null;
    const files: NamedBytes[] = await Promise.all(
      manifest.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await (await fetch(f.url, { cache: 'no-store' })).arrayBuffer()) })),
    );
    return { files };
  } catch {
    return null;
  }
}

const app = document.getElementById('app');
if (app) {
  app.replaceChildren();
  void startData().then((data) => {
    mark('data-source');
    const viewer = createViewer(app, data, { documentTitle: true });
    (globalThis as { mycorrhizaViewer?: unknown }).mycorrhizaViewer = viewer;
    // `data-ready` goes up once the first map has been painted: the frame drawn after `ready` has been committed
    // (WebGL included) when the animation frame after it starts.
    void viewer.ready.then(() => {
      mark('ready');
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          mark('first-frame');
          app.dataset.ready = 'true';
        }),
      );
    });
  });
}
