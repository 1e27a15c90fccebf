/**
 * The legend: the display labels present in the view (colour, shape, icon, count, with the user's
 * styles), the certainty line styles, and the style rules in effect with the values they span.
 */
import { useMemo } from 'react';
import { CERTAINTY_ORDER, CERTAINTY_STYLES } from '../graph/certainty.ts';
import { LABEL_STYLES, displayLabel } from '../graph/labels.ts';
import type { RuleDomain } from '../graph/style-settings.ts';
import type { GraphData } from '../state/graph-data.ts';
import { CertaintyLine } from './CertaintyBadge.tsx';
import { LabelSwatch } from './LabelChip.tsx';
import './Legend.css';

function formatValue(value: number): string {
  return Math.abs(value) >= 1e4 ? Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value) : String(value);
}

/** How one rule draws: a sample at each end of its range, with the values there. */
function RuleLegend({ domain }: { domain: RuleDomain }) {
  const { rule, min, max } = domain;
  const what = rule.match === '' ? (rule.target === 'nodes' ? 'nodes' : 'relationships') : rule.match;
  const sample = (t: number) => {
    if (rule.mapping === 'width') {
      const width = rule.min + (rule.max - rule.min) * t;
      return (
        <svg width="34" height="14" aria-hidden="true">
          <line x1="2" y1="7" x2="32" y2="7" stroke="currentColor" strokeWidth={Math.min(12, width)} strokeLinecap="round" />
        </svg>
      );
    }
    if (rule.mapping === 'size') {
      const r = Math.min(7, 2 + 5 * t);
      return (
        <svg width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r={r} fill="currentColor" />
        </svg>
      );
    }
    return <span className="swatch" style={{ background: t === 0 ? (rule.minColor ?? '#9ecae1') : (rule.maxColor ?? '#08519c'), width: 12, height: 12 }} />;
  };
  return (
    <li className="legend-item legend-rule" data-testid="legend-rule">
      <span className="legend-text">
        <span className="legend-name">
          {rule.property} → {rule.mapping === 'width' ? 'line width' : rule.mapping === 'size' ? 'node size' : 'colour'}
        </span>
        <span className="legend-note">
          {what}, {domain.count} in view
        </span>
        <span className="legend-scale">
          {sample(0)} {formatValue(min)}
          {max !== min && (
            <>
              <span className="muted">…</span>
              {sample(1)} {formatValue(max)}
            </>
          )}
        </span>
      </span>
    </li>
  );
}

const REGISTRY_ORDER = new Map(LABEL_STYLES.map((style, i) => [style.label, i]));

/**
 * Display labels in view with their node counts, drawn and in all (the filters may hide some): known
 * labels in registry order, then the rest A–Z.
 */
function labelCounts(graph: GraphData, hiddenNodeIds: ReadonlySet<string>): Array<[string, { drawn: number; all: number }]> {
  const counts = new Map<string, { drawn: number; all: number }>();
  for (const node of graph.nodes.values()) {
    const label = displayLabel(node.labels);
    const count = counts.get(label) ?? { drawn: 0, all: 0 };
    count.all += 1;
    if (!hiddenNodeIds.has(node.id)) count.drawn += 1;
    counts.set(label, count);
  }
  const rank = (label: string) => REGISTRY_ORDER.get(label) ?? Number.MAX_SAFE_INTEGER;
  return [...counts].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** `hiddenNodeIds`: nodes the filters hide; a label's count is what is drawn ("2 of 6" when some are hidden). */
export function Legend({
  graph,
  hiddenNodeIds,
  loading,
  ruleDomains = [],
}: {
  graph: GraphData;
  hiddenNodeIds: ReadonlySet<string>;
  loading: boolean;
  ruleDomains?: readonly RuleDomain[];
}) {
  const labels = useMemo(() => labelCounts(graph, hiddenNodeIds), [graph, hiddenNodeIds]);
  return (
    <section className="legend" aria-label="Legend">
      <h2 className="section-title">Node labels</h2>
      {labels.length === 0 ? (
        <p className="muted small">{loading ? 'Loading…' : 'No nodes in view.'}</p>
      ) : (
        <ul className="plain-list legend-list" data-testid="legend-labels">
          {labels.map(([label, count]) => (
            <li key={label} className="legend-item">
              <LabelSwatch label={label} size={14} />
              <span className="legend-name">{label}</span>
              <span className="legend-count" title={count.drawn < count.all ? `${count.all - count.drawn} hidden by the filters` : undefined}>
                {count.drawn < count.all ? `${count.drawn} of ${count.all}` : count.all}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2 className="section-title">Evidence certainty</h2>
      <ul className="plain-list legend-list">
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
      {ruleDomains.length > 0 && (
        <>
          <h2 className="section-title">Style rules</h2>
          <ul className="plain-list legend-list">
            {ruleDomains.map((domain) => (
              <RuleLegend key={domain.rule.id} domain={domain} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
