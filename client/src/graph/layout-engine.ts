/**
 * Layouts computed without a DOM, so that they can run in the layout worker (layout-worker.ts) and in
 * tests: a job (nodes with sizes and start positions, some fixed; edges; a layout name; a seed) in,
 * positions out. Every layout is deterministic: the same job gives the same positions, because the
 * randomness the libraries use comes from a PRNG seeded by the job and every iteration count is fixed by
 * the graph's size (never a time budget).
 *
 * The force layout picks its library by size, from measurements on this project's 2-core machine
 * (`npx tsx bench/force-layout-bench.ts`, and `npm run bench`'s `layout-*` rows in bench/results.json): fcose up to
 * FCOSE_MAX_NODES nodes, where its constraint solver gives the tidiest drawings; graphology's ForceAtlas2
 * with Barnes-Hut above, where fcose's cost grows past a minute (5,000 nodes) while ForceAtlas2 stays near
 * linear per iteration.
 */
import cytoscape, { type LayoutOptions, type NodeCollection, type NodeSingular } from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';
import { clearOfFixed, layoutAroundFixed } from './around-fixed.ts';
import { forceAtlasLayout } from './force-atlas.ts';
import { COMPACT_ABOVE_NODES, COMPACT_LAYOUTS, wrapLevels } from './compact-layouts.ts';
import { hierarchyToFrame } from './hierarchy-layout.ts';
import { boxJob, nodePositions, withoutOverlaps } from './layout-boxes.ts';
import { circleByBoxes, concentricByBoxes } from './ring-layouts.ts';
import { withSeededRandom } from './seeded-random.ts';

cytoscape.use(fcose);

/**
 * A node to lay out: where it is now and its drawn box (px, the caption included). The box's centre lies
 * `offsetX`, `offsetY` px from the node's position (a caption below the node puts it lower; 0 when absent):
 * layouts place boxes, so captions keep clear of other nodes and captions, and return node positions.
 */
export interface LayoutNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  offsetX?: number;
  offsetY?: number;
  /** True: the node stays exactly where it is (pinned, or already placed in an incremental layout). */
  fixed?: boolean;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface LayoutJob {
  /** A LAYOUTS name (layouts.ts): force, concentric, hierarchy, circle or grid. */
  name: string;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** `scratch`: a new drawing, start positions ignored (fixed nodes excepted); `given`: refine from them. */
  start: 'scratch' | 'given';
  /** Seed of the PRNG that stands in for Math.random while the layout runs. */
  seed: number;
  /**
   * What the drawing is fitted into: the canvas less the fit's padding, px. The layouts with a free shape
   * (circle, concentric, hierarchy) take the one this fits at the largest zoom (frame-shape.ts). Absent: as
   * for a square canvas.
   */
  frame?: { width: number; height: number };
}

/** Positions by node id, px in model coordinates. */
export type LayoutPositions = Record<string, { x: number; y: number }>;

/** Called with the share of the work done, 0..1, as the layout goes (at least once, with 1, at the end). */
export type LayoutProgress = (fraction: number) => void;

export { COMPACT_ABOVE_NODES } from './compact-layouts.ts';
export { forceIterations } from './force-atlas.ts';
export { BOX_GAP } from './layout-boxes.ts';
export { seededRandom } from './seeded-random.ts';

/** Largest graph the force layout draws with fcose; larger ones go to ForceAtlas2. */
export const FCOSE_MAX_NODES = 300;

/** fcose's ideal edge length (px) and base node repulsion, chosen by a sweep over both on the seed graph. */
const FORCE_EDGE_LENGTH = 45;
const FORCE_REPULSION = 1500;

/**
 * Force-directed defaults for fcose, tuned on the seed graph (27 nodes, 64 relationships, captions up to
 * two lines of 150 px) for a drawing compact enough that its captions are read at the zoom that fits it
 * (at least 9 px on a 1024×700 window: tests/e2e/readability.test.ts measures it), with the
 * overlaps fcose leaves removed afterwards (BOX_GAP). Edges no longer lengthen around hubs (they spread
 * the drawing by a third while the overlap removal already keeps every box clear).
 */
const FCOSE_OPTIONS: FcoseLayoutOptions = {
  name: 'fcose',
  quality: 'proof', // slower cooling than 'default': fewer crossings, and a few ms on graphs this size
  randomize: true, // start from a spectral layout, not from the current positions
  animate: false,
  fit: false, // the view is fitted by the caller, on the main thread
  padding: 40,
  nodeDimensionsIncludeLabels: false, // the sizes in the job already include the captions
  uniformNodeDimensions: false,
  packComponents: false, // needs cytoscape-layout-utilities, which we don't load
  nodeSeparation: 75, // spectral phase: spacing between nodes
  // Hubs (Russia, North Korea in the seed) push harder, so the many relationships around them keep room.
  nodeRepulsion: (node: NodeSingular) => FORCE_REPULSION * (1 + Math.min(node.degree(false), 20) / 7.5),
  idealEdgeLength: FORCE_EDGE_LENGTH,
  edgeElasticity: 0.45,
  gravity: 0.8, // default 0.25: pulls leaves and small components in, so the fit zoom stays readable
  gravityRange: 2, // default 3.8: gravity acts sooner, for the same reason
  numIter: 2500,
  tile: true, // isolated nodes go in a tidy grid instead of a scattered ring
  tilingPaddingVertical: 20,
  tilingPaddingHorizontal: 20,
};

/** Cytoscape's own layouts, by LAYOUTS name; they run headless here, with the sizes from the job. */
const CYTOSCAPE_LAYOUTS: Record<string, LayoutOptions> = {
  concentric: {
    name: 'concentric',
    concentric: (node: NodeSingular) => node.degree(false), // hubs in the middle
    // Three rings: a ring per degree would leave the few hubs alone on rings of one, in a column.
    levelWidth: (nodes: NodeCollection) => Math.max(1, nodes.maxDegree(false) / 3),
    minNodeSpacing: 50,
    avoidOverlap: true,
    animate: false,
    fit: false,
  } as LayoutOptions,
  hierarchy: { name: 'breadthfirst', directed: true, spacingFactor: 1.3, animate: false, fit: false } as LayoutOptions,
  circle: { name: 'circle', animate: false, fit: false } as LayoutOptions,
  grid: { name: 'grid', avoidOverlap: true, animate: false, fit: false } as LayoutOptions,
};


/** Names `computeLayout` accepts. */
export const ENGINE_LAYOUT_NAMES: readonly string[] = ['force', ...Object.keys(CYTOSCAPE_LAYOUTS)];

/**
 * Lays out `job` and returns every node's position (fixed nodes where they were: the force layouts hold
 * them, Cytoscape's own arrange the others around them, around-fixed.ts). Throws an Error for a name
 * outside ENGINE_LAYOUT_NAMES. Synchronous: the worker is what keeps it off the page's thread.
 */
export function computeLayout(job: LayoutJob, onProgress: LayoutProgress = () => undefined): LayoutPositions {
  if (!ENGINE_LAYOUT_NAMES.includes(job.name)) throw new Error(`Unknown layout: ${job.name}`);
  onProgress(0);
  const boxes = boxJob(scratchStart(inIdOrder(job)));
  // Around pins, the free nodes' arrangement is moved to where the drawing was and pushed off the pins'
  // discs, which left boxes over one another (circle put Russia on North Korea: new-user trial); on the
  // views fcose draws, the overlap removal that follows the force layout clears them (pins stay).
  const clearAroundPins = boxes.nodes.length <= FCOSE_MAX_NODES && boxes.nodes.some((node) => node.fixed);
  const aroundFixed = (layoutFree: (free: LayoutJob) => LayoutPositions) => {
    const placed = layoutAroundFixed(boxes, layoutFree);
    return clearAroundPins ? withoutOverlaps(placed, boxes) : placed;
  };
  const centres = withSeededRandom(job.seed, () => {
    if (boxes.nodes.length === 0) return {};
    if (boxes.name === 'hierarchy' && boxes.nodes.length > COMPACT_ABOVE_NODES) return aroundFixed((free) => wrapLevels(cytoscapeLayout(free, cytoscapeOptions(free)), free));
    if (boxes.name === 'hierarchy') return aroundFixed((free) => hierarchyToFrame(cytoscapeLayout(free, cytoscapeOptions(free)), free));
    if (boxes.name === 'circle' && boxes.nodes.length <= COMPACT_ABOVE_NODES) return aroundFixed(circleByBoxes);
    if (boxes.name === 'concentric' && boxes.nodes.length <= COMPACT_ABOVE_NODES) return aroundFixed(concentricByBoxes);
    if (boxes.name !== 'force') return aroundFixed((free) => cytoscapeLayout(free, cytoscapeOptions(free)));
    if (boxes.nodes.length <= FCOSE_MAX_NODES) return withoutOverlaps(cytoscapeLayout(boxes, fcoseOptions(boxes)), boxes);
    // ForceAtlas2 holds fixed nodes but may leave a free one touching them.
    return clearOfFixed(forceAtlasLayout(boxes, onProgress), boxes);
  });
  onProgress(1);
  return nodePositions(centres, job);
}

/**
 * The job with its nodes in id order and its relationships in (source, target) order: the layouts draw in
 * the order they are given (the seeded PRNG's numbers go to the nodes in turn), and the server gives a
 * view's nodes in storage order, which other writes to the database change. Without this the seed's force
 * drawing changed with it, and its fit with the drawing (zoom 0.66 instead of 0.75 at 1024×700, CI).
 */
function inIdOrder(job: LayoutJob): LayoutJob {
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    ...job,
    nodes: [...job.nodes].sort((a, b) => byCodePoint(a.id, b.id)),
    edges: [...job.edges].sort((a, b) => byCodePoint(a.source, b.source) || byCodePoint(a.target, b.target)),
  };
}

/** Spacing of the start spiral of a scratch job (px): about a node and its gap. */
const SCRATCH_SPACING = 60;

/**
 * A `scratch` job with its free nodes moved to a start that depends on their order alone: a golden-angle
 * spiral round the fixed nodes' centre (the origin when none are). fcose draws each component from scratch
 * but places the components as they start, so the seed's drawing chosen again from the toolbar differed
 * from its first one, and from the one after a grid (new-user trial). A `given` job is left as it is.
 */
function scratchStart(job: LayoutJob): LayoutJob {
  if (job.start !== 'scratch') return job;
  const fixed = job.nodes.filter((node) => node.fixed);
  const centre = fixed.length === 0 ? { x: 0, y: 0 } : { x: fixed.reduce((sum, node) => sum + node.x, 0) / fixed.length, y: fixed.reduce((sum, node) => sum + node.y, 0) / fixed.length };
  const goldenAngle = Math.PI * (3 - Math.sqrt(5));
  let i = 0;
  const nodes = job.nodes.map((node) => {
    if (node.fixed) return node;
    i += 1;
    const radius = SCRATCH_SPACING * Math.sqrt(i);
    return { ...node, x: centre.x + radius * Math.cos(i * goldenAngle), y: centre.y + radius * Math.sin(i * goldenAngle) };
  });
  return { ...job, nodes };
}

function cytoscapeOptions(job: LayoutJob): LayoutOptions {
  const options = CYTOSCAPE_LAYOUTS[job.name] as LayoutOptions;
  const compact = job.nodes.length > COMPACT_ABOVE_NODES ? COMPACT_LAYOUTS[job.name] : undefined;
  if (compact) return { ...options, ...compact(job.nodes.length) } as LayoutOptions;
  return options;
}


function fcoseOptions(job: LayoutJob): LayoutOptions {
  const fixed = job.nodes.filter((node) => node.fixed);
  if (job.start === 'scratch' && fixed.length === 0) return FCOSE_OPTIONS as LayoutOptions;
  return {
    ...FCOSE_OPTIONS,
    randomize: job.start === 'scratch', // fcose keeps the start positions only at quality 'proof'
    tile: false,
    fixedNodeConstraint: fixed.map((node) => ({ nodeId: node.id, position: { x: node.x, y: node.y } })),
  } as LayoutOptions;
}

/** Runs a Cytoscape layout on a headless instance holding the job's nodes (with their sizes) and edges. */
function cytoscapeLayout(job: LayoutJob, options: LayoutOptions): LayoutPositions {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)', 'border-width': 0, padding: '0' } }],
  });
  const ids = new Set(job.nodes.map((node) => node.id));
  cy.add(job.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, width: node.width, height: node.height }, position: { x: node.x, y: node.y } })));
  cy.add(
    job.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: edge.source, target: edge.target } })),
  );
  // With `animate: false` Cytoscape's layouts, fcose included, place every node before run() returns.
  cy.layout(options).run();
  const positions: LayoutPositions = {};
  for (const node of job.nodes) {
    const { x, y } = node.fixed ? node : cy.getElementById(node.id).position();
    positions[node.id] = { x, y };
  }
  cy.destroy();
  return positions;
}
