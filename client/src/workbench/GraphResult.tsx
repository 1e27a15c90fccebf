/**
 * The graph of a result (every node, relationship and path in it, collected by the server), offered to
 * the main view: replace what is shown, or merge into it. Counts by label and type tell what will come.
 */
import type { CypherResponse, Graph } from '../../../server/src/contract.ts';
import { viewMaxNodes } from '../api/server-limits.ts';
import { LabelChip } from '../components/LabelChip.tsx';
import { displayLabel } from '../graph/labels.ts';
import './GraphResult.css';

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
            {graphCutText(nodes.length, relationships.length, result.truncation.graph)}
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

/**
 * What a graph cut at the view's caps says: the relationships when they reached their cap (the nodes may
 * then be whole: a query of exactly 20,000 nodes said "cut at 20,000 nodes" when 56,924 relationships were
 * what was cut), the nodes when only they did, both when both did.
 */
export function graphCutText(nodes: number, relationships: number, caps: { maxNodes: number; maxRelationships: number }): string {
  const n = caps.maxNodes.toLocaleString('en');
  const r = caps.maxRelationships.toLocaleString('en');
  const advice = 'what one view holds: narrow the query, or page it with SKIP and LIMIT';
  if (relationships >= caps.maxRelationships && nodes >= caps.maxNodes) return ` (cut at ${n} nodes and ${r} relationships, ${advice})`;
  if (relationships >= caps.maxRelationships) return ` (cut at ${r} relationships among its nodes, ${advice})`;
  return ` (cut at ${n} nodes, ${advice})`;
}
