import { describe, expect, it } from 'vitest';
import { drawnScope } from '../../client/src/export/view-scope.ts';
import { DEFAULT_FILTERS, hiddenElements, type Filters } from '../../client/src/state/filters.ts';
import { graphDataFrom } from '../../client/src/state/graph-data.ts';
import { seedLikeGraph } from '../support/client-graph.fixtures.ts';

const graph = graphDataFrom(seedLikeGraph());
const scopeFor = (filters: Filters, nodeIds?: string[]) => drawnScope(graph, hiddenElements(graph, filters), filters, nodeIds);

describe('what an export taken from the view holds', () => {
  it('is every node and relationship in view, without filters in its metadata, when nothing is filtered', () => {
    const scope = scopeFor(DEFAULT_FILTERS);
    expect(scope?.nodeIds.sort()).toEqual([...graph.nodes.keys()].sort());
    expect(scope?.relationshipIds?.sort()).toEqual([...graph.relationships.keys()].sort());
    expect(scope).not.toHaveProperty('filters');
  });

  it('leaves out relationships the certainty filter hides even though both their ends are drawn', () => {
    const filters = { ...DEFAULT_FILTERS, hiddenCertainties: ['speculated', 'reported', ''] };
    const scope = scopeFor(filters);
    expect(scope?.nodeIds).toContain('deployment');
    expect(scope?.relationshipIds?.sort()).toEqual(['kim--SIGNED--agreement', 'russia--PARTY_TO--agreement']);
    expect(scope?.filters).toMatchObject({ hiddenCertainties: ['speculated', 'reported', ''] });
  });

  it('leaves out nodes a label filter hides, and their relationships', () => {
    const scope = scopeFor({ ...DEFAULT_FILTERS, hiddenLabels: ['Payment'] });
    expect(scope?.nodeIds).not.toContain('payment');
    expect(scope?.relationshipIds?.some((id) => id.includes('payment'))).toBe(false);
  });

  it('holds, for a selection, the selected nodes that are drawn and the drawn relationships among them', () => {
    const scope = scopeFor({ ...DEFAULT_FILTERS, hiddenLabels: ['Person'] }, ['russia', 'agreement', 'kim', 'gone']);
    expect(scope?.nodeIds.sort()).toEqual(['agreement', 'russia']);
    expect(scope?.relationshipIds).toEqual(['russia--PARTY_TO--agreement']);
  });

  it('is null when nothing is drawn', () => {
    expect(scopeFor({ ...DEFAULT_FILTERS, hiddenLabels: ['Actor', 'Agreement', 'Payment', 'Event', 'Source'] })).toBeNull();
    expect(scopeFor(DEFAULT_FILTERS, [])).toBeNull();
  });
});
