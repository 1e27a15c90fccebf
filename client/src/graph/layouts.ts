/**
 * Layouts as a registry: each entry is a name for the toolbar and the Cytoscape options it runs with.
 * `manual` keeps the positions the analyst dragged nodes to (they persist across reloads, see
 * state/view-storage.ts). `incrementalLayout` places nodes added to an existing view without moving the
 * ones already there.
 */
import type { Core, EdgeSingular, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';

export interface LayoutEntry {
  name: string;
  title: string;
  options: LayoutOptions;
  /** True for the manual layout: running it moves nothing, new nodes are placed around their neighbours. */
  manual?: boolean;
}

/** Force-directed defaults, tuned on the seed graph (~40 nodes, ~70 edges with captions). */
const FCOSE_OPTIONS: FcoseLayoutOptions = {
  name: 'fcose',
  quality: 'proof', // slower cooling than 'default': fewer crossings, and a few ms on graphs this size
  randomize: true, // start from a spectral layout, not from the current positions
  animate: false, // the first layout shows the finished picture, no settling motion
  fit: true,
  padding: 40,
  nodeDimensionsIncludeLabels: true, // captions count as part of the node, so they don't overlap
  uniformNodeDimensions: false,
  packComponents: false, // needs cytoscape-layout-utilities, which we don't load
  nodeSeparation: 75, // spectral phase: spacing between nodes
  // Hubs (Russia, North Korea in the seed) get room: their edges are longer and they push harder, so the
  // many relationships around them don't collapse into an unreadable knot.
  nodeRepulsion: (node: NodeSingular) => 4500 + 600 * Math.min(node.degree(false), 20),
  idealEdgeLength: (edge: EdgeSingular) =>
    70 + 7 * Math.min(Math.max(edge.source().degree(false), edge.target().degree(false)), 20),
  edgeElasticity: 0.45,
  gravity: 0.8, // default 0.25: pulls leaves and small components in, so the fit zoom stays readable
  gravityRange: 2, // default 3.8: gravity acts sooner, for the same reason
  numIter: 2500,
  tile: true, // isolated nodes go in a tidy grid instead of a scattered ring
  tilingPaddingVertical: 20,
  tilingPaddingHorizontal: 20,
};

export const LAYOUTS: readonly LayoutEntry[] = [
  { name: 'force', title: 'Force-directed', options: FCOSE_OPTIONS },
  {
    name: 'concentric',
    title: 'Concentric (by degree)',
    options: {
      name: 'concentric',
      concentric: (node: NodeSingular) => node.degree(false), // hubs in the middle
      // Three rings: a ring per degree would leave the few hubs alone on rings of one, in a column.
      levelWidth: (nodes: NodeCollection) => Math.max(1, nodes.maxDegree(false) / 3),
      minNodeSpacing: 50,
      avoidOverlap: true,
      animate: false,
      fit: true,
      padding: 40,
    },
  },
  {
    name: 'hierarchy',
    title: 'Hierarchy',
    options: { name: 'breadthfirst', directed: true, spacingFactor: 1.3, animate: false, fit: true, padding: 40 },
  },
  { name: 'circle', title: 'Circle', options: { name: 'circle', animate: false, fit: true, padding: 40 } },
  { name: 'grid', title: 'Grid', options: { name: 'grid', avoidOverlap: true, animate: false, fit: true, padding: 40 } },
  // Preset without positions keeps every node where it is.
  { name: 'manual', title: 'Manual (as placed)', options: { name: 'preset', fit: false, animate: false }, manual: true },
];

export const DEFAULT_LAYOUT_NAME = 'force';
export const MANUAL_LAYOUT_NAME = 'manual';

export function isLayoutName(name: string): boolean {
  return LAYOUTS.some((layout) => layout.name === name);
}

export function layoutByName(name: string): LayoutEntry {
  return LAYOUTS.find((layout) => layout.name === name) ?? (LAYOUTS[0] as LayoutEntry);
}

/** Distance in px from the anchor at which new nodes start, before forces settle them. */
const SEED_RADIUS = { base: 130, perNode: 5 } as const;
/** Gap in px between the graph and nodes added without any relationship in view, and between those nodes. */
const ISOLATED_GAP = 90;

/**
 * Places nodes added to a laid-out view, leaving the others where they are. Nodes with relationships in
 * view start in a ring around the anchor (the expanded node, else the centroid of their neighbours in
 * view), then fcose settles them with every other node fixed. Nodes without any relationship in view go
 * in a column just right of the graph. Resolves when the layout stops.
 */
export function incrementalLayout(cy: Core, added: NodeCollection, anchorId: string | null): Promise<void> {
  const old = cy.nodes().difference(added);
  if (old.empty()) return runLayout(cy, FCOSE_OPTIONS);

  const isolated = added.filter((node: NodeSingular) => node.connectedEdges().empty());
  const connected = added.difference(isolated);
  placeBesideGraph(cy, isolated, old);
  if (connected.empty()) return Promise.resolve();

  const anchor = anchorId ? cy.getElementById(anchorId) : cy.collection();
  const radius = SEED_RADIUS.base + SEED_RADIUS.perNode * connected.length;
  connected.forEach((node, i) => {
    const placed = node.neighborhood('node').intersection(old);
    const centre = anchor.nonempty() ? anchor.position() : placed.nonempty() ? centroid(placed) : viewCentre(cy);
    const angle = (2 * Math.PI * i) / connected.length + Math.random() * 0.2;
    node.position({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  });

  const fixed = cy.nodes().difference(connected);
  const options: FcoseLayoutOptions = {
    ...FCOSE_OPTIONS,
    randomize: false, // keep the seeded positions (fcose then requires quality 'proof')
    quality: 'proof',
    fit: false, // the view stays where the analyst put it
    animate: true,
    animationDuration: 400,
    tile: false,
    fixedNodeConstraint: fixed.map((node: NodeSingular) => ({ nodeId: node.id(), position: { ...node.position() } })),
  };
  return runLayout(cy, options);
}

/** Stacks `nodes` in a column right of `graph`'s bounding box, centred on the view's height. */
function placeBesideGraph(cy: Core, nodes: NodeCollection, graph: NodeCollection): void {
  if (nodes.empty()) return;
  const box = graph.boundingBox();
  const view = cy.extent();
  const middle = Math.min(Math.max((view.y1 + view.y2) / 2, box.y1), box.y2);
  nodes.forEach((node, i) => {
    node.position({ x: box.x2 + ISOLATED_GAP, y: middle + (i - (nodes.length - 1) / 2) * ISOLATED_GAP });
  });
}

function viewCentre(cy: Core): Position {
  const view = cy.extent();
  return { x: (view.x1 + view.x2) / 2, y: (view.y1 + view.y2) / 2 };
}

function centroid(nodes: NodeCollection): Position {
  let x = 0;
  let y = 0;
  nodes.forEach((node) => {
    x += node.position().x;
    y += node.position().y;
  });
  return { x: x / nodes.length, y: y / nodes.length };
}

/** Moves nodes to `positions` (those it names; the rest stay), animated, without changing the viewport. */
export function applyPositions(cy: Core, positions: Readonly<Record<string, Position>>, animate: boolean): Promise<void> {
  const moving = cy.nodes().filter((node: NodeSingular) => {
    const target = positions[node.id()];
    if (!target) return false;
    const current = node.position();
    return Math.abs(current.x - target.x) > 0.5 || Math.abs(current.y - target.y) > 0.5;
  });
  if (moving.empty()) return Promise.resolve();
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

/**
 * Fitting the view never zooms in past this: a view of three nodes stays at reading size instead of
 * filling the screen with giant captions. The analyst can still zoom in further (to the core's maxZoom).
 */
export const FIT_MAX_ZOOM = 1.5;

/** Lowers the core's zoom limit to FIT_MAX_ZOOM; the function returned puts the old limit back. */
function capZoomForFit(cy: Core): () => void {
  const max = cy.maxZoom();
  cy.maxZoom(Math.min(max, FIT_MAX_ZOOM));
  return () => cy.maxZoom(max);
}

/** Runs `work` (a fit, or an animation to one) with the zoom capped at FIT_MAX_ZOOM while it is computed. */
export function withFitZoomCap<T>(cy: Core, work: () => T): T {
  const restore = capZoomForFit(cy);
  try {
    return work();
  } finally {
    restore();
  }
}

/** Runs a layout over the whole graph and resolves when it stops; a layout that fits keeps to FIT_MAX_ZOOM. */
export function runLayout(cy: Core, options: LayoutOptions): Promise<void> {
  const restore = (options as { fit?: boolean }).fit ? capZoomForFit(cy) : () => undefined;
  return new Promise<void>((resolve, reject) => {
    try {
      const layout = cy.layout(options);
      layout.one('layoutstop', () => resolve());
      layout.run();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  }).finally(restore);
}
