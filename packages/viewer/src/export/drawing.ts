/**
 * The exported picture as a list of plain shapes (rectangles, lines, circles, text) in pixels: the map as the
 * renderer shows it (positions and reducer output, never WebGL pixels) with the caption and the legend burned
 * in. `svg.ts` writes it as SVG text and `canvas.ts` paints it on a 2D canvas, so both exports match.
 */
import type { Picture } from '../render/renderer.js';
import { EDGE_LOOKS } from '../render/style.js';
import { EVENT_COLOR } from '../scene/palette.js';
import { EDGE_PLAIN, EDGE_STRONG, EDGE_STRONG_FADING, EDGE_WEAK } from '../scene/types.js';

export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string; radius?: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; stroke?: string }
  | { kind: 'text'; x: number; y: number; text: string; size: number; weight: number; fill: string; halo?: string; anchor?: 'start' | 'end' };

export interface Drawing {
  width: number;
  height: number;
  background: string;
  shapes: Shape[];
}

/** What goes around the map: the caption lines and the legend, already translated (and safe). */
export interface DrawingFrame {
  title: string;
  date: string;
  counters: string;
  badge: string | null;
  legendTitle: string;
  sectors: { name: string; color: string; count: number }[];
  edges: { cls: number; label: string }[];
  events: string | null;
  rule: string | null;
}

/** Width of the legend column and height of the caption band, in pixels. */
export const LEGEND_WIDTH = 250;
export const CAPTION_HEIGHT = 92;

/** Break text into lines of at most `max` characters at spaces. */
export function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** Compose the map picture with caption and legend. */
export function composeDrawing(picture: Picture, frame: DrawingFrame): Drawing {
  const mapW = Math.max(1, Math.round(picture.width));
  const mapH = Math.max(1, Math.round(picture.height));
  const width = mapW + LEGEND_WIDTH;
  const height = mapH + CAPTION_HEIGHT;
  const shapes: Shape[] = [{ kind: 'rect', x: 0, y: 0, w: width, h: height, fill: picture.background }];
  const oy = CAPTION_HEIGHT;
  for (const e of picture.edges)
    shapes.push({ kind: 'line', x1: e.x1, y1: e.y1 + oy, x2: e.x2, y2: e.y2 + oy, stroke: e.color, width: +e.width.toFixed(2), ...(e.dashed ? { dash: '4 3' } : {}) });
  for (const n of picture.nodes) shapes.push({ kind: 'circle', cx: n.x, cy: n.y + oy, r: Math.max(0.5, n.r), fill: n.color, ...(n.marked ? { stroke: '#1c2230' } : {}) });
  for (const n of picture.nodes)
    if (n.label) shapes.push({ kind: 'text', x: n.x + n.r + 4, y: n.y + oy + 4, text: n.label, size: 12, weight: 600, fill: '#1c2230', halo: picture.background });

  // Caption band.
  shapes.push({ kind: 'text', x: 20, y: 38, text: frame.date, size: 28, weight: 750, fill: '#1c2230' });
  shapes.push({ kind: 'text', x: 20, y: 66, text: frame.counters, size: 16, weight: 600, fill: '#2b3344' });
  shapes.push({ kind: 'text', x: width - 16, y: 24, text: frame.title, size: 13, weight: 700, fill: '#24543a', anchor: 'end' });
  if (frame.badge) {
    const w = frame.badge.length * 6.6 + 20;
    shapes.push({ kind: 'rect', x: width - 16 - w, y: 38, w, h: 24, fill: '#fff4d6', stroke: '#a15c07', radius: 12 });
    shapes.push({ kind: 'text', x: width - 26, y: 55, text: frame.badge, size: 12, weight: 700, fill: '#7a4604', anchor: 'end' });
  }

  // Legend column.
  const lx = mapW + 12;
  let y = oy + 20;
  shapes.push({ kind: 'rect', x: mapW, y: oy, w: LEGEND_WIDTH - 8, h: mapH - 8, fill: '#ffffff', stroke: '#dcdad3', radius: 10 });
  shapes.push({ kind: 'text', x: lx, y, text: frame.legendTitle, size: 13, weight: 700, fill: '#1c2230' });
  y += 18;
  for (const s of frame.sectors) {
    if (y > oy + mapH - 90) break;
    shapes.push({ kind: 'circle', cx: lx + 6, cy: y - 4, r: 6, fill: s.color });
    shapes.push({ kind: 'text', x: lx + 20, y, text: s.name, size: 12, weight: 400, fill: '#1c2230' });
    shapes.push({ kind: 'text', x: mapW + LEGEND_WIDTH - 20, y, text: String(s.count), size: 12, weight: 400, fill: '#5d6677', anchor: 'end' });
    y += 17;
  }
  if (frame.events) {
    shapes.push({ kind: 'circle', cx: lx + 6, cy: y - 4, r: 4, fill: EVENT_COLOR });
    shapes.push({ kind: 'text', x: lx + 20, y, text: frame.events, size: 12, weight: 400, fill: '#1c2230' });
    y += 17;
  }
  y += 6;
  for (const e of frame.edges) {
    const look = EDGE_LOOKS[e.cls] ?? EDGE_LOOKS[EDGE_PLAIN]!;
    const dash = e.cls === EDGE_STRONG_FADING ? '4 3' : undefined;
    shapes.push({ kind: 'line', x1: lx, y1: y - 4, x2: lx + 30, y2: y - 4, stroke: look.color, width: Math.max(1, look.size + (e.cls === EDGE_STRONG ? 0.6 : e.cls === EDGE_WEAK ? 0.4 : 0)), ...(dash ? { dash } : {}) });
    shapes.push({ kind: 'text', x: lx + 38, y, text: e.label, size: 12, weight: 400, fill: '#1c2230' });
    y += 17;
  }
  if (frame.rule) {
    y += 4;
    for (const line of wrap(frame.rule, 36)) {
      shapes.push({ kind: 'text', x: lx, y, text: line, size: 11.5, weight: 400, fill: '#39414f' });
      y += 15;
    }
  }
  return { width, height, background: picture.background, shapes };
}
