/**
 * The map: owns the Sigma instance for one scene. The graph is built once (nodes at their final positions);
 * everything shown is derived by the node and edge reducers from the current frame and display state. A time
 * step only swaps the frame and refreshes the programs without re-indexing (`skipIndexation`), so nothing
 * moves and the camera holds still; it re-runs the reducers only for the nodes and edges whose look changed (on a
 * 10,000-node map a step touches a few thousand of 60,000 items). Newcomers fade in over a few frames. A spare
 * renderer made while the worker prepares the first scene takes the one-time WebGL and font work off the path to
 * the first frame.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram, NodePointProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { computeFrame, stepCount, type Frame } from '../scene/frame.js';
import { EVENT_COLOR, NO_SECTOR_COLOR } from '../scene/palette.js';
import { EDGE_HIDDEN, EDGE_PLAIN, EDGE_STRONG, EDGE_STRONG_FADING, EDGE_WEAK, EDGE_WEAK_FADING, NODE_EVENT, NODE_PERSON, type Scene } from '../scene/types.js';
import type { SizeBy } from '../state/state.js';
import { mark, measureSince } from '../perf/marks.js';
import { drawingOrder } from './order.js';
import { chooseLabels, drawHaloLabel, drawHoverRing, type LabelCandidate } from './labels.js';
import { EDGE_LOOKS, mixToward, nodeRadius, shortLabel, THEME } from './style.js';

/** Edges beyond this count switch to sigma's light programs and hide edges while the camera moves. */
export const LIGHT_PROGRAM_EDGES = 5_000;
/** Duration of a newcomer's fade-in, in milliseconds. */
export const FADE_IN_MS = 450;
const LABEL_FONT = 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif';
const LABEL_WEIGHT = '600';
/** Colour of the edges of the hovered or selected node. */
const FOCUS_EDGE = '#1f2636';
/** Colour of marked nodes (who becomes unconnected without the convenor). */
export const MARK_COLOR = '#c0262d';

/** Node and edge filters as the reducers read them (indices into the scene's sectors and regions). */
export interface DisplayFilters {
  /** Sector indices shown (null: all). -1 stands for "no sector". */
  sectors: ReadonlySet<number> | null;
  regions: ReadonlySet<number> | null;
  tieClass: 'all' | 'strong' | 'weak';
  minShared: number;
}

/** What the reducers read besides the frame. */
export interface DisplayState {
  hovered: string | null;
  selected: string | null;
  sizeBy: SizeBy;
  personLabels: boolean;
  /** Presenter-safe: people drawn with their codes. */
  safe?: boolean;
  /** With `safe`: organisations drawn with their codes too. */
  codeOrganisations?: boolean;
  filters?: DisplayFilters | null;
  /** Search text: matching nodes stand out, the others are dimmed. */
  search?: string;
  /** A node left out of the picture (the convenor in "without the convenor"). */
  hiddenNode?: string | null;
  /** Nodes marked (who becomes unconnected without the convenor). */
  marked?: readonly string[];
}

/** A node of an exported picture, in viewport pixels. */
export interface PictureNode {
  id: string;
  x: number;
  y: number;
  r: number;
  color: string;
  label: string | null;
  marked: boolean;
}

/** An edge of an exported picture, in viewport pixels. */
export interface PictureEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
  dashed: boolean;
}

/** What the map shows, for exports (drawn again as SVG or on a 2D canvas, never read from WebGL). */
export interface Picture {
  width: number;
  height: number;
  background: string;
  nodes: PictureNode[];
  edges: PictureEdge[];
}

/** Fold case and accents for search. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

export interface MapRendererOptions {
  onHover?(node: string | null): void;
  onSelect?(node: string | null): void;
}

export interface MapRenderer {
  readonly sigma: Sigma;
  readonly scene: Scene;
  /** True when the light programs are used. */
  readonly light: boolean;
  readonly frame: Frame | null;
  /** The label a node is drawn with (a code under presenter-safe). */
  labelOf(id: string): string | null;
  /** Ids of the visible nodes matching the search, best first. */
  searchMatches(text: string, max?: number): string[];
  /** Animate the camera to a node (no-op when it is not on the map). */
  focusNode(id: string, duration?: number): boolean;
  /** Show the whole map again. */
  resetCamera(): void;
  /** Follow a change of the container's size. */
  resize(): void;
  /** The picture on the map now, for exports. */
  picture(): Picture;
  /** Show a frame. With `animate`, nodes that appear fade in. */
  setFrame(frame: Frame, animate: boolean): void;
  setDisplay(display: DisplayState): void;
  /** Re-apply the reducers and draw now (no re-indexing). */
  refresh(): void;
  /** Viewport positions of the nodes on the map, by id. */
  visiblePositions(): Map<string, { x: number; y: number }>;
  /** Ids of the nodes whose label is drawn. */
  labelledNodes(): string[];
  dispose(): void;
}

/** Sigma's settings for a map: light programs for large maps, the map's reducers, labels and camera limits. */
function sigmaSettings(light: boolean, nodeReducer: unknown, edgeReducer: unknown): Partial<Settings> {
  return {
    nodeProgramClasses: { circle: light ? NodePointProgram : NodeCircleProgram },
    edgeProgramClasses: { line: light ? EdgeLineProgram : EdgeRectangleProgram },
    defaultNodeType: 'circle',
    defaultEdgeType: 'line',
    nodeReducer: nodeReducer as never,
    edgeReducer: edgeReducer as never,
    hideEdgesOnMove: light,
    hideLabelsOnMove: light,
    renderEdgeLabels: false,
    enableEdgeEvents: false,
    labelFont: LABEL_FONT,
    labelWeight: LABEL_WEIGHT,
    labelSize: 13,
    labelColor: { color: THEME.label },
    labelRenderedSizeThreshold: 0,
    defaultDrawNodeLabel: drawHaloLabel as never,
    defaultDrawNodeHover: drawHoverRing as never,
    stagePadding: 36,
    zIndex: false,
    minCameraRatio: 0.04,
    maxCameraRatio: 3,
  };
}

let measureCtx: CanvasRenderingContext2D | null | undefined;

/** Width of a label in pixels (one shared 2D context; a rough estimate without canvas). */
export function measureLabel(text: string, fontSize: number): number {
  if (measureCtx === undefined) measureCtx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measureCtx) return text.length * fontSize * 0.6;
  measureCtx.font = `${LABEL_WEIGHT} ${fontSize}px ${LABEL_FONT}`;
  return measureCtx.measureText(text).width;
}

/**
 * A renderer made before the data arrives, so the page does its one-time work (WebGL contexts, shader compilation
 * in the GPU process, font look-up for labels, sigma's code) while the worker reads and lays out the data. It
 * draws two background-coloured dots and a line that nobody can see; `createMapRenderer` takes it over. Returns
 * null when the container cannot hold a renderer yet (no size, no WebGL): the map then makes its own.
 */
export function createSpareRenderer(container: HTMLElement): Sigma | null {
  try {
    measureLabel('Mycorrhiza', 13);
    const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    const look = { size: 3, color: THEME.background, label: ' ', forceLabel: true };
    graph.addNode('a', { x: 0, y: 0, ...look });
    graph.addNode('b', { x: 1, y: 1, ...look });
    graph.addUndirectedEdge('a', 'b', { size: 1, color: THEME.background });
    return new Sigma(graph, container, sigmaSettings(false, null, null));
  } catch {
    return null;
  }
}

/** The graph sigma draws for a scene, with each edge's key, the drawing order and the size scales. */
export interface MapGraph {
  graph: Graph;
  edgeKeys: string[];
  order: Int32Array;
  /** Node index by id. */
  index: Map<string, number>;
  /** Largest degree and attendance per node kind in the whole network (sizes stay comparable across time). */
  maxDegree: number[];
  maxAttendance: number[];
}

/** Size scales from the whole network, so sizes are comparable across time. */
function sizeScales(scene: Scene): { maxDegree: number[]; maxAttendance: number[] } {
  const full = computeFrame(scene, 'cumulative', stepCount(scene, 'cumulative') - 1);
  const maxDegree = [1, 1, 1];
  const maxAttendance = [1, 1, 1];
  for (let v = 0; v < scene.nodeCount; v++) {
    const k = scene.nodeKind[v]!;
    maxDegree[k] = Math.max(maxDegree[k]!, full.nodeDegree[v]!);
    maxAttendance[k] = Math.max(maxAttendance[k]!, full.nodeAttendance[v]!);
  }
  return { maxDegree, maxAttendance };
}

/** True when a scene is drawn with the light programs. */
export function isLightScene(scene: Scene): boolean {
  return scene.edgeCount > LIGHT_PROGRAM_EDGES;
}

/**
 * Build sigma's graph of a scene: nodes at their final positions, edges in drawing order (insertion order: edges
 * with more shared events in the end go last, so strong ties lie on top). With `pause`, the edges are added in
 * slices with a pause between them (large maps: the page keeps answering); returns null when `cancelled()` says
 * the graph is no longer wanted.
 */
export function buildMapGraph(scene: Scene): MapGraph;
export function buildMapGraph(scene: Scene, pause: () => Promise<void>, cancelled: () => boolean): Promise<MapGraph | null>;
export function buildMapGraph(scene: Scene, pause?: () => Promise<void>, cancelled?: () => boolean): MapGraph | Promise<MapGraph | null> {
  const N = scene.nodeCount, M = scene.edgeCount;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const index = new Map<string, number>();
  for (let v = 0; v < N; v++) {
    graph.addNode(scene.nodeId[v]!, { x: scene.x[v], y: scene.y[v], i: v, size: 1, label: null });
    index.set(scene.nodeId[v]!, v);
  }
  const edgeKeys: string[] = new Array(M);
  const order = drawingOrder(scene);
  const add = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      edgeKeys[i] = String(i);
      graph.addUndirectedEdgeWithKey(edgeKeys[i]!, scene.nodeId[scene.edgeSource[i]!]!, scene.nodeId[scene.edgeTarget[i]!]!, { i });
    }
  };
  if (!pause) {
    add(0, M);
    return { graph, edgeKeys, order, index, ...sizeScales(scene) };
  }
  return (async () => {
    for (let k = 0; k < M; k += GRAPH_SLICE) {
      await pause();
      if (cancelled?.()) return null;
      add(k, Math.min(M, k + GRAPH_SLICE));
    }
    await pause();
    if (cancelled?.()) return null;
    return { graph, edgeKeys, order, index, ...sizeScales(scene) };
  })();
}

/** Edges added to sigma's graph between two pauses when building a large map. */
const GRAPH_SLICE = 12_000;

/** Colours mixed towards the background, by base colour and 1/32 step (the reducers run for every item). */
const mixCache = new Map<string, string[]>();
function faded(color: string, t: number): string {
  const k = Math.round(Math.max(0, Math.min(1, t)) * 32);
  if (k >= 32) return color;
  let row = mixCache.get(color);
  if (!row) mixCache.set(color, (row = new Array<string>(32)));
  return (row[k] ??= mixToward(color, THEME.background, k / 32));
}

/**
 * Make the map of a scene. `spare` (from `createSpareRenderer` on the same container) is reused when given;
 * it then belongs to the returned renderer.
 */
export function createMapRenderer(
  container: HTMLElement,
  scene: Scene,
  options: MapRendererOptions = {},
  spare: Sigma | null = null,
  prebuilt: MapGraph | null = null,
): MapRenderer {
  mark('renderer');
  const N = scene.nodeCount, M = scene.edgeCount;
  const light = isLightScene(scene);
  const { graph, edgeKeys, order, index, maxDegree, maxAttendance } = prebuilt ?? buildMapGraph(scene);

  let frame: Frame | null = null;
  let display: DisplayState = { hovered: null, selected: null, sizeBy: 'ties', personLabels: false };
  const passes = new Uint8Array(N).fill(1);
  const matched = new Uint8Array(N);
  const marked = new Uint8Array(N);
  let searching = false;
  let edgeStrength = 1;
  let hiddenIndex = -1;
  const labelText = (v: number): string => {
    const kind = scene.nodeKind[v];
    if (display.safe && (kind === NODE_PERSON || (kind !== NODE_EVENT && display.codeOrganisations))) return scene.nodeId[v]!;
    return scene.nodeLabel[v]!;
  };
  const shown = (v: number): boolean => !!frame && frame.nodeVisible[v] === 1 && passes[v] === 1 && v !== hiddenIndex;
  const radius = new Float32Array(N);
  const labelled = new Uint8Array(N);
  const appearAt = new Float64Array(N);
  let focus = -1;
  let selectedIndex = -1;
  const focusNeighbour = new Uint8Array(N);
  // What each node and edge was last drawn with, so a new frame redraws only what it changes (a time step of a
  // large map touches a few thousand items, not all 60,000). A display change, a focus or a fade redraws
  // everything. Sigma first draws everything hidden (no frame yet), which is what these start with.
  const drawnShown = new Uint8Array(N);
  const drawnRadius = new Float32Array(N);
  const drawnLabelled = new Uint8Array(N);
  const drawnEdge = new Uint8Array(M);
  let drawnStrength = 1;
  let now = 0;
  let fadeUntil = 0;
  let raf = 0;
  let cameraTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const fadeT = (v: number): number => (appearAt[v] === 0 ? 1 : Math.min(1, (now - appearAt[v]!) / FADE_IN_MS));

  function nodeColor(v: number): string {
    if (scene.nodeKind[v] === NODE_EVENT) return EVENT_COLOR;
    const s = scene.nodeSector[v]!;
    return s >= 0 ? scene.sectorColors[s]! : NO_SECTOR_COLOR;
  }

  // The reducers fill in the copy of the attributes sigma hands them (sigma copies them for each call), so a
  // redraw of 50,000 edges allocates no further objects; colours come from a cache.
  const nodeReducer = (_key: string, attrs: Record<string, unknown>): Partial<NodeDisplayData> => {
    const v = attrs.i as number;
    const d = attrs as Partial<NodeDisplayData>;
    d.x = scene.x[v]!;
    d.y = scene.y[v]!;
    if (!shown(v)) {
      d.size = 0;
      d.color = '#000000';
      d.label = null;
      d.hidden = true;
      return d;
    }
    const t = fadeT(v);
    const inFocus = focus >= 0 ? v === focus || focusNeighbour[v] === 1 : !searching || matched[v] === 1;
    let label: string | null = null;
    if (v === focus) label = shortLabel(labelText(v), 60);
    else if ((labelled[v] === 1 && inFocus) || (searching && matched[v] === 1) || marked[v] === 1) label = shortLabel(labelText(v), 30);
    d.size = radius[v]! * (0.35 + 0.65 * t) * (marked[v] === 1 ? 1.25 : 1);
    d.color = marked[v] === 1 ? MARK_COLOR : inFocus ? faded(nodeColor(v), t) : THEME.dimmed;
    d.label = label;
    d.forceLabel = label !== null;
    d.highlighted = v === selectedIndex;
    d.hidden = false;
    return d;
  };

  const edgeReducer = (_key: string, attrs: Record<string, unknown>): Partial<EdgeDisplayData> => {
    const i = attrs.i as number;
    const d = attrs as Partial<EdgeDisplayData>;
    const cls = frame ? frame.edgeClass[i]! : EDGE_HIDDEN;
    d.hidden = false;
    if (cls === EDGE_HIDDEN || !edgePasses(i, cls)) {
      d.hidden = true;
      d.size = 0;
      d.color = '#000000';
      return d;
    }
    const s = scene.edgeSource[i]!, tg = scene.edgeTarget[i]!;
    const look = EDGE_LOOKS[cls]!;
    if (searching && focus < 0 && !matched[s] && !matched[tg]) {
      d.size = look.size;
      d.color = THEME.dimmedEdge;
      return d;
    }
    const t = Math.min(fadeT(s), fadeT(tg));
    if (focus >= 0) {
      if (s !== focus && tg !== focus) {
        d.hidden = true;
        d.size = 0;
        d.color = '#000000';
        return d;
      }
      d.size = look.size + 0.8;
      d.color = faded(FOCUS_EDGE, t);
      return d;
    }
    // Dense frames draw their ties lighter (by the mean degree), so the structure stays readable at the close.
    d.size = look.size;
    d.color = faded(look.color, t * edgeStrength);
    return d;
  };

  function edgePasses(i: number, cls: number): boolean {
    const s = scene.edgeSource[i]!, tg = scene.edgeTarget[i]!;
    if (!passes[s] || !passes[tg] || s === hiddenIndex || tg === hiddenIndex) return false;
    const f = display.filters;
    if (!f || cls === EDGE_PLAIN) return true;
    if (f.tieClass === 'strong' && cls !== EDGE_STRONG && cls !== EDGE_STRONG_FADING) return false;
    if (f.tieClass === 'weak' && cls !== EDGE_WEAK && cls !== EDGE_WEAK_FADING) return false;
    return frame!.edgeShared[i]! >= f.minShared;
  }

  function computePasses(): void {
    const f = display.filters;
    for (let v = 0; v < N; v++) {
      if (!f || scene.nodeKind[v] === NODE_EVENT) {
        passes[v] = 1;
        continue;
      }
      const okSector = !f.sectors || f.sectors.has(scene.nodeSector[v]!);
      const okRegion = !f.regions || f.regions.has(scene.nodeRegion[v]!);
      passes[v] = okSector && okRegion ? 1 : 0;
    }
    hiddenIndex = display.hiddenNode != null && index.has(display.hiddenNode) ? index.get(display.hiddenNode)! : -1;
    marked.fill(0);
    for (const id of display.marked ?? []) if (index.has(id)) marked[index.get(id)!] = 1;
    matched.fill(0);
    const q = searchKey(display.search ?? '');
    searching = q.length > 0;
    if (searching) for (let v = 0; v < N; v++) if (searchKey(labelText(v)).includes(q)) matched[v] = 1;
  }

  measureSince('renderer:graph', 'renderer');
  mark('sigma');
  const settings = sigmaSettings(light, nodeReducer, edgeReducer);
  let sigma: Sigma;
  if (spare && spare.getContainer() === container) {
    // The spare renderer made while the data loaded: its WebGL contexts, shaders and fonts are ready.
    spare.setSettings(settings);
    spare.setGraph(graph);
    sigma = spare;
  } else {
    spare?.kill();
    sigma = new Sigma(graph, container, settings);
  }
  measureSince('renderer:sigma', 'sigma');

  function computeRadii(): void {
    if (!frame) return;
    const useTies = display.sizeBy === 'ties';
    for (let v = 0; v < N; v++) {
      if (!frame.nodeVisible[v]) {
        radius[v] = 0;
        continue;
      }
      const k = scene.nodeKind[v]!;
      radius[v] = useTies
        ? nodeRadius(k, N, frame.nodeDegree[v]!, maxDegree[k]!)
        : nodeRadius(k, N, frame.nodeAttendance[v]!, maxAttendance[k]!);
    }
  }

  function computeLabels(): void {
    labelled.fill(0);
    if (!frame) return;
    const { width, height } = sigma.getDimensions();
    const candidates: LabelCandidate[] = [];
    for (let v = 0; v < N; v++) {
      if (!shown(v)) continue;
      const kind = scene.nodeKind[v]!;
      if (kind === NODE_EVENT || (kind === NODE_PERSON && !display.personLabels)) continue;
      candidates.push({ index: v, x: 0, y: 0, radius: radius[v]!, text: shortLabel(labelText(v)) });
    }
    candidates.sort((a, b) => b.radius - a.radius || a.index - b.index);
    const top = candidates.slice(0, 400);
    for (const c of top) {
      const p = sigma.graphToViewport({ x: scene.x[c.index]!, y: scene.y[c.index]! });
      c.x = p.x;
      c.y = p.y;
      // Sigma scales node sizes with the zoom; label boxes follow the drawn size.
      c.radius = sigma.scaleSize(c.radius);
    }
    const max = Math.max(8, Math.round((width * height) / 14_000));
    for (const v of chooseLabels(top, width, height, max, measureLabel)) labelled[v] = 1;
  }

  function computeFocus(): void {
    focusNeighbour.fill(0);
    selectedIndex = display.selected !== null && index.has(display.selected) ? index.get(display.selected)! : -1;
    const id = display.hovered ?? display.selected;
    focus = id !== null && index.has(id) && shown(index.get(id)!) ? index.get(id)! : -1;
    if (focus < 0 || !frame) return;
    for (let i = 0; i < M; i++) {
      const cls = frame.edgeClass[i]!;
      if (cls === EDGE_HIDDEN || !edgePasses(i, cls)) continue;
      if (scene.edgeSource[i] === focus) focusNeighbour[scene.edgeTarget[i]!] = 1;
      else if (scene.edgeTarget[i] === focus) focusNeighbour[scene.edgeSource[i]!] = 1;
    }
  }

  /** The class an edge is drawn with now (EDGE_HIDDEN when it is not drawn). */
  function edgeShownClass(i: number): number {
    const cls = frame ? frame.edgeClass[i]! : EDGE_HIDDEN;
    return cls !== EDGE_HIDDEN && edgePasses(i, cls) ? cls : EDGE_HIDDEN;
  }

  function recordDrawn(): void {
    for (let v = 0; v < N; v++) {
      drawnShown[v] = shown(v) ? 1 : 0;
      drawnRadius[v] = radius[v]!;
      drawnLabelled[v] = labelled[v]!;
    }
    for (let i = 0; i < M; i++) drawnEdge[i] = edgeShownClass(i);
    drawnStrength = edgeStrength;
  }

  /** Re-apply the reducers to every node and edge and draw (no re-indexing). */
  function refresh(): void {
    if (disposed) return;
    now = performance.now();
    recordDrawn();
    // Large maps draw at the next animation frame, so quick steps coalesce into one draw instead of queueing
    // seconds of GPU work; small maps draw at once (what tests read back synchronously).
    sigma.refresh({ partialGraph: { nodes: scene.nodeId, edges: edgeKeys }, skipIndexation: true, schedule: light });
  }

  /**
   * Redraw after a new frame or new label places: only the nodes whose visibility, size or label changed and the
   * edges whose class changed (all visible edges when their strength shade changed). Nothing is drawn when nothing
   * changed, unless `drawAnyway` (the canvases were cleared).
   */
  function refreshChanged(drawAnyway = false): void {
    if (disposed) return;
    if (focus >= 0 || performance.now() < fadeUntil) return refresh();
    now = performance.now();
    const strengthChanged = edgeStrength !== drawnStrength;
    drawnStrength = edgeStrength;
    const nodes: string[] = [];
    for (let v = 0; v < N; v++) {
      const on = shown(v) ? 1 : 0;
      if (on !== drawnShown[v] || (on && (radius[v] !== drawnRadius[v] || labelled[v] !== drawnLabelled[v]))) {
        nodes.push(scene.nodeId[v]!);
        drawnShown[v] = on;
        drawnRadius[v] = radius[v]!;
        drawnLabelled[v] = labelled[v]!;
      }
    }
    const edges: string[] = [];
    for (let i = 0; i < M; i++) {
      const c = edgeShownClass(i);
      if (c !== drawnEdge[i] || (strengthChanged && c !== EDGE_HIDDEN)) {
        edges.push(edgeKeys[i]!);
        drawnEdge[i] = c;
      }
    }
    if (nodes.length > 0 || edges.length > 0 || drawAnyway) sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: true, schedule: light });
  }

  function animateFade(): void {
    cancelAnimationFrame(raf);
    const tick = () => {
      raf = 0;
      if (disposed) return;
      refresh();
      if (performance.now() < fadeUntil) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
  }

  sigma.on('enterNode', ({ node }) => options.onHover?.(node));
  sigma.on('leaveNode', () => options.onHover?.(null));
  sigma.on('clickNode', ({ node }) => options.onSelect?.(node));
  sigma.on('clickStage', () => options.onSelect?.(null));
  // Label places depend on the camera: recompute once it rests.
  sigma.getCamera().on('updated', () => {
    if (cameraTimer) clearTimeout(cameraTimer);
    cameraTimer = setTimeout(() => {
      cameraTimer = null;
      computeLabels();
      refreshChanged();
    }, 150);
  });

  return {
    sigma,
    scene,
    light,
    get frame() {
      return frame;
    },
    setFrame(next, animate) {
      const t = performance.now();
      mark('set-frame');
      const fades = animate && !light;
      let appearing = false;
      for (let v = 0; v < N; v++) {
        const was = frame ? frame.nodeVisible[v] : 0;
        if (next.nodeVisible[v] && !was) {
          appearAt[v] = fades ? t : 0;
          appearing = true;
        } else if (!next.nodeVisible[v]) appearAt[v] = 0;
      }
      frame = next;
      const shownNodes = next.counts.organisations + next.counts.people + next.counts.events;
      const meanDegree = shownNodes > 0 ? (2 * (next.counts.ties + next.counts.links)) / Math.max(1, next.nodeVisible.reduce((a, b) => a + b, 0)) : 0;
      // In 1/32 steps (the colour steps), so most time steps leave it unchanged.
      edgeStrength = Math.round(32 * Math.max(0.5, Math.min(1, 10 / Math.max(1, meanDegree)))) / 32;
      computeRadii();
      computeLabels();
      measureSince('renderer:labels', 'set-frame');
      computeFocus();
      if (fades && appearing) fadeUntil = t + FADE_IN_MS + 20;
      mark('refresh');
      refreshChanged();
      measureSince('renderer:refresh', 'refresh');
      if (fades && appearing) animateFade();
    },
    setDisplay(next) {
      const labelsChanged =
        next.sizeBy !== display.sizeBy ||
        next.personLabels !== display.personLabels ||
        next.safe !== display.safe ||
        next.codeOrganisations !== display.codeOrganisations ||
        next.filters !== display.filters ||
        next.hiddenNode !== display.hiddenNode;
      display = { ...next };
      computePasses();
      if (labelsChanged) {
        computeRadii();
        computeLabels();
      }
      computeFocus();
      // Before the first frame everything is hidden: nothing to draw yet.
      if (frame) refresh();
    },
    labelOf(id) {
      const v = index.get(id);
      return v === undefined ? null : labelText(v);
    },
    searchMatches(text, max = 12) {
      const q = searchKey(text);
      if (!q || !frame) return [];
      const hits: { v: number; starts: boolean }[] = [];
      for (let v = 0; v < N; v++) {
        if (!shown(v) || scene.nodeKind[v] === NODE_EVENT) continue;
        const k = searchKey(labelText(v));
        const at = k.indexOf(q);
        if (at >= 0) hits.push({ v, starts: at === 0 });
      }
      hits.sort((a, b) => Number(b.starts) - Number(a.starts) || radius[b.v]! - radius[a.v]! || a.v - b.v);
      return hits.slice(0, max).map((h) => scene.nodeId[h.v]!);
    },
    resetCamera() {
      void sigma.getCamera().animatedReset({ duration: 400 });
    },
    focusNode(id, duration = 600) {
      const v = index.get(id);
      if (v === undefined || !shown(v)) return false;
      const d = sigma.getNodeDisplayData(id);
      if (!d) return false;
      const camera = sigma.getCamera();
      void camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.55) }, { duration });
      return true;
    },
    resize() {
      if (disposed) return;
      sigma.resize();
      computeLabels();
      // A new size clears the canvases: draw even when no node or edge changed.
      refreshChanged(true);
    },
    picture() {
      const { width, height } = sigma.getDimensions();
      const nodes: PictureNode[] = [];
      const edges: PictureEdge[] = [];
      const pos = new Map<number, { x: number; y: number }>();
      if (frame) {
        for (let v = 0; v < N; v++) {
          if (!shown(v)) continue;
          const d = nodeReducer(scene.nodeId[v]!, { i: v });
          const p = sigma.graphToViewport({ x: scene.x[v]!, y: scene.y[v]! });
          pos.set(v, p);
          nodes.push({ id: scene.nodeId[v]!, x: p.x, y: p.y, r: sigma.scaleSize(d.size ?? 1), color: d.color ?? '#000000', label: d.label ?? null, marked: marked[v] === 1 });
        }
        for (const i of order) {
          const d = edgeReducer(String(i), { i });
          if (d.hidden) continue;
          const a = pos.get(scene.edgeSource[i]!), b = pos.get(scene.edgeTarget[i]!);
          if (!a || !b) continue;
          const cls = frame.edgeClass[i]!;
          edges.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, width: Math.max(0.4, sigma.scaleSize(d.size ?? 1)), color: d.color ?? '#000000', dashed: cls === EDGE_STRONG_FADING || cls === EDGE_WEAK_FADING });
        }
      }
      return { width, height, background: THEME.background, nodes, edges };
    },
    refresh,
    visiblePositions() {
      const out = new Map<string, { x: number; y: number }>();
      if (!frame) return out;
      for (let v = 0; v < N; v++) if (frame.nodeVisible[v]) out.set(scene.nodeId[v]!, sigma.graphToViewport({ x: scene.x[v]!, y: scene.y[v]! }));
      return out;
    },
    labelledNodes() {
      const out: string[] = [];
      for (let v = 0; v < N; v++) if (labelled[v]) out.push(scene.nodeId[v]!);
      return out;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      cancelAnimationFrame(raf);
      if (cameraTimer) clearTimeout(cameraTimer);
      sigma.kill();
    },
  };
}
