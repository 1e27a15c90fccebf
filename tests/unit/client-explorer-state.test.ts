import { describe, expect, it } from 'vitest';
import type { NeighborsResponse } from '../../server/src/contract.ts';
import {
  collapseRemovals,
  explorerReducer,
  historyCap,
  initialState,
  pathRelationshipIds,
  selectedNodeIds,
  sharePositions,
  type ExplorerAction,
  type ExplorerState,
} from '../../client/src/state/explorer-state.ts';
import { DEFAULT_FILTERS } from '../../client/src/state/filters.ts';
import { node, rel } from '../support/client-graph.fixtures.ts';

const counts = { types: [], labels: [] };

/** A view with Russia and North Korea, loaded as the overview. */
function loaded(): ExplorerState {
  return explorerReducer(initialState(), {
    type: 'overviewLoaded',
    graph: { nodes: [node('russia', ['Country']), node('north-korea', ['Country'])], relationships: [rel('russia', 'ALLY_OF', 'north-korea')] },
    positions: { russia: { x: 0, y: 0 }, 'north-korea': { x: 100, y: 0 } },
  });
}

function neighbours(center: string, ids: string[], extra: NeighborsResponse['relationships'] = []): NeighborsResponse {
  return {
    nodes: [node(center, ['Country']), ...ids.map((id) => node(id, ['Person']))],
    relationships: [...ids.map((id) => rel(id, 'LEADS', center)), ...extra],
    total: ids.length,
    next: null,
    counts,
  };
}

const run = (state: ExplorerState, ...actions: ExplorerAction[]) => actions.reduce(explorerReducer, state);
const nodeIds = (state: ExplorerState) => [...state.graph.nodes.keys()].sort();

describe('explorer state: expand, collapse, undo, redo', () => {
  it('expands, collapses exactly what the expansion added, and undoes and redoes both steps', () => {
    const start = loaded();
    const expanded = run(start, { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin', 'lavrov']) });
    expect(nodeIds(expanded)).toEqual(['lavrov', 'north-korea', 'putin', 'russia']);
    expect(expanded.expansions.get('russia')?.addedNodeIds).toEqual(['putin', 'lavrov']);

    const collapsed = run(expanded, { type: 'collapsed', nodeId: 'russia' });
    expect(nodeIds(collapsed)).toEqual(['north-korea', 'russia']);
    expect(collapsed.expansions.has('russia')).toBe(false);

    const undone = run(collapsed, { type: 'undo' });
    expect(nodeIds(undone)).toEqual(nodeIds(expanded));
    expect(undone.viewRevision).toBe(collapsed.viewRevision + 1);
    const undoneTwice = run(undone, { type: 'undo' });
    expect(nodeIds(undoneTwice)).toEqual(['north-korea', 'russia']);
    expect(undoneTwice.history.past).toHaveLength(0);

    const redone = run(undoneTwice, { type: 'redo' }, { type: 'redo' });
    expect(nodeIds(redone)).toEqual(['north-korea', 'russia']);
    expect(redone.history.future).toHaveLength(0);
    expect(run(redone, { type: 'redo' })).toBe(redone);
  });

  it('cancels only the pending request on an undo that comes first, and drops its late answer', () => {
    // The analyst expands Russia, starts expanding North Korea, and presses Ctrl+Z before the answer comes.
    const expandedRussia = run(loaded(), { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin']) });
    const waiting = run(expandedRussia, { type: 'busy', text: 'Expanding North Korea…' });
    const asked = waiting.viewRevision;
    const cancelled = run(waiting, { type: 'undo' });
    expect(cancelled.busy).toBeNull();
    expect(cancelled.notice?.text).toBe('Expanding North Korea was cancelled.');
    // Russia's expansion, made before, stays: one Ctrl+Z takes back one change, the one still on its way.
    expect(nodeIds(cancelled)).toEqual(['north-korea', 'putin', 'russia']);
    expect(cancelled.history).toBe(expandedRussia.history);

    const late = run(cancelled, { type: 'expanded', nodeId: 'north-korea', response: neighbours('north-korea', ['kim']), revision: asked });
    expect(late).toBe(cancelled);
    expect(run(cancelled, { type: 'requestFailed', message: 'Could not expand', revision: asked })).toBe(cancelled);
    // The next undo takes back Russia's expansion, and redo brings it back.
    const undone = run(late, { type: 'undo' });
    expect(nodeIds(undone)).toEqual(['north-korea', 'russia']);
    expect(nodeIds(run(undone, { type: 'redo' }))).toEqual(['north-korea', 'putin', 'russia']);
    // An answer asked after the cancellation lands as its own step.
    const fresh = run(cancelled, { type: 'expanded', nodeId: 'north-korea', response: neighbours('north-korea', ['kim']), revision: cancelled.viewRevision });
    expect(nodeIds(fresh)).toEqual(['kim', 'north-korea', 'putin', 'russia']);
    expect(nodeIds(run(fresh, { type: 'undo' }))).toEqual(['north-korea', 'putin', 'russia']);
  });

  it('never grows the view past its cap: neighbours that do not fit are left out, and the cursor goes on from there', () => {
    // Two nodes in view, a cap of 3: one new neighbour fits.
    const response = { ...neighbours('russia', ['putin', 'lavrov', 'north-korea']), total: 3, next: null };
    const capped = run(loaded(), { type: 'expanded', nodeId: 'russia', response, viewMax: 3 });
    expect(nodeIds(capped)).toEqual(['north-korea', 'putin', 'russia']);
    expect(capped.notice?.text).toContain('The view holds its cap of 3 nodes: 1 more neighbour left out.');
    const expansion = capped.expansions.get('russia');
    expect(expansion?.next).toBe(node('putin', ['Person']).elementId);
    expect(capped.graph.relationships.has('lavrov--LEADS--russia')).toBe(false);
    // Within the cap nothing is cut.
    expect(nodeIds(run(loaded(), { type: 'expanded', nodeId: 'russia', response, viewMax: 10 }))).toEqual(['lavrov', 'north-korea', 'putin', 'russia']);
  });

  it('never grows the view past its relationship cap: the expanded node\'s own relationships are kept first, and the notice says how many were left out', () => {
    // One relationship in view, a cap of 3: two new ones fit, the node's own before those among neighbours.
    const among = [rel('putin', 'KNOWS', 'lavrov'), rel('lavrov', 'KNOWS', 'shoigu')];
    const response = neighbours('russia', ['putin', 'lavrov', 'shoigu'], among);
    const capped = run(loaded(), { type: 'expanded', nodeId: 'russia', response, viewMax: 100, relationshipMax: 3 });
    expect(nodeIds(capped)).toEqual(['lavrov', 'north-korea', 'putin', 'russia', 'shoigu']);
    expect([...capped.graph.relationships.keys()].sort()).toEqual(['lavrov--LEADS--russia', 'putin--LEADS--russia', 'russia--ALLY_OF--north-korea']);
    expect(capped.notice?.text).toContain('The view holds its cap of 3 relationships: 3 more relationships among these nodes left out.');
    // Within the cap nothing is cut, and a cut the server made is said too.
    expect(run(loaded(), { type: 'expanded', nodeId: 'russia', response, relationshipMax: 6 }).graph.relationships.size).toBe(6);
    const cutByServer = run(loaded(), { type: 'expanded', nodeId: 'russia', response: { ...response, relationshipLimit: 5 }, relationshipMax: 6 });
    expect(cutByServer.notice?.text).toContain("Only 5 relationships among these nodes are drawn, the view's cap: others are left out.");
    // Both cuts at once are both said (the view's count alone under-reported what was missing: new-user trial).
    const both = run(loaded(), { type: 'expanded', nodeId: 'russia', response: { ...response, relationshipLimit: 5 }, relationshipMax: 3 });
    expect(both.notice?.text).toContain('Only 5 relationships among these nodes are drawn');
    expect(both.notice?.text).toContain('The view holds its cap of 3 relationships: 3 more relationships among these nodes left out.');
  });

  it('says a collapse took nothing away when its expansion added nothing, rather than credit other expansions', () => {
    // North Korea, Russia's only neighbour, was in view already, and so was their relationship: the
    // expansion added nothing.
    const response = { ...neighbours('russia', []), nodes: [node('russia', ['Country']), node('north-korea', ['Country'])], relationships: [rel('russia', 'ALLY_OF', 'north-korea')], total: 1 };
    const expanded = run(loaded(), { type: 'expanded', nodeId: 'russia', response });
    expect(expanded.expansions.get('russia')?.addedNodeIds).toEqual([]);
    const collapsed = run(expanded, { type: 'collapsed', nodeId: 'russia' });
    expect(nodeIds(collapsed)).toEqual(['north-korea', 'russia']);
    expect(collapsed.notice?.text).toBe('Collapsed russia: its expansion added no node, so none left the view.');
    // Nothing changed on screen: no step for Undo to take back, and the node can be expanded again.
    expect(collapsed.history.past).toHaveLength(expanded.history.past.length);
    expect(collapsed.expansions.has('russia')).toBe(false);
    // One that added a relationship between nodes already in view takes it away: a step of its own.
    const withRelationship = run(loaded(), { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['north-korea']) });
    const collapsedRelationship = run(withRelationship, { type: 'collapsed', nodeId: 'russia' });
    expect(collapsedRelationship.graph.relationships.size).toBe(1);
    expect(collapsedRelationship.notice?.text).toBe('Collapsed russia: 1 relationship left the view, no node.');
    expect(collapsedRelationship.history.past).toHaveLength(withRelationship.history.past.length + 1);
  });

  it('collapses what the first expansion added after the node was expanded a second time', () => {
    const response = neighbours('russia', ['putin', 'lavrov']);
    const once = run(loaded(), { type: 'expanded', nodeId: 'russia', response });
    const twice = run(once, { type: 'expanded', nodeId: 'russia', response });
    expect(nodeIds(twice)).toEqual(['lavrov', 'north-korea', 'putin', 'russia']);
    const collapsed = run(twice, { type: 'collapsed', nodeId: 'russia' });
    expect(nodeIds(collapsed)).toEqual(['north-korea', 'russia']);
    expect(collapsed.notice?.text).toBe('Collapsed russia: 2 nodes left the view.');
  });

  it('names each change, so the toolbar can say what Undo would undo', () => {
    const state = run(loaded(), { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin']) });
    expect(state.history.past.at(-1)?.change).toBe('expand russia');
    const undone = run(state, { type: 'undo' });
    expect(undone.history.future.at(-1)?.change).toBe('expand russia');
    expect(undone.notice?.text).toBe('Undone: expand russia.');
  });

  it('keeps on collapse what another expansion showed or the analyst opened by name', () => {
    const state = run(
      loaded(),
      { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin', 'lavrov', 'shoigu']) },
      // North Korea's neighbours include Putin, already in view: its expansion keeps him there too.
      { type: 'expanded', nodeId: 'north-korea', response: neighbours('north-korea', ['putin']) },
      { type: 'nodesAdded', graph: { nodes: [node('lavrov', ['Person'])], relationships: [] }, focusId: 'lavrov', change: 'open lavrov' },
    );
    expect(collapseRemovals(state, 'russia').nodeIds).toEqual(['shoigu']);
    const collapsed = run(state, { type: 'collapsed', nodeId: 'russia' });
    expect(nodeIds(collapsed)).toEqual(['lavrov', 'north-korea', 'putin', 'russia']);
    expect(collapsed.graph.relationships.has('putin--LEADS--north-korea')).toBe(true);
    expect(collapsed.graph.relationships.has('putin--LEADS--russia')).toBe(false);
  });

  it('takes away only its own additions, leaving what other expansions added', () => {
    const state = run(
      loaded(),
      { type: 'expanded', nodeId: 'north-korea', response: neighbours('north-korea', ['kim']) },
      { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin']) },
    );
    const collapsedNorth = run(state, { type: 'collapsed', nodeId: 'north-korea' });
    expect(nodeIds(collapsedNorth)).toEqual(['north-korea', 'putin', 'russia']);
  });

  it('adds the next page of an expansion to it, keeping its filters and cursor, and collapses both pages', () => {
    const first = { ...neighbours('russia', ['putin', 'lavrov']), total: 4, next: 'cursor-1' };
    const second = { ...neighbours('russia', ['shoigu', 'peskov']), total: 4, next: null };
    const paged = run(
      loaded(),
      { type: 'expanded', nodeId: 'russia', response: first, filtered: true, query: { types: ['LEADS'] } },
      { type: 'expanded', nodeId: 'russia', response: second, more: true },
    );
    expect(paged.expansions.get('russia')).toMatchObject({ shown: 4, total: 4, next: null, filtered: true, query: { types: ['LEADS'] } });
    expect(nodeIds(paged)).toEqual(['lavrov', 'north-korea', 'peskov', 'putin', 'russia', 'shoigu']);
    expect(paged.notice?.text).toBe('Added 2 matching neighbours of russia.');
    expect(nodeIds(run(paged, { type: 'collapsed', nodeId: 'russia' }))).toEqual(['north-korea', 'russia']);
  });

  it('tells when a node has no expansion to collapse, without recording a change', () => {
    const start = loaded();
    const next = run(start, { type: 'collapsed', nodeId: 'russia' });
    expect(next.graph).toBe(start.graph);
    expect(next.history.past).toHaveLength(0);
    expect(next.notice?.text).toMatch(/no expansion/);
  });
});

describe('explorer state: other view changes', () => {
  it('makes Del undoable and never touches what is not selected', () => {
    const selected = run(loaded(), { type: 'selected', selection: { kind: 'node', id: 'north-korea' } });
    const removed = run(selected, { type: 'selectionRemoved' });
    expect(nodeIds(removed)).toEqual(['russia']);
    expect(removed.graph.relationships.size).toBe(0);
    expect(removed.selection).toBeNull();
    const undone = run(removed, { type: 'undo' });
    expect(nodeIds(undone)).toEqual(['north-korea', 'russia']);
    expect(undone.graph.relationships.size).toBe(1);
  });

  it('adds nodes to the selection with Shift+click, takes them out again, and a plain click starts over', () => {
    const three = run(loaded(), { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin']) });
    const picked = run(three, { type: 'selected', selection: { kind: 'node', id: 'russia' } }, { type: 'selectionToggled', nodeId: 'putin' });
    expect(picked.selection).toEqual({ kind: 'node', id: 'putin' });
    expect(selectedNodeIds(picked).sort()).toEqual(['putin', 'russia']);

    const withKorea = run(picked, { type: 'selectionToggled', nodeId: 'north-korea' });
    expect(selectedNodeIds(withKorea).sort()).toEqual(['north-korea', 'putin', 'russia']);
    // Taking out the node the details panel shows shows the one picked before it.
    const without = run(withKorea, { type: 'selectionToggled', nodeId: 'north-korea' });
    expect(without.selection).toEqual({ kind: 'node', id: 'putin' });
    expect(selectedNodeIds(without).sort()).toEqual(['putin', 'russia']);

    const plain = run(withKorea, { type: 'selected', selection: { kind: 'node', id: 'russia' } });
    expect(selectedNodeIds(plain)).toEqual(['russia']);
    const none = run(picked, { type: 'selectionToggled', nodeId: 'putin' }, { type: 'selectionToggled', nodeId: 'russia' });
    expect(none.selection).toBeNull();
    expect(none.alsoSelected).toEqual([]);
  });

  it('adds the nodes of a Shift+drag box to the selection, keeping the node the details panel shows', () => {
    const three = run(loaded(), { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin']) });
    const boxed = run(three, { type: 'nodesBoxSelected', nodeIds: ['putin', 'russia', 'not-in-view'] });
    expect(boxed.selection).toEqual({ kind: 'node', id: 'putin' });
    expect(selectedNodeIds(boxed).sort()).toEqual(['putin', 'russia']);

    const shown = run(three, { type: 'selected', selection: { kind: 'node', id: 'north-korea' } }, { type: 'nodesBoxSelected', nodeIds: ['putin', 'north-korea'] });
    expect(shown.selection).toEqual({ kind: 'node', id: 'north-korea' });
    expect(shown.alsoSelected).toEqual(['putin']);
    expect(selectedNodeIds(run(shown, { type: 'nodesBoxSelected', nodeIds: ['russia'] })).sort()).toEqual(['north-korea', 'putin', 'russia']);

    const fromRelationship = run(three, { type: 'selected', selection: { kind: 'relationship', id: 'r1' } }, { type: 'nodesBoxSelected', nodeIds: ['russia'] });
    expect(fromRelationship.selection).toEqual({ kind: 'node', id: 'russia' });
    expect(fromRelationship.alsoSelected).toEqual([]);
    expect(run(three, { type: 'nodesBoxSelected', nodeIds: [] }).selection).toBeNull();
  });

  it('removes every selected node with one Del, undone in one step', () => {
    const three = run(loaded(), { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin']) });
    const picked = run(three, { type: 'selected', selection: { kind: 'node', id: 'putin' } }, { type: 'selectionToggled', nodeId: 'north-korea' });
    const removed = run(picked, { type: 'selectionRemoved' });
    expect(nodeIds(removed)).toEqual(['russia']);
    expect(removed.selection).toBeNull();
    expect(removed.alsoSelected).toEqual([]);
    expect(removed.history.past.at(-1)?.change).toBe('remove 2 nodes');
    const undone = run(removed, { type: 'undo' });
    expect(nodeIds(undone)).toEqual(['north-korea', 'putin', 'russia']);
    // What comes back is selected again, as it was when it was removed.
    expect(selectedNodeIds(undone).sort()).toEqual(['north-korea', 'putin']);
  });

  it('keeps the present selection through undo where it is still in view, without the nodes the undo took away', () => {
    const expanded = run(loaded(), { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin']) });
    const picked = run(expanded, { type: 'selected', selection: { kind: 'node', id: 'russia' } }, { type: 'selectionToggled', nodeId: 'putin' }, { type: 'selectionToggled', nodeId: 'north-korea' });
    const undone = run(picked, { type: 'undo' });
    expect(undone.graph.nodes.has('putin')).toBe(false);
    expect(undone.selection).toEqual({ kind: 'node', id: 'north-korea' });
    expect(undone.alsoSelected).toEqual(['russia']);
  });

  it('selects what an undone hide brings back, and never what a redone hide hides again', () => {
    // The new-user trial: redo of H kept the 26 hidden nodes selected, and Del removed what could not be seen.
    const three = run(loaded(), { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin']) });
    const picked = run(three, { type: 'selected', selection: { kind: 'node', id: 'russia' } }, { type: 'selectionToggled', nodeId: 'putin' });
    const hidden = run(picked, { type: 'selectionHidden' });
    expect(hidden.selection).toBeNull();
    const undone = run(hidden, { type: 'undo' });
    expect(selectedNodeIds(undone).sort()).toEqual(['putin', 'russia']);
    const redone = run(undone, { type: 'redo' });
    expect(redone.filters.hiddenNodeIds).toEqual(expect.arrayContaining(['putin', 'russia']));
    expect(redone.selection).toBeNull();
    expect(redone.alsoSelected).toEqual([]);
  });

  it('brings back the camera of the moment with the view undo or redo restores', () => {
    const before = { zoom: 1.36, x: 40, y: -20 };
    const after = { zoom: 0.7, x: 0, y: 0 };
    const seen = run(loaded(), { type: 'cameraMoved', camera: before }, { type: 'selected', selection: { kind: 'node', id: 'russia' } });
    const hidden = run(seen, { type: 'othersHidden' }, { type: 'cameraMoved', camera: after });
    const undone = run(hidden, { type: 'undo' });
    expect(undone.filters.hiddenNodeIds).toEqual([]);
    expect(undone.camera).toEqual(before);
    expect(undone.selection).toEqual({ kind: 'node', id: 'russia' });
    expect(run(undone, { type: 'redo' }).camera).toEqual(after);
  });

  it('drops a selected node from the selection when it leaves the view some other way', () => {
    const expanded = run(loaded(), { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin']) });
    const picked = run(expanded, { type: 'selected', selection: { kind: 'node', id: 'russia' } }, { type: 'selectionToggled', nodeId: 'putin' }, { type: 'selectionToggled', nodeId: 'north-korea' });
    expect(picked.alsoSelected).toEqual(['russia', 'putin']);
    const collapsed = run(picked, { type: 'collapsed', nodeId: 'russia' });
    expect(collapsed.graph.nodes.has('putin')).toBe(false);
    expect(selectedNodeIds(collapsed).sort()).toEqual(['north-korea', 'russia']);
  });

  it('keeps 100 undo steps, fewer on views of many thousands of elements, never fewer than 10', () => {
    const ofSize = (nodes: number, relationships: number) => ({
      nodes: new Map(Array.from({ length: nodes }, (_, i) => [`n${i}`, node(`n${i}`, ['X'])])),
      relationships: new Map(Array.from({ length: relationships }, (_, i) => [`r${i}`, rel(`n${i}`, 'R', 'n0')])),
    });
    expect(historyCap(ofSize(5, 2))).toBe(100);
    expect(historyCap(ofSize(5_000, 10_000))).toBe(100);
    expect(historyCap(ofSize(20_000, 40_000))).toBe(25);
    expect(historyCap(ofSize(200_000, 400_000))).toBe(10);
  });

  it('shares the positions of nodes that did not move, so undo steps don\'t each copy them', () => {
    const present = { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } };
    expect(sharePositions(present, { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } })).toBe(present);
    const moved = sharePositions(present, { a: { x: 1, y: 2 }, b: { x: 5, y: 4 }, c: { x: 0, y: 0 } });
    expect(moved).toEqual({ a: { x: 1, y: 2 }, b: { x: 5, y: 4 }, c: { x: 0, y: 0 } });
    expect(moved.a).toBe(present.a);
    expect(sharePositions(present, { a: { x: 1, y: 2 } })).toEqual({ a: { x: 1, y: 2 } });

    const start = loaded();
    expect(run(start, { type: 'positionsSettled', positions: { russia: { x: 0, y: 0 }, 'north-korea': { x: 100, y: 0 } } })).toBe(start);
  });

  it('records filters, layout choices and drags, but not positions a layout settled on', () => {
    const start = loaded();
    const filtered = run(start, { type: 'filtersChanged', filters: { ...DEFAULT_FILTERS, hiddenLabels: ['Person'] }, change: 'hide Person' });
    expect(filtered.history.past).toHaveLength(1);

    const laidOut = run(filtered, { type: 'layoutChosen', name: 'grid' });
    expect(laidOut.layoutName).toBe('grid');
    expect(laidOut.layoutRequest?.name).toBe('grid');
    const settled = run(laidOut, { type: 'positionsSettled', positions: { russia: { x: 5, y: 5 }, 'north-korea': { x: 50, y: 5 } } });
    expect(settled.history.past).toHaveLength(2);

    const dragged = run(settled, { type: 'nodesMoved', positions: { russia: { x: -40, y: 30 }, 'north-korea': { x: 50, y: 5 } } });
    expect(dragged.layoutName).toBe('manual');
    expect(dragged.history.past).toHaveLength(3);

    const undone = run(dragged, { type: 'undo' });
    expect(undone.positions.russia).toEqual({ x: 5, y: 5 });
    expect(undone.layoutName).toBe('grid');
    const back = run(undone, { type: 'undo' }, { type: 'undo' });
    expect(back.filters.hiddenLabels).toEqual([]);
    expect(back.layoutName).toBe(start.layoutName);
  });

  it('takes back a layout choice whose layout was cancelled: the selector and the history are as before it', () => {
    const start = loaded();
    const chosen = run(start, { type: 'layoutChosen', name: 'circle' });
    const seq = chosen.layoutRequest?.seq as number;
    const cancelled = run(chosen, { type: 'layoutCancelled', seq });
    expect(cancelled.layoutName).toBe(start.layoutName);
    expect(cancelled.history.past).toHaveLength(start.history.past.length);
    expect(cancelled.notice?.text).toBe('The circle layout was cancelled: the nodes stay where they were.');
    // A cancellation that comes after another change (or for another request) changes nothing.
    const later = run(chosen, { type: 'filtersChanged', filters: { ...DEFAULT_FILTERS, hiddenLabels: ['Person'] }, change: 'hide Person' });
    expect(run(later, { type: 'layoutCancelled', seq })).toBe(later);
    expect(run(chosen, { type: 'layoutCancelled', seq: seq + 7 })).toBe(chosen);
  });

  it('chooses the manual layout without asking the canvas to run anything', () => {
    const state = run(loaded(), { type: 'layoutChosen', name: 'manual' });
    expect(state.layoutName).toBe('manual');
    expect(state.layoutRequest).toBeNull();
  });

  it('opening a node already in view selects it without recording a change', () => {
    const start = loaded();
    const opened = run(start, { type: 'nodesAdded', graph: { nodes: [node('russia', ['Country'])], relationships: [] }, focusId: 'russia', change: 'open russia' });
    expect(opened.history.past).toHaveLength(0);
    expect(opened.selection).toEqual({ kind: 'node', id: 'russia' });
    expect(opened.focus?.id).toBe('russia');
    expect(opened.askedFor.has('russia')).toBe(true);
  });

  it('clears a selection that an undo takes out of view', () => {
    const state = run(
      loaded(),
      { type: 'expanded', nodeId: 'russia', response: neighbours('russia', ['putin']) },
      { type: 'selected', selection: { kind: 'node', id: 'putin' } },
      { type: 'undo' },
    );
    expect(state.selection).toBeNull();
  });
});

describe('explorer state: paths', () => {
  const path = {
    nodes: [node('kim', ['Person']), node('agreement', ['Agreement']), node('russia', ['Country'])],
    relationships: [rel('kim', 'SIGNED', 'agreement'), rel('russia', 'PARTY_TO', 'agreement'), rel('kim', 'UNRELATED', 'kim')],
    paths: [['kim', 'agreement', 'russia']],
    searched: { expandedRelationships: 9, budget: 200_000, stoppedEarly: false },
  };

  it('adds a found path to the view, highlights its nodes and relationships, and can be undone', () => {
    const state = run(loaded(), { type: 'pathPickStarted', fromId: 'kim' }, { type: 'pathsFound', fromId: 'kim', toId: 'russia', response: path, minCertainty: null, maxLength: 6 });
    expect(state.pathPick).toBeNull();
    expect(state.paths).toMatchObject({ count: 1, length: 2, nodeIds: ['kim', 'agreement', 'russia'] });
    expect([...(state.paths?.relationshipIds ?? [])].sort()).toEqual(['kim--SIGNED--agreement', 'russia--PARTY_TO--agreement']);
    expect(state.graph.nodes.has('agreement')).toBe(true);
    expect(state.notice?.text).toBe('1 shortest path of 2 steps between kim and russia.');
    const undone = run(state, { type: 'undo' });
    expect(undone.paths).toBeNull();
    expect(undone.graph.nodes.has('agreement')).toBe(false);
  });

  it('says clearly when there is no path, and changes nothing in view', () => {
    const start = loaded();
    const state = run(start, { type: 'pathsFound', fromId: 'russia', toId: 'north-korea', response: { nodes: [], relationships: [], paths: [], searched: { expandedRelationships: 12, budget: 200_000, stoppedEarly: false } }, minCertainty: 'reported', maxLength: 6 });
    expect(state.paths).toMatchObject({ count: 0, minCertainty: 'reported' });
    expect(state.graph).toBe(start.graph);
    expect(state.history.past).toHaveLength(0);
    expect(state.notice?.text).toBe('No path of up to 6 steps between russia and north-korea.');
  });

  it('says when the search stopped at its budget instead of claiming there is no path', () => {
    const searched = { expandedRelationships: 180_000, budget: 200_000, stoppedEarly: true };
    const state = run(loaded(), { type: 'pathsFound', fromId: 'russia', toId: 'north-korea', response: { nodes: [], relationships: [], paths: [], searched }, minCertainty: null, maxLength: 6 });
    expect(state.paths).toMatchObject({ count: 0, stoppedEarly: true });
    expect(state.notice?.text).toContain('stopped early');
    expect(state.notice?.text).not.toContain('No path');
  });

  it('joins consecutive path nodes by the relationships between them, in either direction', () => {
    expect(pathRelationshipIds(path).sort()).toEqual(['kim--SIGNED--agreement', 'russia--PARTY_TO--agreement']);
  });
});

describe('notices that outlive what they told', () => {
  it('drops a notice about the selection when the selection changes by hand', () => {
    const inverted = run(loaded(), { type: 'allSelected' }, { type: 'selectionInverted' });
    expect(inverted.notice?.text).toBe('Selection inverted: no node is selected now.');
    expect(run(inverted, { type: 'selected', selection: null }).notice).toBeNull();
    const [first] = [...inverted.graph.nodes.keys()];
    expect(run(inverted, { type: 'selectionToggled', nodeId: first as string }).notice).toBeNull();
    // A notice about something else stays through a selection.
    const shown = run(loaded(), { type: 'noticeShown', text: 'Link to this view copied.' });
    expect(run(shown, { type: 'selected', selection: null }).notice?.text).toBe('Link to this view copied.');
  });

  it('drops an information notice at the next change without one of its own, and keeps an error', () => {
    const told = run(loaded(), { type: 'noticeShown', text: 'Pinned North Korea.' });
    expect(run(told, { type: 'layoutChosen', name: 'grid' }).notice).toBeNull();
    const failed = run(loaded(), { type: 'noticeShown', text: 'Could not expand.', kind: 'error' });
    expect(run(failed, { type: 'layoutChosen', name: 'grid' }).notice?.text).toBe('Could not expand.');
  });
});
