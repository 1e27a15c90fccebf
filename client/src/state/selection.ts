/**
 * The selection: what the side panel shows (one node or one relationship, by transport id, or nothing),
 * the nodes selected besides it, and the rules that keep them valid as the view changes.
 */
import type { ExplorerState } from './explorer-types.ts';
import type { GraphData } from './graph-data.ts';

/** What the side panel shows: one node or one relationship, by transport id, or nothing. */
export type Selection = { kind: 'node'; id: string } | { kind: 'relationship'; id: string } | null;

/**
 * A request to centre the view on a node (`id`), or with `also`, to fit it and those nodes together;
 * `seq` makes asking twice for the same node count.
 */
export interface FocusRequest {
  id: string;
  also?: readonly string[];
  seq: number;
}

/** The selection, or null when it points at something no longer in `graph`. */
export function validSelection(selection: Selection, graph: GraphData): Selection {
  if (selection === null) return null;
  const present = selection.kind === 'node' ? graph.nodes.has(selection.id) : graph.relationships.has(selection.id);
  return present ? selection : null;
}

/** Every selected node: the multi-selection, then the node the details panel shows. */
export function selectedNodeIds(state: Pick<ExplorerState, 'selection' | 'alsoSelected'>): string[] {
  return state.selection?.kind === 'node' ? [...state.alsoSelected, state.selection.id] : [];
}

/** Every selected relationship: the multi-selection (a type's sample), then the one the details panel shows. */
export function selectedRelationshipIds(state: Pick<ExplorerState, 'selection' | 'alsoSelected'>): string[] {
  return state.selection?.kind === 'relationship' ? [...state.alsoSelected, state.selection.id] : [];
}

/** "SIGNED", "3 SIGNED relationships", "3 relationships": what a Del or an H of `ids` took. */
export function relationshipsName(graph: GraphData, ids: readonly string[]): string {
  const types = new Set(ids.map((id) => graph.relationships.get(id)?.type ?? 'relationship'));
  const [type] = types;
  if (ids.length === 1) return type ?? 'relationship';
  return `${ids.length} ${types.size === 1 ? `${type} ` : ''}relationships`;
}

/** The nodes a selection stands for: the selected nodes, or every selected relationship's two ends. */
export function selectionEndIds(state: Pick<ExplorerState, 'selection' | 'alsoSelected' | 'graph'>): string[] {
  if (state.selection?.kind !== 'relationship') return selectedNodeIds(state);
  const ends = new Set<string>();
  for (const id of selectedRelationshipIds(state)) {
    const relationship = state.graph.relationships.get(id);
    if (relationship) ends.add(relationship.source).add(relationship.target);
  }
  return [...ends];
}

/** Shift+click on `nodeId`: it joins the selection (as the one shown), or leaves it. */
export function toggleSelected(state: ExplorerState, nodeId: string): Pick<ExplorerState, 'selection' | 'alsoSelected'> {
  const selected = selectedNodeIds(state);
  if (!selected.includes(nodeId)) return { selection: { kind: 'node', id: nodeId }, alsoSelected: selected };
  const rest = selected.filter((id) => id !== nodeId);
  const last = rest.at(-1);
  return last === undefined ? { selection: null, alsoSelected: [] } : { selection: { kind: 'node', id: last }, alsoSelected: rest.slice(0, -1) };
}

/** Shift+drag: the boxed nodes join the selected ones; the details panel keeps its node, or shows the first. */
export function addToSelection(state: ExplorerState, nodeIds: readonly string[]): Pick<ExplorerState, 'selection' | 'alsoSelected'> {
  const inView = nodeIds.filter((id) => state.graph.nodes.has(id));
  const selected = selectedNodeIds(state);
  const shown = state.selection?.kind === 'node' ? state.selection.id : inView[0];
  if (shown === undefined) return { selection: state.selection, alsoSelected: state.alsoSelected };
  const also = [...new Set([...selected, ...inView])].filter((id) => id !== shown);
  return { selection: { kind: 'node', id: shown }, alsoSelected: also };
}

/**
 * The multi-selection holds only elements in view of the shown selection's kind (nodes beside a node,
 * relationships beside a relationship), never the shown one twice, and nothing without a shown one:
 * whatever an action did to the graph or the selection, it can't outlive them.
 */
export function withValidMultiSelection(state: ExplorerState): ExplorerState {
  if (state.alsoSelected.length === 0) return state;
  const shown = state.selection;
  const present = shown?.kind === 'relationship' ? state.graph.relationships : state.graph.nodes;
  const kept = shown === null ? [] : state.alsoSelected.filter((id) => id !== shown.id && present.has(id));
  return kept.length === state.alsoSelected.length ? state : { ...state, alsoSelected: kept };
}

/** Ctrl+A: every node drawn (`drawn`, in view order) is selected; the details panel keeps its node, or shows the first. */
export function selectAll(state: ExplorerState, drawn: readonly string[]): Pick<ExplorerState, 'selection' | 'alsoSelected'> {
  if (drawn.length === 0) return { selection: null, alsoSelected: [] };
  const kept = state.selection?.kind === 'node' && drawn.includes(state.selection.id) ? state.selection.id : (drawn[0] as string);
  return { selection: { kind: 'node', id: kept }, alsoSelected: drawn.filter((id) => id !== kept) };
}

/** Ctrl+I: the drawn nodes that were not selected become the selection, and the selected ones leave it. */
export function invertSelection(state: ExplorerState, drawn: readonly string[]): Pick<ExplorerState, 'selection' | 'alsoSelected'> {
  const selected = new Set(selectedNodeIds(state));
  const rest = drawn.filter((id) => !selected.has(id));
  const first = rest[0];
  return first === undefined ? { selection: null, alsoSelected: [] } : { selection: { kind: 'node', id: first }, alsoSelected: rest.slice(1) };
}
