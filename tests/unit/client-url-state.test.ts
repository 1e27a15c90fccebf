import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../client/src/state/filters.ts';
import { decodeView, encodeView, fitsInLink, frontCode, frontDecode, LINK_NODES_MAX_CHARS, linkFor, encodePositions, decodePositions, type SharedView } from '../../client/src/state/url-state.ts';
import { overviewNotice } from '../../client/src/state/initial-view.ts';

const view: SharedView = {
  nodeIds: ['north-korea', 'kim-jong-un', 'a,b&c=d', '4:abc:12'],
  selection: { kind: 'relationship', id: 'kim-jong-un--SIGNED--agreement' },
  layoutName: 'hierarchy',
  filters: {
    ...DEFAULT_FILTERS,
    hiddenLabels: ['Source'],
    hiddenCertainties: ['speculated', ''],
    hiddenSources: ['under_score~tilde'],
    timeRange: { from: '2024-06-01', to: '2024-06-30' },
    hideUndated: true,
    keepOrphans: true,
  },
};

describe('client shareable view URLs', () => {
  it('round-trips a view through the hash, whatever characters its ids hold', () => {
    const hash = encodeView(view);
    expect(hash.startsWith('v=1&')).toBe(true);
    // The id list is written sorted, so that the same nodes always make the same link.
    expect(decodeView(`#${hash}`)).toEqual({ ...view, nodeIds: [...view.nodeIds].sort() });
  });

  it('writes a readable hash for a simple view', () => {
    const hash = encodeView({ nodeIds: ['russia', 'ukraine'], selection: { kind: 'node', id: 'russia' }, layoutName: 'force', filters: DEFAULT_FILTERS });
    expect(hash).toBe('v=1&n=russia,ukraine&sel=n:russia&layout=force');
  });

  it('front-codes long ids that share prefixes (elementIds), and reads them back', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `4:8de2ba8c-54da-47ad-8d6a-937ac7765188:${i}`);
    const hash = encodeView({ nodeIds: ids, selection: null, layoutName: null, filters: DEFAULT_FILTERS });
    expect(hash).toContain('nz=');
    expect(hash.length).toBeLessThan(ids.join(',').length / 3);
    expect(decodeView(hash)?.nodeIds.sort()).toEqual([...ids].sort());
    expect(frontDecode(frontCode(['b', 'ab', 'abc', 'abd']))).toEqual(['ab', 'abc', 'abd', 'b']);
  });

  it.each([[''], ['#'], ['#foo=bar'], ['#v=2&n=a'], ['#v=1&n=%E0%A4%A']])('reads %j as no view', (hash) => {
    expect(decodeView(hash)).toBeNull();
  });

  it('ignores a malformed time window and unknown fields', () => {
    const decoded = decodeView('#v=1&n=a&t=yesterday..today&extra=1');
    expect(decoded?.nodeIds).toEqual(['a']);
    expect(decoded?.filters.timeRange).toBeNull();
  });
});

describe('links to large views', () => {
  it('leaves out nodes that would outgrow a link, keeping layout and filters', () => {
    const many = Array.from({ length: 3_000 }, (_, i) => `4:9d1b3c0e-7f2a-4a55-9c1e-2b9d0f6e1a77:${i}`);
    expect(fitsInLink(many)).toBe(false);
    const hash = encodeView({ nodeIds: many, selection: null, layoutName: 'grid', filters: DEFAULT_FILTERS });
    expect(hash.length).toBeLessThan(LINK_NODES_MAX_CHARS);
    expect(decodeView(hash)).toMatchObject({ nodeIds: [], layoutName: 'grid' });
  });

  it('names the 500 nodes of a view with elementIds, and their positions, within 8,000 characters', () => {
    // Restoring posts the ids (fetchGraphByIds), so the GET's URL limits no longer cap a link at 117 elementIds.
    const ids = Array.from({ length: 500 }, (_, i) => `4:9d1b3c0e-7f2a-4a55-9c1e-2b9d0f6e1a77:${i * 7}`);
    const positions = Object.fromEntries(ids.map((id, i) => [id, { x: (i * 37) % 1500, y: (i * 91) % 1500 }]));
    const link = linkFor({ nodeIds: ids, selection: null, layoutName: 'force', filters: DEFAULT_FILTERS, positions, camera: { zoom: 0.5, x: 0, y: 0 } });
    expect(link.positionsLeftOut).toBe(false);
    expect(link.hash.length).toBeLessThan(8_000);
    expect(decodeView(link.hash)?.nodeIds.length).toBe(500);
  });

  it('keeps the nodes of a view that fits', () => {
    const few = ['russia', 'north-korea', 'ukraine'];
    expect(fitsInLink(few)).toBe(true);
    expect(decodeView(encodeView({ nodeIds: few, selection: null, layoutName: null, filters: DEFAULT_FILTERS }))?.nodeIds.sort()).toEqual([...few].sort());
  });
});

/** The positions a link gives back: every coordinate rounded to 1 px. */
const rounded = (positions: Record<string, { x: number; y: number }>) =>
  Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]));

/** `count` positions spread over `span` px, some negative, the same for the same arguments. */
function spread(ids: readonly string[], span: number): Record<string, { x: number; y: number }> {
  return Object.fromEntries(ids.map((id, i) => [id, { x: ((i * 7919) % span) - span / 2 + 0.3, y: ((i * 104_729) % span) - span / 3 - 0.6 }]));
}

const elementIds = (count: number) => Array.from({ length: count }, (_, i) => `4:8de2ba8c-54da-47ad-8d6a-937ac7765188:${i * 7}`);
const seedIds = (count: number) => Array.from({ length: count }, (_, i) => `${['russia', 'north-korea', 'kim-jong-un', 'payment-for-engineering-work'][i % 4]}-${i}`);

/** The most ids `make` can give that a link still names (fitsInLink). */
function largestLinkable(make: (count: number) => string[]): string[] {
  let count = 1;
  while (fitsInLink(make(count + 1))) count++;
  return make(count);
}

it.each([
  ['elementId-like', elementIds, 1_000],
  ['seed-like', seedIds, 1_000],
])('names views of over a thousand nodes (%s ids) in a link, within the node list’s budget', (_kind, make, atLeast) => {
  const ids = largestLinkable(make);
  expect(ids.length).toBeGreaterThan(atLeast);
  const hash = encodeView({ nodeIds: ids, selection: null, layoutName: 'force', filters: DEFAULT_FILTERS });
  expect(hash.length).toBeLessThanOrEqual(LINK_NODES_MAX_CHARS + 100);
  expect(decodeView(hash)?.nodeIds.sort()).toEqual([...ids].sort());
});

describe('positions and camera in a link', () => {
  it('round-trips positions (negative, fractional, ids with commas) and the camera, rounded to 1 px and 4 digits', () => {
    const positions = { russia: { x: -1234.4, y: 56.6 }, 'a,b&c=d': { x: 0.4, y: -0.6 }, '4:abc:12': { x: 98_765, y: -43_210.5 } };
    const shared: SharedView = { ...view, nodeIds: Object.keys(positions), positions, camera: { zoom: 0.123456, x: -401.6, y: 12.2 } };
    const decoded = decodeView(encodeView(shared));
    expect(decoded?.positions).toEqual(rounded(positions));
    expect(decoded?.camera).toEqual({ zoom: 0.1235, x: -402, y: 12 });
  });

  it('carries the size of the canvas the camera was seen in, so a smaller window can show the same part', () => {
    const positions = { russia: { x: 0, y: 0 } };
    const shared: SharedView = { ...view, nodeIds: ['russia'], positions, camera: { zoom: 1.25, x: 10, y: -20, width: 1919.6, height: 1003 } };
    const hash = encodeView(shared);
    expect(hash).toContain('cam=1.25,10,-20,1920,1003&');
    expect(decodeView(hash)?.camera).toEqual({ zoom: 1.25, x: 10, y: -20, width: 1920, height: 1003 });
    // A link written before the size was added, or with a size that is none, still gives its camera.
    expect(decodeView('#v=1&n=russia&cam=1.25,10,-20&p=1.0.0.AA')?.camera).toEqual({ zoom: 1.25, x: 10, y: -20 });
    expect(decodeView('#v=1&n=russia&cam=1.25,10,-20,0,700&p=1.0.0.AA')?.camera).toEqual({ zoom: 1.25, x: 10, y: -20 });
    expect(decodeView('#v=1&n=russia&cam=1.25,10,-20,1024&p=1.0.0.AA')?.camera).toEqual({ zoom: 1.25, x: 10, y: -20 });
    expect(decodeView('#v=1&n=russia&cam=1.25,10,-20,1024,700,5&p=1.0.0.AA')?.camera).toBeUndefined();
  });

  it('writes positions once, in the order of the link’s id list, without repeating an id', () => {
    const hash = encodeView({
      nodeIds: ['ukraine', 'russia'],
      selection: null,
      layoutName: 'manual',
      filters: DEFAULT_FILTERS,
      positions: { ukraine: { x: 30, y: -20 }, russia: { x: -100, y: 50 } },
      camera: { zoom: 1.25, x: 10, y: -20 },
    });
    // Origin (-100, -20) in signed base 36, then 2 base64url digits per coordinate: russia (0, 70), ukraine (130, 0).
    expect(hash).toBe('v=1&n=russia,ukraine&layout=manual&cam=1.25,10,-20&p=2.-2s.-k.AABGCCAA');
  });

  it.each([
    ['elementId-like', elementIds(500)],
    ['seed-like', seedIds(500)],
  ])('round-trips the positions of a 500-node view (%s ids)', (_kind, ids) => {
    const positions = spread(ids, 3_000);
    const hash = encodeView({ nodeIds: ids, selection: null, layoutName: 'force', filters: DEFAULT_FILTERS, positions, camera: { zoom: 0.5, x: 0, y: 0 } });
    expect(decodeView(hash)?.positions).toEqual(rounded(positions));
  });

  it('gives back the same link once restored (the address bar is not rewritten with less)', () => {
    const ids = ['ukraine', 'a,b', 'russia', '4:abc:12'];
    const hash = encodeView({ nodeIds: ids, selection: { kind: 'node', id: 'russia' }, layoutName: 'force', filters: DEFAULT_FILTERS, positions: spread(ids, 900), camera: { zoom: 2.718281, x: 3.3, y: -4.4 } });
    const restored = decodeView(hash);
    if (!restored) throw new Error('link not read');
    expect(encodeView({ ...restored, nodeIds: [...restored.nodeIds].reverse() })).toBe(hash);
  });

  it('leaves positions and camera out when the link would pass its budget, and says so', () => {
    const ids = seedIds(500);
    const largest: SharedView = { nodeIds: ids, selection: null, layoutName: 'circle', filters: DEFAULT_FILTERS, positions: spread(ids, 30_000), camera: { zoom: 1, x: 0, y: 0 } };
    const whole = linkFor(largest);
    expect(whole.positionsLeftOut).toBe(false);
    const tight = linkFor(largest, whole.hash.length - 1);
    expect(tight.positionsLeftOut).toBe(true);
    expect(tight.hash.length).toBeLessThan(whole.hash.length);
    expect(decodeView(tight.hash)).toMatchObject({ nodeIds: expect.arrayContaining(ids), layoutName: 'circle' });
    expect(decodeView(tight.hash)?.positions).toBeUndefined();
    expect(decodeView(tight.hash)?.camera).toBeUndefined();
  });

  it('leaves positions out when some node has none (the view is still being laid out)', () => {
    const result = linkFor({ nodeIds: ['a', 'b'], selection: null, layoutName: 'force', filters: DEFAULT_FILTERS, positions: { a: { x: 1, y: 2 } }, camera: { zoom: 1, x: 0, y: 0 } });
    expect(result.hash).toBe('v=1&n=a,b&layout=force');
  });

  it.each([['p=2.0.0.AAA'], ['p=2.0.0.AA*AAAAA'], ['p=0.0.0.'], ['p=2.zz!.0.AAAAAAAA'], ['cam=0,1,2'], ['cam=1,x,2']])(
    'reads the nodes of a link whose %s is broken, without positions or camera',
    (broken) => {
      const decoded = decodeView(`#v=1&n=a,b&${broken}`);
      expect(decoded?.nodeIds).toEqual(['a', 'b']);
      expect(decoded?.positions).toBeUndefined();
      expect(decoded?.camera).toBeUndefined();
    },
  );

  it('writes 4 characters per node of positions for a 500-node force layout (span under 4,096 px)', () => {
    const ids = elementIds(500);
    const positions = spread(ids, 1_600); // the seeded ForceAtlas2 layout spreads 500 nodes over ~1,500 px
    const p = encodePositions(ids, positions);
    expect(p?.length).toBeLessThanOrEqual(4 * 500 + 16);
    expect(decodePositions(ids, p ?? '')).toEqual(rounded(positions));
  });
});

describe('the first view says what it is not', () => {
  const nodes = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `n${i}`, elementId: `4:x:${i}`, labels: ['A'], properties: {} }));

  it('says when a link named no nodes (its view was too large) instead of showing the overview without a word', () => {
    expect(overviewNotice({ nodes: nodes(300), relationships: [] }, true)).toBe(
      'This link names no nodes (its view was too large for a link): showing an overview of the first 300 nodes the database holds. Share the query that built a large view instead.',
    );
    expect(overviewNotice({ nodes: nodes(27), relationships: [] }, true)).toMatch(/^This link names no nodes .*: showing the overview\./);
  });

  it('says when the overview stopped at its limit, and nothing when it holds the whole graph', () => {
    expect(overviewNotice({ nodes: nodes(300), relationships: [] }, false)).toBe(
      'Showing the first 300 nodes the database holds: search, a label in the schema or the workbench brings in others.',
    );
    expect(overviewNotice({ nodes: nodes(27), relationships: [] }, false)).toBeUndefined();
  });
});
