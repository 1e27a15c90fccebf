/**
 * A link's geometry (url-state.ts): node positions (`p`) and the camera (`cam`), encoded compactly.
 */
import type { Position } from 'cytoscape';

/**
 * Where the view looks: `zoom`, and the model point (x, y) shown at the canvas's centre; and, when known,
 * the canvas's size it was seen in (px), so a window of another size can show the same part of the graph
 * (camera.ts's showThrough).
 */
export interface Camera {
  zoom: number;
  x: number;
  y: number;
  width?: number;
  height?: number;
}

/** Digits of a position coordinate: base64url, which needs no percent-encoding in a URL. */
const POSITION_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Most digits per coordinate (64^8 px: far past any drawing; a wider one is left out). */
const POSITION_MAX_WIDTH = 8;

/**
 * The positions of `orderedIds` (rounded to 1 px) as `<w>.<x0>.<y0>.<digits>`: the drawing's top-left
 * corner (signed base 36), then for each id its x and y from that corner in `w` base64url digits each.
 * Null when an id has no position (or a coordinate is not finite).
 */
export function encodePositions(orderedIds: readonly string[], positions: Readonly<Record<string, Position>>): string | null {
  const points: Array<readonly [number, number]> = [];
  for (const id of orderedIds) {
    const position = positions[id];
    if (!position || !Number.isFinite(position.x) || !Number.isFinite(position.y)) return null;
    points.push([Math.round(position.x), Math.round(position.y)]);
  }
  if (points.length === 0) return null;
  const x0 = Math.min(...points.map(([x]) => x));
  const y0 = Math.min(...points.map(([, y]) => y));
  const span = Math.max(...points.map(([x, y]) => Math.max(x - x0, y - y0)));
  let width = 1;
  while (64 ** width <= span) width++;
  if (width > POSITION_MAX_WIDTH) return null;
  const digits = (value: number) => {
    let text = '';
    for (let i = 0; i < width; i++, value = Math.floor(value / 64)) text = POSITION_DIGITS[value % 64] + text;
    return text;
  };
  return `${width}.${x0.toString(36)}.${y0.toString(36)}.${points.map(([x, y]) => digits(x - x0) + digits(y - y0)).join('')}`;
}

const SIGNED_BASE36 = /^-?[0-9a-z]+$/;

/** The positions encodePositions wrote for `orderedIds`, or null when `text` is not such a list for them. */
export function decodePositions(orderedIds: readonly string[], text: string): Record<string, Position> | null {
  const [w, x0Text, y0Text, data, ...rest] = text.split('.');
  const width = Number(w);
  if (rest.length > 0 || !Number.isInteger(width) || width < 1 || width > POSITION_MAX_WIDTH) return null;
  if (!x0Text || !y0Text || !SIGNED_BASE36.test(x0Text) || !SIGNED_BASE36.test(y0Text)) return null;
  if (data === undefined || orderedIds.length === 0 || data.length !== 2 * width * orderedIds.length) return null;
  const x0 = parseInt(x0Text, 36);
  const y0 = parseInt(y0Text, 36);
  const values: number[] = [];
  for (let i = 0; i < data.length; i += width) {
    let value = 0;
    for (let j = i; j < i + width; j++) {
      const digit = POSITION_DIGITS.indexOf(data[j] as string);
      if (digit < 0) return null;
      value = value * 64 + digit;
    }
    values.push(value);
  }
  const positions: Record<string, Position> = {};
  orderedIds.forEach((id, i) => {
    positions[id] = { x: x0 + (values[2 * i] as number), y: y0 + (values[2 * i + 1] as number) };
  });
  return positions;
}

/**
 * `zoom,x,y` and, when the camera has them, `,width,height`: the zoom to 4 significant digits, the centre
 * and the canvas's size to 1 px.
 */
export function encodeCamera(camera: Camera): string | null {
  const { zoom, x, y, width, height } = camera;
  if (!(zoom > 0) || !Number.isFinite(zoom) || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  const text = `${Number(zoom.toPrecision(4))},${Math.round(x)},${Math.round(y)}`;
  const sized = width !== undefined && height !== undefined && Math.round(width) > 0 && Math.round(height) > 0;
  return sized ? `${text},${Math.round(width)},${Math.round(height)}` : text;
}

/**
 * The camera encodeCamera wrote, or null when `text` is not one. A size that is not two whole numbers
 * above 0 is left out (links written before it was added have none).
 */
export function decodeCamera(text: string): Camera | null {
  const [zoom, x, y, width, height, ...rest] = text.split(',').map((part) => (/^-?\d+(\.\d+)?(e-?\d+)?$/.test(part) ? Number(part) : NaN));
  if (rest.length > 0 || zoom === undefined || x === undefined || y === undefined) return null;
  if (!(zoom > 0) || !Number.isFinite(zoom) || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  const sized = width !== undefined && height !== undefined && Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0;
  return sized ? { zoom, x, y, width, height } : { zoom, x, y };
}

