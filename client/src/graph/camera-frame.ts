/**
 * The camera through resizes and shared links: where the view looks (cameraOf, with the canvas's size),
 * showing the view through a camera (showThrough), and keeping the same part of the graph in view when the
 * canvas changes size (keepViewThroughResize).
 */
import type { Core, Position } from 'cytoscape';
import type { Camera } from '../state/url-state.ts';
import { ANIMATION_MS, FIT_PADDING, measureCanvas, nodesBox } from './camera.ts';

/** Where the view looks: its zoom, the model point at the canvas's centre, and the canvas's size (px). */
export function cameraOf(cy: Core): Camera {
  const zoom = cy.zoom();
  const pan = cy.pan();
  return { zoom, x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom, width: cy.width(), height: cy.height() };
}

/**
 * Shows the view through `camera`, at once or animated: its point at the canvas's centre, at its zoom (within the core's
 * limits). The canvas's size is read afresh first: the page may have laid out again since Cytoscape last
 * measured it (the timeline appears with the first graph), and a stale size would put the centre elsewhere.
 *
 * A camera seen in a canvas of another size (a shared link from another window, an undo across a
 * drawer's opening or closing) shows the same part of the graph instead, as a resize from that size does
 * (viewportAfterResize); from a larger canvas, never zoomed in past its own zoom. At the sender's zoom, a
 * link made at 1920×1080 left 21 of the seed's 27 nodes off a 1024×700 canvas (new-user trial); an undo
 * of a step taken with the workbench drawer open, undone once it was closed, drew the seed at zoom 0.554
 * in half the canvas where a resize gave 0.964 (fifth new-user trial).
 */
export function showThrough(cy: Core, camera: Camera, animate = false): void {
  measureCanvas(cy);
  const { width, height } = camera;
  const sized = width !== undefined && height !== undefined && (width !== cy.width() || height !== cy.height());
  const larger = sized && (width > cy.width() || height > cy.height());
  const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), camera.zoom));
  const viewport = (sized && viewportAfterResize(cy, { width, height, camera }, larger ? camera.zoom : Infinity)) || {
    zoom,
    pan: { x: cy.width() / 2 - zoom * camera.x, y: cy.height() / 2 - zoom * camera.y },
  };
  cy.stop(true, false);
  if (animate) cy.animate(viewport, { duration: ANIMATION_MS });
  else cy.viewport(viewport);
}

/** The canvas's size (px) and camera before a resize (keepViewThroughResize). */
export interface CanvasFrame {
  width: number;
  height: number;
  camera: Camera;
}

/**
 * After the canvas changed size (a drawer, the timeline, the window, fullscreen): the same part of the
 * graph stays in view. That part is the graph's box (from node positions and sizes, cheap at any size)
 * clipped to what the canvas showed before; it is fitted into the new canvas and centred, but never zoomed
 * in further than the size change itself would (the zoom times the larger of the width and height ratios).
 * So everything that was on screen, the selection included, still is (FIT_PADDING in from the edges).
 * Nothing on the first sizing (from 0) or an empty view. (use-cytoscape.ts gives the exact old view back
 * when the canvas returns to its size before, untouched meanwhile.)
 */
export function keepViewThroughResize(cy: Core, before: CanvasFrame): void {
  const viewport = viewportAfterResize(cy, before);
  if (viewport) cy.viewport(viewport);
}

/**
 * The viewport keepViewThroughResize moves to, zoomed in no further than `most`; null when it keeps the
 * view as it is (the first sizing, an empty view, the same size).
 */
function viewportAfterResize(cy: Core, before: CanvasFrame, most = Infinity): { zoom: number; pan: Position } | null {
  const width = cy.width();
  const height = cy.height();
  if (before.width <= 0 || before.height <= 0 || width <= 0 || height <= 0 || cy.nodes().empty()) return null;
  if (width === before.width && height === before.height) return null;
  const { zoom, x, y } = before.camera;
  const seen = { x1: x - before.width / 2 / zoom, y1: y - before.height / 2 / zoom, x2: x + before.width / 2 / zoom, y2: y + before.height / 2 / zoom };
  const graph = nodesBox(cy.nodes());
  const part = { x1: Math.max(seen.x1, graph.x1), y1: Math.max(seen.y1, graph.y1), x2: Math.min(seen.x2, graph.x2), y2: Math.min(seen.y2, graph.y2) };
  // The graph lay outside the view (panned away): keep the same centre and scale the zoom.
  const region = part.x2 > part.x1 && part.y2 > part.y1 ? part : seen;
  const padding = Math.min(FIT_PADDING, width / 8, height / 8);
  const fitted = Math.min((width - 2 * padding) / (region.x2 - region.x1), (height - 2 * padding) / (region.y2 - region.y1));
  const grown = zoom * Math.max(width / before.width, height / before.height);
  const next = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min(fitted, grown, most)));
  const centre = { x: (region.x1 + region.x2) / 2, y: (region.y1 + region.y2) / 2 };
  return { zoom: next, pan: { x: width / 2 - next * centre.x, y: height / 2 - next * centre.y } };
}

/** Whether two cameras are the same, to within rounding. */
export function sameCamera(a: Camera, b: Camera): boolean {
  return Math.abs(a.zoom - b.zoom) < 1e-9 && Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6;
}
