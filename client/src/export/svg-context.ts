/**
 * A fix to canvas2svg, the canvas-to-SVG context inside cytoscape-svg (0.4.0 bundles kinimesi/canvas2svg at
 * 68b8ef8, and sets it as `window.C2S`). A canvas keeps its current path through `save()`/`restore()`,
 * `drawImage` and `fillText`; canvas2svg instead keeps the path's text but makes the group, image or text it
 * just drew the element a later `stroke()` or `fill()` applies to, logs "Attempted to apply path command to
 * node g" and draws nothing. Cytoscape strokes a node's border after its icon and caption, so every border
 * went missing from SVG exports and each export logged errors. Patched: such a `stroke()`/`fill()` draws
 * the current path as a new path element, as a canvas would.
 */

/** The part of canvas2svg's context this patch uses (its own private names). */
interface CanvasToSvgContext {
  __currentElement: Element;
  __currentDefaultPath: string;
  __createElement(name: string, attributes: Record<string, string>, resetFill: boolean): Element;
  __closestGroupOrSvg(): Element;
  __applyCurrentDefaultPath(): void;
}

/**
 * Patches `window.C2S` (once; import cytoscape-svg first). Throws when it is missing, so that an upgrade of
 * cytoscape-svg that moves it fails the export tests instead of quietly dropping borders again.
 */
export function patchCanvasToSvg(): void {
  const C2S = (window as unknown as { C2S?: { prototype: CanvasToSvgContext & { __kgPatched?: true } } }).C2S;
  if (!C2S) throw new Error('cytoscape-svg no longer exposes canvas2svg as window.C2S: review client/src/export/svg-context.ts.');
  const proto = C2S.prototype;
  if (proto.__kgPatched) return;
  proto.__kgPatched = true;
  proto.__applyCurrentDefaultPath = function applyCurrentDefaultPath(this: CanvasToSvgContext) {
    if (this.__currentElement.nodeName !== 'path') {
      const path = this.__createElement('path', {}, true);
      this.__closestGroupOrSvg().appendChild(path);
      this.__currentElement = path;
    }
    this.__currentElement.setAttribute('d', this.__currentDefaultPath ?? '');
  };
}
