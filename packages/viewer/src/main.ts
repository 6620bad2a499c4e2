/**
 * Entry of the Mycorrhiza viewer app. When served by `mycorrhiza view`, `/data/manifest.json` lists the files
 * given on the command line and the page loads them; otherwise it opens on the `rupel` example.
 */
import { createViewer, type NamedBytes, type ViewerData } from './index.js';

interface Manifest {
  files: { name: string; url: string }[];
}

async function startData(): Promise<ViewerData> {
  try {
    const res = await fetch('data/manifest.json', { cache: 'no-store' });
    if (!res.ok) return null;
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
    const viewer = createViewer(app, data);
    (globalThis as { mycorrhizaViewer?: unknown }).mycorrhizaViewer = viewer;
    void viewer.ready.then(() => (app.dataset.ready = 'true'));
  });
}
