/**
 * Creates the Cytoscape instance with the extensions and interaction settings the explorer uses.
 */
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { RendererName } from './level-of-detail.ts';
import { buildStylesheet } from './stylesheet.ts';
import type { GraphTheme } from './theme.ts';

cytoscape.use(fcose);

/** Interaction settings, each tuned for analysts reading a graph rather than editing one. */
const INTERACTION = {
  // Low enough to fit 20,000 nodes on a 1,000 px view even drawn on a circle (~450,000 px across).
  minZoom: 0.001,
  maxZoom: 4,
  // A drag on the background pans; with Shift (or Ctrl, ⌘) held it draws a box whose nodes join the selection.
  boxSelectionEnabled: true,
  selectionType: 'single',
} as const;

/**
 * A Cytoscape instance in `container` drawn by `renderer`; when WebGL cannot be set up there, by the canvas
 * (logged), so the view always comes up.
 */
export function createCy(container: HTMLElement, theme: GraphTheme, renderer: RendererName = 'canvas'): { cy: Core; renderer: RendererName } {
  const options = { container, style: buildStylesheet(theme), ...INTERACTION };
  if (renderer === 'webgl') {
    try {
      return { cy: cytoscape({ ...options, renderer: { name: 'canvas', webgl: true } } as cytoscape.CytoscapeOptions), renderer };
    } catch (error) {
      console.warn('GraphCanvas: WebGL drawing could not start; the canvas draws instead.', error);
      container.replaceChildren(); // what the failed instance left behind
    }
  }
  return { cy: cytoscape(options), renderer: 'canvas' };
}
