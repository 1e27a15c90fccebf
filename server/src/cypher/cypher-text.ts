/**
 * A lexical scan of Cypher text, skipping strings, comments and backticked names exactly as Cypher does.
 * It finds what the guard needs before and around Neo4j's EXPLAIN: how many statements there are, the
 * leading EXPLAIN/PROFILE keyword, the parameters used, and the graphs that USE clauses name. The scan never
 * lets a query through on its own: Neo4j's EXPLAIN decides what is read-only.
 */

export interface CypherScan {
  /** Statements separated by `;` (a trailing `;` followed only by blanks and comments doesn't start one). */
  statementCount: number;
  /** The EXPLAIN or PROFILE keyword in front of the statement (also after `CYPHER` options), and where it is. */
  executionMode: { keyword: 'EXPLAIN' | 'PROFILE'; offset: number } | undefined;
  /** Names of the parameters the query uses (`$name`, `` $`odd name` ``), in order of first use. */
  parameters: string[];
  /** Graph names in USE clauses at the start of a statement or subquery (`USE system`, `` USE `my.db` ``). */
  useGraphs: string[];
  /** Whether it calls a function whose value differs between runs (`rand()`, `randomUUID()`). */
  callsRandom: boolean;
}

/** Functions whose value differs from one run of a query to the next (within one transaction too). */
const RANDOM_FUNCTIONS = new Set(['rand', 'randomuuid']);

type TokenKind = 'word' | 'quotedName' | 'number' | 'string' | 'parameter' | 'symbol';
interface Token {
  kind: TokenKind;
  /** For words and symbols the text itself; for quoted names and parameters the name. */
  text: string;
  offset: number;
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_]/u;
const DIGIT = /[0-9]/;
const NUMBER_PART = /[0-9A-Za-z._]/;
const WHITESPACE = /\s/u;

/** The end of a backticked name starting at `start` (on the backtick); a doubled backtick is an escaped one. */
function quotedNameEnd(text: string, start: number): { end: number; name: string } {
  let name = '';
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '`') {
      if (text[i + 1] === '`') {
        name += '`';
        i += 2;
        continue;
      }
      return { end: i + 1, name };
    }
    name += text[i];
    i++;
  }
  return { end: text.length, name };
}

function readWhile(text: string, start: number, pattern: RegExp): number {
  let i = start;
  while (i < text.length && pattern.test(text[i] as string)) i++;
  return i;
}

/** Cypher's tokens without blanks and comments. Unterminated strings and comments run to the end. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (WHITESPACE.test(ch)) {
      i++;
    } else if (ch === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', text: text.slice(i, j + 1), offset: i });
      i = j + 1;
    } else if (ch === '`') {
      const { end, name } = quotedNameEnd(text, i);
      tokens.push({ kind: 'quotedName', text: name, offset: i });
      i = end;
    } else if (ch === '$') {
      if (next === '`') {
        const { end, name } = quotedNameEnd(text, i + 1);
        tokens.push({ kind: 'parameter', text: name, offset: i });
        i = end;
      } else {
        const end = readWhile(text, i + 1, WORD_PART);
        tokens.push(end > i + 1 ? { kind: 'parameter', text: text.slice(i + 1, end), offset: i } : { kind: 'symbol', text: '$', offset: i });
        i = Math.max(end, i + 1);
      }
    } else if (WORD_START.test(ch)) {
      const end = readWhile(text, i, WORD_PART);
      tokens.push({ kind: 'word', text: text.slice(i, end), offset: i });
      i = end;
    } else if (DIGIT.test(ch)) {
      const end = readWhile(text, i, NUMBER_PART);
      tokens.push({ kind: 'number', text: text.slice(i, end), offset: i });
      i = end;
    } else {
      tokens.push({ kind: 'symbol', text: ch, offset: i });
      i++;
    }
  }
  return tokens;
}

const isWord = (token: Token | undefined, ...words: string[]): boolean =>
  token?.kind === 'word' && words.includes(token.text.toUpperCase());
const isSymbol = (token: Token | undefined, symbol: string): boolean => token?.kind === 'symbol' && token.text === symbol;
const isName = (token: Token | undefined): boolean => token?.kind === 'word' || token?.kind === 'quotedName';

/**
 * The pre-parser part in front of a statement: `CYPHER` with its version and `option=value` settings, and
 * EXPLAIN or PROFILE, in either order. Returns the index of the statement's first token and the mode.
 */
function preParser(tokens: Token[]): { statementStart: number; executionMode: CypherScan['executionMode'] } {
  let executionMode: CypherScan['executionMode'];
  let i = 0;
  for (;;) {
    const token = tokens[i];
    if (isWord(token, 'CYPHER')) {
      i++;
      for (;;) {
        if (tokens[i]?.kind === 'number') i++;
        else if (isName(tokens[i]) && isSymbol(tokens[i + 1], '=') && tokens[i + 2] && !isSymbol(tokens[i + 2], ';')) i += 3;
        else break;
      }
    } else if (!executionMode && token && isWord(token, 'EXPLAIN', 'PROFILE')) {
      executionMode = { keyword: token.text.toUpperCase() as 'EXPLAIN' | 'PROFILE', offset: token.offset };
      i++;
    } else {
      return { statementStart: i, executionMode };
    }
  }
}

/** A graph name after USE: a (possibly dotted) name, e.g. `system`, `` `my-db` ``, `composite.part`, `graph.byName`. */
function graphNameAt(tokens: Token[], start: number): string | undefined {
  if (!isName(tokens[start])) return undefined;
  const parts = [tokens[start]?.text ?? ''];
  let i = start + 1;
  while (isSymbol(tokens[i], '.') && isName(tokens[i + 1])) {
    parts.push(tokens[i + 1]?.text ?? '');
    i += 2;
  }
  return parts.join('.');
}

export function scanCypher(text: string): CypherScan {
  const tokens = tokenize(text);
  const { statementStart, executionMode } = preParser(tokens);

  let statementCount = 0;
  let inStatement = false;
  const parameters: string[] = [];
  const useGraphs: string[] = [];
  let callsRandom = false;
  tokens.forEach((token, index) => {
    if (isSymbol(token, ';')) {
      inStatement = false;
      return;
    }
    if (!inStatement) {
      statementCount++;
      inStatement = true;
    }
    if (token.kind === 'parameter' && !parameters.includes(token.text)) parameters.push(token.text);
    if (token.kind === 'word' && RANDOM_FUNCTIONS.has(token.text.toLowerCase()) && isSymbol(tokens[index + 1], '(')) callsRandom = true;
    // USE opens a statement (after the pre-parser part), a subquery (`{`) or a UNION part.
    const previous = tokens[index - 1];
    const opensClause = index === statementStart || isSymbol(previous, '{') || isSymbol(previous, ';') || isWord(previous, 'UNION', 'ALL');
    if (opensClause && isWord(token, 'USE')) {
      const name = graphNameAt(tokens, index + 1);
      if (name !== undefined) useGraphs.push(name);
    }
  });
  return { statementCount, executionMode, parameters, useGraphs, callsRandom };
}
