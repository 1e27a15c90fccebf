import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import type { DbSchema } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { cypherCompletionSource, tokenRangeAt } from '../../client/src/workbench/cypher-language.ts';

const schema: DbSchema = {
  labels: ['Person', 'Country', 'Payment'],
  relationshipTypes: ['SIGNED', 'PAYS'],
  propertyKeys: ['name', 'amount'],
  parameters: { who: 'Kim Jong-un' },
};

/** Completes at the end of `doc` (or at `|`), as typing would. */
function complete(doc: string, explicit = false): CompletionResult | null {
  const pos = doc.includes('|') ? doc.indexOf('|') : doc.length;
  const state = EditorState.create({ doc: doc.replace('|', '') });
  const result = cypherCompletionSource(() => schema, () => undefined)(new CompletionContext(state, pos, explicit));
  return result instanceof Promise ? null : result;
}

const labels = (result: CompletionResult | null) => result?.options.map((option) => option.label) ?? [];

describe('completion in the Cypher editor (the language support with the database’s schema)', () => {
  it('offers the database’s labels after a colon in a node, replacing what was typed', () => {
    const result = complete('MATCH (n:Per');
    expect(result?.from).toBe('MATCH (n:'.length);
    expect(result?.options).toContainEqual(expect.objectContaining({ label: 'Person', type: 'type', detail: 'label' }));
  });

  it('offers relationship types in a relationship pattern', () => {
    expect(labels(complete('MATCH (a)-[r:'))).toEqual(expect.arrayContaining(['SIGNED', 'PAYS']));
  });

  it('offers property keys after a variable and a dot', () => {
    expect(labels(complete('MATCH (n:Person) RETURN n.'))).toEqual(expect.arrayContaining(['name', 'amount']));
  });

  it('offers the parameters given beside the query', () => {
    expect(labels(complete('MATCH (n {name: $'))).toContain('$who');
  });

  it('offers keywords inside a word', () => {
    const result = complete('MATCH (n) RET');
    expect(result?.options).toContainEqual(expect.objectContaining({ label: 'RETURN', type: 'keyword' }));
  });

  it('stays closed after a plain space unless asked (Ctrl+Space)', () => {
    expect(complete('MATCH (n) ')).toBeNull();
    expect(labels(complete('MATCH (n) ', true))).toContain('RETURN');
  });
});

describe('marking where the server says a query is wrong', () => {
  it('marks the word at the position, or one character', () => {
    const query = 'MATCH (n)\nRETURN n.name LIMT 5';
    expect(tokenRangeAt(query, query.indexOf('LIMT'))).toEqual({ from: query.indexOf('LIMT'), to: query.indexOf('LIMT') + 4 });
    expect(tokenRangeAt('RETURN (', 7)).toEqual({ from: 7, to: 8 });
    expect(tokenRangeAt('RETURN', 6)).toEqual({ from: 6, to: 6 });
  });
});
