/**
 * Counts the nodes of the view that lie under the details panel where it overlays the canvas (below
 * 1,360 px), for the panel to say so: a fit keeps captions readable, so on a narrow canvas part of the
 * drawing runs under the panel (camera.ts's fitViewport), and nothing on screen said so (new-user trial:
 * the circle layout left 9 of the seed's 27 nodes under it at 1280×800). Counted once the view rests and
 * when the panel opens or closes, on views of up to LARGE_VIEW_NODES nodes (larger ones are fitted whole
 * beside the panel); reported only when the count changes.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { Core } from 'cytoscape';
import { nodesUnderPanel } from './keep-in-view.ts';
import { LARGE_VIEW_NODES } from './level-of-detail.ts';

/** Wait for the view to rest (a pan, zoom, fit, layout) before counting (ms). */
const COUNT_AFTER_MS = 200;

/** Calls `report(count)` with the nodes under the panel (0 while it is closed or covers nothing). */
export function useNodesUnderPanel(cy: Core | null, panelOpen: boolean, report: RefObject<((count: number) => void) | undefined>): void {
  const last = useRef(0);
  useEffect(() => {
    if (!cy) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (cy.destroyed()) return;
        const count = !panelOpen || cy.nodes().length > LARGE_VIEW_NODES ? 0 : nodesUnderPanel(cy);
        if (count !== last.current) report.current?.((last.current = count));
      }, COUNT_AFTER_MS);
    };
    recount();
    cy.on('viewport resize add remove dragfree', recount);
    return () => {
      clearTimeout(timer);
      cy.removeListener('viewport resize add remove dragfree', recount);
    };
  }, [cy, panelOpen]);
}
