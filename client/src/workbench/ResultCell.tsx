/**
 * One value of a result row, readable: nodes as their label and caption, relationships as their type,
 * paths as the chain they walk, each opening to its properties; everything else as the explorer's
 * PropertyValue shows properties (numbers grouped, temporals and points with their type, nested lists).
 */
import type { GraphNode, JsonValue } from '../../../server/src/contract.ts';
import { LabelChip } from '../components/LabelChip.tsx';
import { PropertyList, PropertyValue } from '../components/PropertyValue.tsx';
import { displayLabel, nodeCaption } from '../graph/labels.ts';
import { isNodeValue, isPathValue, isRelationshipValue, type PathValue } from './result-values.ts';
import './ResultCell.css';

function NodeCell({ node }: { node: GraphNode }) {
  return (
    <details className="wb-element">
      <summary>
        <LabelChip label={displayLabel(node.labels)} />
        <span className="wb-element-caption">{nodeCaption(node)}</span>
      </summary>
      <p className="wb-element-labels muted small">
        {node.labels.map((label) => `:${label}`).join('')} · id <code>{node.id}</code>
      </p>
      <PropertyList properties={node.properties} />
    </details>
  );
}

function PathCell({ path }: { path: PathValue }) {
  const count = path.segments.length;
  let at = path.start.elementId;
  return (
    <span className="wb-path" title={`Path of ${count} relationship${count === 1 ? '' : 's'}`}>
      <span className="wb-path-node">{nodeCaption(path.start)}</span>
      {path.segments.map((segment, i) => {
        const forward = segment.relationship.startElementId === at;
        const next = forward ? segment.end : segment.start;
        at = next.elementId;
        return (
          <span key={i} className="wb-path-step">
            <span className="wb-rel-type">
              {forward ? '-' : '<-'}[:{segment.relationship.type}]{forward ? '->' : '-'}
            </span>
            <span className="wb-path-node">{nodeCaption(next)}</span>
          </span>
        );
      })}
    </span>
  );
}

export function ResultCell({ value }: { value: JsonValue | undefined }) {
  if (value === undefined) return <span className="muted">—</span>;
  if (isNodeValue(value)) return <NodeCell node={value} />;
  if (isRelationshipValue(value)) {
    const empty = Object.keys(value.properties).length === 0;
    if (empty) return <span className="wb-rel-type">:{value.type}</span>;
    return (
      <details className="wb-element">
        <summary>
          <span className="wb-rel-type">:{value.type}</span>
        </summary>
        <PropertyList properties={value.properties} />
      </details>
    );
  }
  if (isPathValue(value)) return <PathCell path={value} />;
  return <PropertyValue value={value} />;
}
