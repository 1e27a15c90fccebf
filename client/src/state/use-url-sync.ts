/**
 * Keeps the URL's hash in step with the view (nodes, filters, selection, layout, positions, camera), so the
 * address bar is always a link to what is on screen; replaces the history entry rather than adding one per
 * change. A hash pasted or edited by hand (hashchange) loads that view.
 */
import { useEffect, useRef } from 'react';
import type { ExplorerState } from './explorer-state.ts';
import { LINK_MAX_CHARS, linkFor, type ViewLink } from './url-state.ts';

/** Wait for the view to be still before rewriting the URL. */
const URL_DEBOUNCE_MS = 250;

type LinkedState = Pick<ExplorerState, 'graph' | 'selection' | 'layoutName' | 'filters' | 'positions' | 'camera' | 'pinned'>;

/**
 * The nodes a link carries: those in view except the ones hidden by hand, so the link opens on what is
 * drawn (a relationship hidden by hand between two drawn nodes is drawn again there).
 */
export function linkedNodeIds(state: Pick<ExplorerState, 'graph' | 'filters'>): string[] {
  const hidden = new Set(state.filters.hiddenNodeIds);
  return [...state.graph.nodes.keys()].filter((id) => !hidden.has(id));
}

/** The link to the view (`hash` with its `#`), within LINK_MAX_CHARS counting this page's address before it. */
export function viewLink(state: LinkedState): ViewLink {
  const address = `${window.location.origin}${window.location.pathname}#`;
  const link = linkFor(
    {
      nodeIds: linkedNodeIds(state),
      selection: state.selection,
      layoutName: state.layoutName,
      filters: state.filters,
      positions: state.positions,
      pinned: [...state.pinned],
      ...(state.camera ? { camera: state.camera } : {}),
    },
    LINK_MAX_CHARS - address.length,
  );
  return { ...link, hash: `#${link.hash}` };
}

export function viewHash(state: LinkedState): string {
  return viewLink(state).hash;
}

export function useUrlSync(state: ExplorerState, onExternalChange: () => void): void {
  const written = useRef<string | null>(null);
  const ready = state.overview.status === 'ready';

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => {
      const hash = viewHash(state);
      if (hash === window.location.hash) return;
      written.current = hash;
      window.history.replaceState(window.history.state, '', hash);
    }, URL_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [ready, state.graph, state.selection, state.layoutName, state.filters, state.positions, state.camera, state.pinned]);

  const external = useRef(onExternalChange);
  external.current = onExternalChange;
  useEffect(() => {
    const onHashChange = () => {
      if (window.location.hash !== written.current) external.current();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
}
