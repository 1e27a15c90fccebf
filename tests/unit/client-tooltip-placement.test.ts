import { describe, expect, it } from 'vitest';
import { besideLine, besideNode, TOOLTIP_GAP, type Box, type Point, type Size } from '../../client/src/graph/tooltip-placement.ts';

const canvas: Size = { width: 800, height: 600 };
const tooltip: Size = { width: 200, height: 80 };

const boxAt = (p: Point): Box => ({ x1: p.x, y1: p.y, x2: p.x + tooltip.width, y2: p.y + tooltip.height });
const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const insideCanvas = (b: Box) => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= canvas.width && b.y2 <= canvas.height;

/** Signed distance of `p` from the line through a and b. */
function side(a: Point, b: Point, p: Point): number {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  return ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) / length;
}

describe('where a hover tooltip goes', () => {
  it('puts a node\'s tooltip beside it, inside the canvas and off its box, wherever the node is', () => {
    for (const x of [10, 300, 640, 760]) {
      for (const y of [10, 280, 560]) {
        const node: Box = { x1: x, y1: y, x2: x + 30, y2: y + 30 };
        const placed = boxAt(besideNode(node, tooltip, canvas));
        expect(insideCanvas(placed), `node at ${x},${y}`).toBe(true);
        expect(overlaps(placed, node), `node at ${x},${y}`).toBe(false);
      }
    }
  });

  it('prefers the right side, with the gap, centred on the node', () => {
    const node: Box = { x1: 100, y1: 100, x2: 140, y2: 140 };
    expect(besideNode(node, tooltip, canvas)).toEqual({ x: 140 + TOOLTIP_GAP, y: 120 - 40 });
  });

  it('keeps every corner of a relationship\'s tooltip off its line, on one side, for lines in every direction', () => {
    const at = { x: 400, y: 300 };
    for (let degrees = 0; degrees < 360; degrees += 15) {
      const angle = (degrees * Math.PI) / 180;
      const from = { x: at.x - 300 * Math.cos(angle), y: at.y - 300 * Math.sin(angle) };
      const to = { x: at.x + 300 * Math.cos(angle), y: at.y + 300 * Math.sin(angle) };
      const p = besideLine(from, to, at, tooltip, canvas);
      const corners = [p, { x: p.x + tooltip.width, y: p.y }, { x: p.x, y: p.y + tooltip.height }, { x: p.x + tooltip.width, y: p.y + tooltip.height }];
      const distances = corners.map((corner) => side(from, to, corner));
      const sameSide = distances.every((d) => d >= TOOLTIP_GAP - 1e-6) || distances.every((d) => d <= -(TOOLTIP_GAP - 1e-6));
      expect(sameSide, `${degrees}°: ${distances.map((d) => d.toFixed(1)).join(', ')}`).toBe(true);
      expect(insideCanvas(boxAt(p))).toBe(true);
    }
  });

  it('keeps a relationship\'s tooltip off the nodes near the line, the other side or further along it', () => {
    // The third new-user trial: the tooltip lay over the node just above the line.
    const [from, to, at] = [{ x: 100, y: 300 }, { x: 700, y: 300 }, { x: 400, y: 300 }];
    const free = besideLine(from, to, at, tooltip, canvas);
    expect(free.y + tooltip.height).toBeLessThanOrEqual(300); // above the line when nothing is near
    const above = { x1: 380, y1: 200, x2: 460, y2: 280 };
    const p = besideLine(from, to, at, tooltip, canvas, [above]);
    expect(overlaps(boxAt(p), above)).toBe(false);
    const below = { x1: 340, y1: 320, x2: 480, y2: 400 };
    const q = besideLine(from, to, at, tooltip, canvas, [above, below]);
    expect([above, below].some((box) => overlaps(boxAt(q), box))).toBe(false);
    expect(insideCanvas(boxAt(q))).toBe(true);
  });

  it('goes to the other side of a line near the canvas\'s top edge', () => {
    const p = besideLine({ x: 0, y: 20 }, { x: 800, y: 20 }, { x: 400, y: 20 }, tooltip, canvas);
    expect(p.y).toBeGreaterThanOrEqual(20 + TOOLTIP_GAP);
  });
});
