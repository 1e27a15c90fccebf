/**
 * Node captions as drawn: wrapped at CAPTION_MAX_WIDTH and cut to CAPTION_MAX_LINES lines with an ellipsis,
 * so a long name ("Possible deployment of North Korean engineering brigades to Ukraine") does not stack
 * five lines under its node and push the drawing apart until no caption can be read at the zoom that fits
 * it. The whole caption is in the hover tooltip and the details panel.
 */
import { GRAPH_FONT } from './theme.ts';

/** Width (px, at the caption's font size) at which captions wrap: the stylesheet's `text-max-width`. */
export const CAPTION_MAX_WIDTH = 150;
export const CAPTION_MAX_LINES = 2;
/** The caption's font: the stylesheet's font-weight, font-size (px) and font-family. */
export const CAPTION_FONT = { weight: 600, size: 13, family: GRAPH_FONT } as const;

/** Width in px of `text` in the caption's font. */
export type TextMeasure = (text: string) => number;

const ELLIPSIS = '…';

/**
 * `text` as it fits in `maxLines` lines of `maxWidth` px, wrapped at spaces as Cytoscape wraps a label
 * (greedily; a word wider than a line stands alone on it): unchanged when it fits, else its first lines
 * with the last one cut at a word (or, for one long word, a character) and ended with an ellipsis.
 */
export function clampCaption(text: string, measure: TextMeasure, maxWidth = CAPTION_MAX_WIDTH, maxLines = CAPTION_MAX_LINES): string {
  if (measure(text) <= maxWidth) return text;
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const longer = line === '' ? word : `${line} ${word}`;
    if (line === '' || measure(longer) <= maxWidth) line = longer;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return text;
  const kept = lines.slice(0, maxLines);
  const last = kept.pop() as string;
  return [...kept, endWithEllipsis(`${last} ${lines[maxLines]}`, measure, maxWidth)].join(' ');
}

/** The longest start of `text` that fits `maxWidth` px with an ellipsis after it, cut at a word when one fits. */
function endWithEllipsis(text: string, measure: TextMeasure, maxWidth: number): string {
  const words = text.split(' ');
  while (words.length > 1) {
    words.pop();
    const candidate = words.join(' ').replace(/[\s,;:.–—-]+$/u, '');
    if (measure(candidate + ELLIPSIS) <= maxWidth) return candidate + ELLIPSIS;
  }
  let word = words[0] ?? '';
  while (word.length > 1 && measure(word + ELLIPSIS) > maxWidth) word = word.slice(0, -1);
  return word + ELLIPSIS;
}

let canvasMeasure: TextMeasure | null = null;

/**
 * Measures text in the caption's font with a canvas's 2D context, as Cytoscape does. Where there is no
 * canvas (tests under Node), an estimate: 0.6 em per character, about the font's mean advance.
 */
export function captionMeasure(): TextMeasure {
  if (canvasMeasure) return canvasMeasure;
  const context = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null;
  if (!context) return (text) => text.length * CAPTION_FONT.size * 0.6;
  context.font = `${CAPTION_FONT.weight} ${CAPTION_FONT.size}px ${CAPTION_FONT.family}`;
  const cache = new Map<string, number>();
  canvasMeasure = (text) => {
    let width = cache.get(text);
    if (width === undefined) {
      width = context.measureText(text).width;
      if (cache.size > 10_000) cache.clear();
      cache.set(text, width);
    }
    return width;
  };
  return canvasMeasure;
}
