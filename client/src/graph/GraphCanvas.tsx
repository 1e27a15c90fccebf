/**
 * The graph view: owns the Cytoscape instance, mirrors the view into it (elements and their styles, node
 * positions after undo/redo, filtered-out elements, the highlighted paths, the selection), lays out what
 * is new, and reports taps, double-taps, drags and settled positions. Fit and zoom are commands on a ref;
 * the minimap is drawn from the same instance.
 */
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import type { CollectionReturnValue, Core, NodeCollection, NodeSingular } from 'cytoscape';
import type { HiddenElements } from '../state/filters.ts';
import type { GraphData } from '../state/graph-data.ts';
import type { LayoutRequest, PathHighlight, Positions } from '../state/explorer-state.ts';
import type { FocusRequest, Selection } from '../state/selection.ts';
import { createCy } from './create-cy.ts';
import { syncElements, type ElementStyling } from './elements.ts';
import { applyPositions, incrementalLayout, layoutByName, positionsOf, runLayout, withFitZoomCap } from './layouts.ts';
import { Minimap } from './Minimap.tsx';
import { CLASSES, buildStylesheet } from './stylesheet.ts';
import { GRAPH_THEMES, type ColorScheme } from './theme.ts';

declare global {
  interface Window {
    /** The live Cytoscape instance, for browser tests (read positions, find elements). Nothing else uses it. */
    __cy?: Core;
  }
}

export interface GraphCanvasHandle {
  /** Fits every shown element into the view. */
  fit(): void;
  /** Zooms by `factor` around the view's centre (>1 closer, <1 farther). */
  zoomBy(factor: number): void;
  /** The Cytoscape instance, for exports that draw the view (PNG, SVG). */
  core(): Core | null;
}

interface GraphCanvasProps {
  graph: GraphData;
  /** True once the first graph has arrived (even an empty one), so an empty view can count as ready. */
  loaded: boolean;
  /** Node the latest additions came from: they are laid out around it. */
  anchorId: string | null;
  selection: Selection;
  /** Nodes selected besides `selection` (Shift+click). */
  alsoSelected: readonly string[];
  focus: FocusRequest | null;
  scheme: ColorScheme;
  /** Layout for the first drawing (LAYOUTS name). */
  layoutName: string;
  layoutRequest: LayoutRequest | null;
  /** Known node positions: new nodes that have one are put there instead of being laid out. */
  positions: Positions;
  /** Bumped on undo/redo: every node moves to `positions`. */
  viewRevision: number;
  styling: ElementStyling;
  hidden: HiddenElements;
  paths: PathHighlight | null;
  /** The node "path from here" started at. */
  pathOriginId: string | null;
  showMinimap: boolean;
  onSelect(selection: Selection): void;
  /** Shift+click on a node: it joins the selection or leaves it. */
  onToggleSelected(nodeId: string): void;
  /** Shift (or Ctrl, ⌘) + drag on the background: the nodes inside the box join the selection. */
  onBoxSelected(nodeIds: string[]): void;
  onExpand(nodeId: string): void;
  /** Positions after a layout or placement settled (`drag`: the analyst moved nodes). */
  onPositions(positions: Positions, cause: 'layout' | 'drag'): void;
  ref?: Ref<GraphCanvasHandle>;
  /** Overlays drawn above the canvas (loading, error, empty states). */
  children?: ReactNode;
}

/** Zoom factor of one step of the zoom buttons and keys. */
export const ZOOM_STEP = 1.25;
/** Zoom level that a focused node is shown at, unless the view is already closer. */
const FOCUS_ZOOM = 1.4;
const ANIMATION_MS = 350;
const FIT_PADDING = 40;

export function GraphCanvas(props: GraphCanvasProps) {
  const { graph, loaded, selection, alsoSelected, focus, scheme, ref, children, styling, hidden, paths, pathOriginId } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [cyInstance, setCyInstance] = useState<Core | null>(null);
  /** Settles when the last queued layout has finished; layouts and focus moves wait on it in turn. */
  const layoutQueue = useRef<Promise<void>>(Promise.resolve());
  const [ready, setReady] = useState(false);
  /** Where the running zoom animation is heading, so quick repeated zoom steps add up. */
  const zoomTarget = useRef<number | null>(null);
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

  const reportPositions = (cause: 'layout' | 'drag') => {
    const cy = cyRef.current;
    if (cy && cy.nodes().nonempty()) latest.current.onPositions(positionsOf(cy), cause);
  };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = createCy(container, GRAPH_THEMES[latest.current.scheme]);
    cyRef.current = cy;
    setCyInstance(cy);
    layoutQueue.current = Promise.resolve(); // a layout of a destroyed instance never stops
    window.__cy = cy;
    // Cytoscape's dbltap pairs any two taps less than 250 ms apart, even on two different nodes, in order: a
    // click on one node followed quickly by a double click on another was paired with the double click's
    // first half, and the second node never expanded. With a mouse, the browser counts clicks itself (at the
    // system's double-click speed, only at one spot: MouseEvent.detail), so that count decides; dbltap is
    // left to touch and pens (Cytoscape hands those over as touch or pointer events, never as a mouseup).
    // Either way both taps must have hit the node that expands.
    const taps: Array<string | null> = [null, null];
    cy.on('tap', (event) => {
      taps.shift();
      taps.push(event.target === cy ? null : (event.target as { id(): string }).id());
    });
    const bothTapsHit = (id: string) => taps[0] === id && taps[1] === id;
    const byMouse = (original: unknown): original is MouseEvent => original instanceof MouseEvent && original.type === 'mouseup';
    cy.on('tap', 'node', (event) => {
      const id: string = event.target.id();
      const original = event.originalEvent;
      if (original instanceof MouseEvent && original.shiftKey) latest.current.onToggleSelected(id);
      else latest.current.onSelect({ kind: 'node', id });
      if (byMouse(original) && original.detail === 2 && bothTapsHit(id)) latest.current.onExpand(id);
    });
    cy.on('tap', 'edge', (event) => latest.current.onSelect({ kind: 'relationship', id: event.target.id() }));
    // Cytoscape emits 'box' on each element inside the box, one after another as the mouse is released:
    // gather the nodes and report them together once it is done.
    let boxed: string[] = [];
    cy.on('box', 'node', (event) => {
      if (!event.target.visible()) return;
      if (boxed.length === 0) {
        queueMicrotask(() => {
          const nodeIds = boxed;
          boxed = [];
          latest.current.onBoxSelected(nodeIds);
        });
      }
      boxed.push(event.target.id());
    });
    // A box selects nodes only; an edge it took along would be selected in Cytoscape but not in the state.
    cy.on('boxselect', 'edge', (event) => event.target.unselect());
    cy.on('tap', (event) => {
      if (event.target === cy) latest.current.onSelect(null);
    });
    cy.on('dbltap', 'node', (event) => {
      if (!byMouse(event.originalEvent) && bothTapsHit(event.target.id())) latest.current.onExpand(event.target.id());
    });
    cy.on('dragfree', 'node', () => reportPositions('drag'));
    cy.on('mouseover', 'node, edge', () => (container.style.cursor = 'pointer'));
    cy.on('mouseout', 'node, edge', () => (container.style.cursor = ''));
    // The stage changes size when the timeline or a drawer opens: Cytoscape must learn its new size.
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      cy.destroy();
      cyRef.current = null;
      setCyInstance(null);
      if (window.__cy === cy) delete window.__cy;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wasEmpty = cy.nodes().empty();
    const known = latest.current.positions;
    const added = syncElements(cy, graph, styling, known);
    if (added.empty()) {
      if (loaded && cy.nodes().empty()) setReady(true);
      return;
    }
    const unplaced = added.filter((node: NodeSingular) => !known[node.id()]);
    if (wasEmpty) {
      const layout = layoutByName(latest.current.layoutName);
      void enqueue(async (c) => {
        if (unplaced.length === added.length) {
          // Nothing remembered: the chosen layout draws the graph (manual has nothing to keep, so force).
          await runLayout(c, (layout.manual ? layoutByName('force') : layout).options);
        } else {
          if (unplaced.nonempty()) await incrementalLayout(c, unplaced, null);
          withFitZoomCap(c, () => c.fit(c.elements(), FIT_PADDING));
        }
      }).then(() => {
        setReady(true);
        reportPositions('layout');
      });
    } else if (unplaced.nonempty()) {
      const anchorId = latest.current.anchorId;
      // Additions without an anchor come from search, whose focus request moves the view itself.
      void enqueue((c) =>
        incrementalLayout(c, unplaced, anchorId).then(() => {
          if (anchorId) reveal(c, unplaced, anchorId);
        }),
      ).then(() => reportPositions('layout'));
    }
  }, [graph, loaded, styling]);

  // Undo / redo: every node goes back to where it was in that view.
  useEffect(() => {
    if (props.viewRevision === 0) return;
    void enqueue((cy) => applyPositions(cy, latest.current.positions, true));
  }, [props.viewRevision]);

  useEffect(() => {
    const request = props.layoutRequest;
    if (!request) return;
    const layout = layoutByName(request.name);
    if (layout.manual) return;
    const options = { ...layout.options, animate: true, animationDuration: 500 };
    void enqueue((cy) => runLayout(cy, options)).then(() => reportPositions('layout'));
  }, [props.layoutRequest]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      let target = selection ? cy.getElementById(selection.id) : cy.collection();
      for (const id of alsoSelected) target = target.union(cy.getElementById(id));
      cy.elements(':selected').difference(target).unselect();
      cy.elements().removeClass(CLASSES.dimmed);
      if (target.empty()) return;
      target.select();
      if (paths && paths.count > 0) return; // the path highlight already says what matters
      const context = selection?.kind === 'node' ? target.closedNeighborhood() : target.union(target.connectedNodes());
      cy.elements().difference(context).addClass(CLASSES.dimmed);
    });
  }, [selection, alsoSelected, graph, paths]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        node.toggleClass(CLASSES.hidden, hidden.nodes.has(node.id()));
      });
      cy.edges().forEach((edge) => {
        edge.toggleClass(CLASSES.hidden, hidden.relationships.has(edge.id()));
      });
    });
  }, [hidden, graph]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass(`${CLASSES.pathMember} ${CLASSES.pathFaded}`);
      if (!paths || paths.count === 0) return;
      const members = new Set([...paths.nodeIds, ...paths.relationshipIds]);
      cy.elements().forEach((element) => {
        element.addClass(members.has(element.id()) ? CLASSES.pathMember : CLASSES.pathFaded);
      });
    });
  }, [paths, graph]);

  // A new highlight brings the paths into view, once they are placed.
  useEffect(() => {
    if (!paths || paths.count === 0) return;
    void enqueue((cy) => {
      const members = cy.nodes().filter((node: NodeSingular) => paths.nodeIds.includes(node.id()));
      if (members.nonempty()) animateFit(cy, members, FIT_PADDING * 2);
    });
  }, [paths]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes(`.${CLASSES.pathOrigin}`).removeClass(CLASSES.pathOrigin);
    if (pathOriginId) cy.getElementById(pathOriginId).addClass(CLASSES.pathOrigin);
  }, [pathOriginId, graph]);

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
      core: () => cyRef.current,
      fit() {
        const cy = cyRef.current;
        if (!cy) return;
        const shown = cy.elements().not(`.${CLASSES.hidden}`);
        animateFit(cy, shown.nonempty() ? shown : cy.elements(), FIT_PADDING);
      },
      zoomBy(factor) {
        const cy = cyRef.current;
        if (!cy) return;
        // Pressing + twice quickly zooms twice: a step starts from where the running one was heading.
        const from = cy.animated() && zoomTarget.current !== null ? zoomTarget.current : cy.zoom();
        const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), from * factor));
        zoomTarget.current = level;
        cy.stop(true, false);
        cy.animate({ zoom: { level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } } }, { duration: 160 });
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
        aria-label="Graph view: click to select, double-click a node to expand it, drag to move it"
        role="application"
      />
      {props.showMinimap && cyInstance && ready && <Minimap cy={cyInstance} />}
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
  animateFit(cy, added.union(cy.getElementById(anchorId)), FIT_PADDING * 2);
}

/** Moves the view, animated, to fit `eles`, never zooming in past FIT_MAX_ZOOM. */
function animateFit(cy: Core, eles: CollectionReturnValue, padding: number): void {
  withFitZoomCap(cy, () => cy.animate({ fit: { eles, padding } }, { duration: ANIMATION_MS }));
}
