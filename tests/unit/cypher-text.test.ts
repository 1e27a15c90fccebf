import { describe, expect, it } from 'vitest';
import { scanCypher } from '../../server/src/cypher/cypher-text.ts';

describe('scanCypher: statements', () => {
  it.each([
    ['one statement', 'MATCH (n) RETURN n', 1],
    ['a trailing semicolon', 'MATCH (n) RETURN n;', 1],
    ['a trailing semicolon, blanks and comments', 'MATCH (n) RETURN n ;  // done\n /* really */ ', 1],
    ['two statements', 'MATCH (n) RETURN n; CREATE ()', 2],
    ['three statements', 'RETURN 1; RETURN 2; RETURN 3', 3],
    ['a semicolon in a single-quoted string', "RETURN ';' AS s", 1],
    ['a semicolon in a double-quoted string', 'RETURN ";" AS s', 1],
    ['an escaped quote before the semicolon', "RETURN 'it\\'s; fine' AS s", 1],
    ['an escaped backslash closing the string', "RETURN 'a\\\\'; CREATE ()", 2],
    ['a semicolon in a backticked name', 'MATCH (n:`a;b`) RETURN n', 1],
    ['a doubled backtick inside a name', 'MATCH (n:`a``;b`) RETURN n', 1],
    ['a semicolon in a line comment', 'MATCH (n) // ; CREATE ()\nRETURN n', 1],
    ['a semicolon in a block comment', 'MATCH (n) /* ; CREATE () */ RETURN n', 1],
    ['a real semicolon after a block comment', 'MATCH (n) RETURN n /* ; */ ; CREATE ()', 2],
    ['only comments', '// nothing here', 0],
  ])('counts %s', (_name, text, count) => {
    expect(scanCypher(text).statementCount).toBe(count);
  });
});

describe('scanCypher: EXPLAIN and PROFILE', () => {
  it.each([
    ['no keyword', 'MATCH (n) RETURN n', undefined],
    ['EXPLAIN', 'EXPLAIN MATCH (n) RETURN n', { keyword: 'EXPLAIN', offset: 0 }],
    ['lower-case profile after blanks', '  profile MATCH (n) RETURN n', { keyword: 'PROFILE', offset: 2 }],
    ['PROFILE after a comment', '/* why */ PROFILE MATCH (n) RETURN n', { keyword: 'PROFILE', offset: 10 }],
    ['PROFILE after CYPHER options', 'CYPHER 5 runtime=slotted PROFILE MATCH (n) RETURN n', { keyword: 'PROFILE', offset: 25 }],
    ['EXPLAIN before CYPHER options', 'EXPLAIN CYPHER runtime=slotted MATCH (n) RETURN n', { keyword: 'EXPLAIN', offset: 0 }],
    ['the word later in the query', 'MATCH (profile) RETURN profile', undefined],
    ['the word in a string', "RETURN 'PROFILE' AS p", undefined],
  ])('finds %s', (_name, text, mode) => {
    expect(scanCypher(text).executionMode).toEqual(mode);
  });
});

describe('scanCypher: parameters', () => {
  it('lists each parameter once, in order of first use', () => {
    expect(scanCypher('MATCH (n) WHERE n.id = $id OR n.name = $name OR n.alt = $id RETURN n LIMIT $0').parameters).toEqual([
      'id',
      'name',
      '0',
    ]);
  });

  it('reads backticked parameter names', () => {
    expect(scanCypher('RETURN $`the name`, $`a``b`').parameters).toEqual(['the name', 'a`b']);
  });

  it('ignores dollars in strings, comments and names', () => {
    expect(scanCypher("RETURN '$notParam' AS `$nor`, \"$this\" // $neither\n /* $nope */").parameters).toEqual([]);
  });
});

describe('scanCypher: USE clauses', () => {
  it.each([
    ['a leading USE', 'USE system SHOW USERS', ['system']],
    ['a backticked name', 'USE `my-db` MATCH (n) RETURN n', ['my-db']],
    ['a composite part', 'USE composite.part MATCH (n) RETURN n', ['composite.part']],
    ['a dynamic lookup', "USE graph.byName('system') RETURN 1", ['graph.byName']],
    ['USE after EXPLAIN', 'EXPLAIN USE system RETURN 1', ['system']],
    ['USE opening a subquery', 'CALL () { USE system RETURN 1 AS x } RETURN x', ['system']],
    ['USE after UNION', 'USE a RETURN 1 AS x UNION USE b RETURN 2 AS x', ['a', 'b']],
    ['a variable named use', 'MATCH (use) RETURN use', []],
    ['the word in a string', "RETURN 'USE system' AS s", []],
  ])('finds %s', (_name, text, graphs) => {
    expect(scanCypher(text).useGraphs).toEqual(graphs);
  });
});

describe('scanCypher: calls whose value differs between runs', () => {
  it.each([
    ['MATCH (n) RETURN n ORDER BY rand() LIMIT 3', true],
    ['MATCH (n) RETURN n, RandomUUID ( ) AS tag', true],
    ["MATCH (n {name: 'rand()'}) RETURN n", false],
    ['MATCH (n) // rand()\nRETURN n.rand AS rand', false],
    ['MATCH (n) RETURN n.`rand`(1)', false],
    ['MATCH (n) RETURN n LIMIT 3', false],
  ])('%s: %s', (query, expected) => {
    expect(scanCypher(query).callsRandom).toBe(expected);
  });
});
