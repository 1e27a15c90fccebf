import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../server/src/contract.ts';
import { EMPTY_GRAPH, graphDataFrom } from '../../client/src/state/graph-data.ts';
import { searchMatches } from '../../client/src/state/search-matches.ts';

const node = (id: string, name: string, description = ''): GraphNode => ({ id, elementId: `4:x:${id}`, labels: ['Actor'], properties: { name, description } });
const graph = graphDataFrom({
  nodes: [
    node('kim', 'Kim Jong-un', 'Leader of North Korea'),
    node('nk', 'North Korea', 'Led by Kim Jong-un'),
    node('putin', 'Vladimir Putin', 'Met Kim Jong-un in Pyongyang'),
    { ...node('ru', 'Russia', 'At war with Ukraine'), properties: { name: 'Russia', aliases: ['Moscow', 'Russian Federation'] } },
    node('su', 'Soviet Union'),
  ],
  relationships: [],
});

describe('search matches on the canvas', () => {
  it('rings the nodes whose names match every word, not those whose descriptions mention them or whose names match one', () => {
    // The server finds all four: Kim by name, North Korea and Putin by description, the Soviet Union by "un".
    expect([...(searchMatches(graph, 'Kim Jong-un', ['kim', 'nk', 'putin', 'su']) ?? [])]).toEqual(['kim']);
  });

  it('matches names as the server does: an alias, a prefix, one typo, accents and case aside', () => {
    expect([...(searchMatches(graph, 'Moscow', []) ?? [])]).toEqual(['ru']);
    expect([...(searchMatches(graph, 'vlad PUTÍN', []) ?? [])]).toEqual(['putin']);
    expect([...(searchMatches(graph, 'Pution', []) ?? [])]).toEqual(['putin']);
  });

  it('reads search operators as the server does: NOT leaves out, AND is no word to match', () => {
    expect([...(searchMatches(graph, 'Kim AND Jong', []) ?? [])]).toEqual(['kim']);
    expect([...(searchMatches(graph, 'north NOT korea', []) ?? [])]).toEqual([]);
    expect([...(searchMatches(graph, 'Russia -moscow', []) ?? [])]).toEqual([]);
    // North Korea's description mentions Kim: the server leaves it out of its results, so the canvas does too.
    expect([...(searchMatches(graph, 'north -kim', []) ?? [])]).toEqual([]);
    expect([...(searchMatches(graph, 'north -putin', []) ?? [])]).toEqual(['nk']);
  });

  it('rings the names that match any word when OR joins them, as the server\'s results hold either', () => {
    expect([...(searchMatches(graph, 'korea OR russia', []) ?? [])].sort()).toEqual(['nk', 'ru']);
    // Lower-case "or" and "and" between words too: as words, they matched no name, and the server's
    // any-word hits were rung instead (new-user trial).
    expect([...(searchMatches(graph, 'korea or russia', ['kim', 'nk', 'putin', 'ru']) ?? [])].sort()).toEqual(['nk', 'ru']);
    expect([...(searchMatches(graph, 'kim and jong', ['kim', 'nk', 'putin']) ?? [])]).toEqual(['kim']);
    expect([...(searchMatches(graph, 'korea || moscow', []) ?? [])].sort()).toEqual(['nk', 'ru']);
    expect([...(searchMatches(graph, 'korea russia', []) ?? [])]).toEqual([]);
  });

  it('rings what the server found when no name in view matches, and nothing when the box has no word', () => {
    expect([...(searchMatches(graph, 'Pyongyang', ['nk', 'putin', 'elsewhere']) ?? [])].sort()).toEqual(['nk', 'putin']);
    expect(searchMatches(graph, ' - ', ['nk'])).toBeNull();
  });

  it('marks nothing, fading nothing, when nothing in view matches', () => {
    expect(searchMatches(graph, 'kndr', [])).toBeNull();
    expect(searchMatches(graph, 'Pyongyang', ['elsewhere'])).toBeNull();
    expect(searchMatches(EMPTY_GRAPH, 'Kim', ['kim'])).toBeNull();
  });
});
