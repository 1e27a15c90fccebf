/**
 * Which of the selection's relationships have their caption drawn at any zoom (CLASSES.captioned): as many
 * as fit without one caption over another, over a selected node and its caption, or over a neighbour of
 * one (its body: kept clear of the neighbours' captions too, a hub kept too few). Around a hub the captions of all its relationships were drawn,
 * and about ten lay over one another around Russia (new-user trial). Up to the caption zoom captions scale
 * with the zoom, so which ones overlap does not depend on it; above it they keep their size on screen
 * (edgeCaptionFont), so zooming in makes room for more, and the choice is made again when the zoom rests.
 * The others show under the pointer, and above the zoom from which every caption is drawn.
 *
 * A caption is the box Cytoscape draws (stylesheet.ts: the type, autorotated along the relationship at its
 * midpoint, on a background padded by 1 px), taken as a rotated rectangle; two overlap when no axis of
 * either separates them (separating axis theorem). Kept first: the more certain relationships (certainty.ts's
 * order), then the longer, whose captions cover less of their ends.
 */
import type { Position } from 'cytoscape';
import { CERTAINTY_ORDER } from './certainty.ts';

/**
 * A relationship caption's font size (model px) at `zoom`, for captions of `base` px at zoom 1: `base` up
 * to the caption zoom, from it on the size that keeps them on screen as large as at that zoom, and never
 * under `readablePx` on screen: with the setting at "from 60 %", captions were drawn at 5.4 px at every
 * zoom (new-user trial). With the setting at "always" (`edgeCaptionZoom` 0): `base` at every zoom.
 */
export function edgeCaptionFont(base: number, zoom: number, edgeCaptionZoom: number, readablePx = 0): number {
  return edgeCaptionZoom > 0 && zoom >= edgeCaptionZoom ? Math.max(base * edgeCaptionZoom, readablePx) / zoom : base;
}

/**
 * The font size (model px) of the selection's relationship captions at `zoom`: `font` (edgeCaptionFont), or
 * larger where that would be drawn under `readablePx` on screen. Below the caption zoom they scaled with it,
 * 6.7 px at the seed's opening zoom in a 1024×700 window (new-user trial).
 */
export function selectionCaptionFont(font: number, zoom: number, readablePx: number): number {
  return zoom > 0 ? Math.max(font, readablePx / zoom) : font;
}

/** A relationship's caption as Cytoscape places it: its text, the ends of its line and its middle (model px). */
export interface EdgeCaption {
  id: string;
  text: string;
  certainty: string;
  source: Position;
  target: Position;
  middle: Position;
}

/** Something a caption must not cover (a node, with or without its caption): its upright bounds (model px). */
export interface Obstacle {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A caption as drawn: centre, unit vector along the text, half width and half height (model px). */
interface CaptionBox {
  x: number;
  y: number;
  ux: number;
  uy: number;
  halfWidth: number;
  halfHeight: number;
}

/** Model px kept between two captions, so they do not touch. */
const CAPTION_GAP = 2;
/** The grid's cell (model px) that finds the captions near one another without comparing every pair. */
const CELL = 64;
/** Model px between the places along its relationship tried for a selected relationship's caption (placeAlong). */
const SLIDE_STEP = 4;

/**
 * Room for captions on the drawing: what is taken (obstacles, captions placed) in a grid of CELL px cells.
 * `textWidth(text)` gives a caption's text width in model px at its font (a canvas's measureText);
 * `fontSize` is the caption's font size in model px.
 */
export class CaptionRoom {
  private readonly grid = new Map<string, CaptionBox[]>();

  constructor(
    private textWidth: (text: string) => number,
    private fontSize: number,
  ) {}

  /** Captions placed from now on are measured at this font (those placed already keep their room). */
  setFont(textWidth: (text: string) => number, fontSize: number): void {
    this.textWidth = textWidth;
    this.fontSize = fontSize;
  }

  /** Takes the room of `obstacles`: no caption placed afterwards goes over them. */
  block(obstacles: readonly Obstacle[]): void {
    for (const { x1, y1, x2, y2 } of obstacles) this.take({ x: (x1 + x2) / 2, y: (y1 + y2) / 2, ux: 1, uy: 0, halfWidth: (x2 - x1) / 2, halfHeight: (y2 - y1) / 2 });
  }

  /**
   * Places as many of `captions` as fit with none over another nor over what is taken, greedily in the
   * order above, and returns their ids; they take their room. Captions without text are left out.
   */
  place(captions: readonly EdgeCaption[]): string[] {
    const kept: string[] = [];
    for (const caption of sorted(captions)) {
      const box = captionBox(caption, this.textWidth(caption.text), this.fontSize);
      if (!this.free(box)) continue;
      this.take(box);
      kept.push(caption.id);
    }
    return kept;
  }

  /**
   * Places each of `captions` (greedily, in the order above) clear of the captions placed and of what is
   * taken, as near its relationship's middle as keeps it clear of `avoid` too (the nodes and node captions
   * near it): slid along the relationship (SLIDE_STEP px apart, between its ends), or beside it, its own
   * height off the line either way, then twice its height (tried once no nearer place is clear). Where no
   * place is clear of `avoid`, the first over the fewest of them, each of `avoidMore` (the node captions:
   * covered, their text cannot be read) counting twice. Returns the shift (model px) of each caption placed, by id.
   * A selected relationship's caption lay over node captions, its own ends' among them, at 47 of the
   * seed's 57 (new-user trial: SIGNED over "Kim Jong-un").
   */
  placeAlong(captions: readonly EdgeCaption[], avoid: readonly Obstacle[], avoidMore: readonly Obstacle[] = []): Map<string, Position> {
    const avoided = new CaptionRoom(this.textWidth, this.fontSize);
    avoided.block(avoid);
    const avoidedMore = new CaptionRoom(this.textWidth, this.fontSize);
    avoidedMore.block(avoidMore);
    const shifts = new Map<string, Position>();
    for (const caption of sorted(captions)) {
      const middle = captionBox(caption, this.textWidth(caption.text), this.fontSize);
      let best: { box: CaptionBox; over: number } | null = null;
      for (const { along, across } of placesAlong(middle, length(caption))) {
        const box = { ...middle, x: middle.x + along * middle.ux - across * middle.uy, y: middle.y + along * middle.uy + across * middle.ux };
        if (!this.free(box)) continue;
        const over = avoided.overlapping(box) + 2 * avoidedMore.overlapping(box);
        if (!best || over < best.over) best = { box, over };
        if (over === 0) break;
      }
      if (!best) continue;
      this.take(best.box);
      shifts.set(caption.id, { x: best.box.x - middle.x, y: best.box.y - middle.y });
    }
    return shifts;
  }

  /** How many of the boxes taken `box` overlaps. */
  private overlapping(box: CaptionBox): number {
    const seen = new Set<CaptionBox>();
    for (const cell of cellsOf(box)) for (const other of this.grid.get(cell) ?? []) if (overlap(box, other)) seen.add(other);
    return seen.size;
  }

  /** Whether `box` overlaps nothing taken. */
  private free(box: CaptionBox): boolean {
    return !cellsOf(box).some((cell) => this.grid.get(cell)?.some((other) => overlap(box, other)));
  }

  private take(box: CaptionBox): void {
    for (const cell of cellsOf(box)) {
      const boxes = this.grid.get(cell);
      if (boxes) boxes.push(box);
      else this.grid.set(cell, [box]);
    }
  }
}

function captionBox({ source, target, middle }: EdgeCaption, textWidth: number, fontSize: number): CaptionBox {
  const [dx, dy] = [target.x - source.x, target.y - source.y];
  const norm = Math.hypot(dx, dy);
  // Autorotated text never reads upside down, so the direction's sign does not matter here.
  const [ux, uy] = norm > 0 ? [dx / norm, dy / norm] : [1, 0];
  return { x: middle.x, y: middle.y, ux, uy, halfWidth: textWidth / 2 + 1 + CAPTION_GAP / 2, halfHeight: fontSize / 2 + 1 + CAPTION_GAP / 2 };
}

/**
 * The places tried for a caption (placeAlong), in order: on its line from the middle out (`along`, model
 * px, within the room between its ends), then beside it (`across`: its own height off the line, either side,
 * then twice its height: 33 of the seed's 64 selected captions over a node or node caption at 1280×800
 * instead of 39).
 */
function placesAlong(middle: CaptionBox, lineLength: number): { along: number; across: number }[] {
  const room = Math.max(0, lineLength / 2 - middle.halfWidth);
  const places: { along: number; across: number }[] = [];
  for (const across of [0, 2 * middle.halfHeight, -2 * middle.halfHeight, 4 * middle.halfHeight, -4 * middle.halfHeight]) {
    for (let step = 0; step * SLIDE_STEP <= room; step++) for (const sign of step === 0 ? [1] : [1, -1]) places.push({ along: sign * step * SLIDE_STEP, across });
  }
  return places.sort((a, b) => Math.abs(a.across) - Math.abs(b.across) || Math.abs(a.along) - Math.abs(b.along));
}

/** Captions with text, in the order they are kept: the more certain first, then the longer, then by id. */
function sorted(captions: readonly EdgeCaption[]): EdgeCaption[] {
  const candidates = captions.filter((caption) => caption.text !== '');
  return candidates.sort((a, b) => rank(a) - rank(b) || length(b) - length(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const rank = (caption: EdgeCaption) => {
  const index = (CERTAINTY_ORDER as readonly string[]).indexOf(caption.certainty);
  return index < 0 ? CERTAINTY_ORDER.length : index;
};

const length = ({ source, target }: EdgeCaption) => Math.hypot(target.x - source.x, target.y - source.y);

/** Half the box's extent along the axis (nx, ny). */
function reach(box: CaptionBox, nx: number, ny: number): number {
  return box.halfWidth * Math.abs(box.ux * nx + box.uy * ny) + box.halfHeight * Math.abs(-box.uy * nx + box.ux * ny);
}

function overlap(a: CaptionBox, b: CaptionBox): boolean {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  for (const [nx, ny] of [
    [a.ux, a.uy],
    [-a.uy, a.ux],
    [b.ux, b.uy],
    [-b.uy, b.ux],
  ] as const) {
    if (Math.abs(dx * nx + dy * ny) >= reach(a, nx, ny) + reach(b, nx, ny)) return false;
  }
  return true;
}

/** The grid cells the box's axis-aligned bounds touch. */
function cellsOf(box: CaptionBox): string[] {
  const [ex, ey] = [reach(box, 1, 0), reach(box, 0, 1)];
  const cells: string[] = [];
  for (let i = Math.floor((box.x - ex) / CELL); i <= Math.floor((box.x + ex) / CELL); i++) {
    for (let j = Math.floor((box.y - ey) / CELL); j <= Math.floor((box.y + ey) / CELL); j++) cells.push(`${i},${j}`);
  }
  return cells;
}
