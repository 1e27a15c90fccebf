/**
 * How a node looks by label: the registry of known labels (colour, shape), a stable hashed colour for
 * labels it doesn't know (so any database gets a consistent palette), the node's display label and caption.
 */
import type { Css } from 'cytoscape';
import type { GraphNode, JsonValue } from '../../../server/src/contract.ts';

export interface LabelStyle {
  label: string;
  /** Fill colour; any CSS colour Cytoscape also understands (hex or hsl). */
  color: string;
  /** Cytoscape node shape; the legend draws the same shape. */
  shape: Css.NodeShape;
  /** Glyph drawn on the node (icons.ts), if any. */
  icon?: string;
}

/** Known labels, in legend order. Colours from Tableau 10: distinct from each other, legible on light and dark. */
export const LABEL_STYLES: readonly LabelStyle[] = [
  { label: 'Country', color: '#4E79A7', shape: 'ellipse', icon: 'flag' },
  { label: 'Person', color: '#F28E2B', shape: 'ellipse', icon: 'person' },
  { label: 'Organization', color: '#59A14F', shape: 'ellipse', icon: 'building' },
  { label: 'MilitaryUnit', color: '#9C755F', shape: 'ellipse', icon: 'shield' },
  { label: 'Location', color: '#76B7B2', shape: 'round-pentagon', icon: 'pin' },
  { label: 'Agreement', color: '#B07AA1', shape: 'round-rectangle', icon: 'document' },
  { label: 'Payment', color: '#EDC948', shape: 'round-diamond', icon: 'coin' },
  { label: 'Source', color: '#BAB0AC', shape: 'round-tag', icon: 'quote' },
  { label: 'Event', color: '#E15759', shape: 'round-hexagon', icon: 'calendar' },
];

/** Labels that only group others (every actor is also a Country, Person, …); shown only when nothing else is. */
const GENERIC_LABELS: ReadonlySet<string> = new Set(['Actor']);

/** Shape and lightness for labels outside the registry: the hue alone comes from the label's hash. */
const UNKNOWN_LABEL = { shape: 'ellipse', saturation: 45, lightness: 55 } as const;

const byLabel = new Map(LABEL_STYLES.map((style) => [style.label, style]));

/** FNV-1a: a small, stable string hash, so a label keeps its colour across reloads and machines. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function labelStyle(label: string): LabelStyle {
  const known = byLabel.get(label);
  if (known) return known;
  const hue = hash(label) % 360;
  return {
    label,
    color: `hsl(${hue}, ${UNKNOWN_LABEL.saturation}%, ${UNKNOWN_LABEL.lightness}%)`,
    shape: UNKNOWN_LABEL.shape,
  };
}

/**
 * The label a node is drawn and listed under: its most specific one. A known label wins over an unknown
 * one, any label wins over a generic one (`Actor`); a node without labels shows as "(no label)".
 */
export function displayLabel(labels: readonly string[]): string {
  const specific = labels.filter((label) => !GENERIC_LABELS.has(label));
  const candidates = specific.length > 0 ? specific : labels;
  return candidates.find((label) => byLabel.has(label)) ?? candidates[0] ?? '(no label)';
}

function asText(value: JsonValue | undefined): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** The node's caption: the chosen property when it has a value, else `name`, else `title`, else its id. */
export function nodeCaption(node: GraphNode, captionKey?: string): string {
  const chosen = captionKey ? asText(node.properties[captionKey]) : null;
  return chosen ?? asText(node.properties.name) ?? asText(node.properties.title) ?? node.id;
}
