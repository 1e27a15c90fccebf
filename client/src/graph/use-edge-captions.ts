/**
 * Which relationship captions are drawn (edge-captions.ts chooses, when the selection, the paths, the graph,
 * what is hidden, the positions or the caption size change): the selected relationships' and the
 * highlighted paths', and the selected nodes' that fit at any zoom (CLASSES.captioned; a lone selected relationship's always does), and of the
 * others those that fit above the caption zoom; the rest (CLASSES.crowded) only under the pointer.
 *
 * Above the caption zoom, captions keep the size on screen they have at it (edgeCaptionFont): zooming in
 * makes room between the nodes for more of them. The selection's are never drawn under READABLE_CAPTION_PX
 * on screen (selectionCaptionFont), and are chosen at that size. Drawn at the size of the model, the same 2 of the seed's
 * 64 fitted at any zoom (new-user trial).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Core, EdgeCollection, EdgeSingular, NodeSingular, Position } from 'cytoscape';
import { READABLE_CAPTION_PX } from './camera.ts';
import { CaptionRoom, edgeCaptionFont, selectionCaptionFont, type EdgeCaption } from './edge-captions.ts';
import type { GraphCanvasProps } from './GraphCanvas.tsx';
import { LARGE_VIEW_NODES } from './level-of-detail.ts';
import { CLASSES, EDGE_FONT_SIZE } from './stylesheet.ts';
import { GRAPH_FONT } from './theme.ts';

/**
 * Views with more relationships than this skip the second pass (every other caption drawn above the
 * zoom, overlaps and all): it measures every relationship and node, on every selection and layout. On the
 * bench's view of 1,000 nodes and 1,593 relationships it made the longest task 693 and 703 ms against 513
 * without it (`npm run bench -- --only render-canvas-1000`, run with, without, with).
 */
const SECOND_PASS_MAX_EDGES = 500;

/** ms the zoom rests before the captions are sized and chosen again for it. */
const RESIZE_AFTER_MS = 150;

export function useEdgeCaptions(cyRef: RefObject<Core | null>, cyInstance: Core | null, props: GraphCanvasProps): void {
  const { graph, selection, alsoSelected, hidden, positions, edgeCaptionZoom, paths } = props;
  // The caption fonts for the zoom as it last rested: every caption's, and the selection's (never drawn
  // under READABLE_CAPTION_PX on screen).
  const [{ font, selectionFont, below }, setFonts] = useState({ font: EDGE_FONT_SIZE, selectionFont: EDGE_FONT_SIZE, below: true });
  /** The font written on the relationships (a style bypass), for which graph and core; null: none written. */
  const applied = useRef<{ font: number; graph: GraphCanvasProps['graph']; cy: Core } | null>(null);
  /** The selection's relationships given selectionFont last time, to give back the common font. */
  const enlarged = useRef<{ edges: EdgeCollection; cy: Core } | null>(null);
  /** The selected relationships whose caption was moved off their middle last time (a text-margin bypass). */
  const slid = useRef<{ edges: EdgeCollection; cy: Core } | null>(null);
  useEffect(() => {
    if (!cyInstance) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const rested = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (cyInstance.destroyed()) return;
        const zoom = cyInstance.zoom();
        const common = edgeCaptionFont(EDGE_FONT_SIZE, zoom, edgeCaptionZoom, READABLE_CAPTION_PX);
        // A large view draws the selected relationship's caption only, at the model's size: nothing varies
        // with the zoom there, so nothing is set (a state set on every rest broke a 20,000-node layout's Cancel).
        const large = cyInstance.nodes().length > LARGE_VIEW_NODES;
        const next = large
          ? { font: common, selectionFont: common, below: false }
          : { font: common, selectionFont: selectionCaptionFont(common, zoom, READABLE_CAPTION_PX), below: edgeCaptionZoom > 0 && zoom < edgeCaptionZoom };
        // The same values keep the same state: a new object on every rest re-rendered the canvas each time.
        setFonts((now) => (now.font === next.font && now.selectionFont === next.selectionFont && now.below === next.below ? now : next));
      }, RESIZE_AFTER_MS);
    };
    rested();
    cyInstance.on('zoom', rested);
    return () => {
      clearTimeout(timer);
      cyInstance.off('zoom', rested);
    };
  }, [cyInstance, edgeCaptionZoom]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const captioned = new Set<string>();
    const crowded = new Set<string>();
    // Large views draw only the selected relationship's caption (stylesheet.ts): nothing to choose, and
    // the model's size. So do views past the second pass's cap, whose captions are not chosen for the zoom.
    const small = cy.nodes().length <= LARGE_VIEW_NODES;
    const sized = small && cy.edges().length <= SECOND_PASS_MAX_EDGES && font !== EDGE_FONT_SIZE;
    // Written when it changes, or new relationships came: not on every selection of a large view.
    const want = sized ? { font, graph, cy } : null;
    const had = applied.current?.cy === cy ? applied.current : null;
    if (want ? !had || had.font !== want.font || had.graph !== want.graph : had) {
      cy.batch(() => void (want ? cy.edges().style('font-size', want.font) : cy.edges().removeStyle('font-size')));
      applied.current = want;
    }
    const common = sized ? font : EDGE_FONT_SIZE;
    // The selection's captions given the common font back before this choice: it may leave them out.
    const previous = enlarged.current?.cy === cy ? enlarged.current.edges.filter((edge: EdgeSingular) => !edge.removed()) : null;
    if (previous) cy.batch(() => void (sized ? previous.style('font-size', common) : previous.removeStyle('font-size')));
    enlarged.current = null;
    const wasSlid = slid.current?.cy === cy ? slid.current.edges.filter((edge: EdgeSingular) => !edge.removed()) : null;
    if (wasSlid) cy.batch(() => void wasSlid.removeStyle('text-margin-x text-margin-y'));
    slid.current = null;
    if (small) {
      // The selected relationships' captions are bold (stylesheet.ts's edge:selected): measured so.
      const room = new CaptionRoom((text) => edgeCaptionWidth(text, true) * (selectionFont / EDGE_FONT_SIZE), selectionFont);
      // Drawn ones only: a relationship to a hidden node has no midpoint (Cytoscape does not place it), and
      // reading one brought the page down after Show only.
      const selected = cy.nodes(':selected');
      const visible = (edge: EdgeSingular) => edge.visible();
      // First the selected relationships (one clicked, or a type's sample of up to 25) and the highlighted
      // paths' (a path was read without the types along it: third new-user trial): clear of one another
      // only, so a lone one is always drawn, however short it is between its two ends; moved along the
      // relationship or beside it, off the nodes and node captions near it (CaptionRoom.placeAlong).
      const pathIds = new Set(paths && paths.count > 0 ? paths.relationshipIds : []);
      const onPaths = cy.edges().filter((edge: EdgeSingular) => pathIds.has(edge.id()) && edge.visible());
      const chosen = cy.edges(':selected').filter(visible).union(onPaths);
      const near = chosen.nonempty() ? nodesNear(cy, chosen) : [];
      const shifts = room.placeAlong(captionsOf(chosen), near.map(bodyBox), near.map((node) => node.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false })));
      let moved = cy.collection();
      for (const [id, shift] of shifts) {
        captioned.add(id);
        if (shift.x !== 0 || shift.y !== 0) moved = moved.union(cy.getElementById(id).style({ 'text-margin-x': shift.x, 'text-margin-y': shift.y }));
      }
      if (moved.nonempty()) slid.current = { edges: moved as EdgeCollection, cy };
      room.setFont((text) => edgeCaptionWidth(text) * (selectionFont / EDGE_FONT_SIZE), selectionFont);
      // Then the selected nodes' relationships, drawn at any zoom: clear of a selected or path node (its
      // caption included) and of every other node's body (from its position and outer size: cheap on any
      // view; a caption over a faded node's body was found by the new-user trial). Kept clear of the
      // neighbours' captions too, a hub of 17 relationships kept 2.
      const focal = selected.union(onPaths.connectedNodes());
      const own = selected.connectedEdges().filter(visible).union(chosen);
      room.block([
        ...focal.map((node: NodeSingular) => node.boundingBox({ includeLabels: true, includeOverlays: false })),
        ...cy.nodes().not(focal).filter((node: NodeSingular) => node.visible()).map(bodyBox),
      ]);
      for (const id of room.place(captionsOf(own.not(chosen)))) captioned.add(id);
      own.forEach((edge: EdgeSingular) => void (captioned.has(edge.id()) || crowded.add(edge.id())));
      const readable = own.filter((edge: EdgeSingular) => captioned.has(edge.id()));
      if (selectionFont !== common && readable.nonempty()) {
        cy.batch(() => void readable.style('font-size', selectionFont));
        enlarged.current = { edges: readable, cy };
      }
      room.setFont((text) => edgeCaptionWidth(text) * (common / EDGE_FONT_SIZE), common);
      // Then the others, drawn above the caption zoom: clear of those and of every node and its caption
      // (at 1920×1080 the seed opens above that zoom, and its 64 captions lay over one another). With the
      // setting at "always" the analyst asked for every one: all are drawn (the new-user trial found the
      // setting did nothing visible, 2 of the seed's 64 fitting).
      const others = cy.edges().filter((edge: EdgeSingular) => edge.visible()).not(own);
      // Below the caption zoom, by class: the stylesheet's min-zoomed-font-size alone let Cytoscape draw them
      // from zoom 1 on whatever the setting (it compares with the zoom of its label cache, rounded up to a
      // power of two): 34 of the seed's 64 at zoom 1.03 with captions from 120 % (new-user trial).
      if (below && others.length + own.length <= SECOND_PASS_MAX_EDGES) others.forEach((edge: EdgeSingular) => void crowded.add(edge.id()));
      else if (edgeCaptionZoom > 0 && others.length + own.length <= SECOND_PASS_MAX_EDGES) {
        room.block(cy.nodes().filter((node: NodeSingular) => node.visible()).map((node: NodeSingular) => node.boundingBox({ includeLabels: true, includeOverlays: false })));
        const fit = new Set(room.place(captionsOf(others)));
        others.forEach((edge: EdgeSingular) => void (fit.has(edge.id()) || crowded.add(edge.id())));
      }
    }
    cy.batch(() => {
      cy.edges(`.${CLASSES.captioned}, .${CLASSES.crowded}`).removeClass(`${CLASSES.captioned} ${CLASSES.crowded}`);
      for (const id of captioned) cy.getElementById(id).addClass(CLASSES.captioned);
      for (const id of crowded) cy.getElementById(id).addClass(CLASSES.crowded);
    });
  }, [selection, alsoSelected, graph, hidden, positions, edgeCaptionZoom, font, selectionFont, below, paths]);
}

/** A node's body with its border (model px), from its position and outer size: no bounding box computed. */
function bodyBox(node: NodeSingular): { x1: number; y1: number; x2: number; y2: number } {
  const { x, y } = node.position();
  const [halfWidth, halfHeight] = [node.outerWidth() / 2, node.outerHeight() / 2];
  return { x1: x - halfWidth, y1: y - halfHeight, x2: x + halfWidth, y2: y + halfHeight };
}

/** The shown nodes near `edges` (within 80 model px of their box): those their captions keep clear of, and of their captions. */
function nodesNear(cy: Core, edges: EdgeCollection): NodeSingular[] {
  const around = edges.boundingBox({ includeLabels: true, includeOverlays: false });
  const margin = 80;
  return cy
    .nodes()
    .filter((node: NodeSingular) => {
      const { x, y } = node.position();
      return node.visible() && x >= around.x1 - margin && x <= around.x2 + margin && y >= around.y1 - margin && y <= around.y2 + margin;
    })
    .toArray() as NodeSingular[];
}

/** The relationships' captions as Cytoscape places them, leaving out the ones it has not placed. */
function captionsOf(edges: EdgeCollection): EdgeCaption[] {
  const captions: EdgeCaption[] = [];
  edges.forEach((edge: EdgeSingular) => {
    // Undefined for a relationship whose end was just hidden, before Cytoscape restyled it (H: the page
    // went blank when these were read).
    const [source, target, middle] = [edge.sourceEndpoint(), edge.targetEndpoint(), edge.midpoint()] as Array<Position | undefined>;
    if (!source || !target || !middle || ![source.x, source.y, target.x, target.y, middle.x, middle.y].every(Number.isFinite)) return;
    captions.push({ id: edge.id(), text: String(edge.data('type') ?? ''), certainty: String(edge.data('certainty') ?? ''), source, target, middle });
  });
  return captions;
}

/**
 * px a relationship's caption takes at zoom 1 (measured at ten times the size, for precision), by its text
 * and weight: a selected one is bold, and measured at the normal weight its slid caption still touched the
 * node caption it was slid off.
 */
const captionWidths = new Map<string, number>();
let measuring: CanvasRenderingContext2D | null = null;
function edgeCaptionWidth(text: string, bold = false): number {
  const key = `${bold ? 'b' : 'n'}${text}`;
  const known = captionWidths.get(key);
  if (known !== undefined) return known;
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * EDGE_FONT_SIZE * (bold ? 0.65 : 0.6);
  measuring.font = `${bold ? '700 ' : ''}${EDGE_FONT_SIZE * 10}px ${GRAPH_FONT}`;
  const width = measuring.measureText(text).width / 10;
  captionWidths.set(key, width);
  return width;
}
