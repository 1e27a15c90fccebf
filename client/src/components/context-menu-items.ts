/**
 * What the context menu offers for what was right-clicked (or for the selection, by keyboard): a node, a
 * relationship or the background. Each item does what a toolbar button, a panel button or a key does, and
 * shows that key.
 */
import type { Dispatch } from 'react';
import type { ContextTarget } from '../graph/GraphCanvas.tsx';
import { LAYOUTS } from '../graph/layouts.ts';
import { nodeCaption } from '../graph/labels.ts';
import type { ExplorerAction, ExplorerState } from '../state/explorer-state.ts';
import type { HiddenElements } from '../state/filters.ts';
import { plural } from '../state/notices.ts';
import { relationshipsName, selectedNodeIds, selectedRelationshipIds, selectionEndIds } from '../state/selection.ts';
import { copyText } from '../workbench/clipboard.ts';
import type { MenuGroup } from './ContextMenu.tsx';

/** What the menu is about: an element by transport id, or the background. */
export type MenuTarget = ContextTarget;

export interface MenuContext {
  state: ExplorerState;
  hidden: HiddenElements;
  dispatch: Dispatch<ExplorerAction>;
  expand(nodeId: string, options?: { choose?: boolean }): void;
  collapse(nodeId: string): void;
  fit(): void;
  /** Selects the element and shows its evidence in the details panel (leaving fullscreen, which hides the panel). */
  showEvidence(selection: { kind: 'node' | 'relationship'; id: string }): void;
}

/** The menu's title (for its accessible name) and its groups of items. */
export function contextMenuFor(target: MenuTarget, context: MenuContext): { title: string; groups: MenuGroup[] } {
  const { state, dispatch } = context;
  const copy = (what: string, text: string) =>
    void copyText(text).then((done) => dispatch({ type: 'noticeShown', text: done ? `Copied ${what}.` : `Could not copy ${what}: the browser refused.`, kind: done ? 'info' : 'error' }));
  const hide = { label: 'Hide', shortcut: 'H', run: () => dispatch({ type: 'selectionHidden' }), testId: 'menu-hide' };
  // An element of a multi-selection stands for all of it: its menu acts on the whole selection (as in
  // Bloom), and says so. Shift+F10 with 27 nodes selected offered one node's Expand and Copy id.
  const selected = state.selection ? [state.selection.id, ...state.alsoSelected] : [];
  if (target.kind !== 'background' && selected.length > 1 && selected.includes(target.id)) return selectionMenu(context, copy);

  if (target.kind === 'node') {
    const node = state.graph.nodes.get(target.id);
    const id = target.id;
    const name = node ? nodeCaption(node) : id;
    const neighbours = [...state.graph.relationships.values()]
      .filter((rel) => !context.hidden.relationships.has(rel.id) && (rel.source === id || rel.target === id))
      .map((rel) => (rel.source === id ? rel.target : rel.source));
    return {
      title: name,
      groups: [
        {
          items: [
            { label: 'Expand', shortcut: 'E', run: () => context.expand(id), testId: 'menu-expand' },
            { label: 'Expand: choose neighbours…', shortcut: 'Shift+E', run: () => context.expand(id, { choose: true }), testId: 'menu-expand-choose' },
            { label: 'Collapse', shortcut: 'C', disabled: !state.expansions.has(id), run: () => context.collapse(id), testId: 'menu-collapse' },
            hide,
            { label: state.pinned.has(id) ? 'Unpin' : 'Pin', shortcut: 'Shift+P', run: () => dispatch({ type: 'pinToggled' }), testId: 'menu-pin' },
          ],
        },
        {
          items: [
            { label: 'Select neighbours', disabled: neighbours.length === 0, run: () => dispatch({ type: 'nodesBoxSelected', nodeIds: neighbours }), testId: 'menu-select-neighbours' },
            { label: 'Shortest path from here', shortcut: 'P', run: () => dispatch({ type: 'pathPickStarted', fromId: id }), testId: 'menu-path' },
            { label: 'Show evidence', run: () => context.showEvidence({ kind: 'node', id }), testId: 'menu-evidence' },
          ],
        },
        {
          items: [
            { label: 'Copy id', run: () => copy(`the id of ${name}`, id), testId: 'menu-copy-id' },
            { label: 'Copy properties as JSON', run: () => copy(`the properties of ${name}`, JSON.stringify(node?.properties ?? {}, null, 2)), testId: 'menu-copy-properties' },
          ],
        },
      ],
    };
  }

  if (target.kind === 'relationship') {
    const rel = state.graph.relationships.get(target.id);
    const what = rel?.type ?? 'relationship';
    return {
      title: what,
      groups: [
        {
          items: [
            { label: 'Show evidence', run: () => context.showEvidence({ kind: 'relationship', id: target.id }), testId: 'menu-evidence' },
            {
              label: 'Select its ends',
              disabled: !rel,
              run: () => {
                if (!rel) return;
                dispatch({ type: 'selected', selection: { kind: 'node', id: rel.source } });
                dispatch({ type: 'nodesBoxSelected', nodeIds: [rel.target] });
              },
              testId: 'menu-select-ends',
            },
            hide,
          ],
        },
        { items: [{ label: 'Copy as JSON', run: () => copy(`the ${what} relationship`, JSON.stringify(rel ?? {}, null, 2)), testId: 'menu-copy-relationship' }] },
      ],
    };
  }

  const hiddenByHand = context.hidden.byHand.nodes + context.hidden.byHand.relationships;
  return {
    title: 'the view',
    groups: [
      {
        items: [
          { label: 'Fit', shortcut: 'F', run: context.fit, testId: 'menu-fit' },
          { label: 'Select all', shortcut: 'Ctrl+A', run: () => dispatch({ type: 'allSelected' }), testId: 'menu-select-all' },
          { label: 'Invert selection', shortcut: 'Ctrl+I', run: () => dispatch({ type: 'selectionInverted' }), testId: 'menu-invert' },
          { label: 'Show hidden', shortcut: 'Shift+H', disabled: hiddenByHand === 0, run: () => dispatch({ type: 'hiddenShown' }), testId: 'menu-show-hidden' },
          { label: 'Unpin all', disabled: state.pinned.size === 0, run: () => dispatch({ type: 'allUnpinned' }), testId: 'menu-unpin-all' },
        ],
      },
      {
        heading: 'Layout',
        items: LAYOUTS.map((layout) => ({
          label: layout.title,
          checked: state.layoutName === layout.name,
          run: () => dispatch({ type: 'layoutChosen', name: layout.name }),
          testId: `menu-layout-${layout.name}`,
        })),
      },
    ],
  };
}

/** The menu of a multi-selection (nodes, or relationships): what acts on all of it. */
function selectionMenu(context: MenuContext, copy: (what: string, text: string) => void): { title: string; groups: MenuGroup[] } {
  const { state, dispatch } = context;
  const isNode = state.selection?.kind === 'node';
  const ids = isNode ? selectedNodeIds(state) : selectedRelationshipIds(state);
  const what = isNode ? plural(ids.length, 'node') : relationshipsName(state.graph, ids);
  const kept = new Set(ids);
  const ends = selectionEndIds(state);
  const neighbours = new Set<string>();
  for (const rel of state.graph.relationships.values()) {
    if (context.hidden.relationships.has(rel.id)) continue;
    if (kept.has(rel.source) && !kept.has(rel.target)) neighbours.add(rel.target);
    if (kept.has(rel.target) && !kept.has(rel.source)) neighbours.add(rel.source);
  }
  const allPinned = isNode && ids.every((id) => state.pinned.has(id));
  const acting = [
    { label: `Hide ${what}`, shortcut: 'H', run: () => dispatch({ type: 'selectionHidden' }), testId: 'menu-hide' },
    { label: 'Show only these', shortcut: 'O', run: () => dispatch({ type: 'othersHidden' }), testId: 'menu-show-only' },
    ...(isNode ? [{ label: allPinned ? 'Unpin them' : 'Pin them', shortcut: 'Shift+P', run: () => dispatch({ type: 'pinToggled' }), testId: 'menu-pin' }] : []),
    { label: 'Remove from view', shortcut: 'Del', run: () => dispatch({ type: 'selectionRemoved' }), testId: 'menu-remove' },
  ];
  const selecting = isNode
    ? { label: 'Select their neighbours', disabled: neighbours.size === 0, run: () => dispatch({ type: 'nodesBoxSelected', nodeIds: [...neighbours] }), testId: 'menu-select-neighbours' }
    : {
        label: 'Select their ends',
        run: () => {
          const [first, ...rest] = ends;
          if (first === undefined) return;
          dispatch({ type: 'selected', selection: { kind: 'node', id: first } });
          dispatch({ type: 'nodesBoxSelected', nodeIds: rest });
        },
        testId: 'menu-select-ends',
      };
  const copying = isNode
    ? { label: 'Copy ids as JSON', run: () => copy(`the ids of ${what}`, JSON.stringify(ids, null, 2)), testId: 'menu-copy-id' }
    : { label: 'Copy as JSON', run: () => copy(what, JSON.stringify(ids.map((id) => state.graph.relationships.get(id)), null, 2)), testId: 'menu-copy-relationship' };
  return { title: `${what} selected`, groups: [{ items: acting }, { items: [selecting] }, { items: [copying] }] };
}
