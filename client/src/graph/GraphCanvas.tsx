/**
 * The graph view: owns the Cytoscape instance, mirrors `graph` into it, lays out what is new, reflects the
 * selection (select + dim the rest) and reports taps and double-taps. Layout and fit are commands on a ref.
 */
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import type { Core, NodeCollection } from 'cytoscape';
import type { GraphData } from '../state/graph-data.ts';
import type { FocusRequest, Selection } from '../state/selection.ts';
import { createCy } from './create-cy.ts';
import { syncElements } from './elements.ts';
import { incrementalLayout, layoutByName, runLayout } from './layouts.ts';
import { buildStylesheet } from './stylesheet.ts';
import { GRAPH_THEMES, type ColorScheme } from './theme.ts';

declare global {
  interface Window {
    /** The live Cytoscape instance, for browser tests (read positions, find elements). Nothing else uses it. */
    __cy?: Core;
  }
}

export interface GraphCanvasHandle {
  /** Lays the whole graph out again with the named layout (LAYOUTS), animated. */
  runLayout(name: string): void;
  /** Fits every element into the view. */
  fit(): void;
}

interface GraphCanvasProps {
  graph: GraphData;
  /** True once the first graph has arrived (even an empty one), so an empty view can count as ready. */
  loaded: boolean;
  /** Node the latest additions came from: they are laid out around it. */
  anchorId: string | null;
  selection: Selection;
  focus: FocusRequest | null;
  scheme: ColorScheme;
  /** Layout for the first drawing (LAYOUTS name). */
  layoutName: string;
  onSelect(selection: Selection): void;
  onExpand(nodeId: string): void;
  ref?: Ref<GraphCanvasHandle>;
  /** Overlays drawn above the canvas (loading, error, empty states). */
  children?: ReactNode;
}

/** Zoom level that a focused node is shown at, unless the view is already closer. */
const FOCUS_ZOOM = 1.4;
const ANIMATION_MS = 350;
const FIT_PADDING = 40;

export function GraphCanvas(props: GraphCanvasProps) {
  const { graph, loaded, selection, focus, scheme, ref, children } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  /** Settles when the last queued layout has finished; layouts and focus moves wait on it in turn. */
  const layoutQueue = useRef<Promise<void>>(Promise.resolve());
  const [ready, setReady] = useState(false);
  // Values the effects and Cytoscape handlers read without being re-triggered by them.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  const enqueue = (step: (cy: Core) => Promise<void> | void) => {
    layoutQueue.current = layoutQueue.current
      .then(() => {
        const cy = cyRef.current;
        return cy ? step(cy) : undefined;
      })
      // One failed layout must not block the ones queued after it.
      .catch((error: unknown) => console.error('GraphCanvas: a layout step failed.', error));
    return layoutQueue.current;
  };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = createCy(container, GRAPH_THEMES[latest.current.scheme]);
    cyRef.current = cy;
    layoutQueue.current = Promise.resolve(); // a layout of a destroyed instance never stops
    window.__cy = cy;
    cy.on('tap', 'node', (event) => latest.current.onSelect({ kind: 'node', id: event.target.id() }));
    cy.on('tap', 'edge', (event) => latest.current.onSelect({ kind: 'relationship', id: event.target.id() }));
    cy.on('tap', (event) => {
      if (event.target === cy) latest.current.onSelect(null);
    });
    cy.on('dbltap', 'node', (event) => latest.current.onExpand(event.target.id()));
    cy.on('mouseover', 'node, edge', () => (container.style.cursor = 'pointer'));
    cy.on('mouseout', 'node, edge', () => (container.style.cursor = ''));
    return () => {
      cy.destroy();
      cyRef.current = null;
      if (window.__cy === cy) delete window.__cy;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wasEmpty = cy.nodes().empty();
    const added = syncElements(cy, graph);
    if (added.empty()) {
      if (loaded && cy.nodes().empty()) setReady(true);
      return;
    }
    if (wasEmpty) {
      void enqueue((c) => runLayout(c, layoutByName(latest.current.layoutName).options)).then(() => setReady(true));
    } else {
      const anchorId = latest.current.anchorId;
      // Additions without an anchor come from search, whose focus request moves the view itself.
      void enqueue((c) => incrementalLayout(c, added, anchorId).then(() => {
        if (anchorId) reveal(c, added, anchorId);
      }));
    }
  }, [graph, loaded]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      const target = selection ? cy.getElementById(selection.id) : cy.collection();
      cy.elements(':selected').difference(target).unselect();
      cy.elements().removeClass('dimmed');
      if (target.empty()) return;
      target.select();
      const context = selection?.kind === 'node' ? target.closedNeighborhood() : target.union(target.connectedNodes());
      cy.elements().difference(context).addClass('dimmed');
    });
  }, [selection, graph]);

  useEffect(() => {
    if (!focus) return;
    void enqueue((cy) => {
      const node = cy.getElementById(focus.id);
      if (node.empty()) return;
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), FOCUS_ZOOM) }, { duration: ANIMATION_MS });
    });
  }, [focus]);

  useEffect(() => {
    cyRef.current?.style(buildStylesheet(GRAPH_THEMES[scheme]));
  }, [scheme]);

  useImperativeHandle(
    ref,
    () => ({
      runLayout(name) {
        const options = { ...layoutByName(name).options, animate: true, animationDuration: 500 };
        void enqueue((cy) => runLayout(cy, options));
      },
      fit() {
        const cy = cyRef.current;
        cy?.animate({ fit: { eles: cy.elements(), padding: FIT_PADDING } }, { duration: ANIMATION_MS });
      },
    }),
    [],
  );

  return (
    <div className="graph-stage">
      <div
        ref={containerRef}
        className="graph-canvas"
        data-testid="graph-canvas"
        data-ready={ready ? 'true' : 'false'}
        aria-label="Graph view: click to select, double-click a node to expand it"
        role="application"
      />
      {children}
    </div>
  );
}

/** Brings freshly added nodes into view when the layout put any of them outside it. */
function reveal(cy: Core, added: NodeCollection, anchorId: string): void {
  const view = cy.extent();
  const box = added.boundingBox();
  const inside = box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
  if (inside) return;
  cy.animate({ fit: { eles: added.union(cy.getElementById(anchorId)), padding: FIT_PADDING * 2 } }, { duration: ANIMATION_MS });
}
