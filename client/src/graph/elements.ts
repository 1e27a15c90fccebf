/**
 * Graph transport → Cytoscape element data, and the sync that makes a Cytoscape instance show exactly a
 * `GraphData` with the current styles (adding and removing only what changed, so existing positions stay
 * put, and updating element data only where it differs).
 */
import type { Core, EdgeDefinition, EdgeSingular, NodeCollection, NodeDefinition, NodeSingular, Position } from 'cytoscape';
import type { GraphNode, GraphRelationship } from '../../../server/src/contract.ts';
import type { GraphData } from '../state/graph-data.ts';
import { captionMeasure, clampCaption } from './captions.ts';
import { certaintyOf } from './certainty.ts';
import { iconDataUri, iconInk } from './icons.ts';
import { displayLabel, nodeCaption } from './labels.ts';
import { DEFAULT_STYLE_SETTINGS, resolveLabelStyle, type RuleOutput, type StyleSettings } from './style-settings.ts';

/** Node diameter in px before the label's size factor: from no relations in view to hubs (`weight` ≥ 12). */
export const NODE_SIZE = { min: 26, max: 50, weightForMax: 12 } as const;

/** What the stylesheet reads from a node (`data(...)`). */
export interface NodeElementData {
  id: string;
  /** The caption as drawn: at most two lines (captions.ts). */
  caption: string;
  displayLabel: string;
  color: string;
  shape: string;
  /** SVG data URI of the node's icon; absent when it has none. */
  icon?: string;
  /** Size factor of its label (styles). */
  sizeFactor: number;
  /** Size set by a rule, px; absent when no rule sizes it. */
  ruleSize?: number;
}

/** What the stylesheet reads from an edge. */
export interface EdgeElementData {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Empty when the relationship has no known certainty, so no certainty rule matches. */
  certainty: string;
  /** Line width set by a rule, px; absent when no rule applies. */
  width?: number;
  /** Line colour set by a rule. */
  color?: string;
}

/** How elements look beyond their own data: the user's styles and what the style rules computed. */
export interface ElementStyling {
  settings: StyleSettings;
  rules: ReadonlyMap<string, RuleOutput>;
}

export const DEFAULT_STYLING: ElementStyling = { settings: DEFAULT_STYLE_SETTINGS, rules: new Map() };

export function nodeElementData(node: GraphNode, styling: ElementStyling = DEFAULT_STYLING): NodeElementData {
  const label = displayLabel(node.labels);
  const style = resolveLabelStyle(label, styling.settings);
  const rule = styling.rules.get(node.id);
  const color = rule?.color ?? style.color;
  const icon = iconDataUri(style.icon, iconInk(color));
  return {
    id: node.id,
    caption: clampCaption(nodeCaption(node, style.captionKey), captionMeasure()),
    displayLabel: label,
    color,
    shape: style.shape,
    ...(icon ? { icon } : {}),
    sizeFactor: style.sizeFactor,
    ...(rule?.size !== undefined ? { ruleSize: rule.size } : {}),
  };
}

export function edgeElementData(rel: GraphRelationship, styling: ElementStyling = DEFAULT_STYLING): EdgeElementData {
  const rule = styling.rules.get(rel.id);
  return {
    id: rel.id,
    source: rel.source,
    target: rel.target,
    type: rel.type,
    certainty: certaintyOf(rel.properties) ?? '',
    ...(rule?.width !== undefined ? { width: rule.width } : {}),
    ...(rule?.color !== undefined ? { color: rule.color } : {}),
  };
}

/** A node's drawn size: a rule's size, else its degree in view scaled by its label's factor. */
export function nodeSize(weight: number, data: Pick<NodeElementData, 'sizeFactor' | 'ruleSize'>): number {
  if (data.ruleSize !== undefined) return data.ruleSize;
  const t = Math.min(weight, NODE_SIZE.weightForMax) / NODE_SIZE.weightForMax;
  return Math.round((NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * t) * data.sizeFactor);
}

/** Sets the data fields that differ and removes the optional ones that are gone. */
function updateData(element: NodeSingular | EdgeSingular, data: object, optional: readonly string[]): void {
  const fresh = data as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fresh)) if (element.data(key) !== value) changed[key] = value;
  if (Object.keys(changed).length > 0) element.data(changed);
  for (const key of optional) if (!(key in fresh) && element.data(key) !== undefined) element.removeData(key);
}

const OPTIONAL_NODE_KEYS = ['icon', 'ruleSize'] as const;
const OPTIONAL_EDGE_KEYS = ['width', 'color'] as const;

/**
 * Makes `cy` show `graph`: removes elements that left it, adds new ones (at `positions` when known, else
 * at the origin, to be placed by the caller), refreshes the data of the rest. Relationships whose ends are
 * not both in the graph are skipped. Returns the nodes it added.
 */
export function syncElements(
  cy: Core,
  graph: GraphData,
  styling: ElementStyling = DEFAULT_STYLING,
  positions: Readonly<Record<string, Position>> = {},
): NodeCollection {
  let added: NodeCollection = cy.collection();
  cy.batch(() => {
    // One removal of everything that left: removing elements one by one costs a pass each (17 s to undo a
    // view of 20,000 nodes, found by a new-user trial).
    const gone = cy.elements().filter((element) =>
      element.group() === 'nodes' ? !graph.nodes.has(element.id()) : !graph.relationships.has(element.id()),
    );
    if (gone.nonempty()) cy.remove(gone);

    // Relationships per node, counted from the graph (a loop once, as Cytoscape counts it), so that new
    // nodes are created at their size: setting it afterwards was a data event per node (profiled at 20,000).
    const weights = new Map<string, number>();
    for (const rel of graph.relationships.values()) {
      if (!graph.nodes.has(rel.source) || !graph.nodes.has(rel.target)) continue;
      weights.set(rel.source, (weights.get(rel.source) ?? 0) + 1);
      if (rel.target !== rel.source) weights.set(rel.target, (weights.get(rel.target) ?? 0) + 1);
    }
    const sized = (nodeId: string, data: { sizeFactor: number; ruleSize?: number | undefined }) => {
      const weight = weights.get(nodeId) ?? 0;
      return { weight, size: nodeSize(weight, data) };
    };

    const newNodes: NodeDefinition[] = [];
    for (const node of graph.nodes.values()) {
      const existing = cy.getElementById(node.id);
      const data = nodeElementData(node, styling);
      if (existing.empty()) {
        newNodes.push({ group: 'nodes', data: { ...data, ...sized(node.id, data) }, position: { ...(positions[node.id] ?? { x: 0, y: 0 }) } });
      } else {
        updateData(existing as NodeSingular, { ...data, ...sized(node.id, data) }, OPTIONAL_NODE_KEYS);
      }
    }
    added = cy.add(newNodes).nodes();

    const newEdges: EdgeDefinition[] = [];
    for (const rel of graph.relationships.values()) {
      const existing = cy.getElementById(rel.id);
      const data = edgeElementData(rel, styling);
      if (existing.nonempty()) {
        updateData(existing as EdgeSingular, data, OPTIONAL_EDGE_KEYS);
        continue;
      }
      if (graph.nodes.has(rel.source) && graph.nodes.has(rel.target)) newEdges.push({ group: 'edges', data: { ...data } });
    }
    cy.add(newEdges);
  });
  return added;
}
