/**
 * Shortest paths between two nodes: the highlight they become in the view, or the notice that there is none.
 */
import type { PathsResponse } from '../../../server/src/contract.ts';
import type { ExplorerAction, ExplorerState, PathHighlight } from './explorer-types.ts';
import { mergeGraph } from './graph-data.ts';
import { nameOf, plural, withNotice } from './notices.ts';
import { commit } from './view-history.ts';

/** The relationships that join consecutive nodes of each path. */
export function pathRelationshipIds(response: PathsResponse): string[] {
  const ids = new Set<string>();
  for (const path of response.paths) {
    for (let i = 0; i + 1 < path.length; i++) {
      const a = path[i];
      const b = path[i + 1];
      for (const rel of response.relationships) {
        if ((rel.source === a && rel.target === b) || (rel.source === b && rel.target === a)) ids.add(rel.id);
      }
    }
  }
  return [...ids];
}

/** Paths arrived: the first found joins the view and is highlighted (an undoable change); none: a notice. */
export function reducePathsFound(state: ExplorerState, action: Extract<ExplorerAction, { type: 'pathsFound' }>): ExplorerState {
  const { response } = action;
  const from = nameOf(state.graph, action.fromId);
  const pathsNodes = response.paths.flat();
  const found = response.paths.length > 0 && pathsNodes.length > 0;
  const base = { busy: null, pathPick: null };
  if (!found) {
    const stoppedEarly = response.searched.stoppedEarly;
    const { fromId, toId, minCertainty, maxLength } = action;
    const paths: PathHighlight = { fromId, toId, nodeIds: [], relationshipIds: [], routes: [], count: 0, length: 0, maxLength, minCertainty, stoppedEarly };
    const to = nameOf(mergeGraph(state.graph, response).data, action.toId);
    const text = stoppedEarly
      ? `The search between ${from} and ${to} stopped early: it would have read more than ${response.searched.budget.toLocaleString('en')} relationships. A longer path may exist.`
      : `No path of up to ${plural(maxLength, 'step')} between ${from} and ${to}.`;
    return { ...state, ...base, paths, ...withNotice(state, text) };
  }
  const { data } = mergeGraph(state.graph, response);
  const to = nameOf(data, action.toId);
  const length = Math.min(...response.paths.map((path) => path.length - 1));
  const paths: PathHighlight = {
    fromId: action.fromId,
    toId: action.toId,
    nodeIds: [...new Set(pathsNodes)],
    relationshipIds: pathRelationshipIds(response),
    routes: response.paths,
    count: response.paths.length,
    length,
    maxLength: action.maxLength,
    minCertainty: action.minCertainty,
    stoppedEarly: false,
  };
  const askedFor = new Set(state.askedFor).add(action.fromId).add(action.toId);
  const text = `${plural(paths.count, 'shortest path')} of ${plural(length, 'step')} between ${from} and ${to}.`;
  return commit(state, `paths ${from} → ${to}`, { ...base, graph: data, paths, askedFor, anchorId: null, ...withNotice(state, text) });
}
