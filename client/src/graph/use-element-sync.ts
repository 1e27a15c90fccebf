/**
 * Keeps the Cytoscape instance showing the view: adds and removes elements as the graph changes and lays
 * out what is new (the first drawing with the chosen layout, later additions around their anchor), moves
 * every node back on undo/redo, and runs the layout the analyst picks.
 */
import { useEffect, type RefObject } from 'react';
import type { Core, NodeSingular } from 'cytoscape';
import { FIT_PADDING, reveal } from './camera.ts';
import { syncElements } from './elements.ts';
import type { GraphCanvasProps } from './GraphCanvas.tsx';
import { applyPositions, incrementalLayout, layoutByName, runLayout, withFitZoomCap } from './layouts.ts';
import { reportPositions } from './use-cytoscape.ts';
import type { Enqueue } from './use-layout-queue.ts';

/** `setReady(true)` once the first graph is drawn and laid out (or known to be empty). */
export function useElementSync(
  cyRef: RefObject<Core | null>,
  props: GraphCanvasProps,
  latest: RefObject<GraphCanvasProps>,
  enqueue: Enqueue,
  setReady: (ready: boolean) => void,
): void {
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wasEmpty = cy.nodes().empty();
    const known = latest.current.positions;
    const added = syncElements(cy, props.graph, props.styling, known);
    if (added.empty()) {
      if (props.loaded && cy.nodes().empty()) setReady(true);
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
        reportPositions(cyRef.current, latest.current, 'layout');
      });
    } else if (unplaced.nonempty()) {
      const anchorId = latest.current.anchorId;
      // Additions without an anchor come from search, whose focus request moves the view itself.
      void enqueue((c) =>
        incrementalLayout(c, unplaced, anchorId).then(() => {
          if (anchorId) reveal(c, unplaced, anchorId);
        }),
      ).then(() => reportPositions(cyRef.current, latest.current, 'layout'));
    }
  }, [props.graph, props.loaded, props.styling]);

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
    void enqueue((cy) => runLayout(cy, options)).then(() => reportPositions(cyRef.current, latest.current, 'layout'));
  }, [props.layoutRequest]);

}
