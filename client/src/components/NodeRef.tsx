/**
 * A node named inline (colour swatch + caption) that selects the node when clicked; plain text when the
 * node is not in view.
 */
import { displayLabel, nodeCaption } from '../graph/labels.ts';
import type { GraphData } from '../state/graph-data.ts';
import type { Selection } from '../state/selection.ts';
import { LabelSwatch } from './LabelChip.tsx';

interface NodeRefProps {
  nodeId: string;
  graph: GraphData;
  onSelect(selection: Selection): void;
}

export function NodeRef({ nodeId, graph, onSelect }: NodeRefProps) {
  const node = graph.nodes.get(nodeId);
  if (!node) return <code className="node-ref-missing">{nodeId}</code>;
  return (
    <button type="button" className="node-ref" onClick={() => onSelect({ kind: 'node', id: nodeId })}>
      <LabelSwatch label={displayLabel(node.labels)} size={10} />
      <span>{nodeCaption(node)}</span>
    </button>
  );
}
