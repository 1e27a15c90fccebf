/**
 * Graph transport → Cytoscape element data, and the sync that makes a Cytoscape instance show exactly a
 * `GraphData` (adding and removing only what changed, so existing positions stay put).
 */
import type { Core, EdgeDefinition, NodeCollection, NodeDefinition } from 'cytoscape';
import type { GraphNode, GraphRelationship } from '../../../server/src/contract.ts';
import type { GraphData } from '../state/graph-data.ts';
import { certaintyOf } from './certainty.ts';
import { displayLabel, labelStyle, nodeCaption } from './labels.ts';

/** What the stylesheet reads from a node (`data(...)`). */
export interface NodeElementData {
  id: string;
  caption: string;
  displayLabel: string;
  color: string;
  shape: string;
  /** Relations in view; drives the node size. */
  weight: number;
}

/** What the stylesheet reads from an edge. */
export interface EdgeElementData {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Empty when the relationship has no known certainty, so no certainty rule matches. */
  certainty: string;
}

export function nodeElementData(node: GraphNode): Omit<NodeElementData, 'weight'> {
  const label = displayLabel(node.labels);
  const style = labelStyle(label);
  return { id: node.id, caption: nodeCaption(node), displayLabel: label, color: style.color, shape: style.shape };
}

export function edgeElementData(rel: GraphRelationship): EdgeElementData {
  return {
    id: rel.id,
    source: rel.source,
    target: rel.target,
    type: rel.type,
    certainty: certaintyOf(rel.properties) ?? '',
  };
}

/**
 * Makes `cy` show `graph`: removes elements that left it, adds new ones (nodes at the origin, to be placed
 * by the caller), refreshes captions of nodes that changed. Relationships whose ends are not both in the
 * graph are skipped. Returns the nodes it added.
 */
export function syncElements(cy: Core, graph: GraphData): NodeCollection {
  let added: NodeCollection = cy.collection();
  cy.batch(() => {
    cy.elements().forEach((element) => {
      const present = element.group() === 'nodes' ? graph.nodes.has(element.id()) : graph.relationships.has(element.id());
      if (!present) cy.remove(element);
    });

    const newNodes: NodeDefinition[] = [];
    for (const node of graph.nodes.values()) {
      const existing = cy.getElementById(node.id);
      const data = nodeElementData(node);
      if (existing.empty()) newNodes.push({ group: 'nodes', data: { ...data, weight: 0 }, position: { x: 0, y: 0 } });
      else if (existing.data('caption') !== data.caption || existing.data('displayLabel') !== data.displayLabel) {
        existing.data(data);
      }
    }
    added = cy.add(newNodes).nodes();

    const newEdges: EdgeDefinition[] = [];
    for (const rel of graph.relationships.values()) {
      if (!cy.getElementById(rel.id).empty()) continue;
      const ends = cy.getElementById(rel.source).nonempty() && cy.getElementById(rel.target).nonempty();
      if (ends) newEdges.push({ group: 'edges', data: { ...edgeElementData(rel) } });
    }
    cy.add(newEdges);

    cy.nodes().forEach((node) => {
      const weight = node.connectedEdges().length;
      if (node.data('weight') !== weight) node.data('weight', weight);
    });
  });
  return added;
}
