import { describe, expect, it } from 'vitest';
import { clampCaption, type TextMeasure } from '../../client/src/graph/captions.ts';
import { removeOverlaps } from '../../client/src/graph/overlap-removal.ts';
import { seededRandom } from '../../client/src/graph/seeded-random.ts';

/** 7 px per character: a monospaced stand-in for the canvas's measure. */
const mono: TextMeasure = (text) => text.length * 7;
/** The lines Cytoscape would wrap `text` into at `width` px with `mono`. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && mono(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

describe('node captions as drawn', () => {
  it('leaves a caption that fits in two lines as it is', () => {
    expect(clampCaption('North Korea', mono, 150, 2)).toBe('North Korea');
    expect(clampCaption('Institute for the Study of War', mono, 150, 2)).toBe('Institute for the Study of War');
  });

  it('cuts a longer one to two lines at a word, ending with an ellipsis, each line within the width', () => {
    const long = 'Possible deployment of North Korean engineering brigades to Ukraine';
    const shown = clampCaption(long, mono, 150, 2);
    expect(shown.endsWith('…')).toBe(true);
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
    const lines = wrap(shown, 150);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(150);
    expect(shown).toBe('Possible deployment of North Korean…');
  });

  it('cuts a single word longer than a line by characters', () => {
    const shown = clampCaption(`${'x'.repeat(30)} ${'y'.repeat(40)} z`, mono, 150, 2);
    expect(shown).toBe(`${'x'.repeat(30)} ${'y'.repeat(20)}…`);
  });

  it('drops punctuation left before the ellipsis', () => {
    expect(clampCaption('Alpha beta gamma, delta epsilon, zeta eta theta', mono, 120, 2)).toBe('Alpha beta gamma, delta epsilon…');
  });
});

describe('overlap removal', () => {
  const overlapping = (a: { x: number; y: number; width: number; height: number }, b: typeof a, gap: number) =>
    Math.abs(a.x - b.x) < (a.width + b.width) / 2 + gap - 0.01 && Math.abs(a.y - b.y) < (a.height + b.height) / 2 + gap - 0.01;

  it('moves 200 piled-up boxes until none is within the gap of another', () => {
    const random = seededRandom(5);
    const boxes = Array.from({ length: 200 }, () => ({ x: random() * 400, y: random() * 300, width: 40 + random() * 110, height: 30 + random() * 40 }));
    const moved = removeOverlaps(boxes, 8).map((at, i) => ({ ...boxes[i]!, ...at }));
    const bad = moved.flatMap((a, i) => moved.slice(i + 1).filter((b) => overlapping(a, b, 8)).map(() => i));
    expect(bad).toEqual([]);
  });

  it('moves nothing when nothing overlaps, and never a fixed box', () => {
    const apart = [{ x: 0, y: 0, width: 50, height: 50 }, { x: 100, y: 0, width: 50, height: 50 }];
    expect(removeOverlaps(apart, 8)).toEqual([{ x: 0, y: 0 }, { x: 100, y: 0 }]);
    const [fixed, free] = removeOverlaps([{ x: 0, y: 0, width: 50, height: 50, fixed: true }, { x: 10, y: 5, width: 50, height: 50 }], 8);
    expect(fixed).toEqual({ x: 0, y: 0 });
    expect(overlapping({ ...free!, width: 50, height: 50 }, { x: 0, y: 0, width: 50, height: 50 }, 8)).toBe(false);
  });
});
