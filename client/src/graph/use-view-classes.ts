/**
 * View state as CSS classes on the elements: the selection (and dimming of what is not around it), the
 * filtered-out elements, the highlighted paths, the path finder's origin, the search box's matches and the
 * pinned nodes; and, through useEdgeCaptions, which relationships are captioned at any zoom.
 */
import { useEffect, type RefObject } from 'react';
import type { Core, NodeSingular } from 'cytoscape';
import { animateFit, FIT_PADDING } from './camera.ts';
import type { GraphCanvasProps } from './GraphCanvas.tsx';
import { LARGE_VIEW_NODES } from './level-of-detail.ts';
import { CLASSES } from './stylesheet.ts';
import { useEdgeCaptions } from './use-edge-captions.ts';
import type { Enqueue } from './use-layout-queue.ts';

export function useViewClasses(cyRef: RefObject<Core | null>, cyInstance: Core | null, props: GraphCanvasProps, enqueue: Enqueue): void {
  const { graph, selection, alsoSelected, hidden, paths, pathOriginId, searchMatches, pinned } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      // One pass over the nodes (or the relationships, for a type's sample): a union per selected node was
      // quadratic, seconds for Ctrl+A on 20,000 nodes.
      const also = new Set(alsoSelected);
      const shown = selection ? cy.getElementById(selection.id) : cy.collection();
      const kind = cy.elements(selection?.kind === 'relationship' ? 'edge' : 'node');
      const target = also.size === 0 ? shown : shown.union(kind.filter((element) => also.has(element.id())));
      cy.elements(':selected').difference(target).unselect();
      cy.elements(`.${CLASSES.dimmed}`).removeClass(CLASSES.dimmed);
      if (target.empty()) return;
      target.select();
      if (paths && paths.count > 0) return; // the path highlight already says what matters
      // Dimming restyles every other element: seconds on a large view, for every click (found by the
      // large-view browser test). There the selection's own highlight has to do.
      if (cy.nodes().length > LARGE_VIEW_NODES) return;
      const context = selection?.kind === 'node' ? target.closedNeighborhood() : target.union(target.connectedNodes());
      cy.elements().difference(context).addClass(CLASSES.dimmed);
    });
  }, [selection, alsoSelected, graph, paths]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        node.toggleClass(CLASSES.hidden, hidden.nodes.has(node.id()));
      });
      cy.edges().forEach((edge) => {
        edge.toggleClass(CLASSES.hidden, hidden.relationships.has(edge.id()));
      });
    });
  }, [hidden, graph]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass(`${CLASSES.pathMember} ${CLASSES.pathFaded}`);
      if (!paths || paths.count === 0) return;
      const members = new Set([...paths.nodeIds, ...paths.relationshipIds]);
      cy.elements().forEach((element) => {
        element.addClass(members.has(element.id()) ? CLASSES.pathMember : CLASSES.pathFaded);
      });
    });
  }, [paths, graph]);

  // A new highlight brings the paths into view, once they are placed.
  useEffect(() => {
    if (!paths || paths.count === 0) return;
    void enqueue((cy) => {
      const members = cy.nodes().filter((node: NodeSingular) => paths.nodeIds.includes(node.id()));
      if (members.nonempty()) animateFit(cy, members, FIT_PADDING * 2);
    });
  }, [paths]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes(`.${CLASSES.pinned}`).removeClass(CLASSES.pinned);
      for (const id of pinned) cy.getElementById(id).addClass(CLASSES.pinned);
    });
  }, [pinned, graph]);

  // Search matches: ringed, the rest faded, while the box has text (the camera stays where it is).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements(`.${CLASSES.searchMatch}, .${CLASSES.searchFaded}`).removeClass(`${CLASSES.searchMatch} ${CLASSES.searchFaded}`);
      if (searchMatches === null) return;
      cy.nodes().forEach((node) => void node.addClass(searchMatches.has(node.id()) ? CLASSES.searchMatch : CLASSES.searchFaded));
      cy.edges().forEach((edge) => {
        if (!(searchMatches.has(edge.source().id()) && searchMatches.has(edge.target().id()))) edge.addClass(CLASSES.searchFaded);
      });
    });
  }, [searchMatches, graph]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes(`.${CLASSES.pathOrigin}`).removeClass(CLASSES.pathOrigin);
    if (pathOriginId) cy.getElementById(pathOriginId).addClass(CLASSES.pathOrigin);
  }, [pathOriginId, graph]);

  // After the selection's classes above: the captions are chosen around the nodes selected now.
  useEdgeCaptions(cyRef, cyInstance, props);
}

