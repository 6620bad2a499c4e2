/** A drawing as standalone SVG text. Every text is escaped: names are data, never markup. */
import type { Drawing } from './drawing.js';

/** Escape text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const n = (v: number): string => String(Math.round(v * 100) / 100);

export function drawingToSvg(d: Drawing): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(d.width)}" height="${n(d.height)}" viewBox="0 0 ${n(d.width)} ${n(d.height)}" font-family="Inter, 'Segoe UI', system-ui, sans-serif">`,
  ];
  for (const s of d.shapes) {
    switch (s.kind) {
      case 'rect':
        out.push(`<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}"` : ''}${s.radius ? ` rx="${n(s.radius)}"` : ''}/>`);
        break;
      case 'line':
        out.push(`<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.stroke}" stroke-width="${n(s.width)}" stroke-linecap="round"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
        break;
      case 'circle':
        out.push(`<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}" stroke-width="1.5"` : ' stroke="#ffffff" stroke-width="0.6"'}/>`);
        break;
      case 'text': {
        const anchor = s.anchor === 'end' ? ' text-anchor="end"' : '';
        const halo = s.halo ? ` stroke="${s.halo}" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke"` : '';
        out.push(`<text x="${n(s.x)}" y="${n(s.y)}" font-size="${n(s.size)}" font-weight="${s.weight}" fill="${s.fill}"${anchor}${halo}>${escapeXml(s.text)}</text>`);
        break;
      }
    }
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
