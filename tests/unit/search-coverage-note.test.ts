/** The search dropdown's line about labels searched by scan (SearchBox's searchCoverageNote). */
import { describe, expect, it } from 'vitest';
import { searchCoverageNote } from '../../client/src/components/SearchBox.tsx';
import type { SearchCoverage } from '../../server/src/contract.ts';

const coverage = (overrides: Partial<SearchCoverage>): SearchCoverage => ({
  byIndex: ['Person', 'Place'],
  byScan: [],
  scanLimits: { maxNodes: 10_000, maxMs: 2_000 },
  scanCut: null,
  ...overrides,
});

describe('searchCoverageNote', () => {
  it('says nothing when the index covered every label', () => {
    expect(searchCoverageNote(coverage({}))).toBeUndefined();
  });

  it.each([
    [{ byScan: ['Character'] }, 'Searched Person, Place by index; Character by scan.'],
    [{ byScan: ['Character'], scanCut: 'nodes' as const }, 'Searched Person, Place by index; Character by scan (first 10,000 nodes only).'],
    [{ byScan: ['Character'], scanCut: 'time' as const }, 'Searched Person, Place by index; Character by scan (stopped after 2 s: no results from it).'],
    [{ byIndex: [], byScan: ['Airport', 'City'] }, 'Searched Airport, City by scan; no full-text index.'],
    [{ byIndex: ['A', 'B', 'C', 'D', 'E', 'F'], byScan: ['G'] }, 'Searched A, B, C, D and 2 more by index; G by scan.'],
  ])('tells which labels went which way: %j', (override, note) => {
    expect(searchCoverageNote(coverage(override))).toBe(note);
  });
});
