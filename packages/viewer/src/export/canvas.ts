/** Paint a drawing on a 2D canvas (PNG export and video frames). Text is drawn with fillText: never markup. */
import type { Drawing } from './drawing.js';

export function paintDrawing(ctx: CanvasRenderingContext2D, d: Drawing, scale = 1): void {
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.lineCap = 'round';
  for (const s of d.shapes) {
    switch (s.kind) {
      case 'rect':
        ctx.beginPath();
        if (s.radius && 'roundRect' in ctx) ctx.roundRect(s.x, s.y, s.w, s.h, s.radius);
        else ctx.rect(s.x, s.y, s.w, s.h);
        ctx.fillStyle = s.fill;
        ctx.fill();
        if (s.stroke) {
          ctx.strokeStyle = s.stroke;
          ctx.lineWidth = 1;
          ctx.stroke();
        }
        break;
      case 'line':
        ctx.beginPath();
        ctx.setLineDash(s.dash ? s.dash.split(' ').map(Number) : []);
        ctx.moveTo(s.x1, s.y1);
        ctx.lineTo(s.x2, s.y2);
        ctx.strokeStyle = s.stroke;
        ctx.lineWidth = s.width;
        ctx.stroke();
        ctx.setLineDash([]);
        break;
      case 'circle':
        ctx.beginPath();
        ctx.arc(s.cx, s.cy, s.r, 0, 2 * Math.PI);
        ctx.fillStyle = s.fill;
        ctx.fill();
        ctx.strokeStyle = s.stroke ?? '#ffffff';
        ctx.lineWidth = s.stroke ? 1.5 : 0.6;
        ctx.stroke();
        break;
      case 'text':
        ctx.font = `${s.weight} ${s.size}px Inter, "Segoe UI", system-ui, sans-serif`;
        ctx.textAlign = s.anchor === 'end' ? 'end' : 'start';
        if (s.halo) {
          ctx.lineJoin = 'round';
          ctx.lineWidth = 3.5;
          ctx.strokeStyle = s.halo;
          ctx.strokeText(s.text, s.x, s.y);
        }
        ctx.fillStyle = s.fill;
        ctx.fillText(s.text, s.x, s.y);
        break;
    }
  }
  ctx.restore();
}

/** A canvas with the drawing painted at a pixel scale. */
export function drawingCanvas(d: Drawing, scale = 1): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(d.width * scale);
  canvas.height = Math.round(d.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('export: this browser gives no 2D canvas.');
  paintDrawing(ctx, d, scale);
  return canvas;
}
