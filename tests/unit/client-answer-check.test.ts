import { describe, expect, it } from 'vitest';
import { answerProblem } from '../../client/src/api/answer-check.ts';
import { GraphSchema, NeighborsResponseSchema, SearchResponseSchema } from '../../server/src/contract.ts';

const node = { id: 'russia', elementId: '4:x:1', labels: ['Country'], properties: { name: 'Russia' } };
const relationship = { id: 'r1', elementId: '5:x:1', type: 'BORDERS', source: 'russia', target: 'ukraine', properties: {} };

describe('checking an API answer against the contract', () => {
  it('passes an answer of the right shape, in full and at its top level', () => {
    const graph = { nodes: [node], relationships: [relationship] };
    expect(answerProblem(GraphSchema, graph, true)).toBeUndefined();
    expect(answerProblem(GraphSchema, graph, false)).toBeUndefined();
  });

  it('names where a full check finds an answer wrong deep inside', () => {
    // isGraph, the hand-written guard this replaces, never looked at relationships.
    const graph = { nodes: [node], relationships: [{ ...relationship, source: 7 }] };
    expect(answerProblem(GraphSchema, graph, true)).toMatch(/^relationships\.0\.source: /);
  });

  it('catches at the top level what would break the page at once: not an object, a missing key, a list that is not one', () => {
    expect(answerProblem(GraphSchema, '<html>', false)).toBe('expected an object');
    expect(answerProblem(GraphSchema, { nodes: [] }, false)).toBe('relationships: missing');
    expect(answerProblem(NeighborsResponseSchema, { nodes: [], relationships: {}, total: 0, next: null, counts: {} }, false)).toBe('relationships: expected an array');
  });

  it('lets an optional key be absent at the top level', () => {
    const search = { results: [], coverage: { byIndex: [], byScan: [], scanLimits: { maxNodes: 1, maxMs: 1 }, scanCut: null } };
    expect(answerProblem(SearchResponseSchema, search, false)).toBeUndefined();
    expect(answerProblem(SearchResponseSchema, search, true)).toBeUndefined();
  });
});
