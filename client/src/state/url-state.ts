/**
 * Shareable views: the view (nodes shown, filters, selection, layout choice) as the URL's hash, and back.
 *
 * `#v=1&n=north-korea,russia&sel=n:russia&layout=force&hl=Source&hc=speculated,_&t=2024-06-01..2024-07-01`
 *
 * Every value is percent-encoded, so `,` `:` `&` inside an id cannot break the format. Long id lists
 * (elementIds share long prefixes) are front-coded as `nz`: sorted, each id written as the length of the
 * prefix it shares with the previous one (base 36), `~`, and the rest.
 */
import type { Filters } from './filters.ts';
import { DEFAULT_FILTERS } from './filters.ts';
import type { Selection } from './selection.ts';

export interface SharedView {
  nodeIds: string[];
  selection: Selection;
  layoutName: string | null;
  filters: Filters;
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

/** Sorted ids, each as `<shared prefix length, base 36>~<rest>` after the first. */
export function frontCode(ids: readonly string[]): string {
  const sorted = [...ids].map(encodeItem).sort();
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
 * Most characters the node list of a link may take, as the `ids` query that restoring it sends
 * (`/api/graph?ids=a&ids=b`, percent-encoded): well under the 16 KiB that Node.js allows for a request's headers
 * (`--max-http-header-size`), and under the 8 KiB request line of common proxies (nginx's
 * `large_client_header_buffers`).
 */
export const LINK_IDS_MAX_CHARS = 6_000;

/** True when a link can name the nodes `nodeIds` without outgrowing LINK_IDS_MAX_CHARS. */
export function fitsInLink(nodeIds: readonly string[]): boolean {
  let chars = 0;
  for (const id of nodeIds) {
    chars += encodeURIComponent(id).length + 5; // `&ids=`: restoring repeats the parameter for each id
    if (chars > LINK_IDS_MAX_CHARS) return false;
  }
  return true;
}

/**
 * The view as a hash (without `#`). A view whose nodes do not fit in a link (fitsInLink) is written
 * without them: the hash then keeps its layout, filters and selection only.
 */
export function encodeView(view: SharedView): string {
  const parts: string[] = [`v=${VERSION}`];
  const plain = encodeList(view.nodeIds);
  const coded = frontCode(view.nodeIds);
  if (view.nodeIds.length > 0 && fitsInLink(view.nodeIds)) parts.push(coded.length < plain.length * 0.8 ? `nz=${coded}` : `n=${plain}`);
  if (view.selection) parts.push(`sel=${view.selection.kind === 'node' ? 'n' : 'r'}:${encodeItem(view.selection.id)}`);
  if (view.layoutName) parts.push(`layout=${encodeItem(view.layoutName)}`);
  for (const [key, field] of Object.entries(FILTER_KEYS)) {
    const values = view.filters[field];
    if (values.length > 0) parts.push(`${key}=${encodeList(values)}`);
  }
  if (view.filters.timeRange) parts.push(`t=${view.filters.timeRange.from}..${view.filters.timeRange.to}`);
  if (view.filters.hideUndated) parts.push('tu=1');
  if (view.filters.keepOrphans) parts.push('ko=1');
  return parts.join('&');
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
    return { nodeIds: [...new Set(nodeIds)], selection, layoutName: layout ? decodeItem(layout) : null, filters };
  } catch {
    // A hand-edited hash with broken percent-encoding.
    return null;
  }
}
