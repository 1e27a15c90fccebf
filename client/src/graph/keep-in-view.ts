/**
 * Keeping what the analyst is looking at on the part of the canvas no panel covers (camera.ts's `covered`):
 * the selected node when the details panel opens over it or the window narrows (new-user trial: a node
 * clicked at 1024×700 went under the panel its click opened, and one selected at 1600 px went under it when
 * the window narrowed to 1024), and the whole view when undo or redo moved the nodes out of it (a layout
 * undone left 13 of 27 nodes off the canvas, the camera where the undone layout had put it); and the
 * selection readable when the canvas shrinks (readableAroundSelection).
 */
import type { CollectionReturnValue, Core, NodeCollection, NodeSingular, Position } from 'cytoscape';
import { covered, fitWhole, measureCanvas, READABLE_CAPTION_PX } from './camera.ts';
import { CAPTION_FONT } from './captions.ts';
import { LARGE_VIEW_NODES } from './level-of-detail.ts';
import { CLASSES } from './stylesheet.ts';

/** px kept between what is brought into view and the edges of the free part. */
const MARGIN = 24;
const PAN_MS = 250;

/** The part of the canvas (rendered px) no panel covers. */
function freePart(cy: Core): { x1: number; y1: number; x2: number; y2: number } {
  measureCanvas(cy);
  const over = covered(cy);
  return { x1: 0, y1: 0, x2: cy.width() - over.right, y2: cy.height() - over.bottom };
}

/** Where cy.scratch keeps the pan before and after the pans that made room for the details panel. */
const PANNED = 'kgPannedForPanel';

interface PanRecord {
  before: Position;
  after: Position;
  zoom: number;
}

const samePan = (a: Position, b: Position) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;

/**
 * Pans, animated (or at once, with `animate` false), by the least that brings `eles` (their boxes,
 * captions included) into the free part of the canvas, MARGIN px in from its edges; nothing when they are
 * in it already or do not fit in it. The pan is remembered (with the one before it, while the camera has
 * not moved between them), so that panBackFromPanel can undo it.
 */
export function panIntoFreePart(cy: Core, eles: CollectionReturnValue | NodeCollection, animate = true): void {
  if (eles.empty()) return;
  const free = freePart(cy);
  const box = eles.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
  const inside = box.x1 >= free.x1 && box.x2 <= free.x2 && box.y1 >= free.y1 && box.y2 <= free.y2;
  if (inside || box.w > free.x2 - free.x1 - 2 * MARGIN || box.h > free.y2 - free.y1 - 2 * MARGIN) return;
  const shift = (low: number, high: number, from: number, to: number) => (low < from ? from + MARGIN - low : high > to ? to - MARGIN - high : 0);
  const by = { x: shift(box.x1, box.x2, free.x1, free.x2), y: shift(box.y1, box.y2, free.y1, free.y2) };
  if (by.x === 0 && by.y === 0) return;
  // The view before the first of these pans: kept while one is still moving it, or it rests where the last
  // one left it. A copy: cy.pan() is Cytoscape's own object, which the animation then moves.
  const pan = { ...cy.pan() };
  const last = cy.scratch(PANNED) as PanRecord | undefined;
  const before = last && last.zoom === cy.zoom() && (cy.animated() || samePan(last.after, pan)) ? last.before : pan;
  const record: PanRecord = { before, after: { x: pan.x + by.x, y: pan.y + by.y }, zoom: cy.zoom() };
  cy.scratch(PANNED, record);
  if (animate) cy.animate({ panBy: by }, { duration: PAN_MS, complete: () => void (record.after = { ...cy.pan() }) });
  else cy.panBy(by);
}

/**
 * Once nothing is selected (the details panel over the canvas closes): the pans panIntoFreePart made for
 * it are undone, animated, if the camera is still where they left it. Else, or with none, nothing. A click
 * on the right of a 1024 px canvas panned the view 297 px left, and after Esc 10 of 27 nodes stayed off
 * its left edge (new-user trial).
 */
export function panBackFromPanel(cy: Core): void {
  const last = cy.scratch(PANNED) as PanRecord | undefined;
  cy.removeScratch(PANNED);
  if (!last || cy.animated() || last.zoom !== cy.zoom() || !samePan(last.after, cy.pan())) return;
  cy.animate({ pan: last.before }, { duration: PAN_MS });
}

/**
 * How many shown nodes have their centre on the canvas under the panel over its right edge (`covered`):
 * 0 when no panel covers it. O(nodes).
 */
export function nodesUnderPanel(cy: Core): number {
  const over = covered(cy);
  if (over.right <= 0) return 0;
  const [from, width, height] = [cy.width() - over.right, cy.width(), cy.height()];
  let count = 0;
  cy.nodes().forEach((node: NodeSingular) => {
    if (node.hasClass(CLASSES.hidden)) return;
    const { x, y } = node.renderedPosition();
    if (x > from && x <= width && y >= 0 && y <= height) count++;
  });
  return count;
}

/** Fits the whole view (fitWhole) when the centre of a shown node lies outside the free part of the canvas. */
export function fitWhenOutside(cy: Core): void {
  const free = freePart(cy);
  const outside = cy
    .nodes()
    .toArray()
    .some((node) => {
      if (node.hasClass(CLASSES.hidden)) return false;
      const { x, y } = (node as NodeSingular).renderedPosition();
      return x < free.x1 || x > free.x2 || y < free.y1 || y > free.y2;
    });
  if (outside) fitWhole(cy, true);
}

/**
 * After a resize that left the canvas drawn smaller than READABLE_CAPTION_PX captions (and smaller than
 * before it) with something selected: zooms back in, at once, to where captions read, never past the zoom
 * before the resize nor past where the selection still fits in the free part, centred on the selection
 * there. The rest of the view runs off the canvas; the minimap shows it. Opening the workbench drawer at
 * 1024×700 with a node selected fitted the seed at zoom 0.33, its captions 3 px (new-user trial). Views of
 * more than LARGE_VIEW_NODES nodes are left as they are: they draw no captions that far out anyway.
 */
export function readableAroundSelection(cy: Core, zoomBefore: number): void {
  const selected = cy.elements(':selected');
  const readable = READABLE_CAPTION_PX / CAPTION_FONT.size;
  if (selected.empty() || cy.nodes().length > LARGE_VIEW_NODES || cy.zoom() >= Math.min(readable, zoomBefore)) return;
  const free = freePart(cy);
  const box = selected.boundingBox({ includeLabels: true, includeOverlays: false });
  const fits = Math.min((free.x2 - free.x1 - 2 * MARGIN) / (box.w || 1), (free.y2 - free.y1 - 2 * MARGIN) / (box.h || 1));
  const zoom = Math.min(readable, zoomBefore, fits);
  if (zoom <= cy.zoom()) return;
  const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  cy.viewport({ zoom, pan: { x: (free.x1 + free.x2) / 2 - zoom * centre.x, y: (free.y1 + free.y2) / 2 - zoom * centre.y } });
}
