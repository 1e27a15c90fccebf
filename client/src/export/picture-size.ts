/**
 * How large a PNG of the view may be drawn: the browser's canvas limits, and the scale that stays within them.
 */

/**
 * The largest canvas Chromium draws: 32,767 px a side and 268,435,456 px in all (Skia's limits, also
 * Firefox's area limit); past them `toBlob` answers null and the export failed ("canvas.toBlob() null" on
 * a 20,000-node view at 2×). Source: https://jhildenbiddle.github.io/canvas-size/#/?id=test-results
 */
export const CANVAS_LIMITS = { side: 32_767, area: 268_435_456 } as const;

/**
 * The scale to draw a picture of `width` × `height` px (the graph at scale 1, the legend included, in device
 * px) at: `requested`, or less where that would pass CANVAS_LIMITS (2% spare for rounding). PNG only: an
 * SVG has no canvas.
 */
export function fitScale(width: number, height: number, requested: number): number {
  if (width <= 0 || height <= 0) return requested;
  const spare = 0.98;
  const bySide = (CANVAS_LIMITS.side * spare) / Math.max(width, height);
  const byArea = Math.sqrt((CANVAS_LIMITS.area * spare) / (width * height));
  return Math.min(requested, bySide, byArea);
}

