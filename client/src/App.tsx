/**
 * The explorer's one screen: sidebar (search, legend), graph canvas with its toolbar, selection panel.
 * Owns the view state (explorer-state.ts) and performs the API calls whose outcomes it dispatches.
 */
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { GraphNode } from '../../server/src/contract.ts';
import { fetchNeighbors, fetchNode, fetchOverview } from './api/graph-api.ts';
import { ApiError, errorMessage, isAbort } from './api/http.ts';
import { DetailsPanel } from './components/DetailsPanel.tsx';
import { Legend } from './components/Legend.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { StatusOverlay } from './components/StatusOverlay.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { GraphCanvas, type GraphCanvasHandle } from './graph/GraphCanvas.tsx';
import { nodeCaption } from './graph/labels.ts';
import { DEFAULT_LAYOUT_NAME } from './graph/layouts.ts';
import { INITIAL_STATE, explorerReducer } from './state/explorer-state.ts';
import type { Selection } from './state/selection.ts';
import { useColorScheme } from './state/use-color-scheme.ts';

/** True when a key press belongs to a text field and must not trigger a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function App() {
  const [state, dispatch] = useReducer(explorerReducer, INITIAL_STATE);
  const [layoutName, setLayoutName] = useState(DEFAULT_LAYOUT_NAME);
  const scheme = useColorScheme();
  const canvasRef = useRef<GraphCanvasHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // The graph as of the last render, for callbacks that must not change identity when it grows.
  const graphRef = useRef(state.graph);
  useLayoutEffect(() => {
    graphRef.current = state.graph;
  });

  const loadOverview = useCallback((signal?: AbortSignal) => {
    dispatch({ type: 'overviewRequested' });
    fetchOverview(undefined, signal)
      .then((graph) => dispatch({ type: 'overviewLoaded', graph }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        const code = error instanceof ApiError ? error.code : 'INTERNAL';
        dispatch({ type: 'overviewFailed', code, message: errorMessage(error) });
      });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    loadOverview(controller.signal);
    return () => controller.abort();
  }, [loadOverview]);

  const nameOf = (nodeId: string) => {
    const node = graphRef.current.nodes.get(nodeId);
    return node ? nodeCaption(node) : nodeId;
  };

  const expand = useCallback(async (nodeId: string) => {
    const name = nameOf(nodeId);
    dispatch({ type: 'busy', text: `Expanding ${name}…` });
    try {
      dispatch({ type: 'expanded', nodeId, response: await fetchNeighbors(nodeId) });
    } catch (error) {
      dispatch({ type: 'requestFailed', message: `Could not expand ${name}: ${errorMessage(error)}` });
    }
  }, []);

  const openNode = useCallback(async (node: GraphNode) => {
    if (graphRef.current.nodes.has(node.id)) {
      dispatch({ type: 'nodeOpened', node });
      return;
    }
    const name = nodeCaption(node);
    dispatch({ type: 'busy', text: `Opening ${name}…` });
    try {
      dispatch({ type: 'nodeOpened', node: await fetchNode(node.id) });
    } catch (error) {
      const message =
        error instanceof ApiError && error.code === 'NOT_FOUND'
          ? `${name} is no longer in the database.`
          : `Could not open ${name}: ${errorMessage(error)}`;
      dispatch({ type: 'requestFailed', message });
    }
  }, []);

  const select = useCallback((selection: Selection) => dispatch({ type: 'selected', selection }), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === 'Escape') {
        select(null);
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        dispatch({ type: 'selectionRemoved' });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [select]);

  const loaded = state.overview.status === 'ready';
  const nodeCount = state.graph.nodes.size;
  const relationshipCount = state.graph.relationships.size;

  return (
    <div className="app">
      <aside className="sidebar">
        <header className="brand">
          <svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
            <path d="M9 22 23 9M9 22l14 3" stroke="currentColor" strokeOpacity=".45" strokeWidth="2" />
            <circle cx="9" cy="22" r="5" fill="#4E79A7" />
            <circle cx="23" cy="9" r="5" fill="#F28E2B" />
            <circle cx="24" cy="25" r="3.5" fill="#59A14F" />
          </svg>
          <h1>Graph Explorer</h1>
        </header>
        <SearchBox inputRef={searchRef} onChoose={openNode} />
        <p className="graph-stats" data-testid="graph-stats">
          {loaded ? (
            <>
              <strong>{nodeCount}</strong> node{nodeCount === 1 ? '' : 's'} · <strong>{relationshipCount}</strong>{' '}
              relationship{relationshipCount === 1 ? '' : 's'} in view
            </>
          ) : (
            ' '
          )}
        </p>
        <Legend graph={state.graph} loading={state.overview.status === 'loading'} />
      </aside>

      <main className="main">
        <Toolbar
          layoutName={layoutName}
          disabled={!loaded || nodeCount === 0}
          busy={state.busy}
          notice={state.notice}
          onLayoutChange={(name) => {
            setLayoutName(name);
            canvasRef.current?.runLayout(name);
          }}
          onRunLayout={() => canvasRef.current?.runLayout(layoutName)}
          onFit={() => canvasRef.current?.fit()}
          onDismissNotice={() => dispatch({ type: 'noticeDismissed' })}
        />
        <GraphCanvas
          ref={canvasRef}
          graph={state.graph}
          loaded={loaded}
          anchorId={state.anchorId}
          selection={state.selection}
          focus={state.focus}
          scheme={scheme}
          layoutName={layoutName}
          onSelect={select}
          onExpand={expand}
        >
          <StatusOverlay
            overview={state.overview}
            empty={loaded && nodeCount === 0}
            onRetry={() => loadOverview()}
          />
        </GraphCanvas>
      </main>

      <DetailsPanel
        graph={state.graph}
        selection={state.selection}
        expansions={state.expansions}
        expanding={state.busy !== null}
        onSelect={select}
        onExpand={expand}
      />
    </div>
  );
}
