/**
 * Where nodes go before (or instead of) a layout: a sunflower spiral around a point, a column beside the
 * graph, and the view's centre and a collection's centroid these start from.
 */
import type { Core, NodeCollection, Position } from 'cytoscape';

/** Gap in px between the graph and nodes added without any relationship in view, and between those nodes. */
const ISOLATED_GAP = 90;
/** Spacing in px of the spiral that holds nodes while their layout is computed, or too many to settle. */
const SPIRAL_SPACING = 60;

/**
 * Puts `nodes` on a sunflower spiral (Vogel 1979) around `centre`, starting `inner` px out: even spacing of
 * SPIRAL_SPACING at any count, in a disc, computed in one pass.
 */
export function placeOnSpiral(cy: Core, nodes: NodeCollection, centre: Position, inner = 0): void {
  const golden = Math.PI * (3 - Math.sqrt(5));
  const skip = Math.ceil((inner / SPIRAL_SPACING) ** 2);
  cy.batch(() => {
    nodes.forEach((node, i) => {
      const k = i + skip;
      const r = SPIRAL_SPACING * Math.sqrt(k);
      node.position({ x: centre.x + r * Math.cos(k * golden), y: centre.y + r * Math.sin(k * golden) });
    });
  });
}

/** Stacks `nodes` in a column right of `graph`'s bounding box, centred on the view's height. */
export function placeBesideGraph(cy: Core, nodes: NodeCollection, graph: NodeCollection): void {
  if (nodes.empty()) return;
  const box = graph.boundingBox();
  const view = cy.extent();
  const middle = Math.min(Math.max((view.y1 + view.y2) / 2, box.y1), box.y2);
  nodes.forEach((node, i) => {
    node.position({ x: box.x2 + ISOLATED_GAP, y: middle + (i - (nodes.length - 1) / 2) * ISOLATED_GAP });
  });
}

/** The centre of what the view shows, in model coordinates. */
export function viewCentre(cy: Core): Position {
  const view = cy.extent();
  return { x: (view.x1 + view.x2) / 2, y: (view.y1 + view.y2) / 2 };
}

/** The mean position of `nodes`. */
export function centroid(nodes: NodeCollection): Position {
  let x = 0;
  let y = 0;
  nodes.forEach((node) => {
    x += node.position().x;
    y += node.position().y;
  });
  return { x: x / nodes.length, y: y / nodes.length };
}
