import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, facetCounts, hiddenElements, isFiltering, setFacet, toggleFacet, type Filters } from '../../client/src/state/filters.ts';
import { graphDataFrom } from '../../client/src/state/graph-data.ts';
import { seedLikeGraph } from '../support/client-graph.fixtures.ts';

const graph = graphDataFrom(seedLikeGraph());
const hide = (patch: Partial<Filters>) => hiddenElements(graph, { ...DEFAULT_FILTERS, ...patch });

describe('client filters', () => {
  it('counts every facet value in view', () => {
    const counts = facetCounts(graph);
    expect(counts.labels).toContainEqual({ value: 'Actor', count: 3 });
    expect(counts.labels).toContainEqual({ value: 'Source', count: 2 });
    expect(counts.types).toContainEqual({ value: 'PAYS', count: 1 });
    // Certainty grades keep the scale's order; a relationship without one counts as ''.
    expect(counts.certainties.map((c) => c.value)).toEqual(['confirmed', 'reported', 'speculated', '']);
    expect(counts.certainties[1]).toEqual({ value: 'reported', count: 3 });
    // A relationship with two sources counts under each.
    expect(counts.sources).toContainEqual({ value: 'journalists', count: 4 });
    expect(counts.sources).toContainEqual({ value: 'article', count: 3 });
  });

  it('hides nodes by any of their labels, and the relationships that touch them', () => {
    const hidden = hide({ hiddenLabels: ['Person'] });
    expect([...hidden.nodes]).toEqual(['kim']);
    expect([...hidden.relationships]).toEqual(['kim--SIGNED--agreement']);
  });

  it.each([
    ['type', { hiddenTypes: ['PAYS'] }, ['russia--PAYS--payment']],
    ['certainty', { hiddenCertainties: ['speculated'] }, ['north-korea--DEPLOYS--deployment']],
    ['missing certainty', { hiddenCertainties: [''] }, ['north-korea--NEIGHBOUR_OF--russia']],
  ] as const)('hides relationships by %s', (_facet, patch, expected) => {
    const hidden = hide(patch);
    expect(hidden.nodes.size).toBe(0);
    expect([...hidden.relationships]).toEqual(expected);
  });

  it('hides a relationship by source only when every source it names is hidden', () => {
    const hidden = hide({ hiddenSources: ['journalists'] });
    expect(hidden.relationships.has('russia--PAYS--payment')).toBe(true);
    // DEPLOYS is also backed by the article, so it stays.
    expect(hidden.relationships.has('north-korea--DEPLOYS--deployment')).toBe(false);
  });

  it('hides the nodes a source filter leaves without a shown relationship, unless asked to keep them', () => {
    const hidden = hide({ hiddenSources: ['journalists'] });
    // The payment is only backed by the journalists; Russia keeps PARTY_TO, the deployment keeps DEPLOYS.
    expect([...hidden.nodes]).toEqual(['payment']);
    expect(hidden.orphans).toBe(1);
    const kept = hide({ hiddenSources: ['journalists'], keepOrphans: true });
    expect(kept.nodes.size).toBe(0);
    expect(kept.orphans).toBe(0);
    // Other relationship filters leave nodes alone: an analyst hiding a type still sees both ends.
    expect(hide({ hiddenTypes: ['PAYS', 'PAID_TO', 'PAYS_FOR'] }).nodes.size).toBe(0);
  });

  it('filters by a time window, keeping undated elements unless asked', () => {
    const range = { from: '2024-06-01', to: '2024-06-30' };
    expect(hide({ timeRange: range }).nodes.size).toBe(0);
    const outside = hide({ timeRange: { from: '2024-07-01', to: '2024-07-31' } });
    expect([...outside.nodes]).toEqual(['agreement']);
    expect(outside.relationships.has('russia--PARTY_TO--agreement')).toBe(true);
    const strict = hide({ timeRange: range, hideUndated: true });
    expect([...strict.nodes]).toEqual(['russia', 'north-korea', 'kim', 'payment', 'deployment', 'article', 'journalists']);
  });

  it('toggles a value, shows only one, and reports whether anything is filtered', () => {
    const once = toggleFacet(DEFAULT_FILTERS, 'types', 'PAYS');
    expect(once.hiddenTypes).toEqual(['PAYS']);
    expect(isFiltering(once)).toBe(true);
    expect(toggleFacet(once, 'types', 'PAYS').hiddenTypes).toEqual([]);
    expect(setFacet(DEFAULT_FILTERS, 'labels', ['Source']).hiddenLabels).toEqual(['Source']);
    expect(isFiltering(DEFAULT_FILTERS)).toBe(false);
    expect(hiddenElements(graph, DEFAULT_FILTERS).relationships.size).toBe(0);
  });
});
