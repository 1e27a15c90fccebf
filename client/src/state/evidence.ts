/**
 * Reading the evidence a relationship carries (DESIGN.md: `quote`, `sources`, `certainty`, `date`,
 * `dateText`, `document`): typed accessors, claims grouped by source and certainty, and locating a quote
 * inside its document's text.
 */
import type { Certainty, GraphRelationship, JsonValue } from '../../../server/src/contract.ts';
import { CERTAINTY_ORDER, certaintyOf } from '../graph/certainty.ts';

/** A non-empty string, or a number as text; else null. */
export function textOf(value: JsonValue | undefined): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** `sources` as a list of ids, whether stored as a list or a single value. */
export function sourceIdsOf(properties: Record<string, JsonValue>): string[] {
  const value = properties.sources;
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => item !== null && typeof item !== 'object').map(String);
}

/**
 * The calendar day of a date value, `YYYY-MM-DD`: the server's tagged temporals (`{$type:'Date',
 * value:'2024-06-19'}`, DateTime, LocalDateTime) or an ISO string (`2024-06-19`, `2024-06-19T10:00Z`,
 * and `2024-06` / `2024` as the first day of the month / year). Anything else is null.
 */
export function dayOf(value: JsonValue | undefined): string | null {
  const raw = value !== null && typeof value === 'object' && !Array.isArray(value) ? value.value : value;
  if (typeof raw !== 'string') return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(raw.trim());
  if (!match) return null;
  const [, year, month = '01', day = '01'] = match;
  const time = Date.parse(`${year}-${month}-${day}T00:00:00Z`);
  return Number.isNaN(time) ? null : `${year}-${month}-${day}`;
}

/** One relationship read as a claim. */
export interface Claim {
  relationship: GraphRelationship;
  certainty: Certainty | null;
  quote: string | null;
}

export interface ClaimGroup {
  /** Id of the Source node, or '' for claims that name no source. */
  sourceId: string;
  /** The group's claims by certainty, strongest first; claims without a known grade come last. */
  byCertainty: Array<{ certainty: Certainty | null; claims: Claim[] }>;
  count: number;
}

const certaintyRank = (certainty: Certainty | null) => (certainty === null ? CERTAINTY_ORDER.length : CERTAINTY_ORDER.indexOf(certainty));

/**
 * Groups claims by the source that made them (a claim with two sources appears under each), then by
 * certainty. Groups with more claims come first; `onlySource` keeps the one source's group (for a Source
 * node: every claim it made).
 */
export function groupClaims(relationships: Iterable<GraphRelationship>, onlySource?: string): ClaimGroup[] {
  const groups = new Map<string, Map<Certainty | null, Claim[]>>();
  for (const relationship of relationships) {
    const claim: Claim = {
      relationship,
      certainty: certaintyOf(relationship.properties),
      quote: textOf(relationship.properties.quote),
    };
    const sources = sourceIdsOf(relationship.properties);
    for (const sourceId of sources.length > 0 ? sources : ['']) {
      if (onlySource !== undefined && sourceId !== onlySource) continue;
      const group = groups.get(sourceId) ?? new Map<Certainty | null, Claim[]>();
      groups.set(sourceId, group);
      group.set(claim.certainty, [...(group.get(claim.certainty) ?? []), claim]);
    }
  }
  return [...groups]
    .map(([sourceId, byCertainty]) => {
      const grades = [...byCertainty]
        .map(([certainty, claims]) => ({ certainty, claims }))
        .sort((a, b) => certaintyRank(a.certainty) - certaintyRank(b.certainty));
      return { sourceId, byCertainty: grades, count: grades.reduce((sum, grade) => sum + grade.claims.length, 0) };
    })
    .sort((a, b) => b.count - a.count || a.sourceId.localeCompare(b.sourceId));
}

/** Typographic quotes and dashes as their plain forms; the seed's quotes are checked with the same rule. */
function plainChar(char: string): string {
  if ('“”„‟″'.includes(char)) return '"';
  if ('‘’‚‛′'.includes(char)) return "'";
  if ('–—'.includes(char)) return '-';
  return char;
}

/**
 * Where `quote` occurs in `text`, as [start, end) offsets into `text`, comparing case-insensitively,
 * with typographic quotes equal to plain ones and any run of white space equal to one space. Null when
 * the quote is not in the text.
 */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  // Normalise the text while remembering where each normalised character came from.
  let normal = '';
  const origin: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
      normal += ' ';
    } else {
      lastWasSpace = false;
      normal += plainChar(char).toLowerCase();
    }
    origin.push(i);
  }
  const needle = [...quote.trim()].map((char) => (/\s/.test(char) ? ' ' : plainChar(char).toLowerCase())).join('').replace(/ +/g, ' ');
  if (needle === '') return null;
  const at = normal.indexOf(needle);
  if (at < 0) return null;
  const start = origin[at] as number;
  const end = (origin[at + needle.length - 1] as number) + 1;
  return { start, end };
}

/**
 * The quote with some of its surrounding text: `before` and `after` are cut at a word boundary about
 * `radius` characters away, with an ellipsis when the text goes on.
 */
export function quoteInContext(
  text: string,
  range: { start: number; end: number },
  radius = 280,
): { before: string; quote: string; after: string; clippedStart: boolean; clippedEnd: boolean } {
  let from = Math.max(0, range.start - radius);
  let to = Math.min(text.length, range.end + radius);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < range.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > range.end) to = space;
  }
  return {
    before: text.slice(from, range.start),
    quote: text.slice(range.start, range.end),
    after: text.slice(range.end, to),
    clippedStart: from > 0,
    clippedEnd: to < text.length,
  };
}
