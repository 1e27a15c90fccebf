import { describe, expect, it } from 'vitest';
import { explorerReducer, initialState, selectedNodeIds, type ExplorerAction, type ExplorerState } from '../../client/src/state/explorer-state.ts';
import { hiddenElements } from '../../client/src/state/filters.ts';
import { drawnNodeIds } from '../../client/src/state/hiding.ts';
import { selectedRelationshipIds, selectionEndIds } from '../../client/src/state/selection.ts';
import { linkedNodeIds } from '../../client/src/state/use-url-sync.ts';
import { node, rel } from '../support/client-graph.fixtures.ts';

/** Four nodes in a chain: russia - north-korea - kim, and putin leading russia. */
function loaded(): ExplorerState {
  return explorerReducer(initialState(), {
    type: 'overviewLoaded',
    graph: {
      nodes: [node('russia', ['Country']), node('north-korea', ['Country']), node('kim', ['Person']), node('putin', ['Person'])],
      relationships: [rel('russia', 'ALLY_OF', 'north-korea'), rel('kim', 'LEADS', 'north-korea'), rel('putin', 'LEADS', 'russia')],
    },
    positions: {},
  });
}

const run = (state: ExplorerState, ...actions: ExplorerAction[]) => actions.reduce(explorerReducer, state);
const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('selecting and hiding by hand', () => {
  it('selects every node drawn with Ctrl+A, keeping the shown node, and leaves out filtered ones', () => {
    const state = run(loaded(), { type: 'selected', selection: { kind: 'node', id: 'kim' } }, { type: 'allSelected' });
    expect(state.selection).toEqual({ kind: 'node', id: 'kim' });
    expect(sorted(selectedNodeIds(state))).toEqual(['kim', 'north-korea', 'putin', 'russia']);
    // The selection bar counts them: a notice saying it too was said twice (new-user trial).
    expect(state.notice).toBeNull();
    const filtered = run(loaded(), { type: 'filtersChanged', filters: { ...loaded().filters, hiddenLabels: ['Person'] }, change: 'hide Person' }, { type: 'allSelected' });
    expect(sorted(selectedNodeIds(filtered))).toEqual(['north-korea', 'russia']);
    const noneDrawn = run(loaded(), { type: 'filtersChanged', filters: { ...loaded().filters, hiddenLabels: ['Person', 'Country'] }, change: 'hide all' }, { type: 'allSelected' });
    expect(noneDrawn.selection).toBeNull();
    expect(noneDrawn.notice?.text).toBe('No node is drawn to select.');
  });

  it('inverts the selection with Ctrl+I, and to nothing when every node was selected', () => {
    const state = run(loaded(), { type: 'selected', selection: { kind: 'node', id: 'kim' } }, { type: 'selectionToggled', nodeId: 'putin' }, { type: 'selectionInverted' });
    expect(sorted(selectedNodeIds(state))).toEqual(['north-korea', 'russia']);
    expect(state.notice).toBeNull();
    const none = run(state, { type: 'allSelected' }, { type: 'selectionInverted' });
    expect(none.selection).toBeNull();
    expect(none.notice?.text).toBe('Selection inverted: no node is selected now.');
  });

  it('hides the selection with its relationships, keeps it in view, and undo and Show hidden bring it back', () => {
    const hidden = run(loaded(), { type: 'selected', selection: { kind: 'node', id: 'kim' } }, { type: 'selectionToggled', nodeId: 'putin' }, { type: 'selectionHidden' });
    expect(hidden.graph.nodes.size).toBe(4); // still in view
    expect(sorted(drawnNodeIds(hidden))).toEqual(['north-korea', 'russia']);
    const elements = hiddenElements(hidden.graph, hidden.filters);
    expect(sorted(elements.relationships)).toEqual(['kim--LEADS--north-korea', 'putin--LEADS--russia']);
    expect(elements.byHand).toEqual({ nodes: 2, relationships: 0 });
    expect(hidden.selection).toBeNull();
    expect(hidden.history.past.at(-1)?.change).toBe('hide 2 nodes');
    expect(hidden.notice?.text).toBe('Hid 2 nodes: "Show hidden" brings them back, Ctrl+Z undoes.');
    const one = run(loaded(), { type: 'selected', selection: { kind: 'node', id: 'kim' } }, { type: 'selectionHidden' });
    expect(one.notice?.text).toMatch(/^Hid .+: "Show hidden" brings it back, Ctrl\+Z undoes\.$/);
    // A link carries what is drawn.
    expect(sorted(linkedNodeIds(hidden))).toEqual(['north-korea', 'russia']);
    expect(sorted(drawnNodeIds(run(hidden, { type: 'undo' })))).toHaveLength(4);
    const shown = run(hidden, { type: 'hiddenShown' });
    expect(drawnNodeIds(shown)).toHaveLength(4);
    expect(shown.notice?.text).toBe('Showing 2 hidden nodes again.');
  });

  it('hides a selected relationship alone, its ends staying drawn', () => {
    const state = run(loaded(), { type: 'selected', selection: { kind: 'relationship', id: 'russia--ALLY_OF--north-korea' } }, { type: 'selectionHidden' });
    const elements = hiddenElements(state.graph, state.filters);
    expect([...elements.relationships]).toEqual(['russia--ALLY_OF--north-korea']);
    expect(elements.nodes.size).toBe(0);
    expect(elements.byHand).toEqual({ nodes: 0, relationships: 1 });
  });

  it('selects the relationships of a type\'s schema sample, not their ends; H hides them, O keeps their ends, Del removes them', () => {
    const leads = [rel('kim', 'LEADS', 'north-korea'), rel('putin', 'LEADS', 'russia')];
    const sample: ExplorerAction = {
      type: 'nodesAdded',
      graph: { nodes: [node('kim', ['Person']), node('north-korea', ['Country']), node('putin', ['Person']), node('russia', ['Country'])], relationships: leads },
      change: 'sample LEADS',
      sample: '2 LEADS relationships (up to 25)',
      relationships: true,
    };
    const state = run(loaded(), sample);
    expect(state.selection?.kind).toBe('relationship');
    expect(sorted(selectedRelationshipIds(state))).toEqual(sorted(leads.map((r) => r.id)));
    expect(selectedNodeIds(state)).toEqual([]);
    expect(sorted(state.focus?.also ? [state.focus.id, ...state.focus.also] : [])).toEqual(['kim', 'north-korea', 'putin', 'russia']);
    expect(state.notice?.text).toBe('2 LEADS relationships (up to 25), selected and centred, with their 4 ends (all in view already).');
    expect(sorted(selectionEndIds(state))).toEqual(['kim', 'north-korea', 'putin', 'russia']);

    const hidden = run(state, { type: 'selectionHidden' });
    expect(sorted(hiddenElements(hidden.graph, hidden.filters).relationships)).toEqual(sorted(leads.map((r) => r.id)));
    expect(hidden.notice?.text).toBe('Hid 2 LEADS relationships: "Show hidden" brings them back, Ctrl+Z undoes.');

    const only = run(state, { type: 'othersHidden' });
    expect(only.notice?.text).toBe('Only the selection is drawn already.'); // the two LEADS hold all four nodes
    const removed = run(state, { type: 'selectionRemoved' });
    expect([...removed.graph.relationships.keys()]).toEqual(['russia--ALLY_OF--north-korea']);
    expect(removed.history.past.at(-1)?.change).toBe('remove 2 LEADS relationships');

    // A click on a node starts a node selection; the relationships leave it.
    const clicked = run(state, { type: 'selectionToggled', nodeId: 'kim' });
    expect(selectedNodeIds(clicked)).toEqual(['kim']);
    expect(clicked.alsoSelected).toEqual([]);
  });

  it('shows a node hidden by hand again when it is opened by name, and says so of one the filters hide', () => {
    // Fourth new-user trial: a hidden node chosen from search was selected undrawn.
    const hidden = run(loaded(), { type: 'selected', selection: { kind: 'node', id: 'kim' } }, { type: 'selectionHidden' });
    const kim = hidden.graph.nodes.get('kim')!;
    const opened = run(hidden, { type: 'nodesAdded', graph: { nodes: [kim], relationships: [] }, focusId: 'kim', change: 'open Kim' });
    expect(drawnNodeIds(opened)).toContain('kim');
    expect(opened.selection).toEqual({ kind: 'node', id: 'kim' });
    expect(drawnNodeIds(run(opened, { type: 'undo' }))).not.toContain('kim'); // one step: undo hides it again
    const filtered = run(loaded(), { type: 'filtersChanged', filters: { ...loaded().filters, hiddenLabels: ['Person'] }, change: 'hide Person' });
    const notShown = run(filtered, { type: 'nodesAdded', graph: { nodes: [kim], relationships: [] }, focusId: 'kim', change: 'open Kim' });
    expect(notShown.selection).toBeNull();
    expect(notShown.notice?.text).toContain('hidden by the filters');
  });

  it('shows only the selection, framed: a relationship keeps its two ends; nothing to hide says so', () => {
    const only = run(loaded(), { type: 'selected', selection: { kind: 'relationship', id: 'kim--LEADS--north-korea' } }, { type: 'othersHidden' });
    expect(sorted(drawnNodeIds(only))).toEqual(['kim', 'north-korea']);
    expect(only.notice?.text).toContain('2 other nodes hidden');
    // Framed: what is left stayed in a corner of the canvas (fourth new-user trial).
    expect(only.focus && sorted([only.focus.id, ...(only.focus.also ?? [])])).toEqual(['kim', 'north-korea']);
    const again = run(only, { type: 'othersHidden' });
    expect(again.notice?.text).toBe('Only the selection is drawn already.');
    expect(again.history.past).toHaveLength(only.history.past.length);
    expect(run(loaded(), { type: 'othersHidden' }).notice?.text).toBe('Select the nodes to keep first.');
  });
});
