import { describe, expect, it } from 'vitest';
import { certaintiesAtOrAbove } from '../../server/src/graph/certainty-floor.ts';
import { luceneQuery } from '../../server/src/graph/search.ts';
import {
  SNIPPET_LENGTH,
  cutSnippet,
  foldName,
  fuzzyPattern,
  matchesWordStart,
  matchNode,
  matchWord,
  nameTier,
  noMatchesMessage,
  primaryLabel,
  searchQuery,
  searchTerms,
  withinOneEdit,
} from '../../server/src/graph/search-text.ts';

/** The Java pattern as a JavaScript RegExp: the same syntax apart from the leading inline flags. */
function asRegExp(pattern: string): RegExp {
  expect(pattern.startsWith('(?isu)')).toBe(true);
  return new RegExp(`^${pattern.slice('(?isu)'.length)}$`, 'isu');
}

describe('searchTerms', () => {
  it.each([
    ['Kim Jong-un', ['kim', 'jong', 'un']],
    ['putin AND (OR "~*', ['putin', 'and', 'or']],
    ['  ', []],
    ['TV조선 tv조선', ['tv조선']],
  ])('splits %j into plain lowercase words %j', (q, terms) => {
    expect(searchTerms(q)).toEqual(terms);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['putin', 'putn', true],
    ['putin', 'putin', true],
    ['putin', 'putyn', true],
    ['putin', 'ptuin', true],
    ['putin', 'pputin', true],
    ['putin', 'ptn', false],
    ['putin', 'nitup', false],
    ['schiphol', 'schiphl', true],
    ['kim', 'jong', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('matchWord', () => {
  it.each([
    ['Putin', 'putin', { kind: 'exact', start: 0, end: 5 }],
    ['Putin', 'put', { kind: 'prefix', start: 0, end: 3 }],
    ['Putin', 'putn', { kind: 'fuzzy', start: 0, end: 5 }],
    ['Heathrow', 'throw', { kind: 'substring', start: 3, end: 8 }],
    ['Putin', 'ptn', undefined],
    ['fund', 'un', undefined],
  ])('%s matched by %s → %j', (word, term, expected) => {
    expect(matchWord(word, term)).toEqual(expected);
  });
});

describe('matchNode', () => {
  const putin = {
    name: 'Vladimir Putin',
    aliases: ['Putin', 'President Putin'],
    description: 'Russian President; visited North Korea.',
    title: 'President of Russia',
  };

  it('prefers the name when the name and an alias match equally well', () => {
    expect(matchNode(putin, ['putn'], ['name', 'aliases', 'description']).snippet).toEqual({
      field: 'name',
      text: 'Vladimir Putin',
      highlights: [[9, 14]],
    });
  });

  it('picks the alias that covers more of the query', () => {
    expect(matchNode(putin, ['president', 'putin'], ['name', 'aliases', 'description']).snippet).toEqual({
      field: 'aliases',
      text: 'President Putin',
      highlights: [[0, 9], [10, 15]],
    });
  });

  it('looks only at the fields it is given', () => {
    expect(matchNode(putin, ['russia'], ['name', 'aliases']).score).toBe(0);
    expect(matchNode(putin, ['russia'], 'all').snippet.field).toBe('title');
  });

  it('falls back to the first preferred text without highlights when nothing matches', () => {
    expect(matchNode(putin, ['zzz'], ['name', 'aliases'])).toEqual({ score: 0, snippet: { field: 'name', text: 'Vladimir Putin', highlights: [] } });
  });
});

describe('cutSnippet', () => {
  const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
  const text = words.join(' ');
  const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, term: 0 });

  it('leaves a short text whole', () => {
    expect(cutSnippet('name', 'Kim Jong-un', [{ start: 0, end: 3, term: 0 }])).toEqual({ field: 'name', text: 'Kim Jong-un', highlights: [[0, 3]] });
  });

  it('cuts a long text at word boundaries around the match and shifts the highlight', () => {
    const snippet = cutSnippet('description', text, [at('word50')]);
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(snippet.text.startsWith('…word')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    const [[start, end]] = snippet.highlights as [[number, number]];
    expect(snippet.text.slice(start, end)).toBe('word50');
  });

  it('keeps the window that covers the most different terms', () => {
    const highlights = [at('word2'), { ...at('word60'), term: 1 }, { ...at('word62'), term: 2 }];
    const snippet = cutSnippet('description', text, highlights);
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['word60', 'word62']);
  });
});

describe('fuzzyPattern', () => {
  it.each([
    ['putn', 'Vladimir Putin', true],
    ['frankfrt', 'Frankfurt am Main Airport', true],
    ['schiphl', 'Amsterdam Airport Schiphol', true],
    ['heathrow', 'London\nHeathrow Airport', true],
    ['kremlin', 'London Heathrow Airport', false],
    ['gva', 'Geneva', false],
  ])('%s preselects %j: %s', (term, text, expected) => {
    expect(asRegExp(fuzzyPattern(term)).test(text)).toBe(expected);
  });

  it('escapes regular-expression characters', () => {
    expect(asRegExp(fuzzyPattern('a.b*')).test('axbb')).toBe(false);
  });
});

describe('primaryLabel', () => {
  it.each([
    [['Actor', 'Person'], 'Person'],
    [['Source'], 'Source'],
    [['Actor'], 'Actor'],
    [['Airport', 'Hub'], 'Airport'],
    [[], ''],
  ])('%j → %s', (labels, expected) => {
    expect(primaryLabel(labels)).toBe(expected);
  });
});

describe('luceneQuery', () => {
  it('adds one-typo clauses only to terms long enough, and the phrase for several terms', () => {
    expect(luceneQuery(['kim', 'putn'])).toBe(
      'name:"kim putn"^20 aliases:"kim putn"^10 name:kim^5 aliases:kim^4 kim^2 kim* name:kim*^3 ' +
        'name:putn^5 aliases:putn^4 putn^2 putn* name:putn*^3 putn~1 name:putn~1^3',
    );
  });
});

describe('certaintiesAtOrAbove', () => {
  it.each([
    [undefined, null],
    ['confirmed', ['confirmed']],
    ['assessed', ['confirmed', 'reported', 'assessed']],
    ['conditional', ['confirmed', 'reported', 'assessed', 'speculated', 'conditional']],
  ] as const)('%s → %j', (floor, allowed) => {
    expect(certaintiesAtOrAbove(floor)).toEqual(allowed);
  });
});

describe('nameTier: a whole name or alias first, then one starting with the query, then one holding it, by whole words, then a prefix inside a word', () => {
  it.each([
    ['russia', { name: 'Russia' }, 0],
    ['russia', { name: 'Russia-Ukraine War' }, 1],
    ['isw', { name: 'Institute for the Study of War', aliases: ['ISW'] }, 0],
    ['isw', { name: 'ISW report on troop movements' }, 1],
    ['Sao Paulo', { name: 'São Paulo–Guarulhos', aliases: ['são paulo'] }, 0],
    ['  north   KOREA ', { name: 'North Korea' }, 0],
    ['korea', { name: 'North Korea' }, 2],
    ['north korea', { name: "Putin's visit to North Korea" }, 2],
    ['korea', { name: 'Treaty text', aliases: ['Korean Central News Agency'] }, 3],
    ['north korea', { name: 'North Korean engineering brigades' }, 3],
    ['rus', { name: 'Russia' }, 3],
    ['korea', { name: 'Seoul', aliases: ['ROK'] }, 4],
    ['ukraine', { name: 'Russia-Ukraine War' }, 2],
    ['tv chosun', { title: 'TV Chosun' }, 0],
    ['', { name: 'Russia' }, 4],
  ] as Array<[string, Record<string, string | string[]>, number]>)('%j against %j is tier %i', (q, properties, tier) => {
    expect(nameTier(properties, q)).toBe(tier);
  });

  it('folds accents, case, spaces and punctuation alike', () => {
    expect(foldName('  Donetsk  Region ')).toBe('donetsk region');
    expect(foldName('Russia–Ukraine (war)')).toBe('russia ukraine war');
  });
});

describe('noMatchesMessage', () => {
  it('names the words left out, the likelier reason nothing was found', () => {
    expect(noMatchesMessage('korea NOT north')).toBe('Nothing found for “korea” without “north”.');
    expect(noMatchesMessage('Russia Korea -north !South')).toBe('Nothing found for “russia korea” without “north” or “south”.');
  });

  it('says only that nothing matched when no word was left out', () => {
    expect(noMatchesMessage('zzyzx')).toBe('No matches for “zzyzx”.');
  });
});

describe('searchQuery', () => {
  it('drops upper-case AND and OR, && and ||, instead of searching them as words', () => {
    expect(searchQuery('russia AND ukraine')).toEqual({ terms: ['russia', 'ukraine'], excluded: [], anyTerm: false });
    expect(searchQuery('russia OR ukraine || korea && war')).toEqual({ terms: ['russia', 'ukraine', 'korea', 'war'], excluded: [], anyTerm: true });
    expect(searchQuery('russia || ukraine')).toMatchObject({ anyTerm: true });
  });

  it('reads lower-case and and or between two words as AND and OR, and as words elsewhere', () => {
    // "russia and ukraine" rang 10 nodes whose texts had any of the words, "russia ukraine" 3 (new-user trial).
    expect(searchQuery('russia and ukraine')).toEqual({ terms: ['russia', 'ukraine'], excluded: [], anyTerm: false });
    expect(searchQuery('russia or ukraine')).toEqual({ terms: ['russia', 'ukraine'], excluded: [], anyTerm: true });
    expect(searchQuery('Russia Or Ukraine')).toMatchObject({ anyTerm: true });
    expect(searchQuery('and more')).toEqual({ terms: ['and', 'more'], excluded: [], anyTerm: false });
    expect(searchQuery('rock or')).toEqual({ terms: ['rock', 'or'], excluded: [], anyTerm: false });
  });

  it('reads NOT word, -word and !word as words no result may have', () => {
    expect(searchQuery('korea NOT south')).toEqual({ terms: ['korea'], excluded: ['south'], anyTerm: false });
    expect(searchQuery('korea -south !north')).toEqual({ terms: ['korea'], excluded: ['south', 'north'], anyTerm: false });
    expect(searchQuery('korea - south')).toEqual({ terms: ['korea'], excluded: ['south'], anyTerm: false });
    // A word both asked for and excluded is excluded.
    expect(searchQuery('korea south -south')).toEqual({ terms: ['korea'], excluded: ['south'], anyTerm: false });
  });

  it('keeps lower-case not as a word, and hyphens inside words as word breaks', () => {
    expect(searchQuery('war not peace')).toEqual({ terms: ['war', 'not', 'peace'], excluded: [], anyTerm: false });
    expect(searchQuery('Kim Jong-un')).toEqual({ terms: ['kim', 'jong', 'un'], excluded: [], anyTerm: false });
    expect(searchQuery('NOT')).toEqual({ terms: [], excluded: [], anyTerm: false });
  });
});

describe('matchesWordStart', () => {
  it('finds a word that is a term or starts with one, in any string or string list property', () => {
    expect(matchesWordStart({ name: 'South Korea' }, ['south'])).toBe(true);
    expect(matchesWordStart({ name: 'Korea', aliases: ['Southern Korea'] }, ['south'])).toBe(true);
    expect(matchesWordStart({ name: 'North Korea', description: 'Borders the south' }, ['sou'])).toBe(true);
  });

  it('does not find a term inside a word, in numbers or with no terms', () => {
    expect(matchesWordStart({ name: 'Southsouth', title: 'Mouths' }, ['outh'])).toBe(false);
    expect(matchesWordStart({ name: 'North Korea', size: 3 }, ['3'])).toBe(false);
    expect(matchesWordStart({ name: 'North Korea' }, [])).toBe(false);
  });
});
