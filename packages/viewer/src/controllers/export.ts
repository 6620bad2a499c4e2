/**
 * Exports of what is on screen: the map as SVG and PNG with caption and legend burned in (drawn again from
 * the renderer's positions and reducer output), a WebM video of the growth (MediaRecorder on a canvas stream,
 * the timeline played from a start to an end step at export speed), and the visible tables as
 * spreadsheet-safe CSV (core's `toCsv`). Files leave through Blob URLs only.
 */
import { toCsv } from '@mycorrhiza/core';
import { counterPhrases, ruleText } from '../i18n/captions.js';
import { formatDate, type Translate } from '../i18n/index.js';
import { composeDrawing, type Drawing, type DrawingFrame } from '../export/drawing.js';
import { drawingCanvas, paintDrawing } from '../export/canvas.js';
import { drawingToSvg } from '../export/svg.js';
import { EDGE_PLAIN, EDGE_STRONG, EDGE_STRONG_FADING, EDGE_WEAK } from '../scene/types.js';
import type { ViewerState } from '../state/state.js';
import type { Store } from '../state/store.js';
import { sortedAttention } from '../state/attention-sort.js';
import type { MapController } from './map.js';

export const CSV_TABLES = ['attention', 'ties', 'growth'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** Options of the video export. */
export interface VideoOptions {
  /** First and last timeline step. Default: 0 and the last step. */
  fromStep?: number;
  toStep?: number;
  /** Milliseconds per step in the video. Default: 250. */
  msPerStep?: number;
  /** Frames per second. Default: 24. */
  fps?: number;
}

export const VIDEO_DEFAULTS = Object.freeze({ msPerStep: 250, fps: 24 });

export interface Exporter {
  drawing(): Drawing | null;
  svg(): string | null;
  png(): Promise<Blob | null>;
  video(options?: VideoOptions): Promise<Blob | null>;
  csv(table: CsvTable): string | null;
  /** Build a file and hand it to the download (or the host's `onDownload`). */
  download(kind: 'png' | 'svg' | 'webm' | CsvTable): Promise<void>;
}

/** Save a blob as a file through an object URL. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function drawingFrame(t: Translate, s: ViewerState): DrawingFrame {
  const l = s.legend;
  const edges: { cls: number; label: string }[] = [];
  if (l?.hasTies) {
    edges.push({ cls: EDGE_STRONG, label: t('legend.strong') }, { cls: EDGE_WEAK, label: t('legend.weak') });
    if (l.dated) edges.push({ cls: EDGE_STRONG_FADING, label: t('legend.fading') });
  }
  if (s.view === 'people-organisations') edges.push({ cls: EDGE_PLAIN, label: t('legend.membership') });
  if (s.view === 'two-mode') edges.push({ cls: EDGE_PLAIN, label: t('legend.attendance') });
  const f = s.frameInfo;
  return {
    title: `${t('app.title')} · ${t('app.tagline')}`,
    date: f?.date ? formatDate(s.lang, f.date) : l && !l.dated ? t('time.undated') : '',
    counters: counterPhrases(t, s).join(' · '),
    badge: s.safe ? t('badge.safe') : null,
    legendTitle: t('legend.sectors'),
    sectors: (f?.sectorMix.length ? f.sectorMix : (l?.sectors ?? [])).map((x) => ({ name: x.name ?? t('legend.noSector'), color: x.color, count: x.count })),
    edges,
    events: l?.hasEvents ? t('legend.events') : null,
    rule: ruleText(t, s),
  };
}

function stamp(s: ViewerState): string {
  const src = s.source?.kind === 'example' ? s.source.name : 'network';
  return `mycorrhiza-${src}-${s.frameInfo?.date ?? 'undated'}`;
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createExporter(store: Store, map: MapController, t: () => Translate, onDownload?: (name: string, blob: Blob) => void): Exporter {
  function drawing(): Drawing | null {
    const r = map.renderer;
    if (!r) return null;
    return composeDrawing(r.picture(), drawingFrame(t(), store.getState()));
  }

  function csv(table: CsvTable): string | null {
    const s = store.getState();
    if (table === 'attention') {
      const a = s.attention?.value;
      if (!a) return null;
      const rows = sortedAttention(a.items, s.attentionSort, s.attentionDesc).map((i) => ({
        id: i.id,
        organisation: i.name,
        score: i.score,
        reasons: i.reasons.map((r) => r.code).join('; '),
        details: i.reasons.map((r) => r[s.lang]).join(' '),
        suggestions: i.suggestions.map((x) => `${x.name}: ${x[s.lang]}`).join(' | '),
      }));
      return toCsv(rows, ['id', 'organisation', 'score', 'reasons', 'details', 'suggestions']);
    }
    if (table === 'ties') {
      const d = s.details?.value;
      if (!d) return null;
      const rows = d.ties.map((x) => ({
        source: d.name,
        target: x.name,
        target_id: x.id,
        shared_events: x.shared_events,
        first_shared: x.first_shared,
        last_shared: x.last_shared,
        class: x.class,
        state: x.state,
        person_pairs: x.person_pairs,
      }));
      return toCsv(rows, ['source', 'target', 'target_id', 'shared_events', 'first_shared', 'last_shared', 'class', 'state', 'person_pairs']);
    }
    const g = s.legend?.growth;
    if (!g) return null;
    return toCsv(
      g.map((r) => ({ ...r })),
      ['date', 'events', 'organisations', 'people', 'organisation_ties', 'strong_organisation_ties', 'weak_organisation_ties', 'person_ties', 'strong_person_ties', 'weak_person_ties'],
    );
  }

  async function png(): Promise<Blob | null> {
    const d = drawing();
    if (!d) return null;
    const canvas = drawingCanvas(d, Math.max(1, Math.min(2, globalThis.devicePixelRatio || 1)));
    return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'));
  }

  async function video(options: VideoOptions = {}): Promise<Blob | null> {
    const s0 = store.getState();
    const r = map.renderer;
    if (!r || typeof MediaRecorder === 'undefined') return null;
    const msPerStep = options.msPerStep ?? VIDEO_DEFAULTS.msPerStep;
    const fps = options.fps ?? VIDEO_DEFAULTS.fps;
    const from = Math.max(0, Math.min(s0.stepCount - 1, options.fromStep ?? 0));
    const to = Math.max(from, Math.min(s0.stepCount - 1, options.toStep ?? s0.stepCount - 1));
    const first = drawing()!;
    // Even pixel sizes: video encoders want them.
    const w = first.width + (first.width % 2), h = first.height + (first.height % 2);
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d')!;
    const paint = () => {
      const d = drawing();
      if (!d) return;
      ctx.fillStyle = d.background;
      ctx.fillRect(0, 0, w, h);
      paintDrawing(ctx, d);
    };
    paint();
    const stream = canvas.captureStream(fps);
    const type = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((x) => MediaRecorder.isTypeSupported(x));
    if (!type) return null;
    const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 4_000_000 });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
    store.dispatch({ type: 'pause' });
    store.dispatch({ type: 'exporting', what: 'export.recording' });
    const startStep = s0.step;
    try {
      recorder.start(250);
      const frameMs = 1000 / fps;
      for (let step = from; step <= to; step++) {
        store.dispatch({ type: 'setStep', step });
        const until = performance.now() + msPerStep;
        do {
          paint();
          await (frameMs > 20 ? sleep(frameMs) : nextFrame());
        } while (performance.now() < until);
      }
      paint();
      await sleep(frameMs * 2);
      recorder.stop();
      await stopped;
    } finally {
      stream.getTracks().forEach((tr) => tr.stop());
      store.dispatch({ type: 'setStep', step: startStep });
      store.dispatch({ type: 'exporting', what: null });
    }
    return new Blob(chunks, { type: 'video/webm' });
  }

  function deliver(blob: Blob, name: string): void {
    if (onDownload) onDownload(name, blob);
    else saveBlob(blob, name);
  }

  return {
    drawing,
    svg() {
      const d = drawing();
      return d ? drawingToSvg(d) : null;
    },
    png,
    video,
    csv,
    async download(kind) {
      const s = store.getState();
      const name = stamp(s);
      if (kind === 'svg') {
        const d = drawing();
        if (d) deliver(new Blob([drawingToSvg(d)], { type: 'image/svg+xml' }), `${name}.svg`);
      } else if (kind === 'png') {
        store.dispatch({ type: 'exporting', what: 'export.busy' });
        try {
          const b = await png();
          if (b) deliver(b, `${name}.png`);
        } finally {
          store.dispatch({ type: 'exporting', what: null });
        }
      } else if (kind === 'webm') {
        const b = await video();
        if (b) deliver(b, `${name}.webm`);
      } else {
        const text = csv(kind);
        // A BOM so spreadsheet programs read the UTF-8 (accents) correctly.
        if (text !== null) deliver(new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' }), `${name}-${kind}.csv`);
      }
    },
  };
}
