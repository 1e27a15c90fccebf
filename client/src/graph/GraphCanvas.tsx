/**
 * The graph view: owns the Cytoscape instance, mirrors the view into it (elements and their styles, node
 * positions after undo/redo, filtered-out elements, the highlighted paths, the selection), lays out what
 * is new, and reports taps, double-taps, drags, settled positions and the camera. Fit and zoom are commands on a ref;
 * the minimap is drawn from the same instance.
 */
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import type { Core, EdgeSingular } from 'cytoscape';
import type { MenuPlace } from '../components/ContextMenu.tsx';
import type { HiddenElements } from '../state/filters.ts';
import type { GraphData } from '../state/graph-data.ts';
import type { Camera, CameraRequest, LayoutRequest, PathHighlight, Positions } from '../state/explorer-state.ts';
import type { FocusRequest, Selection } from '../state/selection.ts';
import { animateFit, FIT_PADDING, fitWhole, focusNode, zoomStep } from './camera.ts';
import { cameraOf } from './camera-frame.ts';
import { panBackFromPanel, panIntoFreePart } from './keep-in-view.ts';
import type { ElementStyling } from './elements.ts';
import { cancelLayout } from './layout-runner.ts';
import { HoverTooltip } from './HoverTooltip.tsx';
import { useNodesUnderPanel } from './use-under-panel.ts';
import { LayoutProgress } from './LayoutProgress.tsx';
import { hasHardwareWebGL2, rendererFor } from './level-of-detail.ts';
import { Minimap } from './Minimap.tsx';
import type { ColorScheme } from './theme.ts';
import { useCytoscape } from './use-cytoscape.ts';
import { useElementSync } from './use-element-sync.ts';
import { useLayoutQueue } from './use-layout-queue.ts';
import { useLevelOfDetail } from './use-level-of-detail.ts';
import { useViewClasses } from './use-view-classes.ts';
import './GraphCanvas.css';

export { ZOOM_STEP } from './camera.ts';

/** Longest wait (ms) for the camera to come to rest (GraphCanvasHandle.whenStill): camera animations take 350. */
const STILL_WAIT_MAX_MS = 1_000;

/** What a context menu is about: a node or relationship by transport id, or the background. */
export type ContextTarget = { kind: 'node'; id: string } | { kind: 'relationship'; id: string } | { kind: 'background' };

export interface GraphCanvasHandle {
  /**
   * Where on the page (px) a context menu for `target` opens by keyboard: beside a node (MenuPlace's
   * `beside`: the menu must not cover it nor its caption), at a relationship's middle, at the canvas's centre for the
   * background or an element off the canvas; null before the canvas exists.
   */
  menuPoint(target: ContextTarget): MenuPlace | null;
  /** Pans the least that brings `target` (a node or relationship) onto the free part of the canvas, animated; nothing for the background. */
  bringIntoView(target: ContextTarget): void;
  /**
   * Resolves once no camera animation runs (checked each frame, for at most STILL_WAIT_MAX_MS): a menu
   * opened by keyboard right after a click was placed beside the node where it was, and the pan that
   * brings a clicked node out from under the details panel then slid the node under the menu.
   */
  whenStill(): Promise<void>;
  /** Gives the view the keyboard (its shortcuts act on the selection), without scrolling the page. */
  focus(): void;
  /** Fits every shown element into the view. */
  fit(): void;
  /** Zooms by `factor` around the view's centre (>1 closer, <1 farther). */
  zoomBy(factor: number): void;
  /** The Cytoscape instance, for exports that draw the view (PNG, SVG). */
  core(): Core | null;
  /** Where the view looks right now (onCamera reports it only once it rests); null before the first drawing. */
  camera(): Camera | null;
}

export interface GraphCanvasProps {
  graph: GraphData;
  /** True once the first graph has arrived (even an empty one), so an empty view can count as ready. */
  loaded: boolean;
  /** Node the latest additions came from: they are laid out around it. */
  anchorId: string | null;
  selection: Selection;
  /** Elements selected besides `selection`, of its kind (Shift+click, a box, a type's sample). */
  alsoSelected: readonly string[];
  focus: FocusRequest | null;
  scheme: ColorScheme;
  /** Layout for the first drawing (LAYOUTS name). */
  layoutName: string;
  layoutRequest: LayoutRequest | null;
  /** Known node positions: new nodes that have one are put there instead of being laid out. */
  positions: Positions;
  /** Bumped on undo/redo: every node moves to `positions`, and the camera to `restoredCamera`. */
  viewRevision: number;
  /** The camera the view undo or redo restored was seen through (null: none on record); read on `viewRevision`. */
  restoredCamera: Camera | null;
  /** A shared link's camera: the next drawing is shown through it instead of being fitted. */
  cameraRequest: CameraRequest | null;
  styling: ElementStyling;
  hidden: HiddenElements;
  paths: PathHighlight | null;
  /** The node "path from here" started at. */
  pathOriginId: string | null;
  /**
   * While the search box has text: the nodes in view that match it (ringed; the rest fade). Null when the
   * box is empty: nothing is marked. Never moves the camera.
   */
  searchMatches: ReadonlySet<string> | null;
  /** Pinned nodes: they keep their place through every layout, and are marked. */
  pinned: ReadonlySet<string>;
  showMinimap: boolean;
  /** Zoom from which every relationship's caption is drawn (settings); below it, the selection's and the hovered one's. */
  edgeCaptionZoom: number;
  onSelect(selection: Selection): void;
  /** Shift+click on a node: it joins the selection or leaves it. */
  onToggleSelected(nodeId: string): void;
  /** Shift (or Ctrl, ⌘) + drag on the background: the nodes inside the box join the selection. */
  onBoxSelected(nodeIds: string[]): void;
  onExpand(nodeId: string): void;
  /** Positions after a layout or placement settled (`drag`: the analyst moved nodes). */
  onPositions(positions: Positions, cause: 'layout' | 'drag'): void;
  /** The layout of request `seq` was cancelled (the Cancel button, Esc) before it placed anything. */
  onLayoutCancelled(seq: number): void;
  /** Where the view looks, once a pan, zoom, fit or resize has come to rest. */
  onCamera(camera: Camera): void;
  /** A right click on an element or the background, at page point `at` (px). */
  onContextMenu(target: ContextTarget, at: { x: number; y: number }): void;
  /** No hover tooltip while true (a menu or dialog is open over the canvas). */
  tooltipsPaused?: boolean;
  /** Whether the details panel is open (below 1,360 px it covers the canvas's right: onUnderPanel). */
  detailsOpen?: boolean;
  /** How many nodes lie under the details panel, each time that changes once the view rests (use-under-panel.ts). */
  onUnderPanel?(count: number): void;
  ref?: Ref<GraphCanvasHandle>;
  /** Overlays drawn above the canvas (loading, error, empty states). */
  children?: ReactNode;
}

export function GraphCanvas(props: GraphCanvasProps) {
  const { focus, ref, children } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  /** Where the running zoom animation is heading, so quick repeated zoom steps add up. */
  const zoomTarget = useRef<number | null>(null);
  // Values the effects and Cytoscape handlers read without being re-triggered by them.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const queueRef = useRef<() => void>(() => undefined);
  const nodeCount = props.graph.nodes.size;
  const renderer = rendererFor(nodeCount, hasHardwareWebGL2());
  const { cyRef, cyInstance } = useCytoscape(containerRef, latest, () => queueRef.current(), renderer);
  const { enqueue, reset } = useLayoutQueue(cyRef);
  queueRef.current = reset;

  const [layoutProgress, setLayoutProgress] = useState<{ nodes: number; fraction: number } | null>(null);
  useLevelOfDetail(cyRef, cyInstance, nodeCount, props.scheme, props.edgeCaptionZoom);
  useElementSync(cyRef, cyInstance, props, latest, enqueue, setReady, { onProgress: setLayoutProgress });
  useViewClasses(cyRef, cyInstance, props, enqueue);
  const reportUnderPanel = useRef(props.onUnderPanel);
  reportUnderPanel.current = props.onUnderPanel;
  useNodesUnderPanel(ready ? cyInstance : null, props.detailsOpen ?? false, reportUnderPanel);

  // A focus request (search, a schema click) moves the view to its nodes. A node selected otherwise (a
  // click, the details panel's links) is only brought clear of the panel its selection may have opened.
  const seenFocus = useRef<number | null>(null);
  useEffect(() => {
    const focusIsNew = focus !== null && focus.seq !== seenFocus.current;
    seenFocus.current = focus?.seq ?? null;
    if (focus && focusIsNew) {
      void enqueue((cy) => {
        if (!focus.also?.length) return focusNode(cy, focus.id);
        let nodes = cy.collection();
        for (const id of [focus.id, ...focus.also]) nodes = nodes.union(cy.getElementById(id));
        if (nodes.nonempty()) animateFit(cy, nodes, FIT_PADDING * 2);
      });
      return;
    }
    const selected = props.selection;
    if (selected?.kind === 'node') void enqueue((cy) => panIntoFreePart(cy, cy.getElementById(selected.id)));
    else if (selected === null) void enqueue((cy) => panBackFromPanel(cy));
  }, [focus, props.selection]);

  useImperativeHandle(
    ref,
    () => ({
      core: () => cyRef.current,
      bringIntoView(target) {
        const cy = cyRef.current;
        if (cy && target.kind !== 'background') panIntoFreePart(cy, cy.getElementById(target.id));
      },
      menuPoint(target) {
        const cy = cyRef.current;
        const box = containerRef.current?.getBoundingClientRect();
        if (!cy || !box) return null;
        const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        const element = target.kind === 'background' ? null : cy.getElementById(target.id);
        if (!element?.nonempty()) return centre;
        const at = element.isNode() ? element.renderedPosition() : (element as unknown as EdgeSingular).renderedMidpoint();
        if (at.x < 0 || at.y < 0 || at.x > box.width || at.y > box.height) return centre;
        if (!element.isNode()) return { x: box.left + at.x, y: box.top + at.y };
        // The node with its caption: beside the node alone, the menu touched a caption wider than it (new-user trial).
        const drawn = element.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
        return { x: box.left + at.x, y: box.top + at.y, beside: { left: box.left + drawn.x1, top: box.top + drawn.y1, right: box.left + drawn.x2, bottom: box.top + drawn.y2 } };
      },
      focus: () => containerRef.current?.focus({ preventScroll: true }),
      whenStill: () =>
        new Promise<void>((resolve) => {
          const until = performance.now() + STILL_WAIT_MAX_MS;
          const check = () => {
            const cy = cyRef.current;
            if (!cy || cy.destroyed() || !cy.animated() || performance.now() > until) resolve();
            else requestAnimationFrame(check);
          };
          check();
        }),
      camera: () => (cyRef.current && cyRef.current.nodes().nonempty() ? cameraOf(cyRef.current) : null),
      fit() {
        if (cyRef.current) fitWhole(cyRef.current, true);
      },
      zoomBy(factor) {
        if (cyRef.current) zoomStep(cyRef.current, factor, zoomTarget);
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
        data-layout={layoutProgress ? 'running' : 'idle'}
        aria-label="Graph view: click to select, double-click a node to expand it, drag to move it; Shift+F10 opens the menu of the selection"
        role="application"
        // In the Tab order, so the keyboard reaches the view (its shortcuts work from anywhere but a field),
        // and focused by a click on it as a field is: Cytoscape blurs whatever has focus on a press (its
        // mousedown handler), so the focus comes when the button is let go.
        tabIndex={0}
        onPointerUp={(event) => event.currentTarget.focus({ preventScroll: true })}
      />
      {props.showMinimap && cyInstance && ready && <Minimap cy={cyInstance} />}
      {cyInstance && ready && <HoverTooltip cy={cyInstance} graph={props.graph} paused={props.tooltipsPaused ?? false} />}
      <LayoutProgress progress={layoutProgress} onCancel={cancelLayout} />
      {children}
    </div>
  );
}
