import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../client/src/state/filters.ts';
import { decodeView, encodeView, fitsInLink, frontCode, frontDecode, LINK_IDS_MAX_CHARS, type SharedView } from '../../client/src/state/url-state.ts';

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
    expect(decodeView(`#${hash}`)).toEqual(view);
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
  it('leaves out nodes that would outgrow the server’s URL limits, keeping layout and filters', () => {
    const many = Array.from({ length: 3_000 }, (_, i) => `4:9d1b3c0e-7f2a-4a55-9c1e-2b9d0f6e1a77:${i}`);
    expect(fitsInLink(many)).toBe(false);
    const hash = encodeView({ nodeIds: many, selection: null, layoutName: 'grid', filters: DEFAULT_FILTERS });
    expect(hash.length).toBeLessThan(LINK_IDS_MAX_CHARS);
    expect(decodeView(hash)).toMatchObject({ nodeIds: [], layoutName: 'grid' });
  });

  it('keeps the nodes of a view that fits', () => {
    const few = ['russia', 'north-korea', 'ukraine'];
    expect(fitsInLink(few)).toBe(true);
    expect(decodeView(encodeView({ nodeIds: few, selection: null, layoutName: null, filters: DEFAULT_FILTERS }))?.nodeIds.sort()).toEqual([...few].sort());
  });
});
