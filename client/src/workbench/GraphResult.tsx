/**
 * The graph of a result (every node, relationship and path in it, collected by the server), offered to
 * the main view: replace what is shown, or merge into it. Counts by label and type tell what will come.
 */
import type { CypherResponse, Graph } from '../../../server/src/contract.ts';
import { viewMaxNodes } from '../api/server-limits.ts';
import { LabelChip } from '../components/LabelChip.tsx';
import { displayLabel } from '../graph/labels.ts';

export type ShowGraphMode = 'replace' | 'merge';

function countBy<T>(items: readonly T[], key: (item: T) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

interface GraphResultProps {
  result: CypherResponse;
  /** What was last done with this result's graph, for the confirmation line. */
  shown: ShowGraphMode | null;
  onShow(graph: Graph, mode: ShowGraphMode): void;
}

export function GraphResult({ result, shown, onShow }: GraphResultProps) {
  const { nodes, relationships } = result.graph;
  if (nodes.length === 0) {
    return (
      <p className="wb-empty muted" data-testid="graph-result-empty">
        No nodes, relationships or paths in this result: see the table.
      </p>
    );
  }
  const labels = countBy(nodes, (node) => displayLabel(node.labels));
  const types = countBy(relationships, (rel) => rel.type);
  return (
    <div className="wb-graph-result" data-testid="graph-result">
      <p>
        <strong>{nodes.length}</strong> node{nodes.length === 1 ? '' : 's'} and <strong>{relationships.length}</strong> relationship
        {relationships.length === 1 ? '' : 's'}
        {result.truncation?.graph && (
          <span className="wb-warning-text" data-testid="graph-result-cut">
            {nodes.length >= viewMaxNodes()
              ? ` (cut at ${viewMaxNodes().toLocaleString('en')} nodes, what one view holds: narrow the query, or page it with SKIP and LIMIT)`
              : ` (cut at ${result.truncation.graph.maxRelationships.toLocaleString('en')} relationships, what one answer's graph holds)`}
          </span>
        )}
      </p>
      <div className="chips">
        {labels.map(([label, count]) => (
          <span key={label} className="wb-count-chip">
            <LabelChip label={label} /> {count}
          </span>
        ))}
        {types.map(([type, count]) => (
          <span key={type} className="wb-count-chip">
            <span className="wb-rel-type">:{type}</span> {count}
          </span>
        ))}
      </div>
      <div className="wb-graph-actions">
        <button type="button" className="button button-primary" data-testid="show-graph-replace" onClick={() => onShow(result.graph, 'replace')}>
          Show in view
        </button>
        <button type="button" className="button" data-testid="show-graph-merge" onClick={() => onShow(result.graph, 'merge')}>
          Add to view
        </button>
        <span className="muted small">
          {shown === 'replace'
            ? 'Shown in the main view, in place of what was there (undo brings it back).'
            : shown === 'merge'
              ? 'Added to the main view.'
              : '“Show” replaces the main view with this graph; “Add” merges it into what is shown.'}
        </span>
      </div>
    </div>
  );
}
