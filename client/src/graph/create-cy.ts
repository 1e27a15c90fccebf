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

/** Whether a WebGL instance was asked for in this page (see withoutWebGLLayer). */
let webglAsked = false;

/**
 * Runs `create` (a canvas-only instance) so that it needs no WebGL2 context. Cytoscape 3.34's canvas
 * renderer, once any instance asks for WebGL, sets CANVAS_LAYERS to 4 on its shared prototype and never
 * back: every later instance then creates a fourth, WebGL2 canvas, and throws "Could not create canvas of
 * type webgl2" where there is none, so the fallback below failed too and the page went blank (new-user
 * trial). Such an instance never draws on that layer (its `webgl` option is off), so while it is created a
 * request for a WebGL2 context is given a 2D one.
 */
function withoutWebGLLayer<T>(create: () => T): T {
  if (!webglAsked) return create();
  const getContext = HTMLCanvasElement.prototype.getContext;
  const patched = function (this: HTMLCanvasElement, type: string, attributes?: unknown) {
    return getContext.call(this, type === 'webgl2' ? '2d' : type, attributes as CanvasRenderingContext2DSettings);
  };
  HTMLCanvasElement.prototype.getContext = patched as typeof getContext;
  try {
    return create();
  } finally {
    HTMLCanvasElement.prototype.getContext = getContext;
  }
}

/**
 * A Cytoscape instance in `container` drawn by `renderer`; when WebGL cannot be set up there, by the canvas
 * (logged), so the view always comes up.
 */
export function createCy(container: HTMLElement, theme: GraphTheme, renderer: RendererName = 'canvas'): { cy: Core; renderer: RendererName } {
  const options = { container, style: buildStylesheet(theme), ...INTERACTION };
  if (renderer === 'webgl') {
    webglAsked = true;
    try {
      return { cy: cytoscape({ ...options, renderer: { name: 'canvas', webgl: true } } as cytoscape.CytoscapeOptions), renderer };
    } catch (error) {
      console.warn('GraphCanvas: WebGL drawing could not start; the canvas draws instead.', error);
      container.replaceChildren(); // what the failed instance left behind
    }
  }
  return { cy: withoutWebGLLayer(() => cytoscape(options)), renderer: 'canvas' };
}
