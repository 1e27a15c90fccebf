import { describe, expect, it } from 'vitest';
import { neighborParams } from '../../client/src/api/graph-api.ts';

describe('the neighbours request', () => {
  it('sends each type and label as its own parameter, so a name may hold a comma', () => {
    const params = neighborParams({ limit: 5, types: ['QA,REL', 'SIGNED'], labels: ['A,B'] });
    expect(params.getAll('types')).toEqual(['QA,REL', 'SIGNED']);
    expect(params.getAll('labels')).toEqual(['A,B']);
    expect(params.toString()).toBe('limit=5&types=QA%2CREL&types=SIGNED&labels=A%2CB');
  });

  it('leaves empty filters out', () => {
    expect(neighborParams({ limit: 5, types: [], labels: [] }).toString()).toBe('limit=5');
  });
});
