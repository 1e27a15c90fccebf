/**
 * The timeline strip under the canvas: every dated node and relationship in view on a time axis (SVG),
 * and the ones dated only in words ("as early as next month") listed as unplaced. Above TIMELINE_MARKS_MAX
 * dated elements the axis shows a histogram of them instead (each bar: all, and those shown). Dragging across the
 * axis brushes a time window that filters the view (undated elements stay unless "hide undated" is on);
 * a click on a mark selects its element.
 */
import { useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Filters, HiddenElements, TimeRange } from '../state/filters.ts';
import type { GraphData } from '../state/graph-data.ts';
import type { Selection } from '../state/selection.ts';
import { dayToTime, TIMELINE_MARKS_MAX, timeDomain, timeScale, timeToDay, timelineBins, timelineItems, type DatedItem } from '../state/timeline.ts';
import { useScrollEdges } from './use-scroll-edges.ts';
import './Timeline.css';

interface TimelineProps {
  graph: GraphData;
  filters: Filters;
  hidden: HiddenElements;
  selection: Selection;
  onRangeChange(range: TimeRange | null, hideUndated: boolean): void;
  onSelect(selection: Selection): void;
}

const AXIS = { height: 58, markRow: 10, axisY: 44, paddingX: 26 } as const;
/** Pointer travel (px) that turns a press into a brush rather than a click. */
const BRUSH_THRESHOLD = 4;
/** Width of a histogram bar, px, when there are too many dated elements for a mark each. */
const BIN_PX = 3;

export function Timeline({ graph, filters, hidden, selection, onRangeChange, onSelect }: TimelineProps) {
  const items = useMemo(() => timelineItems(graph), [graph]);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(600);
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, entry.contentRect.width)));
    observer.observe(svg);
    return () => observer.disconnect();
  }, [items.dated.length > 0]);

  const domain = useMemo(() => timeDomain(items.dated.map((item) => item.day)), [items]);
  const scale = useMemo(() => (domain ? timeScale(domain, [AXIS.paddingX, width - AXIS.paddingX]) : null), [domain, width]);

  const histogram = items.dated.length > TIMELINE_MARKS_MAX;
  const bins = useMemo(() => {
    if (!histogram || !scale) return [];
    const isShown = (item: DatedItem) => !(item.kind === 'node' ? hidden.nodes.has(item.id) : hidden.relationships.has(item.id));
    return timelineBins(items.dated, scale, BIN_PX, isShown);
  }, [histogram, items, scale, hidden]);
  const tallestBin = bins.reduce((tallest, bin) => Math.max(tallest, bin.total), 1);

  // Marks on the same day stack upwards.
  const stacked = useMemo(() => {
    if (histogram) return [];
    const perDay = new Map<string, number>();
    return items.dated.map((item) => {
      const level = perDay.get(item.day) ?? 0;
      perDay.set(item.day, level + 1);
      return { ...item, level };
    });
  }, [items, histogram]);

  const unplacedGroups = useMemo(() => {
    const groups = new Map<string, typeof items.unplaced>();
    for (const item of items.unplaced) {
      const group = groups.get(item.text);
      if (group) group.push(item);
      else groups.set(item.text, [item]);
    }
    return [...groups];
  }, [items]);
  const unplacedRef = useRef<HTMLDivElement>(null);
  useScrollEdges(unplacedRef, unplacedGroups);

  const range = filters.timeRange;
  const xOf = (event: PointerEvent<SVGSVGElement>) => event.clientX - event.currentTarget.getBoundingClientRect().left;

  const finishBrush = (x0: number, x1: number) => {
    if (!scale) return;
    const [a, b] = x0 < x1 ? [x0, x1] : [x1, x0];
    onRangeChange({ from: timeToDay(scale.time(a)), to: timeToDay(scale.time(b)) }, filters.hideUndated);
  };

  const selectedId = selection?.id;
  const brush = drag ?? (range && scale ? { x0: scale.x(dayToTime(range.from)), x1: scale.x(dayToTime(range.to)) } : null);

  return (
    <section className="timeline" aria-label="Timeline" data-testid="timeline">
      <div className="timeline-side">
        <h2 className="section-title timeline-title">
          Timeline
          <span className="timeline-counts" data-testid="timeline-counts">
            {items.dated.length} dated · {items.unplaced.length} in words
          </span>
        </h2>
        {range ? (
          <>
            <p className="timeline-range">
              <span data-testid="timeline-range">
                {range.from} – {range.to}
              </span>
              <button type="button" className="link-button small" onClick={() => onRangeChange(null, false)} data-testid="timeline-clear">
                clear
              </button>
            </p>
            <label className="check-row small">
              <input type="checkbox" checked={filters.hideUndated} onChange={(event) => onRangeChange(range, event.target.checked)} />
              hide undated elements
            </label>
          </>
        ) : (
          items.dated.length > 0 && <p className="small muted">Drag across the axis to show one period only.</p>
        )}
      </div>
      <div className="timeline-main">
        {scale && domain ? (
          <svg
            ref={svgRef}
            className="timeline-axis"
            height={AXIS.height}
            data-testid="timeline-axis"
            onPointerDown={(event) => {
              if ((event.target as Element).closest('[data-mark]')) return;
              event.currentTarget.setPointerCapture(event.pointerId);
              const x = xOf(event);
              setDrag({ x0: x, x1: x });
            }}
            onPointerMove={(event) => {
              if (drag) setDrag({ ...drag, x1: xOf(event) });
            }}
            onPointerUp={(event) => {
              if (!drag) return;
              const x1 = xOf(event);
              setDrag(null);
              if (Math.abs(x1 - drag.x0) >= BRUSH_THRESHOLD) finishBrush(drag.x0, x1);
              else if (range) onRangeChange(null, false);
            }}
          >
            {brush && (
              <rect
                className="timeline-brush"
                x={Math.min(brush.x0, brush.x1)}
                y={2}
                width={Math.max(2, Math.abs(brush.x1 - brush.x0))}
                height={AXIS.axisY - 2}
                data-testid="timeline-brush"
              />
            )}
            <line className="timeline-baseline" x1={AXIS.paddingX} x2={width - AXIS.paddingX} y1={AXIS.axisY} y2={AXIS.axisY} />
            {scale
              .ticks(Math.max(2, Math.floor(width / 90)))
              .filter((tick) => scale.x(tick.time) >= AXIS.paddingX / 2 && scale.x(tick.time) <= width - AXIS.paddingX / 2)
              .map((tick) => (
              <g key={tick.time} transform={`translate(${scale.x(tick.time)},0)`}>
                <line className="timeline-tick" y1={AXIS.axisY} y2={AXIS.axisY + 4} />
                <text className="timeline-tick-label" y={AXIS.axisY + 13} textAnchor="middle">
                  {tick.label}
                </text>
              </g>
            ))}
            {bins.map((bin) => {
              const barHeight = (total: number) => Math.max(2, ((AXIS.axisY - 6) * total) / tallestBin);
              return (
                <g key={bin.x0} className="timeline-bin" data-testid="timeline-bin">
                  <title>{`${bin.from === bin.to ? bin.from : `${bin.from} – ${bin.to}`} · ${bin.total} dated, ${bin.shown} shown`}</title>
                  <rect className="timeline-bin-total" x={bin.x0} width={BIN_PX - 0.5} y={AXIS.axisY - barHeight(bin.total)} height={barHeight(bin.total)} />
                  {bin.shown > 0 && (
                    <rect className="timeline-bin-shown" x={bin.x0} width={BIN_PX - 0.5} y={AXIS.axisY - barHeight(bin.shown)} height={barHeight(bin.shown)} />
                  )}
                </g>
              );
            })}
            {stacked.map((item) => {
              const x = scale.x(dayToTime(item.day));
              const y = AXIS.axisY - 8 - Math.min(item.level, 3) * AXIS.markRow;
              const isHidden = item.kind === 'node' ? hidden.nodes.has(item.id) : hidden.relationships.has(item.id);
              const className = `timeline-mark ${item.kind}${isHidden ? ' off' : ''}${selectedId === item.id ? ' selected' : ''}`;
              return (
                <g
                  key={`${item.kind}:${item.id}`}
                  data-mark={item.id}
                  className={className}
                  transform={`translate(${x},${y})`}
                  onClick={() => onSelect({ kind: item.kind, id: item.id })}
                >
                  <title>{`${item.day} · ${item.title}`}</title>
                  {item.kind === 'node' ? <circle r={4.5} /> : <rect x={-4} y={-4} width={8} height={8} transform="rotate(45)" />}
                </g>
              );
            })}
          </svg>
        ) : (
          <p className="timeline-empty muted small">No dated elements in view.</p>
        )}
        {unplacedGroups.length > 0 && (
          <div className="timeline-unplaced" data-testid="timeline-unplaced" ref={unplacedRef}>
            <span className="small muted">In words:</span>
            {unplacedGroups.map(([text, group]) => (
              <button
                key={text}
                type="button"
                className="value-chip chip-button"
                title={group.map((item) => item.title).join('\n')}
                onClick={() => {
                  const first = group[0];
                  if (first) onSelect({ kind: first.kind, id: first.id });
                }}
              >
                {text}
                {group.length > 1 && <span className="count"> {group.length}</span>}
              </button>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
