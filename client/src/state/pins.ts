/**
 * Pinning, as Bloom users expect: a pinned node keeps its place through every layout (the others are
 * arranged around it), through undo and redo (pins are part of the view) and in shared links. Dragging a
 * pinned node moves its pin.
 */
import type { ExplorerState } from './explorer-types.ts';
import { nameOf, plural, withNotice } from './notices.ts';
import { selectedNodeIds } from './selection.ts';
import { commit } from './view-history.ts';

/** Pins the selected nodes, or unpins them when each one is pinned already. */
export function reducePinToggled(state: ExplorerState): ExplorerState {
  const ids = selectedNodeIds(state);
  if (ids.length === 0) return { ...state, ...withNotice(state, 'Select the nodes to pin first.') };
  const unpin = ids.every((id) => state.pinned.has(id));
  const pinned = new Set(state.pinned);
  for (const id of ids) {
    if (unpin) pinned.delete(id);
    else pinned.add(id);
  }
  const what = ids.length === 1 ? nameOf(state.graph, ids[0] as string) : plural(ids.length, 'node');
  const text = unpin ? `Unpinned ${what}.` : `Pinned ${what}: layouts keep ${ids.length === 1 ? 'it' : 'them'} where ${ids.length === 1 ? 'it is' : 'they are'}.`;
  return commit(state, `${unpin ? 'unpin' : 'pin'} ${what}`, { pinned, ...withNotice(state, text) });
}

/** Takes every pin out. */
export function reduceAllUnpinned(state: ExplorerState): ExplorerState {
  const inView = [...state.pinned].filter((id) => state.graph.nodes.has(id)).length;
  if (state.pinned.size === 0) return { ...state, ...withNotice(state, 'No node is pinned.') };
  return commit(state, 'unpin all', { pinned: new Set(), ...withNotice(state, `Unpinned ${plural(inView, 'node')}.`) });
}
