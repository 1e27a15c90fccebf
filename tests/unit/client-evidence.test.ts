import { describe, expect, it } from 'vitest';
import { groupClaims, locateQuote, quoteInContext, sourceIdsOf } from '../../client/src/state/evidence.ts';
import { rel } from '../support/client-graph.fixtures.ts';

const text = 'Reports say that North Korea   could receive up to $115 million annually from Moscow for “engineering work” in Ukraine. More text follows here.';

describe('client evidence', () => {
  it('finds a quote in its document despite typographic quotes, case and runs of white space', () => {
    const quote = 'North Korea could receive up to $115 million annually from Moscow for "engineering work" in Ukraine';
    const range = locateQuote(text, quote);
    expect(range).not.toBeNull();
    expect(text.slice(range!.start, range!.end)).toBe('North Korea   could receive up to $115 million annually from Moscow for “engineering work” in Ukraine');
    expect(locateQuote(text, 'not in the text')).toBeNull();
    expect(locateQuote(text, '   ')).toBeNull();
  });

  it('cuts the context at word boundaries and says where it was cut', () => {
    const range = locateQuote(text, 'could receive')!;
    const context = quoteInContext(text, range, 12);
    expect(context.quote).toBe('could receive');
    expect(context.before).toBe('Korea   ');
    expect(context.after.startsWith(' up to')).toBe(true);
    expect(context.clippedStart).toBe(true);
    expect(context.clippedEnd).toBe(true);
    const whole = quoteInContext(text, range, 1000);
    expect(whole.before + whole.quote + whole.after).toBe(text);
    expect(whole.clippedStart || whole.clippedEnd).toBe(false);
  });

  it('groups claims by source, then by certainty strongest first; a claim with two sources is in both', () => {
    const claims = [
      rel('a', 'X', 'b', { sources: ['isw', 'article'], certainty: 'assessed' }),
      rel('a', 'Y', 'c', { sources: ['article'], certainty: 'confirmed' }),
      rel('a', 'Z', 'd', { sources: 'article', certainty: 'whatever' }),
      rel('a', 'W', 'e', {}),
    ];
    const groups = groupClaims(claims);
    expect(groups.map((g) => [g.sourceId, g.count])).toEqual([
      ['article', 3],
      ['', 1],
      ['isw', 1],
    ]);
    expect(groups[0]?.byCertainty.map((grade) => grade.certainty)).toEqual(['confirmed', 'assessed', null]);
    expect(groupClaims(claims, 'isw').map((g) => g.sourceId)).toEqual(['isw']);
    expect(sourceIdsOf({ sources: ['a', 1, null, { x: 1 }] })).toEqual(['a', '1']);
  });
});
