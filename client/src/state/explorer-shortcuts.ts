/**
 * The explorer's keyboard map (see the hints in the details panel): search, expand / collapse / path on
 * the selected node, remove, undo / redo, fit and zoom, Esc.
 */
import type { Dispatch } from 'react';
import { ZOOM_STEP } from '../graph/GraphCanvas.tsx';
import type { ExplorerAction, ExplorerState } from './explorer-state.ts';
import type { Shortcut } from './use-shortcuts.ts';

export interface ShortcutContext {
  state: ExplorerState;
  dispatch: Dispatch<ExplorerAction>;
  focusSearch(): void;
  expand(nodeId: string): void;
  collapse(nodeId: string): void;
  fit(): void;
  zoom(factor: number): void;
}

export function explorerShortcuts(context: ShortcutContext): Shortcut[] {
  const { state, dispatch } = context;
  const selectedNode = state.selection?.kind === 'node' ? state.selection.id : null;
  const onNode = (run: (id: string) => void) => () => {
    if (selectedNode) run(selectedNode);
  };
  return [
    { key: '/', run: context.focusSearch },
    { key: 'k', mod: true, global: true, run: context.focusSearch },
    { key: 'z', mod: true, shift: false, run: () => dispatch({ type: 'undo' }) },
    { key: 'z', mod: true, shift: true, run: () => dispatch({ type: 'redo' }) },
    { key: 'y', mod: true, run: () => dispatch({ type: 'redo' }) },
    { key: 'e', run: onNode(context.expand) },
    { key: 'c', run: onNode(context.collapse) },
    { key: 'p', run: onNode((id) => dispatch({ type: 'pathPickStarted', fromId: id })) },
    { key: 'Delete', run: () => dispatch({ type: 'selectionRemoved' }) },
    { key: 'Backspace', run: () => dispatch({ type: 'selectionRemoved' }) },
    { key: 'f', run: context.fit },
    { key: '+', run: () => context.zoom(ZOOM_STEP) },
    { key: '=', run: () => context.zoom(ZOOM_STEP) },
    { key: '-', run: () => context.zoom(1 / ZOOM_STEP) },
    {
      key: 'Escape',
      run: () => (state.pathPick ? dispatch({ type: 'pathPickCancelled' }) : dispatch({ type: 'selected', selection: null })),
    },
  ];
}
