/**
 * The explorer's state (explorer-state.ts) with the API calls that feed it: the first view (a shared view
 * from the URL, else the overview), expansion with its over-the-cap dialog, collapse, opening nodes by
 * name, paths (from the form or "path from here" + a click), label samples. Components call `actions`;
 * only this hook talks to the API for the view. An undo or redo cancels what the view is waiting for
 * (use-view-requests.ts).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Certainty, GraphNode } from '../../../server/src/contract.ts';
import { viewMaxNodes, viewMaxRelationships } from '../api/server-limits.ts';
import type { NeighborsResponse } from '../../../server/src/contract.ts';
import type { NeighborQuery } from '../api/browse-types.ts';
import {
  DEFAULT_REQUEST_LIMITS,
  fetchLabelSample,
  fetchTypeSample,
  fetchNeighbors,
  fetchNode,
  fetchPaths,
} from '../api/graph-api.ts';
import { ApiError, errorMessage } from '../api/http.ts';
import { nodeCaption } from '../graph/labels.ts';
import { explorerReducer, initialState, type Camera, type ExplorerAction, type ExplorerState } from './explorer-state.ts';
import { loadInitialView } from './initial-view.ts';
import { useViewRequests } from './use-view-requests.ts';
import { loadLayoutName } from './view-storage.ts';
import { plural } from './notices.ts';

/** A node whose neighbours exceed the cap: the dialog shows their counts and lets the analyst choose. */
export interface ExpandChoice {
  nodeId: string;
  name: string;
  /** The first answer (limited to the cap), with `total` and `counts` over every neighbour. */
  probe: NeighborsResponse;
  /** Set when the node was chosen in search and is not in view yet. */
  open?: GraphNode;
}

export interface PathOptions {
  /** Lowest certainty a path's relationships may have; null allows every grade. */
  minCertainty: Certainty | null;
}

/** Neighbours the first request of an expansion asks for: enough for most nodes in one request. */
const PROBE_LIMIT = 100;

/**
 * The view's state and the actions that change it. `cameraNow` gives where the canvas looks at this moment
 * (null before the first drawing).
 */
export function useExplorer(neighbourCap: number, cameraNow: () => Camera | null = () => null) {
  const [state, reduce] = useReducer(explorerReducer, undefined, () => initialState({ layoutName: loadLayoutName() }));
  const cameraNowRef = useRef(cameraNow);
  // Every action reaches the reducer after the camera as it is now. The canvas reports the camera once it
  // rests (150 ms on), and a change made sooner recorded the camera before, the one undo brings back.
  const dispatch = useCallback((action: ExplorerAction) => {
    const camera = action.type === 'cameraMoved' ? null : cameraNowRef.current();
    if (camera) reduce({ type: 'cameraMoved', camera });
    reduce(action);
  }, []);
  const [expandChoice, setExpandChoice] = useState<ExpandChoice | null>(null);
  const [pathOptions, setPathOptions] = useState<PathOptions>({ minCertainty: null });
  // The state as of the last render, for callbacks that must not change identity when it changes.
  const latest = useRef<ExplorerState>(state);
  const cap = useRef(neighbourCap);
  const pathOptionsRef = useRef(pathOptions);
  useLayoutEffect(() => {
    latest.current = state;
    cap.current = neighbourCap;
    pathOptionsRef.current = pathOptions;
    cameraNowRef.current = cameraNow;
  });

  const nameOf = (nodeId: string) => {
    const node = latest.current.graph.nodes.get(nodeId);
    return node ? nodeCaption(node) : nodeId;
  };

  const run = useViewRequests(state.viewRevision);

  /** The first view: the one the URL's hash describes, else the overview. */
  const loadInitial = useCallback((signal?: AbortSignal) => loadInitialView(dispatch, signal), []);

  useEffect(() => {
    const controller = new AbortController();
    loadInitial(controller.signal);
    return () => controller.abort();
  }, [loadInitial]);

  /**
   * Adds the next `count` neighbours of an expansion in view (its filters, from its cursor), never more than
   * the view has room for (`viewMaxNodes()`). Nothing when the expansion shows them all.
   */
  const expandMore = useCallback(async (nodeId: string, count: number) => {
    const { expansions, graph } = latest.current;
    const expansion = expansions.get(nodeId);
    if (!expansion?.next) return;
    const name = nameOf(nodeId);
    const room = viewMaxNodes() - graph.nodes.size;
    if (room <= 0) {
      dispatch({ type: 'noticeShown', text: `The view holds ${viewMaxNodes().toLocaleString('en')} nodes, its cap: remove some before adding more.` });
      return;
    }
    dispatch({ type: 'busy', text: `Adding neighbours of ${name}…` });
    const after = expansion.next;
    await run(
      async ({ revision, signal }) => {
        const response = await fetchNeighbors(nodeId, { ...expansion.query, limit: Math.min(count, room), after }, signal);
        dispatch({ type: 'expanded', nodeId, response, more: true, revision, viewMax: viewMaxNodes(), relationshipMax: viewMaxRelationships() });
      },
      (error, { revision }) => dispatch({ type: 'requestFailed', message: `Could not add neighbours of ${name}: ${errorMessage(error)}`, revision }),
    );
  }, []);

  /**
   * Expands a node: adds its neighbours when there are no more than the cap, else (or with `choose`) opens
   * the dialog that lets the analyst choose which; a node whose expansion in view shows only some gets the next page (as
   * "Add the next" does). `open` also keeps the node on collapse (askedFor), selects and centres it (chosen in search).
   */
  const expand = useCallback(async (nodeId: string, open?: GraphNode, options: { choose?: boolean } = {}) => {
    if (!open && !options.choose && latest.current.expansions.get(nodeId)?.next) {
      await expandMore(nodeId, cap.current);
      return;
    }
    const name = open ? nodeCaption(open) : nameOf(nodeId);
    dispatch({ type: 'busy', text: `Expanding ${name}…` });
    await run(
      async ({ revision, signal }) => {
        // A first page of at most PROBE_LIMIT says how many there are (and their counts by type and label);
        // with a cap of thousands, fetching a whole page only to learn that the dialog is needed cost a
        // second download of the same page (found by a new-user trial: 15 MB twice for 20,000 neighbours).
        const probe = await fetchNeighbors(nodeId, { limit: Math.min(cap.current, PROBE_LIMIT) }, signal);
        const shown = probe.nodes.filter((node) => node.id !== nodeId).length;
        if (probe.total > cap.current || options.choose) {
          const text = options.choose
            ? `${name} has ${plural(probe.total, 'neighbour')}: choose which to add.`
            : `${name} has ${probe.total} neighbours, more than the cap of ${cap.current}: choose which to add.`;
          dispatch({ type: 'noticeShown', text, revision });
          if (!signal.aborted) setExpandChoice({ nodeId, name, probe, open });
          return;
        }
        const response = probe.total > shown ? await fetchNeighbors(nodeId, { limit: cap.current }, signal) : probe;
        dispatch({ type: 'expanded', nodeId, response, open, revision, viewMax: viewMaxNodes(), relationshipMax: viewMaxRelationships() });
      },
      (error, { revision }) => dispatch({ type: 'requestFailed', message: `Could not expand ${name}: ${errorMessage(error)}`, revision }),
    );
  }, [expandMore]);

  /** The dialog's choice: the neighbours matching `query` (types, labels, certainty floor, limit). */
  const expandWith = useCallback(async (choice: ExpandChoice, query: NeighborQuery) => {
    setExpandChoice(null);
    dispatch({ type: 'busy', text: `Expanding ${choice.name}…` });
    await run(
      async ({ revision, signal }) => {
        const filtered = Boolean(query.types?.length || query.labels?.length || query.minCertainty);
        const response = await fetchNeighbors(choice.nodeId, query, signal);
        const { limit: _limit, after: _after, ...filters } = query;
        dispatch({ type: 'expanded', nodeId: choice.nodeId, response, filtered, query: filters, open: choice.open, revision, viewMax: viewMaxNodes(), relationshipMax: viewMaxRelationships() });
      },
      (error, { revision }) => dispatch({ type: 'requestFailed', message: `Could not expand ${choice.name}: ${errorMessage(error)}`, revision }),
    );
  }, []);

  const collapse = useCallback((nodeId: string) => dispatch({ type: 'collapsed', nodeId }), []);

  /**
   * Adds a node chosen by name (search, a source link) with its relationships to the nodes in view, selects
   * and centres it; with all its neighbours on request.
   */
  const openNode = useCallback(
    async (node: GraphNode | string, options: { withNeighbours?: boolean } = {}) => {
      const id = typeof node === 'string' ? node : node.id;
      if (options.withNeighbours && typeof node !== 'string') {
        await expand(id, node);
        return;
      }
      const name = typeof node === 'string' ? nameOf(node) : nodeCaption(node);
      const inView = latest.current.graph.nodes.get(id);
      if (inView) {
        dispatch({ type: 'nodesAdded', graph: { nodes: [inView], relationships: [] }, focusId: id, change: `open ${name}` });
        return;
      }
      dispatch({ type: 'busy', text: `Opening ${name}…` });
      await run(
        async ({ revision, signal }) => {
          // The node comes with its relationships to what is already in view, so it lands among its neighbours.
          const answer = await fetchNeighbors(id, { limit: DEFAULT_REQUEST_LIMITS.connect }, signal);
          const fresh = answer.nodes.find((n) => n.id === id) ?? (await fetchNode(id, signal));
          const inView = latest.current.graph.nodes;
          const relationships = answer.relationships.filter(
            (rel) => (rel.source === id && inView.has(rel.target)) || (rel.target === id && inView.has(rel.source)),
          );
          dispatch({ type: 'nodesAdded', graph: { nodes: [fresh], relationships }, focusId: id, change: `open ${nodeCaption(fresh)}`, revision });
        },
        (error, { revision }) => {
          const gone = error instanceof ApiError && error.code === 'NOT_FOUND';
          dispatch({ type: 'requestFailed', message: gone ? `${name} is no longer in the database.` : `Could not open ${name}: ${errorMessage(error)}`, revision });
        },
      );
    },
    [expand],
  );

  /** Shortest paths of up to `maxLength` relationships (default DEFAULT_REQUEST_LIMITS.pathLength). */
  /** The path search under way: a new one supersedes it. */
  const pathSearch = useRef<AbortController | null>(null);
  const findPaths = useCallback(async (fromId: string, toId: string, minCertainty: Certainty | null, maxLength: number = DEFAULT_REQUEST_LIMITS.pathLength) => {
    const from = nameOf(fromId);
    // Answers to floors changed in quick succession came back out of order, and an earlier floor's paths
    // stayed up under the select's last choice (new-user trial): the search before is aborted.
    pathSearch.current?.abort();
    const superseded = new AbortController();
    pathSearch.current = superseded;
    dispatch({ type: 'busy', text: `Finding paths from ${from}…` });
    await run(
      async ({ revision, signal }) => {
        const query = { from: fromId, to: toId, maxLength, ...(minCertainty ? { minCertainty } : {}) };
        const response = await fetchPaths(query, AbortSignal.any([signal, superseded.signal]));
        dispatch({ type: 'pathsFound', fromId, toId, response, minCertainty, maxLength, revision });
      },
      (error, { revision }) => {
        dispatch({ type: 'pathPickCancelled' });
        const message =
          error instanceof ApiError && error.status === 404 && /route/i.test(error.message)
            ? 'This server cannot find paths yet (no /api/paths).'
            : `Could not find paths from ${from}: ${errorMessage(error)}`;
        dispatch({ type: 'requestFailed', message, revision });
      },
    );
  }, []);

  // "Path from here": the next node selected is the other end.
  useEffect(() => {
    const pick = state.pathPick;
    const selection = state.selection;
    if (!pick || selection?.kind !== 'node' || selection.id === pick.fromId) return;
    void findPaths(pick.fromId, selection.id, pathOptionsRef.current.minCertainty);
  }, [state.pathPick, state.selection, findPaths]);

  /** A sample of the nodes with `label` (schema list). */
  const sampleLabel = useCallback(async (label: string) => {
    dispatch({ type: 'busy', text: `Loading ${label} nodes…` });
    await run(
      async ({ revision, signal }) => {
        const { graph, supported } = await fetchLabelSample(label, undefined, signal);
        const text = supported ? undefined : `This server cannot sample by label: the ${graph.nodes.length} ${label} node(s) of the overview, selected.`;
        const sample = `${label} nodes (up to ${DEFAULT_REQUEST_LIMITS.labelSample})`;
        dispatch({ type: 'nodesAdded', graph, change: `sample ${label}`, sample, ...(text ? { text } : {}), revision });
      },
      (error, { revision }) => dispatch({ type: 'requestFailed', message: `Could not load ${label} nodes: ${errorMessage(error)}`, revision }),
    );
  }, []);

  const sampleType = useCallback(async (type: string) => {
    dispatch({ type: 'busy', text: `Loading ${type} relationships…` });
    await run(
      async ({ revision, signal }) => {
        const graph = await fetchTypeSample(type, undefined, signal);
        const sample = `${plural(graph.relationships.length, `${type} relationship`)} (up to ${DEFAULT_REQUEST_LIMITS.labelSample})`;
        dispatch({ type: 'nodesAdded', graph, change: `sample ${type}`, sample, relationships: true, revision });
      },
      (error, { revision }) => dispatch({ type: 'requestFailed', message: `Could not load ${type} relationships: ${errorMessage(error)}`, revision }),
    );
  }, []);

  const actions = useMemo(
    () => ({ loadInitial, expand, expandWith, expandMore, collapse, openNode, findPaths, sampleLabel, sampleType, setPathOptions }),
    [loadInitial, expand, expandWith, expandMore, collapse, openNode, findPaths, sampleLabel, sampleType],
  );

  return { state, dispatch, actions, expandChoice, closeExpandChoice: () => setExpandChoice(null), pathOptions };
}

