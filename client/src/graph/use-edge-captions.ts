/**
 * Which relationships have their caption drawn at any zoom (CLASSES.captioned), chosen by edge-captions.ts
 * when the selection, the graph, what is hidden or the positions change.
 */
import { useEffect, type RefObject } from 'react';
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { captionsThatFit, type EdgeCaption } from './edge-captions.ts';
import type { GraphCanvasProps } from './GraphCanvas.tsx';
import { LARGE_VIEW_NODES } from './level-of-detail.ts';
import { CLASSES, EDGE_FONT_SIZE } from './stylesheet.ts';
import { GRAPH_FONT } from './theme.ts';

export function useEdgeCaptions(cyRef: RefObject<Core | null>, props: GraphCanvasProps): void {
  const { graph, selection, alsoSelected, hidden, positions } = props;
  // The selection's relationships with a caption at any zoom: those whose captions fit with none over
  // another (edge-captions.ts), again when the nodes have moved. Large views draw no such captions.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // Drawn ones only: a relationship to a hidden node has no midpoint (Cytoscape does not place it), and
    // reading one brought the page down after Show only.
    const edges = cy.nodes(':selected').connectedEdges().filter((edge: EdgeSingular) => edge.visible());
    const captions: EdgeCaption[] = cy.nodes().length > LARGE_VIEW_NODES ? [] : edges.map((edge: EdgeSingular) => ({
      id: edge.id(),
      text: String(edge.data('type') ?? ''),
      certainty: String(edge.data('certainty') ?? ''),
      source: edge.sourceEndpoint(),
      target: edge.targetEndpoint(),
      middle: edge.midpoint(),
    }));
    // No caption goes over a selected node (its caption included) or a neighbour's body. Neighbours'
    // captions are left out: kept clear too, a hub of 17 relationships kept 2 captions, not 13.
    const selected = captions.length === 0 ? cy.collection() : cy.nodes(':selected');
    const obstacles = [
      ...selected.map((node: NodeSingular) => node.boundingBox({ includeLabels: true, includeOverlays: false })),
      ...selected.neighborhood().nodes().not(selected).filter((node: NodeSingular) => node.visible()).map((node: NodeSingular) => node.boundingBox({ includeLabels: false, includeOverlays: false })),
    ];
    const fit = captionsThatFit(captions, edgeCaptionWidth, EDGE_FONT_SIZE, obstacles);
    cy.batch(() => {
      cy.edges(`.${CLASSES.captioned}`).removeClass(CLASSES.captioned);
      for (const id of fit) cy.getElementById(id).addClass(CLASSES.captioned);
    });
  }, [selection, alsoSelected, graph, hidden, positions]);
}

/** px a relationship's caption takes at zoom 1 (measured at ten times the size, for precision), by its text. */
const captionWidths = new Map<string, number>();
let measuring: CanvasRenderingContext2D | null = null;
function edgeCaptionWidth(text: string): number {
  const known = captionWidths.get(text);
  if (known !== undefined) return known;
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * EDGE_FONT_SIZE * 0.6;
  measuring.font = `${EDGE_FONT_SIZE * 10}px ${GRAPH_FONT}`;
  const width = measuring.measureText(text).width / 10;
  captionWidths.set(text, width);
  return width;
}
