/**
 * Where a hover tooltip goes so that it never covers what it describes (pure geometry, in the canvas's
 * rendered px): beside a node's box (right, else left, else below, else above), and beside a relationship's
 * line, pushed along the line's normal until the whole box is on one side of it.
 */

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Gap between the tooltip and what it describes (px). */
export const TOOLTIP_GAP = 10;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * The tooltip's top-left corner for a node whose rendered box is `node`, inside a canvas of `canvas`
 * size: the first side with room (right, left, below, above); when none has room, the right side clamped
 * into the canvas (it may then overlap, which a canvas smaller than node and tooltip cannot avoid).
 */
export function besideNode(node: Box, tooltip: Size, canvas: Size): Point {
  const midY = (node.y1 + node.y2) / 2 - tooltip.height / 2;
  const midX = (node.x1 + node.x2) / 2 - tooltip.width / 2;
  const candidates: Point[] = [
    { x: node.x2 + TOOLTIP_GAP, y: midY },
    { x: node.x1 - TOOLTIP_GAP - tooltip.width, y: midY },
    { x: midX, y: node.y2 + TOOLTIP_GAP },
    { x: midX, y: node.y1 - TOOLTIP_GAP - tooltip.height },
  ];
  for (const candidate of candidates) {
    const placed = { x: clamp(candidate.x, 0, canvas.width - tooltip.width), y: clamp(candidate.y, 0, canvas.height - tooltip.height) };
    const box = { x1: placed.x, y1: placed.y, x2: placed.x + tooltip.width, y2: placed.y + tooltip.height };
    if (!overlaps(box, node)) return placed;
  }
  return { x: clamp(node.x2 + TOOLTIP_GAP, 0, canvas.width - tooltip.width), y: clamp(midY, 0, canvas.height - tooltip.height) };
}

/**
 * The tooltip's top-left corner for a relationship drawn from `from` to `to`, hovered at `at`: centred on
 * the line's normal through `at`, far enough out that every corner of the box is TOOLTIP_GAP px or more
 * from the line, on the side that keeps it inside the canvas (the other side when the first does not).
 */
export function besideLine(from: Point, to: Point, at: Point, tooltip: Size, canvas: Size): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const normals: Point[] = [
    { x: -dy / length, y: dx / length },
    { x: dy / length, y: -dx / length },
  ].sort((a, b) => a.y - b.y); // above the line first, where a reader's eye goes
  // Along a unit normal n, a w×h box centred d px out has its nearest corner d − (|n.x|·w + |n.y|·h)/2 px out.
  const place = (n: Point) => {
    const out = TOOLTIP_GAP + (Math.abs(n.x) * tooltip.width + Math.abs(n.y) * tooltip.height) / 2;
    return { x: at.x + n.x * out - tooltip.width / 2, y: at.y + n.y * out - tooltip.height / 2 };
  };
  const inside = (p: Point) => p.x >= 0 && p.y >= 0 && p.x + tooltip.width <= canvas.width && p.y + tooltip.height <= canvas.height;
  const first = place(normals[0] as Point);
  const second = place(normals[1] as Point);
  const chosen = inside(first) || !inside(second) ? first : second;
  return { x: clamp(chosen.x, 0, canvas.width - tooltip.width), y: clamp(chosen.y, 0, canvas.height - tooltip.height) };
}
