/**
 * Layouts as a registry (a name for the toolbar, computed by layout-engine.ts in the layout worker) and the
 * page's side of running them: building the job from the view, placing nodes while the worker computes,
 * applying the positions it returns. `manual` keeps the positions the analyst dragged nodes to (they
 * persist across reloads, see state/view-storage.ts). `incrementalLayout` places nodes added to an existing
 * view without moving the ones already there.
 */
import type { Core, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';
import { FCOSE_MAX_NODES, seededRandom, type LayoutJob, type LayoutPositions } from './layout-engine.ts';
import { FIT_PADDING, fitWhole, measureCanvas } from './camera.ts';
import { startLayout } from './layout-runner.ts';
import { LARGE_VIEW_NODES } from './level-of-detail.ts';
import { centroid, placeBesideGraph, placeOnSpiral, viewCentre } from './placement.ts';

export interface LayoutEntry {
  name: string;
  title: string;
  /** True for the manual layout: running it moves nothing, new nodes are placed around their neighbours. */
  manual?: boolean;
}

export const LAYOUTS: readonly LayoutEntry[] = [
  { name: 'force', title: 'Force-directed' },
  { name: 'concentric', title: 'Concentric (by degree)' },
  { name: 'hierarchy', title: 'Hierarchy' },
  { name: 'circle', title: 'Circle' },
  { name: 'grid', title: 'Grid' },
  { name: 'manual', title: 'Manual (as placed)', manual: true },
];

export const DEFAULT_LAYOUT_NAME = 'force';
export const MANUAL_LAYOUT_NAME = 'manual';

export function isLayoutName(name: string): boolean {
  return LAYOUTS.some((layout) => layout.name === name);
}

export function layoutByName(name: string): LayoutEntry {
  return LAYOUTS.find((layout) => layout.name === name) ?? (LAYOUTS[0] as LayoutEntry);
}

/** Seed of every layout's PRNG: the same view always gets the same drawing. */
const LAYOUT_SEED = 20_241_101;
/** Views up to this many nodes move to a new layout animated; larger ones jump (animating them costs frames). */
export const ANIMATE_MAX_NODES = 1_000;
/** Distance in px from the anchor at which new nodes start, before forces settle them. */
const SEED_RADIUS = { base: 130, perNode: 5 } as const;
/** Progress of a running layout, for the view's progress bar: how many nodes, how far (0..1). */
export type LayoutProgressListener = (progress: { nodes: number; fraction: number } | null) => void;

/** What a layout run needs from the view besides the instance. */
export interface LayoutContext {
  onProgress: LayoutProgressListener;
}

const toHundredths = (px: number) => Math.round(px * 100) / 100;

/**
 * The job for `nodes` of `cy` (and the relationships among them): boxes include captions (below the node:
 * the box's centre is offset from the node's) where the force layout uses fcose (they are measured, which
 * costs time on large views); else the node's own size.
 */
function layoutJob(cy: Core, name: string, nodes: NodeCollection, fixed: ReadonlySet<string>, start: LayoutJob['start']): LayoutJob {
  const measure = nodes.length <= FCOSE_MAX_NODES;
  const jobNodes: LayoutJob['nodes'] = [];
  nodes.forEach((node: NodeSingular) => {
    const { x, y } = node.position();
    const pinned = fixed.has(node.id()) ? { fixed: true } : {};
    if (!measure) {
      const size = Number(node.data('size')) || 30;
      jobNodes.push({ id: node.id(), x, y, width: size, height: size, ...pinned });
      return;
    }
    // Rounded: measured where the node is, a box carries float noise (1e-14 px) that changes with the
    // position, and fcose turns it into another drawing of the same view (up to 150 px apart).
    const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
    const offset = { offsetX: toHundredths((box.x1 + box.x2) / 2 - x), offsetY: toHundredths((box.y1 + box.y2) / 2 - y) };
    jobNodes.push({ id: node.id(), x, y, width: toHundredths(box.w), height: toHundredths(box.h), ...offset, ...pinned });
  });
  const edges: LayoutJob['edges'] = [];
  nodes.edgesWith(nodes).forEach((edge) => {
    edges.push({ source: edge.source().id(), target: edge.target().id() });
  });
  measureCanvas(cy);
  const frame = { width: Math.max(1, cy.width() - 2 * FIT_PADDING), height: Math.max(1, cy.height() - 2 * FIT_PADDING) };
  return { name, nodes: jobNodes, edges, start, seed: LAYOUT_SEED, frame };
}

/**
 * Runs layout `name` over `nodes` (default: all) in the layout worker and moves them to the result
 * (animated on views up to ANIMATE_MAX_NODES when `animate`). Resolves true when placed, false when the
 * layout was cancelled (the nodes then stay where they were).
 */
async function runJob(cy: Core, job: LayoutJob, animate: boolean, context: LayoutContext): Promise<boolean> {
  const total = job.nodes.length;
  context.onProgress({ nodes: total, fraction: 0 });
  try {
    const positions = await startLayout(job, (fraction) => context.onProgress({ nodes: total, fraction })).result;
    if (!positions || cy.destroyed()) return false;
    await applyPositions(cy, positions, animate && cy.nodes().length <= ANIMATE_MAX_NODES);
    return true;
  } finally {
    context.onProgress(null);
  }
}

/**
 * Draws the whole view anew with layout `name`; the nodes in `fixed` (pinned) stay where they are and the
 * others are arranged around them. With `spiral`, the other nodes first go on a
 * spiral (around the model's origin when nothing is fixed and the view is fitted, else around the view's
 * centre), where they stay if the layout is cancelled. A view of more than
 * LARGE_VIEW_NODES nodes is not drawn until its layout is placed (Cytoscape holds its redraws in a batch):
 * on a canvas without a GPU each frame of 5,000 nodes costs ~350 ms, and drawing the spiral meanwhile cost
 * ~6 s of frames (profiled), while the page itself stays usable. Resolves true when laid out, false when
 * cancelled.
 */
export async function fullLayout(
  cy: Core,
  name: string,
  options: { animate: boolean; fit: boolean; spiral: boolean; fixed?: ReadonlySet<string> },
  context: LayoutContext,
): Promise<boolean> {
  const nodes = cy.nodes();
  if (nodes.empty()) return true;
  const fixed = options.fixed ?? new Set<string>();
  const holdFrames = options.spiral && nodes.length > LARGE_VIEW_NODES;
  if (holdFrames) cy.startBatch();
  try {
    if (options.spiral) {
      // With nothing fixed the spiral goes round the model's origin, so the layout's input, and so its
      // drawing, never depends on the camera or on the canvas's size as Cytoscape last measured it: centred
      // in a view measured before a ResizeObserver report still to come, the seed got another force drawing
      // (zoom 0.66 instead of 0.76 at 1024×700, CI under load). The fit below brings it into view.
      const centre = fixed.size > 0 || !options.fit ? viewCentre(cy) : { x: 0, y: 0 };
      placeOnSpiral(cy, nodes.filter((node: NodeSingular) => !fixed.has(node.id())), centre);
      if (options.fit) fitWhole(cy, false);
    }
    // No animation while frames are held: an animation steps with the frames, so it would never end, and
    // the queue and the batch would wait on it for good (an undo during a large view's first layout turned
    // it into a 300-node view, which animates: found by a new-user trial).
    const done = await runJob(cy, layoutJob(cy, name, nodes, fixed, 'scratch'), options.animate && !holdFrames, context);
    if (done && options.fit && !cy.destroyed()) fitWhole(cy, false);
    return done;
  } finally {
    if (holdFrames && !cy.destroyed()) cy.endBatch();
  }
}

/**
 * Places nodes added to a laid-out view, leaving the others where they are. Nodes with relationships in
 * view start in a ring around the anchor (the expanded node, else the centroid of their neighbours in
 * view); up to FCOSE_MAX_NODES of them then settle by force with every other node fixed (on a large view,
 * only their neighbours take part), more stay on a spiral around it. Nodes without any relationship in
 * view go in a column just right of the graph. Resolves when they are placed (false: the layout was
 * cancelled, they stay where they started).
 */
export async function incrementalLayout(cy: Core, added: NodeCollection, anchorId: string | null, context: LayoutContext): Promise<boolean> {
  const old = cy.nodes().difference(added);
  if (old.empty()) return fullLayout(cy, DEFAULT_LAYOUT_NAME, { animate: false, fit: true, spiral: true }, context);

  const isolated = added.filter((node: NodeSingular) => node.connectedEdges().empty());
  const connected = added.difference(isolated);
  placeBesideGraph(cy, isolated, old);
  if (connected.empty()) return true;

  const anchor = anchorId ? cy.getElementById(anchorId) : cy.collection();
  const centreOf = (node: NodeSingular): Position => {
    const placed = node.neighborhood('node').intersection(old);
    return anchor.nonempty() ? anchor.position() : placed.nonempty() ? centroid(placed) : viewCentre(cy);
  };
  if (connected.length > FCOSE_MAX_NODES) {
    placeOnSpiral(cy, connected, anchor.nonempty() ? anchor.position() : centreOf(connected[0] as NodeSingular), SEED_RADIUS.base);
    return true;
  }
  const random = seededRandom(LAYOUT_SEED);
  const radius = SEED_RADIUS.base + SEED_RADIUS.perNode * connected.length;
  connected.forEach((node, i) => {
    const centre = centreOf(node);
    const angle = (2 * Math.PI * i) / connected.length + random() * 0.2;
    node.position({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  });
  // On a small view every node pushes the new ones; on a large one only their neighbours (fcose's cost grows fast).
  const others = cy.nodes().length <= FCOSE_MAX_NODES ? cy.nodes().difference(connected) : connected.neighborhood('node').difference(connected);
  const fixed = new Set(others.map((node: NodeSingular) => node.id()));
  return runJob(cy, layoutJob(cy, DEFAULT_LAYOUT_NAME, connected.union(others), fixed, 'given'), true, context);
}

/** Moves nodes to `positions` (those it names; the rest stay), animated, without changing the viewport. */
export function applyPositions(cy: Core, positions: Readonly<LayoutPositions>, animate: boolean): Promise<void> {
  const moving = cy.nodes().filter((node: NodeSingular) => {
    const target = positions[node.id()];
    if (!target) return false;
    const current = node.position();
    return Math.abs(current.x - target.x) > 0.5 || Math.abs(current.y - target.y) > 0.5;
  });
  if (moving.empty()) return Promise.resolve();
  if (!animate) {
    cy.batch(() => moving.forEach((node) => void node.position({ ...(positions[node.id()] as Position) })));
    return Promise.resolve();
  }
  return runLayout(cy, {
    name: 'preset',
    eles: moving,
    positions: (node: NodeSingular) => positions[node.id()] ?? node.position(),
    fit: false,
    animate,
    animationDuration: 300,
  } as LayoutOptions);
}

/** Every node's position, rounded to 0.1 px, keyed by id. */
export function positionsOf(cy: Core): Record<string, Position> {
  const positions: Record<string, Position> = {};
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    positions[node.id()] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
  return positions;
}

/** Runs a Cytoscape layout (here only `preset`, which never fits) and resolves when it stops. */
function runLayout(cy: Core, options: LayoutOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    try {
      const layout = cy.layout(options);
      layout.one('layoutstop', () => resolve());
      layout.run();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
