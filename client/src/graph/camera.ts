/**
 * The camera: fitting, zooming and moving the view to nodes, always animated, never zooming in past
 * FIT_MAX_ZOOM when fitting, and into the part of the canvas no panel covers. The camera through resizes
 * and shared links is camera-frame.ts's.
 */
import type { CollectionReturnValue, Core, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { Camera } from '../state/url-state.ts';
import { CAPTION_FONT } from './captions.ts';
import { LARGE_VIEW_NODES } from './level-of-detail.ts';
import { CLASSES } from './stylesheet.ts';

/** Zoom factor of one step of the zoom buttons and keys. */
export const ZOOM_STEP = 1.25;
/** Zoom level that a focused node is shown at, unless the view is already closer. */
const FOCUS_ZOOM = 1.4;
export const ANIMATION_MS = 350;
export const FIT_PADDING = 40;

/**
 * Fitting the view never zooms in past this: a view of three nodes stays at reading size instead of
 * filling the screen with giant captions. The analyst can still zoom in further (to the core's maxZoom).
 */
export const FIT_MAX_ZOOM = 1.5;

/**
 * Px of the canvas that panels laid over it cover, measured now from the elements marked
 * `data-over-canvas`: on its right, one that reaches the canvas's right edge (the details panel below
 * 1360 px); at its bottom, one that sits in its lower half without reaching the right edge (the selection
 * bar, over the captions of the lowest nodes); in fullscreen only those inside it. 0 where none is shown. At most 60 % of the width and 30 %
 * of the height: the view always keeps a part to show things in.
 */
export function covered(cy: Core): { right: number; bottom: number } {
  const container = cy.container();
  if (!container || typeof document === 'undefined') return { right: 0, bottom: 0 };
  const canvas = container.getBoundingClientRect();
  let [right, bottom] = [0, 0];
  // In fullscreen the browser shows only the fullscreen element: a panel outside it is laid out but unseen
  // (the details panel made a click in fullscreen pan the view 207 px for nothing: new-user trial).
  const shown = document.fullscreenElement;
  for (const panel of Array.from(document.querySelectorAll('[data-over-canvas]'))) {
    if (shown && !shown.contains(panel)) continue;
    const r = panel.getBoundingClientRect();
    if (r.width <= 0 || r.left >= canvas.right || r.right <= canvas.left || r.top >= canvas.bottom || r.bottom <= canvas.top) continue;
    if (r.right >= canvas.right - 1) right = Math.max(right, canvas.right - Math.max(r.left, canvas.left));
    else if (r.top > canvas.top + canvas.height / 2) bottom = Math.max(bottom, canvas.bottom - r.top);
  }
  return { right: Math.min(right, canvas.width * 0.6), bottom: Math.min(bottom, canvas.height * 0.3) };
}

/**
 * Brings Cytoscape's size of the canvas (cached, renewed on its resize) up to date with the page as laid
 * out now. The timeline appears in the same commit as the first graph, and the ResizeObserver that tells
 * Cytoscape (use-cytoscape.ts) may report it only after the first layout has measured its frame or fitted
 * the view: fitted to the stale size, the seed opened at zoom 0.66 at 1024×700, squeezed by the resize that
 * followed, instead of 0.76 (CI, now and then). Resizes only when the size differs: a resize redraws.
 */
export function measureCanvas(cy: Core): void {
  const container = cy.container();
  if (container && (container.clientWidth !== cy.width() || container.clientHeight !== cy.height())) cy.resize();
}

/**
 * On-screen size (px) of a caption's font that a fit beside a panel keeps at least: issue 12's figure for
 * captions read at the opening zoom (9 px; the stylesheet draws them at CAPTION_FONT.size at zoom 1).
 */
export const READABLE_CAPTION_PX = 9;

/**
 * The viewport that fits `eles` with `padding` px around them into the part of the canvas no panel covers
 * (covered), never zooming in past FIT_MAX_ZOOM. Collections of more than LARGE_VIEW_NODES nodes are
 * measured from the nodes' positions and drawn sizes only: Cytoscape's bounding box measures every caption
 * and edge (2.4 s for 5,000 nodes and 14,000 edges on this machine, profiled), and on a large view
 * captions are not drawn at the zoom a fit gives anyway. Smaller ones by their bounding box, captions and
 * edges included, as Cytoscape's own fit does.
 *
 * A panel over the canvas narrows the part to fit into, and the zoom with it: the seed in the 456 px the
 * details panel leaves of a 1024 px window fitted at 0.41, its captions 5 px (new-user trial). So on a
 * small view the zoom stops where captions are READABLE_CAPTION_PX (or at the whole canvas's fit, when
 * that is less): the drawing starts `padding` px from the canvas's left and what does not fit beside the
 * panel runs under it, still on the canvas. With `floor` false (a fit of chosen elements: a schema
 * sample, paths, added nodes) they all go beside the panel, whatever the zoom: "selected and centred"
 * left one of a sample under it (new-user trial, 1024×700).
 */
export function fitViewport(cy: Core, eles: CollectionReturnValue, padding: number, floor = true): { zoom: number; pan: Position } {
  measureCanvas(cy);
  const nodes = eles.nodes();
  const box = nodes.length > LARGE_VIEW_NODES ? nodesBox(nodes) : eles.boundingBox();
  const [boxWidth, boxHeight] = [box.x2 - box.x1 || 1, box.y2 - box.y1 || 1];
  const over = covered(cy);
  const height = cy.height() - over.bottom;
  const fitting = (width: number) => Math.min((width - 2 * padding) / boxWidth, (height - 2 * padding) / boxHeight);
  const width = cy.width() - over.right;
  let fitted = fitting(width);
  if (floor && width < cy.width() && nodes.length <= LARGE_VIEW_NODES) {
    fitted = Math.max(fitted, Math.min(fitting(cy.width()), READABLE_CAPTION_PX / CAPTION_FONT.size));
  }
  const zoom = Math.min(Math.max(fitted, cy.minZoom()), FIT_MAX_ZOOM, cy.maxZoom());
  const y = height / 2 - zoom * ((box.y1 + box.y2) / 2);
  if (width < cy.width() && zoom * boxWidth + 2 * padding > width) return { zoom, pan: { x: padding - zoom * box.x1, y } };
  return { zoom, pan: { x: width / 2 - zoom * ((box.x1 + box.x2) / 2), y } };
}

/** Brings freshly added nodes into view when the layout put any of them outside it (or under a panel). */
export function reveal(cy: Core, added: NodeCollection, anchorId: string): void {
  const view = cy.extent();
  const over = covered(cy);
  const [right, bottom] = [view.x2 - over.right / cy.zoom(), view.y2 - over.bottom / cy.zoom()];
  const box = added.boundingBox();
  const inside = box.x1 >= view.x1 && box.x2 <= right && box.y1 >= view.y1 && box.y2 <= bottom;
  if (inside) return;
  animateFit(cy, added.union(cy.getElementById(anchorId)), FIT_PADDING * 2);
}

/** Moves the view, animated, to fit `eles` (fitViewport), all of them beside any panel over the canvas. */
export function animateFit(cy: Core, eles: CollectionReturnValue, padding: number): void {
  cy.stop(true, false);
  cy.animate(fitViewport(cy, eles, padding, false), { duration: ANIMATION_MS });
}

/** Where cy.scratch keeps the camera the last whole-view fit gave. */
const FITTED = 'kgFittedCamera';

/**
 * Fits the whole view (every shown element, or every element when none is shown), at once or animated, and
 * remembers the camera it gives: a canvas resized while the view is still as this fit left it is fitted
 * again (use-cytoscape.ts), not kept to the same part (keepViewThroughResize), which after a first fit that
 * came before the timeline took its room squeezed the seed to zoom 0.66 at 1024×700 (CI, under load).
 */
export function fitWhole(cy: Core, animate: boolean): void {
  const shown = cy.elements().not(`.${CLASSES.hidden}`);
  const viewport = fitViewport(cy, shown.nonempty() ? shown : cy.elements(), FIT_PADDING);
  const camera: Camera = { zoom: viewport.zoom, x: (cy.width() / 2 - viewport.pan.x) / viewport.zoom, y: (cy.height() / 2 - viewport.pan.y) / viewport.zoom };
  cy.scratch(FITTED, camera);
  // A fit replaces the camera moves still queued: ten quick presses of F queued 3.5 s of fits, and those
  // left moved the next layout's fitted view back to the old fit, 15 of 27 nodes off (new-user trial).
  cy.stop(true, false);
  if (animate) cy.animate(viewport, { duration: ANIMATION_MS });
  else cy.viewport(viewport);
}

/**
 * Remembers `camera` as a whole-view fit: the camera of a fit given back when a canvas returns to its size
 * (use-cytoscape.ts) is one still, else fullscreen entered a second time kept the view (zoom 1.72 at
 * 1920×1080) where the first fitted it (1.5: new-user trial).
 */
export function markFitted(cy: Core, camera: Camera): void {
  cy.scratch(FITTED, camera);
}

/** Whether `camera` is the one the last whole-view fit gave (fitWhole), to within rounding. */
export function isFitted(cy: Core, camera: Camera): boolean {
  const fitted = cy.scratch(FITTED) as Camera | undefined;
  return fitted !== undefined && Math.abs(fitted.zoom - camera.zoom) < 1e-6 && Math.abs(fitted.x - camera.x) < 1e-3 && Math.abs(fitted.y - camera.y) < 1e-3;
}

/** Centres the view on node `id` and its caption, in the part no panel covers, at FOCUS_ZOOM at least; nothing when it is not in view. */
export function focusNode(cy: Core, id: string): void {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  measureCanvas(cy);
  const zoom = Math.min(cy.maxZoom(), Math.max(cy.zoom(), FOCUS_ZOOM));
  const box = node.boundingBox(); // the node with its caption, as Cytoscape's `center` takes it
  const [x, y] = [(box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2];
  const over = covered(cy);
  const [width, height] = [cy.width() - over.right, cy.height() - over.bottom];
  cy.stop(true, false);
  cy.animate({ zoom, pan: { x: width / 2 - zoom * x, y: height / 2 - zoom * y } }, { duration: ANIMATION_MS });
}

/** Zooming out by steps stops where the whole view fills this share of the canvas's width or height. */
const ZOOM_OUT_FLOOR_SHARE = 0.25;

/**
 * Zooms by `factor` around the view's centre. `target` holds where the running zoom animation is heading,
 * so pressing + twice quickly zooms twice: a step starts from there. Zooming out stops once the nodes drawn
 * fill a quarter of the canvas (ZOOM_OUT_FLOOR_SHARE), at 25 % at the most (a view of one node still zooms
 * out), or where it stands when it is further out already: 30 presses of − took the seed to zoom 0.005,
 * out of sight (fourth new-user trial).
 */
export function zoomStep(cy: Core, factor: number, target: { current: number | null }): void {
  const from = cy.animated() && target.current !== null ? target.current : cy.zoom();
  const drawn = cy.nodes().not(`.${CLASSES.hidden}`);
  let floor = cy.minZoom();
  if (factor < 1 && drawn.nonempty()) {
    const box = nodesBox(drawn);
    const whole = Math.min(cy.width() / Math.max(box.x2 - box.x1, 1), cy.height() / Math.max(box.y2 - box.y1, 1));
    // A view smaller than a quarter of the canvas at 100 % (one node) still zooms out, to 25 %.
    floor = Math.max(floor, Math.min(from, whole * ZOOM_OUT_FLOOR_SHARE, ZOOM_OUT_FLOOR_SHARE));
  }
  const level = Math.min(cy.maxZoom(), Math.max(floor, from * factor));
  target.current = level;
  cy.stop(true, false);
  cy.animate({ zoom: { level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } } }, { duration: 160 });
}

/** The box around `nodes` (model px): positions and drawn sizes, captions left out. */
export function nodesBox(nodes: NodeCollection): { x1: number; y1: number; x2: number; y2: number } {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  nodes.forEach((node: NodeSingular) => {
    const { x, y } = node.position();
    const half = (Number(node.data('size')) || 30) / 2;
    x1 = Math.min(x1, x - half);
    y1 = Math.min(y1, y - half);
    x2 = Math.max(x2, x + half);
    y2 = Math.max(y2, y + half);
  });
  return { x1, y1, x2, y2 };
}
