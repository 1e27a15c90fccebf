import { describe, expect, it } from 'vitest';
import { sharedViewNotice } from '../../client/src/state/initial-view.ts';
import { graphCutText } from '../../client/src/workbench/GraphResult.tsx';

describe('what the caps say', () => {
  it('names the relationships when they were cut, the nodes when only they were, and both when both were', () => {
    const caps = { maxNodes: 20_000, maxRelationships: 40_000 };
    // Exactly 20,000 nodes and relationships at their cap: the relationships were cut (the nodes may be whole).
    expect(graphCutText(19_999, 40_000, caps)).toContain('cut at 40,000 relationships among its nodes');
    expect(graphCutText(20_000, 12_000, caps)).toContain('cut at 20,000 nodes,');
    expect(graphCutText(20_000, 40_000, caps)).toContain('cut at 20,000 nodes and 40,000 relationships');
  });

  it('says a link named more nodes than a view holds instead of calling the rest gone', () => {
    expect(sharedViewNotice(25_000, 20_000, 20_000)).toBe('This link names 25,000 nodes, more than the 20,000 one view holds: the first 20,000 found are shown.');
    expect(sharedViewNotice(30, 28, 20_000)).toBe('2 nodes of the shared view no longer exist.');
    expect(sharedViewNotice(30, 30, 20_000)).toBe('Shared view restored.');
  });
});
