/**
 * View filters: which labels, relationship types, certainty grades and sources are hidden, and an optional
 * time window. Filtering hides elements on the canvas (the layout stays); it never removes them from the
 * view, and a hidden value stays hidden for elements added later. Counts are computed from what is in view.
 */
import type { GraphNode, GraphRelationship } from '../../../server/src/contract.ts';
import { CERTAINTY_ORDER, certaintyOf } from '../graph/certainty.ts';
import { dayOf, sourceIdsOf } from './evidence.ts';
import type { GraphData } from './graph-data.ts';

/** Inclusive range of calendar days, `YYYY-MM-DD`. */
export interface TimeRange {
  from: string;
  to: string;
}

export interface Filters {
  hiddenLabels: readonly string[];
  hiddenTypes: readonly string[];
  /** Hidden certainty grades; '' stands for relationships without a known grade. */
  hiddenCertainties: readonly string[];
  /** Hidden source ids; a relationship is hidden when every source it names is hidden ('' = names none). */
  hiddenSources: readonly string[];
  /** Only elements dated inside this range are shown (see `hideUndated`); null shows every date. */
  timeRange: TimeRange | null;
  /** With a time range: also hide elements that carry no date. */
  hideUndated: boolean;
  /**
   * With a source filter: keep showing nodes it leaves without any shown relationship. By default they are
   * hidden, so that the view (and every panel and export that follows it) holds only what the remaining
   * sources support.
   */
  keepOrphans: boolean;
  /**
   * Nodes and relationships hidden by hand (Hide, Show only the selection): in view but not drawn, left
   * out of every panel and export like filtered ones, until "Show hidden". Not a facet: a link carries
   * the nodes drawn, not these.
   */
  hiddenNodeIds: readonly string[];
  hiddenRelationshipIds: readonly string[];
}

export const DEFAULT_FILTERS: Filters = {
  hiddenLabels: [],
  hiddenTypes: [],
  hiddenCertainties: [],
  hiddenSources: [],
  timeRange: null,
  hideUndated: false,
  keepOrphans: false,
  hiddenNodeIds: [],
  hiddenRelationshipIds: [],
};

/** The facets a value can be hidden in, and the Filters key each one writes. */
export const FACETS = {
  labels: 'hiddenLabels',
  types: 'hiddenTypes',
  certainties: 'hiddenCertainties',
  sources: 'hiddenSources',
} as const satisfies Record<string, keyof Filters>;
export type Facet = keyof typeof FACETS;

export function isFiltering(filters: Filters): boolean {
  return (
    filters.hiddenLabels.length + filters.hiddenTypes.length + filters.hiddenCertainties.length + filters.hiddenSources.length > 0 ||
    filters.timeRange !== null
  );
}

/** Hides `value` in `facet` when shown, shows it when hidden. */
export function toggleFacet(filters: Filters, facet: Facet, value: string): Filters {
  const key = FACETS[facet];
  const hidden = filters[key];
  return { ...filters, [key]: hidden.includes(value) ? hidden.filter((v) => v !== value) : [...hidden, value] };
}

/** Shows every value of `facet` (or hides all of `values`). */
export function setFacet(filters: Filters, facet: Facet, hidden: readonly string[]): Filters {
  return { ...filters, [FACETS[facet]]: [...hidden] };
}

export interface FacetValue {
  value: string;
  /** Elements in view with this value. */
  count: number;
}

export type FacetCounts = Record<Facet, FacetValue[]>;

function countInto(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.value.localeCompare(b.value);

/**
 * Every value of every facet in view with its count: labels over nodes (a node counts under each of its
 * labels), the rest over relationships. Certainty grades keep their scale order; the rest are by count.
 */
export function facetCounts(graph: GraphData): FacetCounts {
  const labels = new Map<string, number>();
  const types = new Map<string, number>();
  const certainties = new Map<string, number>();
  const sources = new Map<string, number>();
  for (const node of graph.nodes.values()) for (const label of node.labels) countInto(labels, label);
  for (const rel of graph.relationships.values()) {
    countInto(types, rel.type);
    countInto(certainties, certaintyOf(rel.properties) ?? '');
    const ids = sourceIdsOf(rel.properties);
    for (const id of ids.length > 0 ? ids : ['']) countInto(sources, id);
  }
  const list = (counts: Map<string, number>) => [...counts].map(([value, count]) => ({ value, count }));
  const rank = (value: string) => (value === '' ? CERTAINTY_ORDER.length : CERTAINTY_ORDER.indexOf(value as never));
  return {
    labels: list(labels).sort(byCount),
    types: list(types).sort(byCount),
    certainties: list(certainties).sort((a, b) => rank(a.value) - rank(b.value)),
    sources: list(sources).sort(byCount),
  };
}

/** The date an element carries in its `date` property, as a calendar day, or null. */
export function elementDay(element: GraphNode | GraphRelationship): string | null {
  return dayOf(element.properties.date);
}

function outsideTime(element: GraphNode | GraphRelationship, filters: Filters): boolean {
  const range = filters.timeRange;
  if (range === null) return false;
  const day = elementDay(element);
  if (day === null) return filters.hideUndated;
  return day < range.from || day > range.to;
}

export interface HiddenElements {
  nodes: ReadonlySet<string>;
  relationships: ReadonlySet<string>;
  /** How many of `nodes` are hidden only because a source filter left them without a shown relationship. */
  orphans: number;
  /** How many nodes and relationships in view are hidden by hand (Filters' hiddenNodeIds, hiddenRelationshipIds). */
  byHand: { nodes: number; relationships: number };
}

/** Whether anything is hidden by hand (Hide, Show only), whether or not it is still in view. */
export function hidesByHand(filters: Filters): boolean {
  return filters.hiddenNodeIds.length + filters.hiddenRelationshipIds.length > 0;
}

/**
 * What the filters hide: the nodes and relationships hidden by hand; nodes by label or date;
 * relationships by type, certainty, sources, date, or a hidden end; and, with a source filter (unless
 * `keepOrphans`), nodes that had relationships in view and have none shown any more.
 */
export function hiddenElements(graph: GraphData, filters: Filters): HiddenElements {
  const nodes = new Set<string>();
  const relationships = new Set<string>();
  const byHand = { nodes: 0, relationships: 0 };
  for (const id of filters.hiddenNodeIds) {
    if (graph.nodes.has(id) && !nodes.has(id)) {
      nodes.add(id);
      byHand.nodes += 1;
    }
  }
  for (const id of filters.hiddenRelationshipIds) {
    if (graph.relationships.has(id) && !relationships.has(id)) {
      relationships.add(id);
      byHand.relationships += 1;
    }
  }
  if (!isFiltering(filters)) {
    if (nodes.size > 0) for (const rel of graph.relationships.values()) if (nodes.has(rel.source) || nodes.has(rel.target)) relationships.add(rel.id);
    return { nodes, relationships, orphans: 0, byHand };
  }
  const labels = new Set(filters.hiddenLabels);
  const types = new Set(filters.hiddenTypes);
  const certainties = new Set(filters.hiddenCertainties);
  const sources = new Set(filters.hiddenSources);
  for (const node of graph.nodes.values()) {
    if (node.labels.some((label) => labels.has(label)) || outsideTime(node, filters)) nodes.add(node.id);
  }
  for (const rel of graph.relationships.values()) {
    const ids = sourceIdsOf(rel.properties);
    const hidden =
      nodes.has(rel.source) ||
      nodes.has(rel.target) ||
      types.has(rel.type) ||
      certainties.has(certaintyOf(rel.properties) ?? '') ||
      (sources.size > 0 && (ids.length > 0 ? ids : ['']).every((id) => sources.has(id))) ||
      outsideTime(rel, filters);
    if (hidden) relationships.add(rel.id);
  }
  return { nodes, relationships, orphans: filters.hiddenSources.length > 0 && !filters.keepOrphans ? hideOrphans(graph, nodes, relationships) : 0, byHand };
}

/** Adds to `nodes` the shown nodes that have relationships in view but none shown; returns how many. */
function hideOrphans(graph: GraphData, nodes: Set<string>, relationships: ReadonlySet<string>): number {
  const withRelationship = new Set<string>();
  const withShown = new Set<string>();
  for (const rel of graph.relationships.values()) {
    for (const end of [rel.source, rel.target]) {
      withRelationship.add(end);
      if (!relationships.has(rel.id)) withShown.add(end);
    }
  }
  let orphans = 0;
  for (const id of withRelationship) {
    if (withShown.has(id) || nodes.has(id) || !graph.nodes.has(id)) continue;
    nodes.add(id);
    orphans += 1;
  }
  return orphans;
}
