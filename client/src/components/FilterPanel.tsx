/**
 * Filters over what is in view: labels, relationship types, certainty grades and sources, each value with
 * its count; unticking hides those elements on the canvas without moving anything. "only" keeps one value
 * of a facet. The header says how much is hidden; the time window (from the timeline) shows here too. A
 * source filter hides, by default, the nodes it leaves without a shown relationship (a checkbox keeps them).
 */
import { useMemo } from 'react';
import { CERTAINTY_STYLES, isCertainty } from '../graph/certainty.ts';
import { nodeCaption } from '../graph/labels.ts';
import { facetCounts, setFacet, toggleFacet, FACETS, type Facet, type Filters, type HiddenElements } from '../state/filters.ts';
import type { GraphData } from '../state/graph-data.ts';
import { CertaintyLine } from './CertaintyBadge.tsx';
import { LabelSwatch } from './LabelChip.tsx';
import './FilterPanel.css';

interface FilterPanelProps {
  graph: GraphData;
  filters: Filters;
  hidden: HiddenElements;
  onChange(filters: Filters, change: string): void;
}

const FACET_TITLES: Record<Facet, string> = {
  labels: 'Labels',
  types: 'Relationship types',
  certainties: 'Certainty',
  sources: 'Sources',
};

export function FilterPanel({ graph, filters, hidden, onChange }: FilterPanelProps) {
  const counts = useMemo(() => facetCounts(graph), [graph]);

  const valueName = (facet: Facet, value: string): string => {
    if (facet === 'certainties') return value === '' ? 'No certainty' : isCertainty(value) ? CERTAINTY_STYLES[value].title : value;
    if (facet === 'sources') {
      if (value === '') return 'No source';
      const node = graph.nodes.get(value);
      return node ? nodeCaption(node) : value;
    }
    return value;
  };

  return (
    <div className="filters" data-testid="filter-panel">
      <p className="filter-summary" data-testid="filter-summary">
        {hidden.nodes.size + hidden.relationships.size === 0 ? (
          <span className="muted">Everything in view is shown.</span>
        ) : (
          <>
            <strong>{hidden.nodes.size}</strong> of {graph.nodes.size} nodes and <strong>{hidden.relationships.size}</strong> of{' '}
            {graph.relationships.size} relationships hidden.
          </>
        )}
      </p>
      {filters.timeRange && (
        <p className="filter-time">
          Time {filters.timeRange.from} – {filters.timeRange.to}
          <button type="button" className="link-button small" onClick={() => onChange({ ...filters, timeRange: null }, 'clear time filter')}>
            clear
          </button>
        </p>
      )}
      {(Object.keys(FACETS) as Facet[]).map((facet) => {
        const values = counts[facet];
        if (values.length === 0) return null;
        const hiddenValues = filters[FACETS[facet]];
        return (
          <fieldset key={facet} className="facet" data-testid={`facet-${facet}`}>
            <legend>
              {FACET_TITLES[facet]}
              {hiddenValues.length > 0 && (
                <button type="button" className="link-button small" onClick={() => onChange(setFacet(filters, facet, []), `show all ${FACET_TITLES[facet].toLowerCase()}`)}>
                  show all
                </button>
              )}
            </legend>
            <ul className="plain-list">
              {values.map(({ value, count }) => {
                const shown = !hiddenValues.includes(value);
                const name = valueName(facet, value);
                return (
                  <li key={value} className={shown ? 'facet-value' : 'facet-value off'}>
                    <label className="check-row" title={facet === 'types' || facet === 'labels' ? value : name}>
                      <input
                        type="checkbox"
                        checked={shown}
                        data-facet={facet}
                        data-value={value}
                        onChange={() => onChange(toggleFacet(filters, facet, value), `${shown ? 'hide' : 'show'} ${name}`)}
                      />
                      {facet === 'labels' && <LabelSwatch label={value} size={10} />}
                      {facet === 'certainties' && isCertainty(value) && <CertaintyLine certainty={value} width={22} />}
                      <span className={facet === 'types' ? 'facet-name mono' : 'facet-name'}>{name}</span>
                      <span className="count">{count}</span>
                    </label>
                    <button
                      type="button"
                      className="only-button"
                      title={`Show only ${name}`}
                      onClick={() =>
                        onChange(
                          setFacet(filters, facet, values.map((v) => v.value).filter((v) => v !== value)),
                          `only ${name}`,
                        )
                      }
                    >
                      only
                    </button>
                  </li>
                );
              })}
            </ul>
            {facet === 'sources' && hiddenValues.length > 0 && (
              <label className="check-row small orphans" data-testid="filter-hide-orphans">
                <input
                  type="checkbox"
                  checked={!filters.keepOrphans}
                  onChange={(event) =>
                    onChange({ ...filters, keepOrphans: !event.target.checked }, event.target.checked ? 'hide nodes left without relationships' : 'keep nodes left without relationships')
                  }
                />
                Hide nodes left without a shown relationship{hidden.orphans > 0 ? ` (${hidden.orphans})` : ''}
              </label>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
