import { describe, expect, it } from 'vitest';
import { keyProperties, shortText } from '../../client/src/graph/tooltip-text.ts';

describe('what a hover tooltip says of a node\'s properties', () => {
  it('writes amounts grouped, tagged dates as their text and lists of names joined', () => {
    // The fifth new-user trial: "amount 115000000", an event's date left out, a country's aliases too.
    expect(shortText(115_000_000)).toBe('115,000,000');
    expect(shortText({ $type: 'Date', value: '2024-06-19' })).toBe('2024-06-19');
    expect(shortText(['Russian Federation', 'Moscow', 'RF'])).toBe('Russian Federation, Moscow, RF');
    expect(shortText({ nested: 'map' })).toBeNull();
    expect(shortText('x'.repeat(80))).toHaveLength(60);
  });

  it('lists up to three properties with text, after the caption\'s, in their stored order', () => {
    const russia = { aliases: ['Russian Federation', 'Moscow'], name: 'Russia', description: 'At war with Ukraine.', id: 'russia' };
    expect(keyProperties(russia)).toEqual([
      ['aliases', 'Russian Federation, Moscow'],
      ['description', 'At war with Ukraine.'],
    ]);
    const visit = { date: { $type: 'Date', value: '2024-06-19' }, aliases: [], name: 'Visit', dateSource: 'treaty', dateNote: 'signing date', description: 'd' };
    expect(keyProperties(visit)).toEqual([
      ['date', '2024-06-19'],
      ['dateSource', 'treaty'],
      ['dateNote', 'signing date'],
    ]);
  });
});
