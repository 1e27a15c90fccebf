/**
 * The explorer's keyboard map (see the hints in the details panel): search, expand / collapse / path on
 * the selected node, select all / invert, hide / show only / show hidden, remove, undo / redo, fit,
 * zoom and fullscreen, the details panel and the sidebar, Esc.
 */
import type { Dispatch } from 'react';
import { ZOOM_STEP } from '../graph/GraphCanvas.tsx';
import type { ExplorerAction, ExplorerState } from './explorer-state.ts';
import type { Shortcut } from './use-shortcuts.ts';

export interface ShortcutContext {
  state: ExplorerState;
  dispatch: Dispatch<ExplorerAction>;
  focusSearch(): void;
  expand(nodeId: string, options?: { choose?: boolean }): void;
  collapse(nodeId: string): void;
  fit(): void;
  zoom(factor: number): void;
  /** Enters or leaves fullscreen for the canvas. */
  fullscreen(): void;
  /** Opens the context menu for the selection (or the background when nothing is selected). */
  contextMenu(): void;
  /** Shows or hides the details panel (it overlays the canvas in a narrow window). */
  toggleDetails(): void;
  /** Collapses the sidebar to its rail of icons, or opens it again. */
  toggleSidebar(): void;
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
    { key: 'e', shift: false, run: onNode((id) => context.expand(id)) },
    { key: 'e', shift: true, run: onNode((id) => context.expand(id, { choose: true })) },
    { key: 'ContextMenu', notOnControls: true, run: context.contextMenu },
    { key: 'i', run: context.toggleDetails },
    { key: '[', run: context.toggleSidebar },
    { key: 'F10', shift: true, notOnControls: true, run: context.contextMenu },
    { key: 'c', run: onNode(context.collapse) },
    { key: 'p', shift: false, run: onNode((id) => dispatch({ type: 'pathPickStarted', fromId: id })) },
    { key: 'p', shift: true, run: () => dispatch({ type: 'pinToggled' }) },
    { key: 'a', mod: true, run: () => dispatch({ type: 'allSelected' }) },
    { key: 'i', mod: true, run: () => dispatch({ type: 'selectionInverted' }) },
    { key: 'h', shift: false, run: () => dispatch({ type: 'selectionHidden' }) },
    { key: 'h', shift: true, run: () => dispatch({ type: 'hiddenShown' }) },
    { key: 'o', run: () => dispatch({ type: 'othersHidden' }) },
    { key: 'Delete', run: () => dispatch({ type: 'selectionRemoved' }) },
    { key: 'Backspace', run: () => dispatch({ type: 'selectionRemoved' }) },
    { key: 'f', shift: false, run: context.fit },
    { key: 'f', shift: true, run: context.fullscreen },
    { key: '+', run: () => context.zoom(ZOOM_STEP) },
    { key: '=', run: () => context.zoom(ZOOM_STEP) },
    { key: '-', run: () => context.zoom(1 / ZOOM_STEP) },
    {
      key: 'Escape',
      run: () => (state.pathPick ? dispatch({ type: 'pathPickCancelled' }) : dispatch({ type: 'selected', selection: null })),
    },
  ];
}
