/**
 * The explorer's one screen: sidebar (search, paths, filters, styles, schema, legend), the graph canvas
 * with its toolbar and timeline, the selection panel, and room below the canvas for a bottom drawer.
 * State and API calls live in hooks (state/use-explorer.ts and friends); this file wires them to the parts.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { ContextMenu, type MenuPlace } from './components/ContextMenu.tsx';
import { contextMenuFor } from './components/context-menu-items.ts';
import { DetailsPanel } from './components/DetailsPanel.tsx';
import { ExpandDialog } from './components/ExpandDialog.tsx';
import { FilterPanel } from './components/FilterPanel.tsx';
import { Icon } from './components/Icon.tsx';
import { Legend } from './components/Legend.tsx';
import { PathPanel } from './components/PathPanel.tsx';
import { SchemaPanel } from './components/SchemaPanel.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { SidebarRail, type RailSection } from './components/SidebarRail.tsx';
import { SidebarSection } from './components/SidebarSection.tsx';
import { SelectionBar } from './components/SelectionBar.tsx';
import { StatusLine } from './components/StatusLine.tsx';
import { StatusOverlay } from './components/StatusOverlay.tsx';
import { StylePanel } from './components/StylePanel.tsx';
import { Timeline } from './components/Timeline.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { StyleSettingsContext } from './components/style-context.ts';
import { GraphCanvas, type ContextTarget, type GraphCanvasHandle } from './graph/GraphCanvas.tsx';
import { useFullscreen } from './graph/use-fullscreen.ts';
import { useStyling } from './graph/use-styling.ts';
import { type ExplorerState } from './state/explorer-state.ts';
import { selectionEndIds } from './state/selection.ts';
import { explorerShortcuts } from './state/explorer-shortcuts.ts';
import { hiddenElements, isFiltering } from './state/filters.ts';
import { searchMatches } from './state/search-matches.ts';
import { useColorScheme } from './state/use-color-scheme.ts';
import { useExplorer } from './state/use-explorer.ts';
import { usePersistedLayout, usePreferences } from './state/use-preferences.ts';
import { useShortcuts } from './state/use-shortcuts.ts';
import { usePeekDismissal, useSidebar } from './state/use-sidebar.ts';
import { viewMaxNodes, viewMaxRelationships } from './api/server-limits.ts';
import { fitsInLink, LINK_MAX_CHARS } from './state/url-state.ts';
import { linkedNodeIds, useUrlSync, viewLink } from './state/use-url-sync.ts';
import { WorkbenchDrawer, WorkbenchToggle, useWorkbenchDrawer } from './workbench/WorkbenchDrawer.tsx';
import { ExportMenu } from './export/ExportMenu.tsx';
import { drawnScope } from './export/view-scope.ts';
import './App.css';


/** "3 nodes and 25 relationships": what the filters hide, nodes and relationships counted apart. */
function hiddenCountsText(nodes: number, relationships: number): string {
  const parts = [
    ...(nodes > 0 ? [`${nodes} node${nodes === 1 ? '' : 's'}`] : []),
    ...(relationships > 0 ? [`${relationships} relationship${relationships === 1 ? '' : 's'}`] : []),
  ];
  return parts.join(' and ');
}

/**
 * How what is not drawn came to be so: "filtered out" by the filters, "hidden" by hand (Hide, Show only),
 * or both. Hide on one node said "filtered out" with no filter set, while the selection bar said "hidden"
 * (new-user trial).
 */
function hiddenHow(filtering: boolean, byHand: { nodes: number; relationships: number }): string {
  const hand = byHand.nodes + byHand.relationships > 0;
  return filtering && hand ? 'hidden or filtered out' : filtering ? 'filtered out' : 'hidden';
}

/** The sidebar's sections, as its collapsed rail offers them (SidebarRail). */
const SIDEBAR_SECTIONS: readonly RailSection[] = [
  { title: 'Paths', icon: 'path', testId: 'section-paths' },
  { title: 'Filters', icon: 'filter', testId: 'section-filters' },
  { title: 'Styles', icon: 'styles', testId: 'section-styles' },
  { title: 'Schema', icon: 'schema', testId: 'section-schema' },
  { title: 'Legend', icon: 'legend', testId: 'section-legend' },
];

export function App() {
  const preferences = usePreferences();
  const { settings, styles } = preferences;
  const scheme = useColorScheme(settings.theme);
  const canvasRef = useRef<GraphCanvasHandle>(null);
  const { state, dispatch, actions, expandChoice, closeExpandChoice, pathOptions } = useExplorer(settings.neighbourCap, () => canvasRef.current?.camera() ?? null);
  const canvasAreaRef = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(canvasAreaRef);
  // The browser shows only the fullscreen element and what lies inside it: a menu or dialog rendered
  // beside it, as usual, was there but unseen (new-user trial).
  const inFullscreen = (content: ReactNode) => (fullscreen.active && canvasAreaRef.current ? createPortal(content, canvasAreaRef.current) : content);
  const toggleFullscreen = () =>
    void fullscreen.toggle().catch((error: unknown) =>
      dispatch({ type: 'noticeShown', kind: 'error', text: `Fullscreen is not available here: ${error instanceof Error ? error.message : String(error)}` }),
    );
  const workbench = useWorkbenchDrawer();
  const searchRef = useRef<HTMLInputElement>(null);
  const hidden = useMemo(() => hiddenElements(state.graph, state.filters), [state.graph, state.filters]);
  const [search, setSearch] = useState<{ text: string; found: readonly string[] }>({ text: '', found: [] });
  const [menu, setMenu] = useState<{ target: ContextTarget; at: MenuPlace } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  // In a narrow window the details panel overlays the canvas (a wide one ignores this): a selection opens it,
  // clearing the selection closes it, and its × or I closes or opens it meanwhile. A selection made of
  // several elements at once (a schema sample, Ctrl+A, a box) leaves it closed: the panel shows one of
  // them, and beside it a sample of six Country nodes fitted at zoom 0.46, its captions 6 px (new-user trial).
  // Derived in the same render as the selection (not in an effect after it), so the panel is on the page
  // when the canvas centres what was selected, and the camera leaves out the part it covers.
  /** Nodes of the view under the details panel where it overlays the canvas (the panel says so). */
  const [underPanel, setUnderPanel] = useState(0);
  const [detailsToggled, setDetailsToggled] = useState<{ selection: ExplorerState['selection']; open: boolean } | null>(null);
  const [selectedAsOne, setSelectedAsOne] = useState({ selection: state.selection, several: false });
  if (selectedAsOne.selection !== state.selection) setSelectedAsOne({ selection: state.selection, several: state.alsoSelected.length > 0 });
  const severalAtOnce = selectedAsOne.selection === state.selection ? selectedAsOne.several : state.alsoSelected.length > 0;
  const detailsOpen = detailsToggled !== null && detailsToggled.selection === state.selection ? detailsToggled.open : state.selection !== null && !severalAtOnce;
  const setDetailsOpen = (open: boolean) => setDetailsToggled({ selection: state.selection, open });
  /** A right click: the element joins the selection first (as in Bloom), unless it is in it already. */
  const openMenu = (target: ContextTarget, at: { x: number; y: number }) => {
    if (target.kind !== 'background' && !(state.selection?.id === target.id || state.alsoSelected.includes(target.id))) {
      dispatch({ type: 'selected', selection: target });
    }
    setMenu({ target, at });
  };
  const matches = useMemo(() => searchMatches(state.graph, search.text, search.found), [state.graph, search]);
  const { styling, domains } = useStyling(state.graph, styles);
  useUrlSync(state, () => actions.loadInitial());
  usePersistedLayout(state);

  const select = (selection: typeof state.selection) => dispatch({ type: 'selected', selection });
  const sidebar = useSidebar();
  const sidebarRef = useRef<HTMLElement>(null);
  usePeekDismissal(sidebarRef, sidebar.peeking, sidebar.endPeek, () =>
    document.querySelector<HTMLElement>('[data-testid="graph-canvas"]')?.focus({ preventScroll: true }),
  );
  const focusSearch = () =>
    sidebar.focusSearch(() => {
      searchRef.current?.focus();
      searchRef.current?.select();
    });
  useShortcuts(
    explorerShortcuts({
      state,
      dispatch,
      focusSearch,
      expand: (id, options) => void actions.expand(id, undefined, options),
      collapse: actions.collapse,
      fit: () => canvasRef.current?.fit(),
      zoom: (factor) => canvasRef.current?.zoomBy(factor),
      fullscreen: toggleFullscreen,
      toggleDetails: () => setDetailsOpen(!detailsOpen),
      toggleSidebar: sidebar.toggle,
      contextMenu: () => {
        const target: ContextTarget = state.selection ?? { kind: 'background' };
        // A selection panned or zoomed off the canvas comes back into view first, so its menu opens beside it
        // (it opened at the canvas's centre with the node still out of sight: new-user trial).
        canvasRef.current?.bringIntoView(target);
        void canvasRef.current?.whenStill().then(() => {
          const at = canvasRef.current?.menuPoint(target);
          if (at) setMenu({ target, at });
        });
      },
    }),
  );

  const share = () => {
    if (!fitsInLink(linkedNodeIds(state))) {
      const count = state.graph.nodes.size.toLocaleString('en');
      dispatch({
        type: 'noticeShown',
        text: `This view's ${count} nodes are too many for a link. Share the query that built it (workbench), or export the view.`,
      });
      return;
    }
    const link = viewLink({ ...state, camera: canvasRef.current?.camera() ?? state.camera });
    const url = `${window.location.origin}${window.location.pathname}${link.hash}`;
    window.history.replaceState(window.history.state, '', url);
    const leftOut = link.positionsLeftOut
      ? ` Node positions were left out (they would make it longer than ${LINK_MAX_CHARS.toLocaleString('en')} characters): it opens laid out anew.`
      : '';
    navigator.clipboard
      ?.writeText(url)
      .then(() => dispatch({ type: 'noticeShown', text: `Link to this view copied.${leftOut}` }))
      .catch(() => dispatch({ type: 'noticeShown', text: `The address bar now links to this view.${leftOut}` }));
  };

  const loaded = state.overview.status === 'ready';
  const nodeCount = state.graph.nodes.size;
  const relationshipCount = state.graph.relationships.size;
  const hiddenCount = hidden.nodes.size + hidden.relationships.size;

  return (
    <StyleSettingsContext.Provider value={styles}>
      <div className="app" data-details-open={detailsOpen && !fullscreen.active} data-sidebar-collapsed={sidebar.collapsed} data-workbench-open={workbench.open}>
        {/* The first Tab stop, seen only when focused: the graph was 19 Tabs away (third new-user trial). A
            button, not a link to #graph: the address's hash holds the view. */}
        <button type="button" className="skip-link" onClick={() => canvasRef.current?.focus()} data-testid="skip-to-graph">
          Skip to the graph
        </button>
        <aside className="sidebar" ref={sidebarRef} data-peek={sidebar.peeking}>
          {sidebar.collapsed && !sidebar.peeking && <SidebarRail sections={SIDEBAR_SECTIONS} onExpand={sidebar.toggle} onSearch={focusSearch} onOpenSection={sidebar.openSection} />}
          <div className="sidebar-top">
            <header className="brand">
              <svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
                <path d="M9 22 23 9M9 22l14 3" stroke="currentColor" strokeOpacity=".45" strokeWidth="2" />
                <circle cx="9" cy="22" r="5" fill="#4E79A7" />
                <circle cx="23" cy="9" r="5" fill="#F28E2B" />
                <circle cx="24" cy="25" r="3.5" fill="#59A14F" />
              </svg>
              <h1>Graph Explorer</h1>
              <button type="button" className="sidebar-collapse" onClick={sidebar.toggle} aria-label="Collapse the sidebar ([)" title="Collapse the sidebar ([)" data-testid="sidebar-collapse">
                <Icon name="sidebar" />
              </button>
            </header>
            <SearchBox
              inputRef={searchRef}
              onChoose={(node, options) => {
                void actions.openNode(node, options);
                // The node chosen is selected: the keyboard goes to the view, where its keys act on it
                // (Shift+F10, Shift+P, Esc did nothing from the search box: new-user trial).
                canvasRef.current?.focus();
              }}
              onMatches={(text, found) => setSearch({ text, found })}
              ringedInView={matches ? [...matches].filter((id) => !hidden.nodes.has(id)).length : 0}
              shortcut={<kbd>/</kbd>}
              wide
            />
            <p className="graph-stats" data-testid="graph-stats">
              {loaded ? (
                <>
                  <strong>{nodeCount}</strong> node{nodeCount === 1 ? '' : 's'} · <strong>{relationshipCount}</strong> relationship
                  {relationshipCount === 1 ? '' : 's'} in view
                  {hiddenCount > 0 && (
                    <span className="stats-hidden" data-testid="stats-hidden">
                      {' '}
                      · {hiddenCountsText(hidden.nodes.size, hidden.relationships.size)} {hiddenHow(isFiltering(state.filters), hidden.byHand)}
                    </span>
                  )}
                </>
              ) : (
                ' '
              )}
            </p>
          </div>
          <div className="side-sections">
            <SidebarSection title="Paths" testId="section-paths" openRequest={sidebar.sectionRequests['section-paths']} summary={state.paths ? (state.paths.count > 0 ? `${state.paths.count} found` : 'none') : undefined}>
              <PathPanel
                graph={state.graph}
                selection={state.selection}
                paths={state.paths}
                picking={state.pathPick?.fromId ?? null}
                options={pathOptions}
                onOptionsChange={actions.setPathOptions}
                onFind={(from, to, minCertainty, maxLength) => void actions.findPaths(from, to, minCertainty, maxLength)}
                onClear={() => dispatch({ type: 'pathsCleared' })}
                onCancelPick={() => dispatch({ type: 'pathPickCancelled' })}
                onSelect={select}
              />
            </SidebarSection>
            <SidebarSection
              title="Filters"
              testId="section-filters"
              openRequest={sidebar.sectionRequests['section-filters']}
              summary={hiddenCount > 0 ? `${hiddenCountsText(hidden.nodes.size, hidden.relationships.size)} hidden` : undefined}
            >
              <FilterPanel
                graph={state.graph}
                filters={state.filters}
                hidden={hidden}
                onChange={(filters, change) => dispatch({ type: 'filtersChanged', filters, change })}
              />
            </SidebarSection>
            <SidebarSection title="Styles" testId="section-styles" openRequest={sidebar.sectionRequests['section-styles']}>
              <StylePanel graph={state.graph} settings={styles} onChange={preferences.setStyles} onReset={preferences.resetStyles} />
            </SidebarSection>
            <SidebarSection title="Schema" testId="section-schema" openRequest={sidebar.sectionRequests['section-schema']}>
              <SchemaPanel
                // A peeking sidebar folds back: the sample is centred on the canvas it lay over (new-user trial).
                onSampleLabel={(label) => {
                  sidebar.endPeek();
                  void actions.sampleLabel(label);
                }}
                onSampleType={(type) => {
                  sidebar.endPeek();
                  void actions.sampleType(type);
                }}
              />
            </SidebarSection>
            <SidebarSection title="Legend" testId="section-legend" openRequest={sidebar.sectionRequests['section-legend']} defaultOpen>
              <Legend graph={state.graph} hiddenNodeIds={hidden.nodes} loading={state.overview.status === 'loading'} ruleDomains={domains} />
            </SidebarSection>
          </div>
        </aside>

        <main className="main">
          <Toolbar
            layoutName={state.layoutName}
            disabled={!loaded || nodeCount === 0}
            undoChange={state.history.past.at(-1)?.change ?? null}
            redoChange={state.history.future.at(-1)?.change ?? null}
            settings={settings}
            onSettingsChange={preferences.setSettings}
            onUndo={() => dispatch({ type: 'undo' })}
            onRedo={() => dispatch({ type: 'redo' })}
            onLayoutChange={(name) => dispatch({ type: 'layoutChosen', name })}
            onRunLayout={() => dispatch({ type: 'layoutChosen', name: state.layoutName })}
            onFit={() => canvasRef.current?.fit()}
            onZoom={(factor) => canvasRef.current?.zoomBy(factor)}
            fullscreen={fullscreen.active}
            onFullscreen={toggleFullscreen}
            detailsOpen={detailsOpen}
            onToggleDetails={() => setDetailsOpen(!detailsOpen)}
            onShare={share}
            extra={
              <>
                <WorkbenchToggle open={workbench.open} onToggle={workbench.toggle} />
                <ExportMenu
                  core={() => canvasRef.current?.core() ?? null}
                  viewScope={() => drawnScope(state.graph, hidden, state.filters)}
                  selectionScope={() => drawnScope(state.graph, hidden, state.filters, selectionEndIds(state))}
                  selectedNodeIds={() => selectionEndIds(state)}
                  dark={scheme === 'dark'}
                />
              </>
            }
          />
          <div className="canvas-area" ref={canvasAreaRef}>
            <GraphCanvas
              ref={canvasRef}
              graph={state.graph}
              loaded={loaded}
              anchorId={state.anchorId}
              selection={state.selection}
              alsoSelected={state.alsoSelected}
              focus={state.focus}
              scheme={scheme}
              layoutName={state.layoutName}
              layoutRequest={state.layoutRequest}
              positions={state.positions}
              viewRevision={state.viewRevision}
              cameraRequest={state.cameraRequest}
              restoredCamera={state.camera}
              styling={styling}
              hidden={hidden}
              paths={state.paths}
              pathOriginId={state.pathPick?.fromId ?? null}
              searchMatches={matches}
              pinned={state.pinned}
              showMinimap={settings.showMinimap}
              edgeCaptionZoom={settings.edgeCaptionZoom}
              onSelect={select}
              onToggleSelected={(nodeId: string) => dispatch({ type: 'selectionToggled', nodeId })}
              onBoxSelected={(nodeIds: string[]) => dispatch({ type: 'nodesBoxSelected', nodeIds })}
              onExpand={(id) => void actions.expand(id)}
              onPositions={(positions, cause) =>
                dispatch(cause === 'drag' ? { type: 'nodesMoved', positions } : { type: 'positionsSettled', positions })
              }
              onLayoutCancelled={(seq) => dispatch({ type: 'layoutCancelled', seq })}
              onCamera={(camera) => dispatch({ type: 'cameraMoved', camera })}
              onContextMenu={openMenu}
              tooltipsPaused={menu !== null || expandChoice !== null}
              detailsOpen={detailsOpen}
              onUnderPanel={setUnderPanel}
            >
              <StatusOverlay overview={state.overview} empty={emptyKind(state, loaded)} onRetry={() => actions.loadInitial()} />
              <StatusLine busy={state.busy} notice={state.notice} onDismiss={() => dispatch({ type: 'noticeDismissed' })} />
              <SelectionBar
                selected={state.selection && { kind: state.selection.kind, count: state.alsoSelected.length + 1 }}
                hiddenByHand={hidden.byHand}
                onHide={() => dispatch({ type: 'selectionHidden' })}
                onShowOnly={() => dispatch({ type: 'othersHidden' })}
                onShowHidden={() => dispatch({ type: 'hiddenShown' })}
                onClear={() => select(null)}
              />
              {fullscreen.active && (
                <button type="button" className="button fullscreen-exit" onClick={toggleFullscreen} data-testid="fullscreen-exit" title="Leave fullscreen (Shift+F, Esc)">
                  <Icon name="fullscreenExit" />
                  <span className="button-text">Exit fullscreen</span>
                </button>
              )}
            </GraphCanvas>
            {settings.showTimeline && loaded && (
              <Timeline
                graph={state.graph}
                filters={state.filters}
                hidden={hidden}
                selection={state.selection}
                onSelect={select}
                onRangeChange={(timeRange, hideUndated) =>
                  dispatch({
                    type: 'filtersChanged',
                    filters: { ...state.filters, timeRange, hideUndated },
                    change: timeRange ? `time ${timeRange.from} – ${timeRange.to}` : 'clear time filter',
                  })
                }
              />
            )}
          </div>
          <WorkbenchDrawer
            open={workbench.open}
            onClose={workbench.close}
            scheme={scheme}
            onShowGraph={(graph, mode) => dispatch({ type: 'queryGraphShown', graph, mode, viewMax: viewMaxNodes(), relationshipMax: viewMaxRelationships() })}
          />
        </main>

        <DetailsPanel
          graph={state.graph}
          hidden={hidden}
          selection={state.selection}
          alsoSelectedCount={state.alsoSelected.length}
          expansions={state.expansions}
          expanding={state.busy !== null}
          onSelect={select}
          onExpand={(id) => void actions.expand(id)}
          onExpandMore={(id, count) => void actions.expandMore(id, count)}
          pageSize={settings.neighbourCap}
          open={detailsOpen}
          underPanel={underPanel}
          onClose={() => setDetailsOpen(false)}
          onCollapse={actions.collapse}
          onPathFrom={(fromId) => dispatch({ type: 'pathPickStarted', fromId })}
          onOpenNode={(id) => void actions.openNode(id)}
          onShowClaim={(relationship, nodes) =>
            dispatch({
              type: 'nodesAdded',
              graph: { nodes, relationships: [relationship] },
              change: `show ${relationship.type}`,
            })
          }
        />
        {menu &&
          inFullscreen(
            <ContextMenu
              at={menu.at}
              onClose={closeMenu}
              {...contextMenuFor(menu.target, {
                state,
                hidden,
                dispatch,
                expand: (id, options) => void actions.expand(id, undefined, options),
                collapse: actions.collapse,
                fit: () => canvasRef.current?.fit(),
                showEvidence: (selection) => {
                  dispatch({ type: 'selected', selection });
                  if (fullscreen.active) void toggleFullscreen();
                },
              })}
            />,
          )}
        {expandChoice &&
          inFullscreen(
            <ExpandDialog
              choice={expandChoice}
              cap={settings.neighbourCap}
              onConfirm={(query) => void actions.expandWith(expandChoice, query)}
              onCancel={() => {
                closeExpandChoice();
                dispatch({ type: 'noticeDismissed' });
              }}
            />,
          )}
      </div>
    </StyleSettingsContext.Provider>
  );
}

/** What an empty canvas means (StatusOverlay): null while something is drawn or the first view loads. */
function emptyKind(state: ExplorerState, loaded: boolean): 'database' | 'link' | 'view' | null {
  if (!loaded || state.graph.nodes.size > 0) return null;
  if (state.history.past.length > 0) return 'view';
  return state.overview.status === 'ready' && state.overview.from === 'link' ? 'link' : 'database';
}
