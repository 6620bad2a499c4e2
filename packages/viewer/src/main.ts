/**
 * Entry of the Mycorrhiza viewer app. When served by `mycorrhiza view`, `/data/manifest.json` lists the files
 * given on the command line and the page loads them; otherwise it opens what the user asked this browser to
 * remember (IndexedDB), or the `rupel` example.
 */
import { createViewer, recallRemembered, type NamedBytes, type ViewerData } from './index.js';

interface Manifest {
  files: { name: string; url: string }[];
}

async function startData(): Promise<ViewerData> {
  const fromServer = await served();
  if (fromServer) return fromServer;
  const kept = await recallRemembered().catch(() => null);
  if (kept?.kind === 'files') return { files: kept.files };
  if (kept?.kind === 'example') return { example: kept.name };
  return null;
}

async function served(): Promise<ViewerData> {
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
    const viewer = createViewer(app, data, { documentTitle: true });
    (globalThis as { mycorrhizaViewer?: unknown }).mycorrhizaViewer = viewer;
    void viewer.ready.then(() => (app.dataset.ready = 'true'));
  });
}
