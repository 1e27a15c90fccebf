/**
 * Expansions: what one expansion of a node brought into view (so that collapsing it takes exactly that
 * away), further pages of it, and collapse.
 */
import type { ExplorerAction, ExplorerState } from './explorer-types.ts';
import { mergeGraph, removeFromGraph } from './graph-data.ts';
import { expansionNotice, nameOf, plural, relationshipCapNotice, withNotice } from './notices.ts';
import { validSelection } from './selection.ts';
import { commit } from './view-history.ts';

/**
 * What collapsing `nodeId` takes away: what its expansion added, minus what anything else keeps in view
 * (the node itself, nodes opened by name, expanded nodes, and whatever another expansion showed).
 */
export function collapseRemovals(state: Pick<ExplorerState, 'graph' | 'expansions' | 'askedFor'>, nodeId: string) {
  const expansion = state.expansions.get(nodeId);
  if (!expansion) return { nodeIds: [], relationshipIds: [] };
  const keptNodes = new Set<string>([nodeId, ...state.askedFor]);
  const keptRelationships = new Set<string>();
  for (const [otherId, other] of state.expansions) {
    if (otherId === nodeId) continue;
    keptNodes.add(otherId);
    for (const id of other.nodeIds) keptNodes.add(id);
    for (const id of other.relationshipIds) keptRelationships.add(id);
  }
  return {
    nodeIds: expansion.addedNodeIds.filter((id) => state.graph.nodes.has(id) && !keptNodes.has(id)),
    relationshipIds: expansion.addedRelationshipIds.filter((id) => state.graph.relationships.has(id) && !keptRelationships.has(id)),
  };
}

/** Neighbours arrived: they join the view, and the node's expansion records them (a further page adds to it). */
export function reduceExpanded(state: ExplorerState, expandedAction: Extract<ExplorerAction, { type: 'expanded' }>): ExplorerState {
  const { action, left, relationshipsLeft } = withinViewCap(state, expandedAction);
  const before = state.graph;
  const { data, addedNodeIds } = mergeGraph(before, action.response);
  const addedRelationshipIds = action.response.relationships.filter((rel) => !before.relationships.has(rel.id)).map((rel) => rel.id);
  const page = action.response.nodes.filter((node) => node.id !== action.nodeId).length;
  const previous = action.more ? state.expansions.get(action.nodeId) : undefined;
  // Expanded again (not a further page): what the earlier expansion added is still its to take away on
  // collapse. E twice left Collapse removing nothing, the 9 neighbours the first E added kept (new-user trial).
  const earlier = action.more ? undefined : state.expansions.get(action.nodeId);
  const shown = (previous?.shown ?? 0) + page;
  const total = Math.max(action.response.total, shown);
  const filtered = action.filtered ?? previous?.filtered ?? false;
  const expansions = new Map(state.expansions).set(action.nodeId, {
    shown,
    total,
    addedNodeIds: [...((previous ?? earlier)?.addedNodeIds ?? []), ...addedNodeIds],
    addedRelationshipIds: [...((previous ?? earlier)?.addedRelationshipIds ?? []), ...addedRelationshipIds],
    nodeIds: [...(previous?.nodeIds ?? []), ...action.response.nodes.map((n) => n.id)],
    relationshipIds: [...(previous?.relationshipIds ?? []), ...action.response.relationships.map((r) => r.id)],
    filtered,
    query: action.query ?? previous?.query ?? {},
    next: action.response.next,
  });
  const name = nameOf(data, action.nodeId);
  const capNotice = left > 0 ? ` The view holds its cap of ${(action.viewMax ?? 0).toLocaleString('en')} nodes: ${plural(left, 'more neighbour')} left out.` : '';
  // Both cuts are said: the server's (it sent only its first relationships) and the view's (it kept fewer).
  const relationshipNotice =
    relationshipCapNotice(action.response.relationshipLimit) +
    (relationshipsLeft > 0
      ? ` The view holds its cap of ${(action.relationshipMax ?? 0).toLocaleString('en')} relationships: ${plural(relationshipsLeft, 'more relationship')} among these nodes left out.`
      : '');
  const text = expansionNotice(name, shown, total, addedNodeIds.length, filtered) + capNotice + relationshipNotice;
  const opened = action.open !== undefined;
  return commit(state, `expand ${name}`, {
    graph: data,
    expansions,
    askedFor: opened ? new Set(state.askedFor).add(action.nodeId) : state.askedFor,
    anchorId: action.nodeId,
    busy: null,
    ...withNotice(state, text),
    ...(opened ? { selection: { kind: 'node', id: action.nodeId }, focus: { id: action.nodeId, seq: state.seq + 1 } } : {}),
  });
}

type Expanded = Extract<ExplorerAction, { type: 'expanded' }>;

/**
 * The answer cut to the room left in the view, nodes (withinNodeCap) then relationships
 * (withinRelationshipCap). `left`: new neighbours left out; `relationshipsLeft`: new relationships left out.
 */
function withinViewCap(state: ExplorerState, expanded: Expanded): { action: Expanded; left: number; relationshipsLeft: number } {
  const { action, left } = withinNodeCap(state, expanded);
  return { ...withinRelationshipCap(state, action), left };
}

/**
 * The answer's new relationships cut to the room left in the view (`relationshipMax`), the expanded node's
 * own first so that every neighbour kept stays joined to it.
 */
function withinRelationshipCap(state: ExplorerState, action: Expanded): { action: Expanded; relationshipsLeft: number } {
  const { response, relationshipMax, nodeId } = action;
  if (relationshipMax === undefined) return { action, relationshipsLeft: 0 };
  const fresh = response.relationships.filter((rel) => !state.graph.relationships.has(rel.id));
  const room = Math.max(0, relationshipMax - state.graph.relationships.size);
  if (fresh.length <= room) return { action, relationshipsLeft: 0 };
  const own = (rel: (typeof fresh)[number]) => rel.source === nodeId || rel.target === nodeId;
  const kept = new Set([...fresh.filter(own), ...fresh.filter((rel) => !own(rel))].slice(0, room).map((rel) => rel.id));
  const relationships = response.relationships.filter((rel) => state.graph.relationships.has(rel.id) || kept.has(rel.id));
  return { action: { ...action, response: { ...response, relationships } }, relationshipsLeft: fresh.length - room };
}

/**
 * The answer cut to the room left in the view (`viewMax` nodes): the neighbours in their order, new ones
 * only while they fit, the relationships among what is kept, and the cursor moved back to the last kept
 * neighbour so that "Add the next" goes on from there. `left`: new neighbours left out.
 */
function withinNodeCap(state: ExplorerState, action: Expanded) {
  const { response, viewMax, nodeId } = action;
  if (viewMax === undefined) return { action, left: 0 };
  let room = Math.max(0, viewMax - state.graph.nodes.size - (state.graph.nodes.has(nodeId) ? 0 : 1));
  // Cut at the first new neighbour that does not fit, so that the cursor leaves none out.
  const kept: typeof response.nodes = [];
  let left = 0;
  for (const node of response.nodes) {
    const fresh = node.id !== nodeId && !state.graph.nodes.has(node.id);
    if (left > 0 || (fresh && room === 0)) {
      if (fresh) left += 1;
      if (node.id === nodeId) kept.push(node);
      continue;
    }
    kept.push(node);
    if (fresh) room -= 1;
  }
  if (left === 0) return { action, left };
  const ids = new Set(kept.map((node) => node.id));
  const relationships = response.relationships.filter((rel) => ids.has(rel.source) && ids.has(rel.target));
  const last = kept.filter((node) => node.id !== nodeId).at(-1);
  const next = last ? last.elementId : response.next;
  return { action: { ...action, response: { ...response, nodes: kept, relationships, next } }, left };
}

/**
 * Collapse: takes away what the node's expansion added (nodes nothing else keeps in view). A collapse that
 * takes nothing away changes nothing on screen, so it is no step of undo: it forgets the expansion (the
 * node can be expanded again) and says why nothing left. Undo after one undid nothing that could be seen
 * (new-user trial).
 */
export function reduceCollapsed(state: ExplorerState, action: Extract<ExplorerAction, { type: 'collapsed' }>): ExplorerState {
  const name = nameOf(state.graph, action.nodeId);
  if (!state.expansions.has(action.nodeId)) return { ...state, ...withNotice(state, `${name} has no expansion to collapse.`) };
  const removal = collapseRemovals(state, action.nodeId);
  const graph = removeFromGraph(state.graph, removal.nodeIds, removal.relationshipIds);
  const expansions = new Map(state.expansions);
  expansions.delete(action.nodeId);
  // An expansion that added nothing (its neighbours were all in view) takes nothing away: said so, rather
  // than credit other expansions with keeping what it never added (new-user trial).
  const added = state.expansions.get(action.nodeId)?.addedNodeIds.length ?? 0;
  const text =
    removal.nodeIds.length > 0
      ? `Collapsed ${name}: ${plural(removal.nodeIds.length, 'node')} left the view.`
      : removal.relationshipIds.length > 0
        ? `Collapsed ${name}: ${plural(removal.relationshipIds.length, 'relationship')} left the view, no node.`
        : added === 0
          ? `Collapsed ${name}: its expansion added no node, so none left the view.`
          : `Collapsed ${name}: everything it added is kept in view by other expansions.`;
  if (removal.nodeIds.length === 0 && removal.relationshipIds.length === 0) return { ...state, expansions, anchorId: null, ...withNotice(state, text) };
  return commit(state, `collapse ${name}`, {
    graph,
    expansions,
    anchorId: null,
    selection: validSelection(state.selection, graph),
    ...withNotice(state, text),
  });
}
