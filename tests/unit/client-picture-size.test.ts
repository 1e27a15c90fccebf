import { describe, expect, it } from 'vitest';
import { CANVAS_LIMITS, fitScale } from '../../client/src/export/picture-size.ts';

describe('fitScale: a PNG never asks for a canvas the browser cannot draw', () => {
  it('keeps the requested scale when the picture fits', () => {
    expect(fitScale(1_200, 800, 2)).toBe(2);
    expect(fitScale(0, 0, 3)).toBe(3);
  });

  it('lowers the scale of a wide picture to the longest side Chromium draws', () => {
    // A 20,000-node view laid out 60,000 px wide: 2× would be 120,000 px, which made toBlob answer null.
    const scale = fitScale(60_000, 1_000, 2);
    expect(60_000 * scale).toBeLessThanOrEqual(CANVAS_LIMITS.side);
    expect(60_000 * scale).toBeGreaterThan(CANVAS_LIMITS.side * 0.95);
  });

  it('lowers the scale of a large square picture to the largest area Chromium draws', () => {
    const scale = fitScale(20_000, 20_000, 2);
    expect(20_000 * scale * 20_000 * scale).toBeLessThanOrEqual(CANVAS_LIMITS.area);
    expect(20_000 * scale).toBeLessThanOrEqual(CANVAS_LIMITS.side);
    expect(20_000 * scale * 20_000 * scale).toBeGreaterThan(CANVAS_LIMITS.area * 0.95);
  });
});
