/**
 * What a hover tooltip says of a node's properties (HoverTooltip.tsx): a few of them, each as one short
 * line, written as the details panel writes them (property-text.ts).
 */
import type { JsonValue } from '../../../server/src/contract.ts';
import { formatNumber, formatTagged } from '../components/property-text.ts';

/** Properties a node's tooltip lists at most. */
const MAX_PROPERTIES = 3;
/** Keys a node's tooltip skips: its caption says them, or they are bookkeeping. */
const SKIPPED_KEYS = new Set(['id', 'name', 'title', 'text', 'embedding']);

/**
 * A value as one line of at most `max` characters (cut with an ellipsis), or null for one with nothing to
 * show (null, '', a map). Numbers are grouped ("115,000,000"), Neo4j's tagged values give their text (a
 * date's "2024-06-19"), and a list of scalars is joined by commas: a tooltip showed an amount as
 * "115000000", left out an event's date and a country's aliases (fifth new-user trial).
 */
export function shortText(value: JsonValue | undefined, max = 60): string | null {
  const text = (Array.isArray(value) ? value.map(scalarText).filter((item) => item !== null).join(', ') : scalarText(value))?.trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function scalarText(value: JsonValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value !== 'object') return String(value);
  return Array.isArray(value) ? null : (formatTagged(value)?.text ?? null);
}

/** The node's key properties: up to MAX_PROPERTIES that have text, not the caption's, in their stored order. */
export function keyProperties(properties: Record<string, JsonValue>): Array<[string, string]> {
  const shown: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(properties)) {
    if (SKIPPED_KEYS.has(key)) continue;
    const text = shortText(value);
    if (text !== null) shown.push([key, text]);
    if (shown.length === MAX_PROPERTIES) break;
  }
  return shown;
}
