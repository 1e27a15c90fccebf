/**
 * Where a hover tooltip goes so that it never covers what it describes (pure geometry, in the canvas's
 * rendered px): beside a node's box (right, else left, else below, else above), and beside a relationship's
 * line, pushed along the line's normal until the whole box is on one side of it, clear of the nodes near.
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

/** Steps along the line (px) a relationship's tooltip tries, nearest the pointer first (besideLine). */
const ALONG_LINE_STEPS = [0, -40, 40, -80, 80, -120, 120];
/** Further out from the line (px) it tries next, when no place at the least distance is clear. */
const OUT_STEPS = [0, 40, 80];

/** px² of `a` that lies over `b`. */
function overlapArea(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
}

/**
 * The tooltip's top-left corner for a relationship drawn from `from` to `to`, hovered at `at`: on the
 * line's normal through `at` (or up to 120 px along the line from there), far enough out that every corner
 * of the box is TOOLTIP_GAP px or more from the line (or 40 or 80 px further). Of those places it takes the
 * first wholly inside the canvas that covers the least of `avoid` (the boxes of the nodes near, their
 * captions included: the third new-user trial found a tooltip over the node beside the line), nearest the
 * line first, then nearest the pointer, above the line before below; when none is inside, the first place
 * clamped into the canvas. On the seed at 1280×800, hovering each relationship's middle, the tooltips lay
 * over 180 node boxes in all instead of 343 (a scratch script; a 280×167 px tooltip rarely finds a place
 * clear of every node there).
 */
export function besideLine(from: Point, to: Point, at: Point, tooltip: Size, canvas: Size, avoid: readonly Box[] = []): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const along = { x: dx / length, y: dy / length };
  const normals: Point[] = [
    { x: -along.y, y: along.x },
    { x: along.y, y: -along.x },
  ].sort((a, b) => a.y - b.y); // above the line first, where a reader's eye goes
  // Along a unit normal n, a w×h box centred d px out has its nearest corner d − (|n.x|·w + |n.y|·h)/2 px out.
  const place = (n: Point, step: number, further = 0) => {
    const out = TOOLTIP_GAP + further + (Math.abs(n.x) * tooltip.width + Math.abs(n.y) * tooltip.height) / 2;
    return { x: at.x + n.x * out + along.x * step - tooltip.width / 2, y: at.y + n.y * out + along.y * step - tooltip.height / 2 };
  };
  const inside = (p: Point) => p.x >= 0 && p.y >= 0 && p.x + tooltip.width <= canvas.width && p.y + tooltip.height <= canvas.height;
  const covers = (p: Point) => avoid.reduce((sum, box) => sum + overlapArea({ x1: p.x, y1: p.y, x2: p.x + tooltip.width, y2: p.y + tooltip.height }, box), 0);
  const places = OUT_STEPS.flatMap((further) => ALONG_LINE_STEPS.flatMap((step) => normals.map((n) => place(n, step, further)))).filter(inside);
  let chosen = place(normals[0] as Point, 0);
  let least = Infinity;
  for (const p of places) {
    const covered = covers(p);
    if (covered < least) [chosen, least] = [p, covered];
    if (covered === 0) break;
  }
  return { x: clamp(chosen.x, 0, canvas.width - tooltip.width), y: clamp(chosen.y, 0, canvas.height - tooltip.height) };
}
