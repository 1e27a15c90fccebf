/**
 * Says how many nodes of the view lie under the details panel where it overlays the canvas (below
 * 1,360 px): a fit keeps captions readable, so on a narrow canvas part of the drawing runs under the panel
 * (camera.ts's fitViewport), and nothing on screen said so (new-user trial: the circle layout left 9 of the
 * seed's 27 nodes under it at 1280×800). Counted once the view rests and when the panel opens or closes,
 * on views of up to LARGE_VIEW_NODES nodes (larger ones are fitted whole beside the panel).
 */
import { useEffect, useState } from 'react';
import type { Core } from 'cytoscape';
import { nodesUnderPanel } from './keep-in-view.ts';
import { LARGE_VIEW_NODES } from './level-of-detail.ts';
import './UnderPanelNote.css';

/** Wait for the view to rest (a pan, zoom, fit, layout) before counting. */
const COUNT_AFTER_MS = 200;

interface UnderPanelNoteProps {
  cy: Core;
  /** Whether the details panel is open: it covers the canvas only then. */
  panelOpen: boolean;
}

export function UnderPanelNote({ cy, panelOpen }: UnderPanelNoteProps) {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!cy.destroyed()) setCount(cy.nodes().length > LARGE_VIEW_NODES ? 0 : nodesUnderPanel(cy));
      }, COUNT_AFTER_MS);
    };
    recount();
    cy.on('viewport resize add remove dragfree', recount);
    return () => {
      clearTimeout(timer);
      cy.removeListener('viewport resize add remove dragfree', recount);
    };
  }, [cy, panelOpen]);
  if (!panelOpen || count === 0) return null;
  return (
    <div className="under-panel-note floating-pill" role="status" data-testid="under-panel-note">
      {count === 1 ? '1 node' : `${count.toLocaleString('en')} nodes`} under this panel · I closes it
    </div>
  );
}
