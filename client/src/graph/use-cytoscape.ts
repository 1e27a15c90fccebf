/**
 * The Cytoscape instance's lifecycle and input: creates it in the container, turns taps, double clicks,
 * right clicks, box selections and drags into the canvas's callbacks, follows the container's size (keeping
 * the same part of the graph in view), destroys it on unmount.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Core } from 'cytoscape';
import { fitWhole, isFitted, markFitted } from './camera.ts';
import { cameraOf, keepViewThroughResize, sameCamera, showThrough, type CanvasFrame } from './camera-frame.ts';
import { panIntoFreePart, readableAroundSelection } from './keep-in-view.ts';
import { createCy } from './create-cy.ts';
import type { RendererName } from './level-of-detail.ts';
import type { GraphCanvasProps } from './GraphCanvas.tsx';
import { positionsOf } from './layouts.ts';
import { CLASSES } from './stylesheet.ts';
import { GRAPH_THEMES } from './theme.ts';

declare global {
  interface Window {
    /** The live Cytoscape instance, for browser tests (read positions, find elements). Nothing else uses it. */
    __cy?: Core;
  }
}

/** Wait for the camera to be still (a wheel turn, a fit's animation) before telling the owner where it is. */
const CAMERA_REPORT_MS = 150;

/** Tells the canvas's owner where every node is now (after a layout settled, or a drag). */
export function reportPositions(cy: Core | null, props: GraphCanvasProps, cause: 'layout' | 'drag'): void {
  if (cy && cy.nodes().nonempty()) props.onPositions(positionsOf(cy), cause);
}

/**
 * Creates the instance once the container is mounted, and anew when the renderer changes (Cytoscape takes
 * it only at creation; `data-renderer` on the container says which one draws). `latest` holds the current props (handlers read it
 * when an event comes, so they never go stale); `resetQueue` empties the layout queue of the old instance.
 */
export function useCytoscape(
  containerRef: RefObject<HTMLDivElement | null>,
  latest: RefObject<GraphCanvasProps>,
  resetQueue: () => void,
  renderer: RendererName,
): { cyRef: RefObject<Core | null>; cyInstance: Core | null } {
  const cyRef = useRef<Core | null>(null);
  const [cyInstance, setCyInstance] = useState<Core | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = createCy(container, GRAPH_THEMES[latest.current.scheme], renderer);
    const cy = created.cy;
    container.dataset.renderer = created.renderer;
    cyRef.current = cy;
    setCyInstance(cy);
    resetQueue(); // a layout of a destroyed instance never stops
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
    // Right click (or a long press): the context menu, at the pointer, for what is under it.
    cy.on('cxttap', (event) => {
      const original = event.originalEvent as MouseEvent | undefined;
      const box = container.getBoundingClientRect();
      const at = original && 'clientX' in original ? { x: original.clientX, y: original.clientY } : { x: box.left + event.renderedPosition.x, y: box.top + event.renderedPosition.y };
      const target = event.target === cy ? ({ kind: 'background' } as const) : { kind: event.target.isNode() ? ('node' as const) : ('relationship' as const), id: String(event.target.id()) };
      latest.current.onContextMenu(target, at);
    });
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
    cy.on('dragfree', 'node', () => reportPositions(cy, latest.current, 'drag'));
    // The camera of an empty canvas frames nothing: it is reported once there is a drawing.
    let cameraTimer: ReturnType<typeof setTimeout> | undefined;
    const reportCamera = () => {
      clearTimeout(cameraTimer);
      cameraTimer = setTimeout(() => {
        if (!cy.destroyed() && cy.nodes().nonempty()) latest.current.onCamera(cameraOf(cy));
      }, CAMERA_REPORT_MS);
    };
    cy.on('viewport', reportCamera);
    cy.on('mouseover', 'node, edge', () => (container.style.cursor = 'pointer'));
    cy.on('mouseout', 'node, edge', () => (container.style.cursor = ''));
    // The relationship under the pointer shows its caption at any zoom (stylesheet.ts, CLASSES.hovered).
    cy.on('mouseover', 'edge', (event) => void event.target.addClass(CLASSES.hovered));
    cy.on('mouseout', 'edge', (event) => void event.target.removeClass(CLASSES.hovered));
    // The stage changes size when the timeline or a drawer opens, the window is resized or goes fullscreen:
    // Cytoscape learns its new size, and a view still as a whole-view fit left it is fitted again, any other
    // keeps the same part of the graph in view (keepViewThroughResize; Cytoscape alone keeps the pan, so a
    // drawer opening below left half the nodes off the canvas).
    // A canvas back at its size from before the last resize, its camera untouched since, gets its old camera
    // back exactly: opening and closing a drawer leaves the view as it was.
    let frame: CanvasFrame = { width: cy.width(), height: cy.height(), camera: cameraOf(cy) };
    let undoResize: { before: CanvasFrame; after: CanvasFrame; fitted: boolean } | null = null;
    const resize = new ResizeObserver(() => {
      cy.resize();
      const back = undoResize !== null && undoResize.before.width === cy.width() && undoResize.before.height === cy.height() && sameCamera(undoResize.after.camera, frame.camera);
      const before = frame;
      const fitted = isFitted(cy, before.camera);
      if (back && undoResize) {
        showThrough(cy, undoResize.before.camera);
        if (undoResize.fitted) markFitted(cy, undoResize.before.camera);
      } else if (fitted) fitWhole(cy, false);
      else keepViewThroughResize(cy, before);
      // The selection stays readable (a drawer opening in a short window), and a selected node the narrower
      // window put under the details panel comes out from under it, at once: a camera still moving would
      // not be the one `undoResize` keeps, and the window widened back would not get its view back (zoom
      // 1.165 where it was 1.247 at 1920 px: new-user trial).
      if (!back) readableAroundSelection(cy, before.camera.zoom);
      const selected = cy.nodes(':selected');
      if (selected.length === 1) panIntoFreePart(cy, selected, false);
      frame = { width: cy.width(), height: cy.height(), camera: cameraOf(cy) };
      undoResize = back ? null : { before, after: frame, fitted };
      reportCamera();
    });
    // The frame follows the camera, so a resize starts from where the view looks now.
    cy.on('viewport', () => {
      frame = { width: cy.width(), height: cy.height(), camera: cameraOf(cy) };
    });
    resize.observe(container);
    return () => {
      resize.disconnect();
      clearTimeout(cameraTimer);
      cy.destroy();
      cyRef.current = null;
      setCyInstance(null);
      if (window.__cy === cy) delete window.__cy;
    };
  }, [renderer]);

  return { cyRef, cyInstance };
}
