import { describe, expect, it } from 'vitest';
import { dayOf } from '../../client/src/state/evidence.ts';
import { graphDataFrom } from '../../client/src/state/graph-data.ts';
import { dayToTime, timeDomain, timeScale, timeToDay, timelineBins, timelineItems, type DatedItem } from '../../client/src/state/timeline.ts';
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

  it('spans 300,000 dated elements (the largest view: 100,000 nodes, 200,000 relationships) without overflowing the stack', () => {
    const days = Array.from({ length: 300_000 }, (_, i) => timeToDay(dayToTime('2000-01-01') + (i % 9_000) * 86_400_000));
    const [from, to] = timeDomain(days)!;
    expect(from).toBeLessThan(dayToTime('2000-01-01'));
    expect(to).toBeGreaterThan(dayToTime('2024-08-01'));
  });

  it('counts dated elements per column of the axis, all and shown, for the histogram of a large view', () => {
    const scale = timeScale([dayToTime('2024-01-01'), dayToTime('2024-01-31')], [0, 300]); // ~10 px a day
    const item = (id: string, day: string): DatedItem => ({ id, kind: 'node', day, title: id });
    const items = [item('a', '2024-01-02'), item('b', '2024-01-02'), item('c', '2024-01-03'), item('d', '2024-01-20')];
    const bins = timelineBins(items, scale, 15, (dated) => dated.id !== 'b');
    expect(bins).toEqual([
      { x0: 0, x1: 15, from: '2024-01-02', to: '2024-01-02', total: 2, shown: 1 },
      { x0: 15, x1: 30, from: '2024-01-03', to: '2024-01-03', total: 1, shown: 1 },
      { x0: 180, x1: 195, from: '2024-01-20', to: '2024-01-20', total: 1, shown: 1 },
    ]);
    const wide = timelineBins(items, scale, 100, () => true);
    expect(wide[0]).toMatchObject({ from: '2024-01-02', to: '2024-01-03', total: 3 });
  });
});
