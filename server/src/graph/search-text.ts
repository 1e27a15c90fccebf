/**
 * Typo-tolerant matching of search terms against a node's text, in plain TypeScript: which words a term
 * matches (exactly, as a prefix, within one edit, or inside a word), how well a node's properties match,
 * and the highlighted snippet a search result shows. The same rules rank the no-index fallback scan and
 * pick the snippet of full-text results, so a highlighted word is always one the query could have matched.
 */
import type { JsonValue, SearchSnippet } from '../contract.ts';

/** Terms this long or longer also match words one edit away (the full-text query's `term~1` uses the same). */
export const FUZZY_MIN_LENGTH = 4;
/** Terms this long or longer also match inside a word ("throw" in "Heathrow"); shorter ones only at its start. */
const SUBSTRING_MIN_LENGTH = 3;
/** How much each kind of word match counts towards a text's score. */
const MATCH_WEIGHTS = {
  exact: 1,
  prefix: 0.75,
  fuzzy: 0.6,
  substring: 0.5,
} as const;
/** How much a match counts in each property; any other string property counts OTHER_FIELD_WEIGHT. */
const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  name: 1,
  title: 1,
  aliases: 0.9,
  description: 0.6,
};
const OTHER_FIELD_WEIGHT = 0.8;
/** Snippets longer than this are cut around the match. */
export const SNIPPET_LENGTH = 160;
/** Characters of context kept before the first highlighted word of a cut snippet. */
const SNIPPET_CONTEXT = 40;
const ELLIPSIS = '…';

/** A query's words: lowercased letters and digits only, so no Lucene or regex operator survives. */
export function searchTerms(q: string): string[] {
  return [...new Set(q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

/** A search as typed: the words to find, and the words no result may have. */
export interface SearchQuery {
  terms: string[];
  excluded: string[];
  /** True when `OR` (or `||`) joins words: a name matching any of the terms matches, not only all of them. */
  anyTerm: boolean;
}

/** Between words, Lucene's operators that add nothing to the ranking here: every word already counts towards it. */
const JOINING_OPERATORS = new Set(['AND', 'OR', '&&', '||']);
/** Lower-case words read as joining operators when they stand between two words (searchQuery). */
const LOWER_CASE_JOINING = new Set(['and', 'or']);
/** Those of them that ask for either word: the canvas then rings names that match any. */
const EITHER_OPERATORS = new Set(['OR', '||']);
/** Lucene's operators that exclude the word after them (`NOT ukraine`, `! ukraine`). */
const NOT_OPERATORS = new Set(['NOT', '!', '-']);

/**
 * A query's words (searchTerms), with the operators of Lucene's query syntax that Neo4j users type read as
 * such, not searched as words (new-user trial: "russia AND ukraine" found descriptions with "and"). Upper-case
 * `AND` and `OR`, `&&` and `||` are dropped (`OR` and `||` noted in `anyTerm`); `NOT word`, `-word` and `!word` exclude nodes with that word
 * (matchesWordStart). Source of the operators: Lucene's classic query parser syntax
 * (https://lucene.apache.org/core/9_11_0/queryparser/org/apache/lucene/queryparser/classic/package-summary.html).
 *
 * Lower-case "and" and "or" between two words join them as `AND` and `OR` do: searched as words, "russia
 * and ukraine" matched no name (none has "and") and so rang the 10 nodes whose texts had any of the words,
 * more than "russia ukraine" (new-user trial). A name with "and" in it still matches its other words.
 * Lower-case "not" is a word.
 */
export function searchQuery(q: string): SearchQuery {
  const include: string[] = [];
  const exclude: string[] = [];
  let negate = false;
  let anyTerm = false;
  const tokens = q.split(/\s+/u).filter(Boolean);
  for (const [i, token] of tokens.entries()) {
    const between = i > 0 && i < tokens.length - 1 && LOWER_CASE_JOINING.has(token.toLowerCase());
    if (JOINING_OPERATORS.has(token) || between) {
      anyTerm ||= EITHER_OPERATORS.has(token) || token.toLowerCase() === 'or';
      continue;
    }
    if (NOT_OPERATORS.has(token)) {
      negate = true;
      continue;
    }
    const prefixed = token.length > 1 && (token.startsWith('-') || token.startsWith('!'));
    (negate || prefixed ? exclude : include).push(prefixed ? token.slice(1) : token);
    negate = false;
  }
  const excluded = searchTerms(exclude.join(' '));
  return { terms: searchTerms(include.join(' ')).filter((term) => !excluded.includes(term)), excluded, anyTerm };
}

/**
 * What to say of a search with no word to find (searchQuery's `terms` empty): only punctuation, or only words
 * it leaves out. The API answers it with a 400 (search.ts); the search box says it without asking.
 */
export function nothingToFindMessage(excluded: readonly string[]): string {
  return excluded.length > 0
    ? 'Nothing to search for: NOT, - and ! leave out the word after them. Add a word to find, as in "korea NOT south".'
    : 'Nothing to search for: search finds words of letters or digits.';
}

/**
 * What to say of a search that found nothing. With words left out, it says what was searched for and what
 * was left out, the likelier cause (new-user trial: "korea NOT north" said "No matches" without why):
 * 'Nothing found for “korea” without “north”.' The words are as searched (searchQuery: lower case,
 * operators read).
 */
export function noMatchesMessage(q: string): string {
  const { terms, excluded } = searchQuery(q);
  if (excluded.length === 0 || terms.length === 0) return `No matches for “${q}”.`;
  return `Nothing found for “${terms.join(' ')}” without ${excluded.map((word) => `“${word}”`).join(' or ')}.`;
}

/** Whether any string (or string list) property has a word that is one of `terms` or starts with one. */
export function matchesWordStart(properties: Readonly<Record<string, JsonValue>>, terms: readonly string[]): boolean {
  if (terms.length === 0) return false;
  const texts = Object.values(properties).flatMap((value) => (Array.isArray(value) ? value : [value]));
  return texts.some(
    (text) =>
      typeof text === 'string' &&
      Array.from(text.matchAll(/[\p{L}\p{N}]+/gu)).some((word) => {
        const lower = word[0].toLowerCase();
        return terms.some((term) => lower.startsWith(term));
      }),
  );
}

/** `text` folded for comparing names: accents dropped, lower case, runs of spaces and punctuation as one space. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * How a node's `name`, `title` or `aliases` meet the query `q`, compared folded (foldName) and by whole words:
 * 0 when one of them is the whole query, 1 when one starts with it ("Russia-Ukraine War" for "russia"), 2 when
 * one holds it ("North Korea" for "korea"), 3 when one starts with it inside a word, as while the last word is
 * still being typed ("Russia" for "rus"), 4 otherwise. Whole words first: "Korean Central News Agency" came
 * before North Korea for "korea" (new-user trial). Search ranks by this before the score.
 */
export function nameTier(properties: Readonly<Record<string, JsonValue>>, q: string): 0 | 1 | 2 | 3 | 4 {
  const query = foldName(q);
  if (query === '') return 4;
  const names = [properties.name, properties.title, ...(Array.isArray(properties.aliases) ? properties.aliases : [properties.aliases])]
    .filter((value): value is string => typeof value === 'string')
    .map(foldName);
  if (names.includes(query)) return 0;
  // Folded names are words separated by single spaces, so a padded query matches whole words only.
  if (names.some((name) => name.startsWith(`${query} `))) return 1;
  if (names.some((name) => ` ${name} `.includes(` ${query} `))) return 2;
  return names.some((name) => name.startsWith(query)) ? 3 : 4;
}

/** The most specific label for display: the first one other than `Actor`, else the first ('' for none). */
export function primaryLabel(labels: readonly string[]): string {
  return labels.find((label) => label !== 'Actor') ?? labels[0] ?? '';
}

/** True when `a` and `b` are at most one edit apart (insert, delete, substitute, or swap two neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const rest = (chars: string[], from: number) => chars.slice(from).join('');
  if (x.length === y.length) {
    if (rest(x, i + 1) === rest(y, i + 1)) return true;
    return x[i] === y[i + 1] && x[i + 1] === y[i] && rest(x, i + 2) === rest(y, i + 2);
  }
  const [longer, shorter] = x.length > y.length ? [x, y] : [y, x];
  return rest(longer, i + 1) === rest(shorter, i);
}

type MatchKind = keyof typeof MATCH_WEIGHTS;

interface WordMatch {
  kind: MatchKind;
  /** Offsets of the matched part within the word. */
  start: number;
  end: number;
}

/** How `term` (lowercase) matches one word of a text, if it does. */
export function matchWord(word: string, term: string): WordMatch | undefined {
  const lower = word.toLowerCase();
  // Lowercasing can change a word's length (e.g. "İ"); then only whole-word ranges are safe to report.
  const sameLength = lower.length === word.length;
  if (lower === term) return { kind: 'exact', start: 0, end: word.length };
  if (lower.startsWith(term)) return { kind: 'prefix', start: 0, end: sameLength ? term.length : word.length };
  if (Array.from(term).length >= FUZZY_MIN_LENGTH && withinOneEdit(lower, term)) return { kind: 'fuzzy', start: 0, end: word.length };
  const at = term.length >= SUBSTRING_MIN_LENGTH ? lower.indexOf(term) : -1;
  if (at > 0) return sameLength ? { kind: 'substring', start: at, end: at + term.length } : { kind: 'substring', start: 0, end: word.length };
  return undefined;
}

interface Highlight {
  start: number;
  end: number;
  /** Index of the term it matched. */
  term: number;
}

export interface TextMatch {
  /** 0..1: the best match of each term, averaged over the terms. */
  score: number;
  highlights: Highlight[];
}

/** Every word of `text` that a term matches, and how well the text covers the terms. */
export function matchText(text: string, terms: readonly string[]): TextMatch {
  const best = terms.map(() => 0);
  const highlights: Highlight[] = [];
  for (const word of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const offset = word.index;
    let chosen: { match: WordMatch; term: number } | undefined;
    terms.forEach((term, index) => {
      const match = matchWord(word[0], term);
      if (!match) return;
      best[index] = Math.max(best[index] ?? 0, MATCH_WEIGHTS[match.kind]);
      if (!chosen || MATCH_WEIGHTS[match.kind] > MATCH_WEIGHTS[chosen.match.kind]) chosen = { match, term: index };
    });
    if (chosen) highlights.push({ start: offset + chosen.match.start, end: offset + chosen.match.end, term: chosen.term });
  }
  const score = terms.length === 0 ? 0 : best.reduce((sum, value) => sum + value, 0) / terms.length;
  return { score, highlights };
}

interface FieldText {
  field: string;
  text: string;
  weight: number;
}

/** The texts a node offers for `fields` (every string or string-list property when 'all'), best-weighted first. */
function fieldTexts(properties: Record<string, JsonValue>, fields: readonly string[] | 'all'): FieldText[] {
  const keys = fields === 'all' ? Object.keys(properties) : fields;
  const texts: FieldText[] = [];
  for (const field of keys) {
    const value = properties[field];
    const weight = FIELD_WEIGHTS[field] ?? OTHER_FIELD_WEIGHT;
    if (typeof value === 'string') texts.push({ field, text: value, weight });
    else if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'string') texts.push({ field, text: item, weight });
    }
  }
  const rank = (field: string) => {
    const known = Object.keys(FIELD_WEIGHTS).indexOf(field);
    return known === -1 ? Object.keys(FIELD_WEIGHTS).length : known;
  };
  // Stable: equal weights keep the known fields' order (name before title), then the property order.
  return texts.sort((a, b) => b.weight - a.weight || rank(a.field) - rank(b.field));
}

export interface NodeMatch {
  /** The best field's match score times its weight; 0 when nothing matched. */
  score: number;
  snippet: SearchSnippet;
}

/**
 * How well a node's properties match the terms, and the snippet of the best-matching one. When nothing
 * matches (the full-text index can match in ways these rules don't), the snippet is the first text of the
 * preferred fields, without highlights.
 */
export function matchNode(properties: Record<string, JsonValue>, terms: readonly string[], fields: readonly string[] | 'all'): NodeMatch {
  const texts = fieldTexts(properties, fields);
  let best: { text: FieldText; match: TextMatch; score: number } | undefined;
  for (const text of texts) {
    const match = matchText(text.text, terms);
    const score = match.score * text.weight;
    if (score > 0 && (!best || score > best.score)) best = { text, match, score };
  }
  if (!best) {
    const first = texts.find((text) => text.text.trim() !== '');
    return { score: 0, snippet: cutSnippet(first?.field ?? '', first?.text ?? '', []) };
  }
  return { score: best.score, snippet: cutSnippet(best.text.field, best.text.text, best.match.highlights) };
}

/**
 * Cuts `text` to about SNIPPET_LENGTH characters at word boundaries, around the highlighted words that
 * cover the most distinct terms, and shifts the highlights to the cut text.
 */
export function cutSnippet(field: string, text: string, highlights: readonly Highlight[]): SearchSnippet {
  const ranges = (from: number, to: number, shift: number): Array<[number, number]> =>
    highlights.filter((h) => h.start >= from && h.end <= to).map((h) => [h.start - from + shift, h.end - from + shift]);
  if (text.length <= SNIPPET_LENGTH) return { field, text, highlights: ranges(0, text.length, 0) };

  const windowAt = (anchor: number) => {
    let start = Math.max(0, anchor - SNIPPET_CONTEXT);
    const end = Math.min(text.length, start + SNIPPET_LENGTH);
    start = Math.max(0, end - SNIPPET_LENGTH);
    return { start, end };
  };
  let chosen = windowAt(highlights[0]?.start ?? 0);
  let covered = -1;
  for (const anchor of highlights) {
    const window = windowAt(anchor.start);
    const terms = new Set(highlights.filter((h) => h.start >= window.start && h.end <= window.end).map((h) => h.term)).size;
    if (terms > covered) {
      covered = terms;
      chosen = window;
    }
  }

  let { start, end } = chosen;
  const inside = highlights.filter((h) => h.start >= start && h.end <= end);
  const firstStart = inside[0]?.start ?? end;
  const lastEnd = inside.at(-1)?.end ?? start;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < firstStart) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space >= lastEnd && space > start) end = space;
  }
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  return { field, text: `${prefix}${text.slice(start, end)}${suffix}`, highlights: ranges(start, end, prefix.length) };
}

/**
 * A Java regular expression (for Cypher's `=~`) matching any text that contains the term or, for terms of
 * FUZZY_MIN_LENGTH or more, a one-edit variant of it. It only preselects: `matchNode` decides what matched.
 */
export function fuzzyPattern(term: string): string {
  const chars = Array.from(term).map((char) => char.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&'));
  const variants = new Set([chars.join('')]);
  if (chars.length >= FUZZY_MIN_LENGTH) {
    for (let i = 0; i < chars.length; i++) {
      const before = chars.slice(0, i).join('');
      variants.add(`${before}.${chars.slice(i + 1).join('')}`); // one character replaced
      variants.add(`${before}${chars.slice(i + 1).join('')}`); // one character missing from the text
      if (i > 0) variants.add(`${before}.${chars.slice(i).join('')}`); // one character more in the text
      if (i + 1 < chars.length) variants.add(`${before}${chars[i + 1]}${chars[i]}${chars.slice(i + 2).join('')}`); // two swapped
    }
  }
  return `(?isu).*(?:${[...variants].join('|')}).*`;
}
