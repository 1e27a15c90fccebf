/**
 * Level of detail by the view's size and the browser's capability. Small views are drawn in full (curved
 * edges with arrows and captions, sharp on high-density screens). Large ones trade detail for frames, as
 * Cytoscape.js's performance guide advises (https://js.cytoscape.org/#performance): while the view moves
 * it is drawn from a texture with the edges hidden; edges are straight "haystack" lines without arrows or
 * captions; node captions show only once zoomed in enough to read them; one canvas pixel per CSS pixel.
 * WebGL drawing (Cytoscape 3.31+) is used for large views only where the browser has hardware WebGL2:
 * software WebGL (SwiftShader, llvmpipe) is slower than the canvas.
 */
import type { Core } from 'cytoscape';

/** Views with more nodes than this are drawn at the large level. */
export const LARGE_VIEW_NODES = 1_000;

export type RendererName = 'canvas' | 'webgl';

export interface LevelOfDetail {
  large: boolean;
  /** Draw a moving view from a snapshot texture (canvas renderer option `textureOnViewport`). */
  textureOnViewport: boolean;
  /** Leave edges out while the view moves (`hideEdgesOnViewport`). */
  hideEdgesOnViewport: boolean;
  /** Canvas pixels per CSS pixel; null: the screen's own. */
  pixelRatio: number | null;
  /** Straight edges without arrows or captions (`curve-style: haystack`). */
  haystackEdges: boolean;
  /** Smallest on-screen caption font size, px, that is drawn (`min-zoomed-font-size`). */
  minZoomedFontSize: number;
}

export function levelOfDetail(nodeCount: number): LevelOfDetail {
  const large = nodeCount > LARGE_VIEW_NODES;
  return {
    large,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    pixelRatio: large ? 1 : null,
    haystackEdges: large,
    minZoomedFontSize: large ? 10 : 6,
  };
}

/** The renderer a view of `nodeCount` nodes is drawn with, given whether the browser has hardware WebGL2. */
export function rendererFor(nodeCount: number, hardwareWebGL2: boolean): RendererName {
  return hardwareWebGL2 && nodeCount > LARGE_VIEW_NODES ? 'webgl' : 'canvas';
}

/** The canvas renderer's fields behind the options of the same names; Cytoscape reads them on every frame. */
interface CanvasRendererFields {
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  forcedPixelRatio: number | null;
}

/**
 * Sets the renderer options of `detail` on a live instance. Cytoscape takes them only at creation; its
 * canvas renderer keeps them as fields it reads on each frame, so they are set there (checked by the
 * browser tests, which read them back after a large view is shown).
 */
export function applyRendererDetail(cy: Core, detail: LevelOfDetail): void {
  const renderer = (cy as unknown as { renderer(): Partial<CanvasRendererFields> | undefined }).renderer();
  if (!renderer) return;
  const pixelRatioChanged = renderer.forcedPixelRatio !== detail.pixelRatio;
  renderer.textureOnViewport = detail.textureOnViewport;
  renderer.hideEdgesOnViewport = detail.hideEdgesOnViewport;
  renderer.forcedPixelRatio = detail.pixelRatio;
  if (pixelRatioChanged) cy.resize(); // the canvases are sized by the pixel ratio
}

let hardwareWebGL2Cache: boolean | undefined;

/**
 * True when the browser offers WebGL2 without a major performance caveat and its renderer is not a known
 * software one. Asked once per page.
 */
export function hasHardwareWebGL2(): boolean {
  if (hardwareWebGL2Cache !== undefined) return hardwareWebGL2Cache;
  hardwareWebGL2Cache = false;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2', { failIfMajorPerformanceCaveat: true });
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      hardwareWebGL2Cache = !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    hardwareWebGL2Cache = false;
  }
  return hardwareWebGL2Cache;
}
