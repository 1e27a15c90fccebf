/**
 * Layouts shaped to the canvas. A ring or a hierarchy can be drawn in many proportions; the one the view
 * fits at the largest zoom is the one whose captions are read without zooming in. The job's `frame` (the
 * canvas less the fit's padding, px) says what the drawing is fitted into.
 */
import type { LayoutJob, LayoutNode, LayoutPositions } from './layout-engine.ts';

/**
 * Views up to this many nodes try several shapes (bestShape); larger ones take the canvas's proportions
 * at once: their boxes are the nodes alone (captions are measured up to FCOSE_MAX_NODES, layouts.ts), all
 * about alike, and a shape costs a whole layout (O(n²) for a ring).
 */
export const SHAPE_SEARCH_MAX_NODES = 300;

/** The canvas's width over its height; 1 when the job has no frame (tests, a canvas not yet sized). */
export function frameAspect(job: LayoutJob): number {
  const frame = job.frame;
  return frame && frame.width > 0 && frame.height > 0 ? frame.width / frame.height : 1;
}

/**
 * The zoom at which the boxes of `nodes` at `positions` (box centres) fit `frame` (px): the smaller of its
 * width over the drawing's and its height over the drawing's.
 */
export function zoomToFit(positions: LayoutPositions, nodes: readonly LayoutNode[], frame: { width: number; height: number }): number {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of nodes) {
    const at = positions[node.id];
    if (!at) continue;
    x1 = Math.min(x1, at.x - node.width / 2);
    x2 = Math.max(x2, at.x + node.width / 2);
    y1 = Math.min(y1, at.y - node.height / 2);
    y2 = Math.max(y2, at.y + node.height / 2);
  }
  if (x2 < x1) return Infinity;
  return Math.min(frame.width / Math.max(1, x2 - x1), frame.height / Math.max(1, y2 - y1));
}

/**
 * The drawing among `draw(shape)` for each of `shapes` that `job`'s frame fits at the largest zoom
 * (zoomToFit); the first shape's at a tie. Without a frame, only the first shape is drawn.
 */
export function bestShape<Shape>(job: LayoutJob, shapes: readonly Shape[], draw: (shape: Shape) => LayoutPositions): LayoutPositions {
  const frame = job.frame;
  if (!frame || shapes.length === 1) return draw(shapes[0] as Shape);
  let best: { positions: LayoutPositions; zoom: number } | undefined;
  for (const shape of shapes) {
    const positions = draw(shape);
    const zoom = zoomToFit(positions, job.nodes, frame);
    if (!best || zoom > best.zoom + 1e-9) best = { positions, zoom };
  }
  return (best as { positions: LayoutPositions }).positions;
}
