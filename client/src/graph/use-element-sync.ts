/**
 * Keeps the Cytoscape instance showing the view: adds and removes elements as the graph changes and lays
 * out what is new (the first drawing with the chosen layout, later additions around their anchor), moves
 * every node back on undo/redo, and runs the layout the analyst picks.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { Core, NodeSingular } from 'cytoscape';
import type { Camera } from '../state/url-state.ts';
import { fitWhole, reveal } from './camera.ts';
import { showThrough } from './camera-frame.ts';
import { fitWhenOutside } from './keep-in-view.ts';
import { syncElements } from './elements.ts';
import type { GraphCanvasProps } from './GraphCanvas.tsx';
import { ANIMATE_MAX_NODES, applyPositions, DEFAULT_LAYOUT_NAME, fullLayout, incrementalLayout, layoutByName, type LayoutContext } from './layouts.ts';
import { reportPositions } from './use-cytoscape.ts';
import type { Enqueue } from './use-layout-queue.ts';

/**
 * `setReady(true)` once the first graph is drawn and laid out (or known to be empty). One layout per
 * change: a new graph that comes with a layout request (a query result shown in place of the view) is laid
 * out once, by that request.
 */
export function useElementSync(
  cyRef: RefObject<Core | null>,
  cyInstance: Core | null,
  props: GraphCanvasProps,
  latest: RefObject<GraphCanvasProps>,
  enqueue: Enqueue,
  setReady: (ready: boolean) => void,
  context: LayoutContext,
): void {
  /** The `seq` of the last layout request already carried out (by the graph's sync or by itself). */
  const handledRequest = useRef<number | null>(null);
  const settled = () => reportPositions(cyRef.current, latest.current, 'layout');
  /** The `seq` of the last camera request taken. */
  const handledCamera = useRef<number | null>(null);
  /** The camera a shared link asked for, once: null when there is none or it was taken. */
  const takeCamera = (): Camera | null => {
    const request = latest.current.cameraRequest;
    if (!request || request.seq === handledCamera.current) return null;
    handledCamera.current = request.seq;
    return request.camera;
  };
  /** A shared link opened over nodes already drawn (the hash edited): they go to its positions, the view to its camera. */
  const showShared = (cy: Core, camera: Camera) => applyPositions(cy, latest.current.positions, false).then(() => showThrough(cy, camera));

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wasEmpty = cy.nodes().empty();
    const known = latest.current.positions;
    const added = syncElements(cy, props.graph, props.styling, known);
    const request = latest.current.layoutRequest;
    const requested = request !== null && request.seq !== handledRequest.current && !layoutByName(request.name).manual;
    const camera = cy.nodes().nonempty() ? takeCamera() : null;
    if (added.empty()) {
      if (props.loaded && cy.nodes().empty()) setReady(true);
      if (camera) void enqueue((c) => showShared(c, camera)).then(settled);
      return;
    }
    const unplaced = added.filter((node: NodeSingular) => !known[node.id()]);
    if (wasEmpty || (requested && unplaced.length === added.length)) {
      if (requested) handledRequest.current = request.seq;
      const layout = layoutByName(requested ? request.name : latest.current.layoutName);
      void enqueue(async (c) => {
        if (unplaced.length === added.length) {
          // Nothing remembered: the chosen layout draws the graph (manual has nothing to keep, so force).
          await fullLayout(c, layout.manual ? DEFAULT_LAYOUT_NAME : layout.name, { animate: !wasEmpty, fit: true, spiral: true }, context);
        } else {
          // Nodes with a position (a shared link's, or remembered) stay put; the others are placed around them.
          if (unplaced.nonempty()) await incrementalLayout(c, unplaced, null, context);
          if (!camera) fitWhole(c, false);
        }
        if (camera && !c.destroyed()) showThrough(c, camera);
      }).then(() => {
        setReady(true);
        settled();
      });
    } else if (unplaced.nonempty()) {
      const anchorId = latest.current.anchorId;
      // Additions without an anchor come from search, whose focus request moves the view itself.
      void enqueue((c) =>
        incrementalLayout(c, unplaced, anchorId, context).then(() => {
          if (camera) showThrough(c, camera);
          else if (anchorId) reveal(c, unplaced, anchorId);
        }),
      ).then(settled);
    } else if (camera) {
      void enqueue((c) => showShared(c, camera)).then(settled);
    }
  }, [cyInstance, props.graph, props.loaded, props.styling]);

  // Undo / redo: every node goes back to where it was in that view, and the camera to where it looked then,
  // both together. With no camera on record, the view fits the nodes when that took one out of it.
  // (Undoing "show only" after a sample's fit refitted the whole graph, zoom 1.36 to 0.69: new-user trial.)
  useEffect(() => {
    if (props.viewRevision === 0) return;
    const camera = latest.current.restoredCamera;
    void enqueue(async (cy) => {
      const animate = cy.nodes().length <= ANIMATE_MAX_NODES;
      const moved = applyPositions(cy, latest.current.positions, animate);
      if (camera) showThrough(cy, camera, animate);
      await moved;
      if (!camera && !cy.destroyed()) fitWhenOutside(cy);
    });
  }, [props.viewRevision]);

  /** The `seq` of the last layout chosen and queued here (not by the graph's sync). */
  const lastChoice = useRef<number | null>(null);
  useEffect(() => {
    const request = props.layoutRequest;
    if (!request || request.seq === handledRequest.current) return;
    handledRequest.current = request.seq;
    const layout = layoutByName(request.name);
    if (layout.manual) return;
    lastChoice.current = request.seq;
    void enqueue(async (cy) => {
      // A layout chosen after this one, queued behind it, lays out and fits the whole view anew: this one is
      // skipped, so of quick choices the one running finishes and the last runs (twelve choices 60 ms apart
      // were laid out one after another, 3.5 s: new-user trial). Only a later choice skips it: a request the
      // graph's sync carried out (a query result shown) does not re-fit after it.
      if (lastChoice.current !== request.seq) return;
      // Pinned nodes keep their place through every layout; the others are arranged around them.
      const placed = await fullLayout(cy, layout.name, { animate: true, fit: true, spiral: false, fixed: latest.current.pinned }, context);
      if (!placed && !cy.destroyed()) latest.current.onLayoutCancelled(request.seq);
    }).then(settled);
  }, [props.layoutRequest]);
}
