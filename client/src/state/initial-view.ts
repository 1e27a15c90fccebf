/**
 * The explorer's first view: the one the URL's hash describes (a shared view, its nodes fetched by id,
 * drawn where the link puts them and through its camera), else the overview; nodes the link gives no
 * position go where this browser last saw them.
 */
import type { Dispatch } from 'react';
import type { Graph, ViewGraph } from '../../../server/src/contract.ts';
import { DEFAULT_REQUEST_LIMITS, fetchGraphByIds, fetchOverview } from '../api/graph-api.ts';
import { viewMaxNodes } from '../api/server-limits.ts';
import { ApiError, errorMessage, isAbort, type AnyErrorCode } from '../api/http.ts';
import type { ExplorerAction, Positions } from './explorer-types.ts';
import { decodeView } from './url-state.ts';
import { relationshipCapNotice } from './notices.ts';
import { loadPositions } from './view-storage.ts';

function failureCode(error: unknown): AnyErrorCode {
  return error instanceof ApiError ? error.code : 'INTERNAL';
}

/** The remembered positions of the nodes of `graph`. */
function knownPositions(graph: Graph, stored: Positions): Positions {
  return Object.fromEntries(
    graph.nodes.flatMap((node) => {
      const position = stored[node.id];
      return position ? [[node.id, position]] : [];
    }),
  );
}

/**
 * What the overview says when it is not the whole story: a link that names no nodes (its view was too large
 * for a link: a reload of such a view showed the overview without a word), or an overview cut at its limit.
 */
export function overviewNotice(graph: ViewGraph, fromLink: boolean): string | undefined {
  const count = graph.nodes.length.toLocaleString('en-US');
  const cut = graph.nodes.length >= DEFAULT_REQUEST_LIMITS.overview;
  const what = cut ? `an overview of the first ${count} nodes the database holds` : 'the overview';
  const relationships = relationshipCapNotice(graph.relationshipLimit);
  if (fromLink) return `This link names no nodes (its view was too large for a link): showing ${what}. Share the query that built a large view instead.${relationships}`;
  if (cut) return `Showing the first ${count} nodes the database holds: search, a label in the schema or the workbench brings in others.${relationships}`;
  return relationships === '' ? undefined : `Showing the overview.${relationships}`;
}

/**
 * What opening a shared view says: restored, or how many of its nodes no longer exist, or, for a link that
 * names more nodes than a view holds (`cap`), that only the first ones are shown (the others do exist: a
 * hand-made link of 25,000 ids said 5,000 "no longer exist").
 */
export function sharedViewNotice(named: number, found: number, cap: number): string {
  if (named > cap) return `This link names ${named.toLocaleString('en')} nodes, more than the ${cap.toLocaleString('en')} one view holds: the first ${found.toLocaleString('en')} found are shown.`;
  const missing = named - found;
  return missing > 0 ? `${missing} node${missing === 1 ? '' : 's'} of the shared view no longer exist.` : 'Shared view restored.';
}

/** Loads the first view and dispatches `overviewLoaded` (or `overviewFailed`); nothing once `signal` aborts. */
export function loadInitialView(dispatch: Dispatch<ExplorerAction>, signal?: AbortSignal): void {
  dispatch({ type: 'overviewRequested' });
  const shared = decodeView(window.location.hash);
  const stored = loadPositions();
  const load = async () => {
    if (shared && shared.nodeIds.length > 0) {
      const graph = await fetchGraphByIds(shared.nodeIds, signal);
      const missing = shared.nodeIds.length - graph.nodes.length;
      dispatch({
        type: 'overviewLoaded',
        graph,
        positions: knownPositions(graph, { ...stored, ...shared.positions }),
        filters: shared.filters,
        layoutName: shared.layoutName ?? undefined,
        selection: shared.selection,
        ...(shared.camera ? { camera: shared.camera } : {}),
        ...(shared.pinned ? { pinned: shared.pinned } : {}),
        notice: sharedViewNotice(shared.nodeIds.length, graph.nodes.length, viewMaxNodes()) + relationshipCapNotice(graph.relationshipLimit),
        fromLink: true,
      });
      return;
    }
    const graph = await fetchOverview(undefined, signal);
    const unreadable = shared === null && /^#?v=/.test(window.location.hash);
    dispatch({
      type: 'overviewLoaded',
      graph,
      positions: knownPositions(graph, stored),
      filters: shared?.filters,
      selection: shared?.selection,
      ...(unreadable
        ? { notice: 'This link could not be read (another version of the explorer made it, or it was cut short): showing the overview.' }
        : overviewNotice(graph, shared !== null)
          ? { notice: overviewNotice(graph, shared !== null) }
          : {}),
    });
  };
  load().catch((error: unknown) => {
    if (isAbort(error)) return;
    dispatch({ type: 'overviewFailed', code: failureCode(error), message: errorMessage(error) });
  });
}
