import { describe, expect, it } from 'vitest';
import { explorerReducer, initialState, type ExplorerAction, type ExplorerState } from '../../client/src/state/explorer-state.ts';
import { node, rel } from '../support/client-graph.fixtures.ts';

/** A view with Russia and North Korea, laid out, and North Korea selected. */
function loaded(): ExplorerState {
  return run(
    initialState(),
    {
      type: 'overviewLoaded',
      graph: { nodes: [node('russia', ['Country']), node('north-korea', ['Country'])], relationships: [rel('russia', 'ALLY_OF', 'north-korea')] },
      positions: { russia: { x: 0, y: 0 }, 'north-korea': { x: 100, y: 0 } },
    },
    { type: 'selected', selection: { kind: 'node', id: 'north-korea' } },
  );
}

const queryGraph = {
  nodes: [node('kim-jong-un', ['Person']), node('north-korea', ['Country'])],
  relationships: [rel('kim-jong-un', 'LEADS', 'north-korea')],
};

const run = (state: ExplorerState, ...actions: ExplorerAction[]) => actions.reduce(explorerReducer, state);
const nodeIds = (state: ExplorerState) => [...state.graph.nodes.keys()].sort();

describe('showing a Cypher result’s graph in the main view', () => {
  it('replaces the view with the query’s graph, lays it out afresh, and undo brings the old view back', () => {
    const before = loaded();
    const shown = run(before, { type: 'queryGraphShown', graph: queryGraph, mode: 'replace', viewMax: 20_000 });
    expect(nodeIds(shown)).toEqual(['kim-jong-un', 'north-korea']);
    expect([...shown.graph.relationships.keys()]).toEqual(['kim-jong-un--LEADS--north-korea']);
    expect(shown.positions).toEqual({});
    expect(shown.layoutRequest?.name).toBe(shown.layoutName);
    expect([...shown.askedFor].sort()).toEqual(['kim-jong-un', 'north-korea']);
    expect(shown.selection).toEqual({ kind: 'node', id: 'north-korea' });

    const undone = run(shown, { type: 'undo' });
    expect(nodeIds(undone)).toEqual(['north-korea', 'russia']);
    expect(undone.positions).toEqual(before.positions);
  });

  it('drops a selection the new view no longer holds', () => {
    const state = run(loaded(), { type: 'selected', selection: { kind: 'node', id: 'russia' } }, { type: 'queryGraphShown', graph: queryGraph, mode: 'replace', viewMax: 20_000 });
    expect(state.selection).toBeNull();
  });

  it('merges the query’s graph into the view, keeping what was there and where it was', () => {
    const before = loaded();
    const merged = run(before, { type: 'queryGraphShown', graph: queryGraph, mode: 'merge', viewMax: 20_000 });
    expect(nodeIds(merged)).toEqual(['kim-jong-un', 'north-korea', 'russia']);
    expect(merged.graph.relationships.size).toBe(2);
    expect(merged.positions).toEqual(before.positions);
    expect(merged.askedFor.has('kim-jong-un')).toBe(true);
    expect(merged.notice?.text).toBe('Added 1 node from the query.');
    expect(nodeIds(run(merged, { type: 'undo' }))).toEqual(['north-korea', 'russia']);
  });

  it('refuses to merge past the view’s cap, saying so and changing nothing', () => {
    const before = loaded(); // two nodes; the query brings one new one
    const refused = run(before, { type: 'queryGraphShown', graph: queryGraph, mode: 'merge', viewMax: 2 });
    expect(refused.graph).toBe(before.graph);
    expect(refused.history.past).toHaveLength(before.history.past.length);
    expect(refused.notice?.text).toBe("Adding the query's 1 new node would make 3, over the view's cap of 2: show it in place of the view, or remove some nodes first.");
    expect(nodeIds(run(before, { type: 'queryGraphShown', graph: queryGraph, mode: 'merge', viewMax: 3 }))).toHaveLength(3);
  });

  it('refuses to merge past the view’s relationship cap, saying so and changing nothing', () => {
    const before = loaded();
    const fresh = queryGraph.relationships.filter((r) => !before.graph.relationships.has(r.id)).length;
    const max = before.graph.relationships.size + fresh - 1;
    const refused = run(before, { type: 'queryGraphShown', graph: queryGraph, mode: 'merge', viewMax: 100, relationshipMax: max });
    expect(refused.graph).toBe(before.graph);
    expect(refused.notice?.text).toContain(`over the view's cap of ${max}`);
    expect(run(before, { type: 'queryGraphShown', graph: queryGraph, mode: 'merge', viewMax: 100, relationshipMax: max + 1 }).graph.nodes.size).toBe(3);
  });

  it('records nothing to undo when the merged graph is already in view', () => {
    const before = loaded();
    const again = run(before, { type: 'queryGraphShown', graph: { nodes: [node('russia', ['Country'])], relationships: [] }, mode: 'merge', viewMax: 20_000 });
    expect(again.graph).toBe(before.graph);
    expect(again.history.past).toHaveLength(before.history.past.length);
  });

  it('shows a query’s graph even when the first load had failed', () => {
    const failed = run(initialState(), { type: 'overviewFailed', code: 'DB_UNAVAILABLE', message: 'down' });
    const shown = run(failed, { type: 'queryGraphShown', graph: queryGraph, mode: 'replace', viewMax: 20_000 });
    expect(shown.overview).toEqual({ status: 'ready' });
    expect(nodeIds(shown)).toEqual(['kim-jong-un', 'north-korea']);
  });
});
