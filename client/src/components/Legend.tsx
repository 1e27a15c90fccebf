/**
 * The legend: the display labels present in the view (colour, shape, count) and the certainty line styles.
 */
import { useMemo } from 'react';
import { CERTAINTY_ORDER, CERTAINTY_STYLES } from '../graph/certainty.ts';
import { LABEL_STYLES, displayLabel } from '../graph/labels.ts';
import type { GraphData } from '../state/graph-data.ts';
import { CertaintyLine } from './CertaintyBadge.tsx';
import { LabelSwatch } from './LabelChip.tsx';

const REGISTRY_ORDER = new Map(LABEL_STYLES.map((style, i) => [style.label, i]));

/** Display labels in view with their node counts: known labels in registry order, then the rest A–Z. */
function labelCounts(graph: GraphData): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const node of graph.nodes.values()) {
    const label = displayLabel(node.labels);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const rank = (label: string) => REGISTRY_ORDER.get(label) ?? Number.MAX_SAFE_INTEGER;
  return [...counts].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

export function Legend({ graph, loading }: { graph: GraphData; loading: boolean }) {
  const labels = useMemo(() => labelCounts(graph), [graph]);
  return (
    <section className="legend" aria-label="Legend">
      <h2 className="section-title">Node labels</h2>
      {labels.length === 0 ? (
        <p className="muted small">{loading ? 'Loading…' : 'No nodes in view.'}</p>
      ) : (
        <ul className="legend-list" data-testid="legend-labels">
          {labels.map(([label, count]) => (
            <li key={label} className="legend-item">
              <LabelSwatch label={label} size={14} />
              <span className="legend-name">{label}</span>
              <span className="legend-count">{count}</span>
            </li>
          ))}
        </ul>
      )}
      <h2 className="section-title">Evidence certainty</h2>
      <ul className="legend-list">
        {CERTAINTY_ORDER.map((certainty) => (
          <li key={certainty} className="legend-item" title={CERTAINTY_STYLES[certainty].description}>
            <CertaintyLine certainty={certainty} />
            <span className="legend-text">
              <span className="legend-name">{CERTAINTY_STYLES[certainty].title}</span>
              <span className="legend-note">{CERTAINTY_STYLES[certainty].description}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
