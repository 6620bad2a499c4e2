/** Small DOM helpers: elements with text set through `textContent` only (never innerHTML), and SVG swatches. */

export interface ElementProps {
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
  title?: string;
}

/** Create an element; text goes through textContent. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, children: (Node | null)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title) node.title = props.title;
  if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) node.setAttribute(k, v);
  for (const c of children) if (c) node.appendChild(c);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A small SVG line sample for the legend. */
export function lineSwatch(color: string, width: number, dash = ''): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '34');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('x1', '2');
  line.setAttribute('y1', '6');
  line.setAttribute('x2', '32');
  line.setAttribute('y2', '6');
  line.setAttribute('stroke', color);
  line.setAttribute('stroke-width', String(width));
  line.setAttribute('stroke-linecap', 'round');
  if (dash) line.setAttribute('stroke-dasharray', dash);
  svg.appendChild(line);
  return svg;
}

/** A small SVG disc for the legend. */
export function discSwatch(color: string, r = 6): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  const d = String(2 * r + 2);
  svg.setAttribute('width', d);
  svg.setAttribute('height', d);
  svg.setAttribute('aria-hidden', 'true');
  const c = document.createElementNS(SVG, 'circle');
  c.setAttribute('cx', String(r + 1));
  c.setAttribute('cy', String(r + 1));
  c.setAttribute('r', String(r));
  c.setAttribute('fill', color);
  svg.appendChild(c);
  return svg;
}

/** Listen and return the function that stops listening. */
export function listen<K extends keyof HTMLElementEventMap>(target: HTMLElement | Window | Document, type: K, fn: (e: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions): () => void {
  target.addEventListener(type, fn as EventListener, opts);
  return () => target.removeEventListener(type, fn as EventListener, opts);
}

/** Replace all children of a node. */
export function setChildren(node: Element, children: (Node | null)[]): void {
  node.replaceChildren(...children.filter((c): c is Node => c !== null));
}

const ICONS: Record<'play' | 'pause' | 'back' | 'forward', string> = {
  play: 'M4 2.5 L13.5 8 L4 13.5 Z',
  pause: 'M3.5 2.5 H6.5 V13.5 H3.5 Z M9.5 2.5 H12.5 V13.5 H9.5 Z',
  back: 'M2.5 2.5 H4.5 V13.5 H2.5 Z M13.5 2.5 V13.5 L5 8 Z',
  forward: 'M11.5 2.5 H13.5 V13.5 H11.5 Z M2.5 2.5 V13.5 L11 8 Z',
};

/** A 16×16 icon drawn with SVG (no icon font needed). */
export function icon(name: keyof typeof ICONS): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'mz-svg-icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.appendChild(path);
  return svg;
}
