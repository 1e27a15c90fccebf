/**
 * The timeline's data: which elements in view carry a date (placed on the axis) or only a date in words
 * (`dateText`, listed as unplaced), and a linear time scale over calendar days with readable ticks.
 */
import type { GraphNode, GraphRelationship } from '../../../server/src/contract.ts';
import { nodeCaption } from '../graph/labels.ts';
import { textOf } from './evidence.ts';
import { elementDay } from './filters.ts';
import type { GraphData } from './graph-data.ts';

export interface DatedItem {
  id: string;
  kind: 'node' | 'relationship';
  day: string;
  /** What the axis tooltip and the list call it. */
  title: string;
}

export interface UnplacedItem {
  id: string;
  kind: 'node' | 'relationship';
  /** The date in words, e.g. "as early as next month". */
  text: string;
  title: string;
}

export interface TimelineItems {
  dated: DatedItem[];
  unplaced: UnplacedItem[];
}

function relationshipTitle(graph: GraphData, rel: GraphRelationship): string {
  const name = (id: string) => {
    const node = graph.nodes.get(id);
    return node ? nodeCaption(node) : id;
  };
  return `${name(rel.source)} ${rel.type} ${name(rel.target)}`;
}

/** Dated elements (by day, then title) and the ones dated only in words. */
export function timelineItems(graph: GraphData): TimelineItems {
  const dated: DatedItem[] = [];
  const unplaced: UnplacedItem[] = [];
  const visit = (element: GraphNode | GraphRelationship, kind: 'node' | 'relationship', title: string) => {
    const day = elementDay(element);
    const text = textOf(element.properties.dateText);
    if (day !== null) dated.push({ id: element.id, kind, day, title });
    else if (text !== null) unplaced.push({ id: element.id, kind, text, title });
  };
  for (const node of graph.nodes.values()) visit(node, 'node', nodeCaption(node));
  for (const rel of graph.relationships.values()) visit(rel, 'relationship', relationshipTitle(graph, rel));
  dated.sort((a, b) => a.day.localeCompare(b.day) || a.title.localeCompare(b.title));
  unplaced.sort((a, b) => a.text.localeCompare(b.text) || a.title.localeCompare(b.title));
  return { dated, unplaced };
}

const DAY_MS = 86_400_000;

export function dayToTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function timeToDay(time: number): string {
  return new Date(Math.round(time / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Room around the dated items, so the first and last ones don't sit on the edge of the strip. */
const DOMAIN_PADDING = { fraction: 0.06, minDays: 20 } as const;

/** The days the axis spans for these items: their range, padded; null when nothing is dated. */
export function timeDomain(days: readonly string[]): [number, number] | null {
  if (days.length === 0) return null;
  // A loop, not Math.min(...times): spreading 300,000 arguments (the largest view) overflows the stack.
  let [min, max] = [Infinity, -Infinity];
  for (const day of days) {
    const time = dayToTime(day);
    if (time < min) min = time;
    if (time > max) max = time;
  }
  const pad = Math.max((max - min) * DOMAIN_PADDING.fraction, DOMAIN_PADDING.minDays * DAY_MS);
  return [min - pad, max + pad];
}

export interface Tick {
  time: number;
  label: string;
}

export interface TimeScale {
  x(time: number): number;
  time(x: number): number;
  ticks(approxCount: number): Tick[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Tick steps from finest to coarsest: days, weeks, months, quarters, years, decades. */
const STEPS: Array<{ months: number; days: number }> = [
  { months: 0, days: 1 },
  { months: 0, days: 7 },
  { months: 1, days: 0 },
  { months: 3, days: 0 },
  { months: 12, days: 0 },
  { months: 60, days: 0 },
  { months: 120, days: 0 },
];

function stepMs(step: { months: number; days: number }): number {
  return step.days * DAY_MS + step.months * 30.44 * DAY_MS;
}

function tickLabel(time: number, step: { months: number; days: number }): string {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const month = MONTHS[date.getUTCMonth()] as string;
  if (step.months >= 12) return String(year);
  if (step.months > 0) return date.getUTCMonth() === 0 ? `${month} ${year}` : month;
  return `${date.getUTCDate()} ${month}`;
}

/** A linear scale from `domain` (ms since epoch) to `range` (px), with ticks on calendar boundaries. */
export function timeScale(domain: [number, number], range: [number, number]): TimeScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const x = (time: number) => r0 + ((time - d0) / span) * (r1 - r0);
  const time = (px: number) => d0 + ((px - r0) / (r1 - r0 || 1)) * span;
  const ticks = (approxCount: number): Tick[] => {
    const step = STEPS.find((s) => span / stepMs(s) <= Math.max(1, approxCount)) ?? (STEPS.at(-1) as (typeof STEPS)[number]);
    const start = new Date(d0);
    let cursor =
      step.months > 0
        ? Date.UTC(start.getUTCFullYear(), Math.ceil(start.getUTCMonth() / step.months) * step.months, 1)
        : Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
    if (step.months >= 12) cursor = Date.UTC(Math.ceil(start.getUTCFullYear() / (step.months / 12)) * (step.months / 12), 0, 1);
    const result: Tick[] = [];
    while (cursor <= d1 && result.length < 200) {
      if (cursor >= d0) result.push({ time: cursor, label: tickLabel(cursor, step) });
      const next = new Date(cursor);
      cursor =
        step.months > 0
          ? Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + step.months, 1)
          : cursor + step.days * DAY_MS;
    }
    return result;
  };
  return { x, time, ticks };
}

/**
 * Above this many dated elements the axis draws a histogram (timelineBins) instead of one mark per element:
 * a view of 20,000 nodes and 40,000 relationships put 60,000 SVG groups in the page, whose creation and
 * reflows cost seconds on every change (profiled on the bench graph); marks beyond four a day overlap anyway.
 */
export const TIMELINE_MARKS_MAX = 500;

/** One bar of the histogram: the dated elements whose day falls in [x0, x1) px of the axis. */
export interface TimelineBin {
  /** Left and right edge, px. */
  x0: number;
  x1: number;
  /** First and last day of the elements in the bar. */
  from: string;
  to: string;
  /** Elements in the bar, and those of them not filtered out. */
  total: number;
  shown: number;
}

/**
 * The dated elements counted per `binPx`-wide column of the axis (px, from `scale`), left to right; columns
 * without elements are left out. `isShown` says whether an element is drawn in the view (not filtered out).
 */
export function timelineBins(items: readonly DatedItem[], scale: TimeScale, binPx: number, isShown: (item: DatedItem) => boolean): TimelineBin[] {
  const bins = new Map<number, TimelineBin>();
  for (const item of items) {
    const column = Math.floor(scale.x(dayToTime(item.day)) / binPx);
    const bin = bins.get(column);
    const shown = isShown(item) ? 1 : 0;
    if (!bin) {
      bins.set(column, { x0: column * binPx, x1: (column + 1) * binPx, from: item.day, to: item.day, total: 1, shown });
      continue;
    }
    bin.total += 1;
    bin.shown += shown;
    if (item.day < bin.from) bin.from = item.day;
    if (item.day > bin.to) bin.to = item.day;
  }
  return [...bins.values()].sort((a, b) => a.x0 - b.x0);
}
