import { describe, expect, it } from 'vitest';
import { explorerReducer, initialState, type ExplorerAction, type ExplorerState } from '../../client/src/state/explorer-state.ts';
import { DEFAULT_FILTERS } from '../../client/src/state/filters.ts';
import { decodeView, linkFor } from '../../client/src/state/url-state.ts';
import { node, rel } from '../support/client-graph.fixtures.ts';

function loaded(pinned?: string[]): ExplorerState {
  return explorerReducer(initialState(), {
    type: 'overviewLoaded',
    graph: { nodes: [node('russia', ['Country']), node('north-korea', ['Country']), node('kim', ['Person'])], relationships: [rel('kim', 'LEADS', 'north-korea')] },
    positions: {},
    ...(pinned ? { pinned } : {}),
  });
}
const run = (state: ExplorerState, ...actions: ExplorerAction[]) => actions.reduce(explorerReducer, state);

describe('pinning', () => {
  it('pins the selection, unpins it when every node was pinned, and undo and redo carry the pins', () => {
    const pinned = run(loaded(), { type: 'selected', selection: { kind: 'node', id: 'kim' } }, { type: 'selectionToggled', nodeId: 'russia' }, { type: 'pinToggled' });
    expect([...pinned.pinned].sort()).toEqual(['kim', 'russia']);
    expect(pinned.notice?.text).toBe('Pinned 2 nodes: layouts keep them where they are.');
    // One of them unpinned alone, then both: not every one was pinned, so both are pinned again.
    const kimOnly = run(pinned, { type: 'selected', selection: { kind: 'node', id: 'kim' } }, { type: 'pinToggled' });
    expect([...kimOnly.pinned]).toEqual(['russia']);
    expect(kimOnly.notice?.text).toBe('Unpinned kim.');
    expect([...run(kimOnly, { type: 'undo' }).pinned].sort()).toEqual(['kim', 'russia']);
    expect([...run(kimOnly, { type: 'undo' }, { type: 'redo' }).pinned]).toEqual(['russia']);
    const none = run(kimOnly, { type: 'allUnpinned' });
    expect(none.pinned.size).toBe(0);
    expect(run(none, { type: 'allUnpinned' }).notice?.text).toBe('No node is pinned.');
  });

  it('asks for a selection before pinning', () => {
    const state = run(loaded(), { type: 'pinToggled' });
    expect(state.pinned.size).toBe(0);
    expect(state.notice?.text).toBe('Select the nodes to pin first.');
  });

  it('travels in a shared link (pin=), only for nodes of the link, and comes back from it', () => {
    const view = { nodeIds: ['russia', 'kim', 'north-korea'], selection: null, layoutName: 'circle', filters: DEFAULT_FILTERS, pinned: ['kim', 'elsewhere'] };
    const { hash } = linkFor(view);
    expect(hash).toContain('pin=kim');
    expect(hash).not.toContain('elsewhere');
    expect(decodeView(hash)?.pinned).toEqual(['kim']);
    const opened = loaded(decodeView(hash)?.pinned as string[]);
    expect([...opened.pinned]).toEqual(['kim']);
    // A pin naming a node the link no longer finds is dropped.
    expect([...loaded(['gone', 'russia']).pinned]).toEqual(['russia']);
  });
});
