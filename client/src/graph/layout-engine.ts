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
import { removeOverlaps, type OverlapBox } from './overlap-removal.ts';
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
}

/** Positions by node id, px in model coordinates. */
export type LayoutPositions = Record<string, { x: number; y: number }>;

/** Called with the share of the work done, 0..1, as the layout goes (at least once, with 1, at the end). */
export type LayoutProgress = (fraction: number) => void;

export { forceIterations } from './force-atlas.ts';
export { seededRandom } from './seeded-random.ts';

/** Largest graph the force layout draws with fcose; larger ones go to ForceAtlas2. */
export const FCOSE_MAX_NODES = 300;

/** fcose's ideal edge length (px) and base node repulsion, chosen by a sweep over both on the seed graph. */
const FORCE_EDGE_LENGTH = 45;
const FORCE_REPULSION = 1500;
/** Least space (px) the force layout leaves between two nodes' boxes, captions included. */
export const FORCE_GAP = 8;

/**
 * Force-directed defaults for fcose, tuned on the seed graph (27 nodes, 64 relationships, captions up to
 * two lines of 150 px) for a drawing compact enough that its captions are read at the zoom that fits it
 * (at least 9 px on a 1024×700 window: tests/e2e/readability.test.ts measures it), with the
 * overlaps fcose leaves removed afterwards (FORCE_GAP). Longer edges around hubs, as before, spread the
 * drawing by a third without separating anything more than the overlap removal does.
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

/** Views with more nodes than this get the compact variants of Cytoscape's layouts (COMPACT_LAYOUTS). */
export const COMPACT_ABOVE_NODES = 1_000;

/**
 * Compact variants for large views. Spread as for a small view, 20,000 nodes on a circle or on three rings
 * span ~450,000-570,000 px: the fit zoom falls to ~0.002, where Cytoscape's layer textures grow huge and
 * one frame took a minute (found by a new-user trial). Here nodes may touch: at the zoom such a view is
 * read at, the shape is what shows, not a node.
 */
const COMPACT_LAYOUTS: Record<string, (nodeCount: number) => Partial<LayoutOptions>> = {
  // About the force layout's extent across (70 px × √count): 20,000 nodes at 10 px of circumference each
  // spanned 63,873 px and a frame took 30-44 s (new-user trial).
  circle: (nodeCount) => ({ radius: compactSpan(nodeCount) / 2, avoidOverlap: false }) as Partial<LayoutOptions>,
  // Ten rings by degree, spread to about the force layout's extent (70 px × √count across).
  concentric: (nodeCount) =>
    ({
      avoidOverlap: false,
      minNodeSpacing: 60,
      levelWidth: (nodes: NodeCollection) => Math.max(1, nodes.maxDegree(false) / 10),
      spacingFactor: (70 * Math.sqrt(nodeCount)) / 800, // ten rings without spreading span ~800 px
    }) as Partial<LayoutOptions>,
};

/** px across that a compact layout of `nodeCount` nodes spans: the force layout's extent (force-atlas.ts). */
function compactSpan(nodeCount: number): number {
  return 70 * Math.sqrt(nodeCount);
}

/** Gaps in px of a compact hierarchy: between nodes of a row, between the rows of one level, between levels. */
const COMPACT_HIERARCHY = { node: 20, row: 24, level: 160 } as const;

/**
 * A compact hierarchy: Cytoscape's breadthfirst puts each level on one row, so a level of 19,000 nodes
 * spanned 549,907 px and froze the page (new-user trial). Here each level keeps its order (breadthfirst's,
 * left to right) and wraps into rows of compactSpan px, levels top to bottom as before.
 */
function wrapLevels(positions: LayoutPositions, job: LayoutJob): LayoutPositions {
  const levels = new Map<number, LayoutNode[]>();
  for (const node of job.nodes) {
    if (node.fixed) continue;
    const y = Math.round((positions[node.id] as { y: number }).y);
    levels.set(y, [...(levels.get(y) ?? []), node]);
  }
  const perRow = Math.max(1, Math.floor(compactSpan(job.nodes.length) / COMPACT_HIERARCHY.node));
  const wrapped: LayoutPositions = { ...positions };
  let top = 0;
  for (const [, nodes] of [...levels].sort(([a], [b]) => a - b)) {
    nodes.sort((a, b) => (positions[a.id] as { x: number }).x - (positions[b.id] as { x: number }).x || (a.id < b.id ? -1 : 1));
    const rows = Math.ceil(nodes.length / perRow);
    const width = Math.min(nodes.length, perRow) * COMPACT_HIERARCHY.node;
    nodes.forEach((node, i) => {
      wrapped[node.id] = { x: (i % perRow) * COMPACT_HIERARCHY.node - width / 2, y: top + Math.floor(i / perRow) * COMPACT_HIERARCHY.row };
    });
    top += (rows - 1) * COMPACT_HIERARCHY.row + COMPACT_HIERARCHY.level;
  }
  return wrapped;
}

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
  const boxes = boxJob(job);
  const centres = withSeededRandom(job.seed, () => {
    if (boxes.nodes.length === 0) return {};
    if (boxes.name === 'hierarchy' && boxes.nodes.length > COMPACT_ABOVE_NODES) return layoutAroundFixed(boxes, (free) => wrapLevels(cytoscapeLayout(free, cytoscapeOptions(free)), free));
    if (boxes.name === 'circle' && boxes.nodes.length <= COMPACT_ABOVE_NODES) return layoutAroundFixed(boxes, circleByBoxes);
    if (boxes.name !== 'force') return layoutAroundFixed(boxes, (free) => cytoscapeLayout(free, cytoscapeOptions(free)));
    if (boxes.nodes.length <= FCOSE_MAX_NODES) return withoutOverlaps(cytoscapeLayout(boxes, fcoseOptions(boxes)), boxes);
    // ForceAtlas2 holds fixed nodes but may leave a free one touching them.
    return clearOfFixed(forceAtlasLayout(boxes, onProgress), boxes);
  });
  onProgress(1);
  return nodePositions(centres, job);
}

/** Angle step (radians) of circleByBoxes's search for where the next box clears the ones before it. */
const CIRCLE_STEP = 0.002;

/**
 * The circle layout sized by the boxes (captions included): nodes in job order clockwise from the top,
 * each at the smallest angle past the one before at which its box keeps FORCE_GAP px from the two before
 * it, on the smallest radius (px, found by bisection) at which the round closes with no two boxes closer
 * (all pairs checked: O(n²) per step, for at most COMPACT_ABOVE_NODES nodes); what angle is left over
 * (under the bisection's 0.5 px of radius) stays between the last node and the first. Boxes side by side at the top and bottom need their widths, boxes stacked at the
 * sides only their heights. Cytoscape's circle spaces every node by the largest box side × 1.75 instead:
 * one 157 px caption spread the seed's 27 nodes over 2,363 px, its captions drawn at 3 px; here 864 px.
 */
function circleByBoxes(job: LayoutJob): LayoutPositions {
  const nodes = job.nodes;
  if (nodes.length === 1) return { [(nodes[0] as LayoutNode).id]: { x: 0, y: 0 } };
  const clear = (a: LayoutNode, b: LayoutNode, from: number, to: number, r: number) =>
    Math.abs(r * (Math.cos(to) - Math.cos(from))) >= (a.width + b.width) / 2 + FORCE_GAP ||
    Math.abs(r * (Math.sin(to) - Math.sin(from))) >= (a.height + b.height) / 2 + FORCE_GAP;
  const top = 1.5 * Math.PI;
  const anglesAt = (r: number): number[] | null => {
    const angles = [top];
    for (let k = 1; k < nodes.length; k++) {
      const [node, before, second] = [nodes[k], nodes[k - 1], nodes[k - 2]] as LayoutNode[];
      let angle = angles[k - 1] as number;
      while (!clear(before as LayoutNode, node as LayoutNode, angles[k - 1] as number, angle, r) || (second && !clear(second, node as LayoutNode, angles[k - 2] as number, angle, r))) {
        angle += CIRCLE_STEP;
        if (angle >= top + 2 * Math.PI) return null;
      }
      angles.push(angle);
    }
    // The greedy steps look two boxes back; a wide box can still reach further, or round to the first.
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) if (!clear(nodes[i] as LayoutNode, nodes[j] as LayoutNode, angles[i] as number, angles[j] as number, r)) return null;
    }
    return angles;
  };
  // Between a radius too small for any box and one at which every box's largest side fits at equal angles.
  const largest = Math.max(...nodes.map((node) => Math.max(node.width, node.height))) + FORCE_GAP;
  let [low, high] = [0, (largest * nodes.length) / Math.PI];
  for (let i = 0; i < 40 && high - low > 0.5; i++) {
    const middle = (low + high) / 2;
    if (anglesAt(middle)) high = middle;
    else low = middle;
  }
  const angles = anglesAt(high) ?? nodes.map((_, i) => top + (i * 2 * Math.PI) / nodes.length);
  const positions: LayoutPositions = {};
  nodes.forEach((node, i) => {
    const angle = angles[i] as number;
    positions[node.id] = { x: high * Math.cos(angle), y: high * Math.sin(angle) };
  });
  return positions;
}

/** The job with each node standing for its box: at the box's centre. */
function boxJob(job: LayoutJob): LayoutJob {
  if (!job.nodes.some((node) => node.offsetX || node.offsetY)) return job;
  return { ...job, nodes: job.nodes.map((node) => ({ ...node, x: node.x + (node.offsetX ?? 0), y: node.y + (node.offsetY ?? 0) })) };
}

/** Node positions from box centres (boxJob's inverse); fixed nodes exactly where they were. */
function nodePositions(centres: LayoutPositions, job: LayoutJob): LayoutPositions {
  const positions: LayoutPositions = {};
  for (const node of job.nodes) {
    const centre = centres[node.id];
    if (!centre) continue;
    positions[node.id] = node.fixed ? { x: node.x, y: node.y } : { x: centre.x - (node.offsetX ?? 0), y: centre.y - (node.offsetY ?? 0) };
  }
  return positions;
}

/**
 * `centres` with no two boxes of `job` closer than FORCE_GAP (overlap-removal.ts); fixed nodes stay. A
 * free node squeezed between fixed ones can lack room along the axis the removal chose, so it runs again
 * from its own result (then along the other axis) while overlaps remain, a few times at most; the last
 * resort, when some remain, pushes free nodes off the fixed ones as for ForceAtlas2 (clearOfFixed).
 */
function withoutOverlaps(centres: LayoutPositions, job: LayoutJob): LayoutPositions {
  let boxes = job.nodes.map((node) => ({ ...(centres[node.id] ?? node), width: node.width, height: node.height, fixed: node.fixed ?? false }));
  for (let round = 0; round < OVERLAP_ROUNDS; round++) {
    const moved = removeOverlaps(boxes, FORCE_GAP);
    boxes = boxes.map((box, i) => ({ ...box, ...(moved[i] as { x: number; y: number }) }));
    if (!boxes.some((box) => box.fixed) || !anyOverlap(boxes)) break;
  }
  const result: LayoutPositions = {};
  job.nodes.forEach((node, i) => (result[node.id] = { x: (boxes[i] as OverlapBox).x, y: (boxes[i] as OverlapBox).y }));
  return anyOverlap(boxes) ? clearOfFixed(result, job) : result;
}

/** Rounds of overlap removal at most (withoutOverlaps). */
const OVERLAP_ROUNDS = 4;

/** Whether any two of `boxes` overlap (by more than rounding): O(n²), for the ≤ FCOSE_MAX_NODES of fcose. */
function anyOverlap(boxes: readonly OverlapBox[]): boolean {
  return boxes.some((a, i) =>
    boxes.slice(i + 1).some((b) => Math.abs(a.x - b.x) < (a.width + b.width) / 2 - 0.01 && Math.abs(a.y - b.y) < (a.height + b.height) / 2 - 0.01),
  );
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
