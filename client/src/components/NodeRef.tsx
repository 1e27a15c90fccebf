/**
 * A node named inline (colour swatch + caption) that selects the node when clicked. A node that is not in
 * view shows its id; with `onOpen` it is still a button, which brings the node into view and selects it.
 */
import { displayLabel, nodeCaption } from '../graph/labels.ts';
import type { GraphData } from '../state/graph-data.ts';
import type { Selection } from '../state/selection.ts';
import { LabelSwatch } from './LabelChip.tsx';
import './NodeRef.css';

interface NodeRefProps {
  nodeId: string;
  graph: GraphData;
  onSelect(selection: Selection): void;
  /** Adds a node that is not in view, and selects it. */
  onOpen?(nodeId: string): void;
  /** Caption to show for a node not in view, when the caller knows it. */
  fallbackName?: string;
}

export function NodeRef({ nodeId, graph, onSelect, onOpen, fallbackName }: NodeRefProps) {
  const node = graph.nodes.get(nodeId);
  if (!node) {
    if (!onOpen) return <code className="node-ref-missing">{fallbackName ?? nodeId}</code>;
    return (
      <button type="button" className="button node-ref node-ref-out" onClick={() => onOpen(nodeId)} title="Not in view: add it and select it" data-node-id={nodeId}>
        <span className="node-ref-plus" aria-hidden="true">
          +
        </span>
        <span>{fallbackName ?? nodeId}</span>
      </button>
    );
  }
  return (
    <button type="button" className="button node-ref" onClick={() => onSelect({ kind: 'node', id: nodeId })} data-node-id={nodeId}>
      <LabelSwatch label={displayLabel(node.labels)} size={10} />
      <span>{nodeCaption(node)}</span>
    </button>
  );
}
