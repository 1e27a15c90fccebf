/**
 * Shareable views: the view (nodes shown, filters, selection, layout choice, pinned nodes, node positions
 * and camera) as the URL's hash, and back; `pin=` lists the pinned nodes.
 *
 * `#v=1&n=north-korea,russia&sel=n:russia&layout=force&hl=Source&hc=speculated,_&t=2024-06-01..2024-07-01&cam=0.8,12,-40,1260,936&p=2.-2s.-k.AABGCCAA`
 *
 * Every value is percent-encoded, so `,` `:` `&` inside an id cannot break the format. The id list is
 * sorted; long ones (elementIds share long prefixes) are front-coded as `nz`: each id written as the length
 * of the prefix it shares with the previous one (base 36), `~`, and the rest.
 *
 * `p` holds every node's position, in the order of the id list, so no id is written twice (encodePositions):
 * 4 characters a node while the drawing spans less than 4,096 px (a 500-node force layout spans ~1,500),
 * 6 up to 262,144 px (circle and concentric layouts of hundreds of nodes). `cam` is the zoom (4 significant
 * digits), the model point at the canvas's centre (1 px) and the canvas's width and height (px), so a
 * window of another size shows the same middle of the drawing, and a smaller one the same part of it
 * (camera.ts's showThrough). A link that would pass LINK_MAX_CHARS leaves both out and is drawn by its layout,
 * which is seeded (layouts.ts): the same nodes give the same drawing.
 */
import type { Position } from 'cytoscape';
import type { Filters } from './filters.ts';
import { decodeCamera, decodePositions, encodeCamera, encodePositions, type Camera } from './link-positions.ts';
import { DEFAULT_FILTERS } from './filters.ts';
import type { Selection } from './selection.ts';

export { decodePositions, encodePositions, type Camera } from './link-positions.ts';

export interface SharedView {
  nodeIds: string[];
  selection: Selection;
  layoutName: string | null;
  filters: Filters;
  /** Node positions (model px) by id; a link holds them only for every node of `nodeIds` or none. */
  positions?: Readonly<Record<string, Position>>;
  /** Written only along with `positions`: without them the drawing, and so the camera's frame, may differ. */
  camera?: Camera;
  /** Pinned nodes (of `nodeIds`): they keep their place through the recipient's layouts too. */
  pinned?: readonly string[];
}

const VERSION = '1';
/** Stands for the empty value (no certainty, no source) inside a list. */
const EMPTY_TOKEN = '_';

const FILTER_KEYS = {
  hl: 'hiddenLabels',
  ht: 'hiddenTypes',
  hc: 'hiddenCertainties',
  hs: 'hiddenSources',
} as const satisfies Record<string, keyof Filters>;

function encodeItem(value: string): string {
  return value === '' ? EMPTY_TOKEN : encodeURIComponent(value).replace(/_/g, '%5F').replace(/~/g, '%7E');
}

function decodeItem(value: string): string {
  return value === EMPTY_TOKEN ? '' : decodeURIComponent(value);
}

function encodeList(values: readonly string[]): string {
  return values.map(encodeItem).join(',');
}

function decodeList(text: string | undefined): string[] {
  return text ? text.split(',').map(decodeItem) : [];
}

/** The order ids take in a link (and so their positions): sorted by their encoded form. */
function linkOrder(ids: readonly string[]): string[] {
  return [...new Set(ids)].map((id) => [encodeItem(id), id] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, id]) => id);
}

/** Sorted ids, each as `<shared prefix length, base 36>~<rest>` after the first. */
export function frontCode(ids: readonly string[]): string {
  const sorted = linkOrder(ids).map(encodeItem);
  return sorted
    .map((id, i) => {
      if (i === 0) return id;
      const previous = sorted[i - 1] as string;
      let shared = 0;
      while (shared < id.length && shared < previous.length && id[shared] === previous[shared]) shared++;
      return `${shared.toString(36)}~${id.slice(shared)}`;
    })
    .join(',');
}

export function frontDecode(text: string): string[] {
  const ids: string[] = [];
  let previous = '';
  for (const [i, part] of text.split(',').entries()) {
    const tilde = part.indexOf('~');
    const encoded = i === 0 || tilde < 0 ? part : previous.slice(0, parseInt(part.slice(0, tilde), 36)) + part.slice(tilde + 1);
    previous = encoded;
    ids.push(decodeItem(encoded));
  }
  return ids;
}

/**
 * Most characters the node list of a link may take as written (front-coded or plain, the shorter): the
 * link's budget (LINK_MAX_CHARS) less 1,000 for the address, the selection and the filters. Restoring a
 * link sends its ids in a POST body (graph-api.ts's fetchGraphByIds), so no URL limit of the server's
 * applies (a GET of 2,000 ids answered 431).
 */
export const LINK_NODES_MAX_CHARS = 7_000;

/** The node list of a link: `nz=` front-coded when that is shorter by a fifth, else `n=` plain. */
function nodeList(ordered: readonly string[]): string {
  const plain = encodeList(ordered);
  const coded = frontCode(ordered);
  return coded.length < plain.length * 0.8 ? `nz=${coded}` : `n=${plain}`;
}

/** True when a link can name the nodes `nodeIds` within LINK_NODES_MAX_CHARS. */
export function fitsInLink(nodeIds: readonly string[]): boolean {
  // Each id takes at least two characters (one, and a comma): a larger view needs no encoding to be refused.
  if (nodeIds.length > LINK_NODES_MAX_CHARS / 2) return false;
  return nodeList(linkOrder(nodeIds)).length <= LINK_NODES_MAX_CHARS;
}

/**
 * Most characters of a link with positions: the 8,000 octets that RFC 9110 (section 4.1, "URI References")
 * recommends every sender and recipient of a URI support. The hash never reaches the server (browsers
 * take far more: Chrome 2 MB), but a link is pasted into mail, chats and tickets on its way. The node list
 * has its own, lower limit (LINK_NODES_MAX_CHARS); positions and camera go in only when the whole link
 * stays within this one. Measured (`npx tsx bench/link-length.ts`): 500 nodes make hashes of 2,859
 * characters with elementIds (4,884 with positions over 1,500 px, 5,886 over 5,000 px) and 2,224 with
 * seed-like ids (4,249 / 5,251); the largest views a link names are 1,242 elementIds and 1,614 seed-like
 * ids (their positions left out: the node list alone takes ~7,000).
 */
export const LINK_MAX_CHARS = 8_000;

/** A view as a link's hash, and whether its positions (and camera) had to be left out. */
export interface ViewLink {
  hash: string;
  /** True when the view has positions that would have made the link longer than its budget. */
  positionsLeftOut: boolean;
}

/**
 * The view as a hash (without `#`), within `maxChars` (the budget of the hash: LINK_MAX_CHARS less the
 * address before it). A view whose nodes do not fit in a link (fitsInLink) is written without them: the
 * hash then keeps its layout, filters and selection only. Positions and camera are written when every
 * node has a position and they fit in `maxChars`; else the link is drawn by its seeded layout.
 */
export function linkFor(view: SharedView, maxChars: number = LINK_MAX_CHARS): ViewLink {
  const parts: string[] = [`v=${VERSION}`];
  const ordered = linkOrder(view.nodeIds);
  const withNodes = ordered.length > 0 && fitsInLink(ordered);
  if (withNodes) parts.push(nodeList(ordered));
  if (view.selection) parts.push(`sel=${view.selection.kind === 'node' ? 'n' : 'r'}:${encodeItem(view.selection.id)}`);
  if (view.layoutName) parts.push(`layout=${encodeItem(view.layoutName)}`);
  for (const [key, field] of Object.entries(FILTER_KEYS)) {
    const values = view.filters[field];
    if (values.length > 0) parts.push(`${key}=${encodeList(values)}`);
  }
  if (view.filters.timeRange) parts.push(`t=${view.filters.timeRange.from}..${view.filters.timeRange.to}`);
  if (view.filters.hideUndated) parts.push('tu=1');
  if (view.filters.keepOrphans) parts.push('ko=1');
  const listed = new Set(view.nodeIds);
  const pins = withNodes ? (view.pinned ?? []).filter((id) => listed.has(id)) : [];
  if (pins.length > 0) parts.push(`pin=${encodeList(pins)}`);
  const hash = parts.join('&');
  const positions = withNodes && view.positions ? encodePositions(ordered, view.positions) : null;
  if (positions === null) return { hash, positionsLeftOut: false };
  const camera = view.camera ? encodeCamera(view.camera) : null;
  const full = `${hash}${camera ? `&cam=${camera}` : ''}&p=${positions}`;
  return full.length <= maxChars ? { hash: full, positionsLeftOut: false } : { hash, positionsLeftOut: true };
}

/** The view as a hash (without `#`): linkFor's hash. */
export function encodeView(view: SharedView, maxChars: number = LINK_MAX_CHARS): string {
  return linkFor(view, maxChars).hash;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The view a hash describes, or null when the hash holds no view (empty, another format, unreadable). */
export function decodeView(hash: string): SharedView | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return null;
  const fields = new Map<string, string>();
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  if (fields.get('v') !== VERSION) return null;
  try {
    const nodeIds = fields.has('nz') ? frontDecode(fields.get('nz') as string) : decodeList(fields.get('n'));
    const sel = fields.get('sel');
    let selection: Selection = null;
    if (sel && /^[nr]:/.test(sel)) selection = { kind: sel[0] === 'n' ? 'node' : 'relationship', id: decodeItem(sel.slice(2)) };
    const filters: Filters = { ...DEFAULT_FILTERS };
    for (const [key, field] of Object.entries(FILTER_KEYS)) filters[field] = decodeList(fields.get(key));
    const [from, to] = (fields.get('t') ?? '').split('..');
    if (from && to && DAY.test(from) && DAY.test(to)) filters.timeRange = from <= to ? { from, to } : { from: to, to: from };
    filters.hideUndated = fields.get('tu') === '1';
    filters.keepOrphans = fields.get('ko') === '1';
    const layout = fields.get('layout');
    const shared: SharedView = { nodeIds: [...new Set(nodeIds)], selection, layoutName: layout ? decodeItem(layout) : null, filters };
    const pins = decodeList(fields.get('pin'));
    if (pins.length > 0) shared.pinned = pins;
    // Positions follow the id list as written; a broken `p` or `cam` costs only itself (and `cam` needs `p`).
    const positions = fields.has('p') ? decodePositions(nodeIds, fields.get('p') as string) : null;
    const camera = fields.has('cam') ? decodeCamera(fields.get('cam') as string) : null;
    if (positions) shared.positions = positions;
    if (positions && camera) shared.camera = camera;
    return shared;
  } catch {
    // A hand-edited hash with broken percent-encoding.
    return null;
  }
}
