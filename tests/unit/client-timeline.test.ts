import { describe, expect, it } from 'vitest';
import { dayOf } from '../../client/src/state/evidence.ts';
import { graphDataFrom } from '../../client/src/state/graph-data.ts';
import { dayToTime, timeDomain, timeScale, timeToDay, timelineItems } from '../../client/src/state/timeline.ts';
import { seedLikeGraph } from '../support/client-graph.fixtures.ts';

describe('client timeline', () => {
  it.each([
    [{ $type: 'Date', value: '2024-06-19' }, '2024-06-19'],
    [{ $type: 'DateTime', value: '2024-06-19T10:30:00Z' }, '2024-06-19'],
    ['2024-06-19', '2024-06-19'],
    ['2024-06', '2024-06-01'],
    ['2024', '2024-01-01'],
    ['as early as next month', null],
    ['2024-13-45', null],
    [42, null],
  ])('reads %j as the day %s', (value, day) => {
    expect(dayOf(value)).toBe(day);
  });

  it('places dated elements and lists the ones dated only in words', () => {
    const { dated, unplaced } = timelineItems(graphDataFrom(seedLikeGraph()));
    expect(dated.map((item) => [item.kind, item.id, item.day])).toEqual([
      ['node', 'agreement', '2024-06-19'],
      ['relationship', 'russia--PARTY_TO--agreement', '2024-06-19'],
    ]);
    expect(dated[1]?.title).toBe('russia PARTY_TO agreement');
    expect(unplaced.map((item) => item.text)).toEqual(['as early as next month', 'recent']);
  });

  it('pads the domain so a single day still spans the strip', () => {
    const [from, to] = timeDomain(['2024-06-19'])!;
    expect(timeToDay(from)).toBe('2024-05-30');
    expect(timeToDay(to)).toBe('2024-07-09');
    expect(timeDomain([])).toBeNull();
  });

  it('maps days to pixels and back', () => {
    const scale = timeScale([dayToTime('2024-01-01'), dayToTime('2025-01-01')], [0, 366]);
    expect(scale.x(dayToTime('2024-01-01'))).toBe(0);
    expect(scale.x(dayToTime('2024-07-01'))).toBeCloseTo(182, 0);
    expect(timeToDay(scale.time(182))).toBe('2024-07-01');
  });

  it('ticks on calendar boundaries: months within a year, years across decades', () => {
    const year = timeScale([dayToTime('2024-01-01'), dayToTime('2024-12-31')], [0, 800]);
    const monthly = year.ticks(12);
    expect(monthly[0]).toEqual({ time: dayToTime('2024-01-01'), label: 'Jan 2024' });
    expect(monthly[1]?.label).toBe('Feb');
    expect(monthly).toHaveLength(12);
    const decade = timeScale([dayToTime('2010-03-01'), dayToTime('2019-06-01')], [0, 800]).ticks(10);
    expect(decade.map((tick) => tick.label)).toEqual(['2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019']);
    const weeks = timeScale([dayToTime('2024-06-01'), dayToTime('2024-06-29')], [0, 800]).ticks(5);
    expect(weeks.map((tick) => tick.label)).toEqual(['1 Jun', '8 Jun', '15 Jun', '22 Jun', '29 Jun']);
  });
});
