/**
 * Label drawing and placement: labels with a light halo for contrast on the map, and a greedy choice of which
 * nodes get a label (largest first, no two label boxes overlapping), recomputed when the frame or camera changes.
 */
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import { THEME } from './style.js';

/** Font size of a node's label from its radius (bigger nodes, bigger labels). */
export function labelFontSize(radius: number): number {
  return Math.round(Math.max(12, Math.min(18, 10 + radius * 0.38)));
}

/** Sigma label drawer: text right of the node with a halo. */
export function drawHaloLabel(
  context: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>,
  settings: Settings,
): void {
  if (!data.label) return;
  const size = labelFontSize(data.size);
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  context.lineJoin = 'round';
  context.lineWidth = 4;
  context.strokeStyle = THEME.labelHalo;
  const x = data.x + data.size + 4;
  const y = data.y + size / 3;
  context.strokeText(data.label, x, y);
  context.fillStyle = THEME.label;
  context.fillText(data.label, x, y);
}

/** A label candidate in viewport pixels. */
export interface LabelCandidate {
  index: number;
  x: number;
  y: number;
  radius: number;
  text: string;
}

/**
 * Choose labels greedily: candidates sorted by radius (largest first) take their box if it does not overlap a box
 * already taken or leave the viewport. Returns the chosen indices.
 */
export function chooseLabels(
  candidates: LabelCandidate[],
  width: number,
  height: number,
  max: number,
  measure: (text: string, fontSize: number) => number = (text, fs) => text.length * fs * 0.6,
): number[] {
  const sorted = [...candidates].sort((a, b) => b.radius - a.radius || a.index - b.index);
  const boxes: [number, number, number, number][] = [];
  const out: number[] = [];
  for (const c of sorted) {
    if (out.length >= max) break;
    const fs = labelFontSize(c.radius);
    const x1 = c.x - c.radius * 0.5;
    const x2 = c.x + c.radius + 4 + measure(c.text, fs) + 6;
    const y1 = c.y - fs * 0.75;
    const y2 = c.y + fs * 0.55;
    if (x2 > width + 4 || y1 < -4 || y2 > height + 4 || c.x < 0) continue;
    let free = true;
    for (const b of boxes)
      if (x1 < b[2] && x2 > b[0] && y1 < b[3] && y2 > b[1]) {
        free = false;
        break;
      }
    if (!free) continue;
    boxes.push([x1, y1, x2, y2]);
    out.push(c.index);
  }
  return out;
}

/** Sigma hover drawer: a ring around the node and the same halo label (no box, no second font). */
export function drawHoverRing(
  context: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>,
  settings: Settings,
): void {
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, 2 * Math.PI);
  context.lineWidth = 2.5;
  context.strokeStyle = THEME.label;
  context.stroke();
  drawHaloLabel(context, data, settings);
}
