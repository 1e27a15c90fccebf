/**
 * Find paths: two node pickers (search, or "use selection"), a certainty floor (the weakest grade a link
 * may have, in the filters' five levels, or any link), and the outcome: the shortest paths listed and highlighted on the canvas, or a clear
 * "no path". "Path from here" in the node panel fills the start and waits for a click on the other end.
 */
import { useEffect, useState } from 'react';
import { LIMITS, type Certainty, type GraphNode } from '../../../server/src/contract.ts';
import { CERTAINTY_ORDER, CERTAINTY_STYLES, certaintyFloorTitle, certaintyOf, isCertainty } from '../graph/certainty.ts';
import { nodeCaption } from '../graph/labels.ts';
import type { PathHighlight } from '../state/explorer-state.ts';
import type { GraphData } from '../state/graph-data.ts';
import type { Selection } from '../state/selection.ts';
import type { PathOptions } from '../state/use-explorer.ts';
import { CertaintyBadge } from './CertaintyBadge.tsx';
import { NodeRef } from './NodeRef.tsx';
import { SearchBox } from './SearchBox.tsx';
import './PathPanel.css';

interface PathPanelProps {
  graph: GraphData;
  selection: Selection;
  paths: PathHighlight | null;
  picking: string | null;
  options: PathOptions;
  onOptionsChange(options: PathOptions): void;
  /** `maxLength`: the longest path to look for, in relationships (default: the API's, 6). */
  onFind(fromId: string, toId: string, minCertainty: Certainty | null, maxLength?: number): void;
  onClear(): void;
  onCancelPick(): void;
  onSelect(selection: Selection): void;
}

/** How a result names its floor: ", confirmed links only" / ", links reported or stronger". */
function floorPhrase(floor: Certainty | null): string {
  if (floor === null) return '';
  return floor === 'confirmed' ? ' through confirmed links only' : ` through links ${CERTAINTY_STYLES[floor].title.toLowerCase()} or stronger`;
}

type End = { id: string; name: string } | null;

function EndPicker(props: { title: string; end: End; selectedNode: GraphNode | undefined; testId: string; onChange(end: End): void }) {
  const { title, end, selectedNode, testId, onChange } = props;
  return (
    <div className="path-end">
      <span className="path-end-title">{title}</span>
      {end ? (
        <span className="path-end-chosen" data-testid={`${testId}-chosen`}>
          <span className="path-end-name">{end.name}</span>
          <button type="button" className="link-button" aria-label={`Clear ${title}`} onClick={() => onChange(null)}>
            ×
          </button>
        </span>
      ) : (
        <>
          <SearchBox
            onChoose={(node) => onChange({ id: node.id, name: nodeCaption(node) })}
            allowNeighbours={false}
            placeholder="Search a node…"
            testId={testId}
            label={`Path ${title}`}
          />
          {selectedNode && (
            <button type="button" className="link-button small use-selection" onClick={() => onChange({ id: selectedNode.id, name: nodeCaption(selectedNode) })}>
              use {nodeCaption(selectedNode)}
            </button>
          )}
        </>
      )}
    </div>
  );
}

export function PathPanel(props: PathPanelProps) {
  const { graph, selection, paths, picking, options } = props;
  const [from, setFrom] = useState<End>(null);
  const [to, setTo] = useState<End>(null);
  const selectedNode = selection?.kind === 'node' ? graph.nodes.get(selection.id) : undefined;
  const nameOf = (id: string) => {
    const node = graph.nodes.get(id);
    return node ? nodeCaption(node) : id;
  };

  // A path found from elsewhere ("path from here" + click) shows its ends in the form.
  useEffect(() => {
    if (!paths) return;
    setFrom({ id: paths.fromId, name: nameOf(paths.fromId) });
    setTo({ id: paths.toId, name: nameOf(paths.toId) });
  }, [paths]);

  return (
    <div className="path-panel" data-testid="path-panel">
      {picking && (
        <p className="path-picking" data-testid="path-picking">
          From <strong>{nameOf(picking)}</strong>: click the other end on the canvas.
          <button type="button" className="link-button small" onClick={props.onCancelPick}>
            cancel
          </button>
        </p>
      )}
      <EndPicker title="from" end={from} selectedNode={selectedNode} testId="path-from" onChange={setFrom} />
      <EndPicker title="to" end={to} selectedNode={selectedNode} testId="path-to" onChange={setTo} />
      <label className="path-floor">
        <span>Weakest link</span>
        <select
          value={options.minCertainty ?? ''}
          data-testid="path-floor"
          title="The weakest certainty a link on the path may have: the filters' five grades, strongest first"
          onChange={(event) => {
            const minCertainty = isCertainty(event.target.value) ? event.target.value : null;
            props.onOptionsChange({ minCertainty });
            // The paths shown between the chosen ends are searched again at the new floor, rather than stay
            // up under a floor the select no longer says (new-user trial).
            if (paths && from?.id === paths.fromId && to?.id === paths.toId) props.onFind(paths.fromId, paths.toId, minCertainty);
          }}
        >
          <option value="">Any link</option>
          {CERTAINTY_ORDER.map((grade) => (
            <option key={grade} value={grade}>
              {certaintyFloorTitle(grade)}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={!from || !to || from.id === to.id}
          data-testid="path-find"
          onClick={() => from && to && props.onFind(from.id, to.id, options.minCertainty)}
        >
          Find shortest paths
        </button>
        {paths && (
          <button type="button" className="button" onClick={props.onClear} data-testid="path-clear">
            Clear
          </button>
        )}
      </div>
      {paths && paths.count === 0 && paths.stoppedEarly && (
        <p className="path-none" role="status" data-testid="path-stopped">
          The search between <strong>{nameOf(paths.fromId)}</strong> and <strong>{nameOf(paths.toId)}</strong> stopped early: finding
          a longer path would read too much of the graph. Try a certainty floor or a shorter maximum length.
        </p>
      )}
      {paths && paths.count === 0 && !paths.stoppedEarly && (
        <p className="path-none" role="status" data-testid="path-none">
          No path of up to {paths.maxLength} step{paths.maxLength === 1 ? '' : 's'} between <strong>{nameOf(paths.fromId)}</strong> and{' '}
          <strong>{nameOf(paths.toId)}</strong>
          {floorPhrase(paths.minCertainty)}.
          {paths.maxLength < LIMITS.pathLengthMax && (
            <button
              type="button"
              className="link-button"
              data-testid="path-longer"
              onClick={() => props.onFind(paths.fromId, paths.toId, paths.minCertainty, LIMITS.pathLengthMax)}
            >
              Search up to {LIMITS.pathLengthMax} steps
            </button>
          )}
        </p>
      )}
      {paths && paths.count > 0 && (
        <div className="path-result" data-testid="path-result">
          <p>
            <strong>{paths.count}</strong> shortest path{paths.count === 1 ? '' : 's'} of <strong>{paths.length}</strong> step
            {paths.length === 1 ? '' : 's'}
            {floorPhrase(paths.minCertainty)}.
          </p>
          <ol className="path-routes">
            {paths.routes.slice(0, 8).map((route, i) => (
              <li key={i}>
                {route.map((id, j) => (
                  <span key={id} className="path-step">
                    {j > 0 && <RouteLink graph={graph} from={route[j - 1] as string} to={id} highlighted={paths.relationshipIds} onSelect={props.onSelect} />}
                    <NodeRef nodeId={id} graph={graph} onSelect={props.onSelect} />
                  </span>
                ))}
              </li>
            ))}
          </ol>
          {paths.routes.length > 8 && <p className="muted small">and {paths.routes.length - 8} more, all highlighted.</p>}
        </div>
      )}
    </div>
  );
}

/**
 * The step between two consecutive nodes of a route: the type and certainty of each highlighted
 * relationship joining them (in either direction), a click selects it.
 */
function RouteLink(props: { graph: GraphData; from: string; to: string; highlighted: readonly string[]; onSelect(selection: Selection): void }) {
  const { graph, from, to } = props;
  const joining = props.highlighted.flatMap((id) => {
    const rel = graph.relationships.get(id);
    return rel && ((rel.source === from && rel.target === to) || (rel.source === to && rel.target === from)) ? [rel] : [];
  });
  if (joining.length === 0) return <span className="arrow">—</span>;
  return (
    <span className="path-link" data-testid="path-link">
      {joining.map((rel) => {
        const certainty = certaintyOf(rel.properties);
        return (
          <button key={rel.id} type="button" className="link-button path-link-type" onClick={() => props.onSelect({ kind: 'relationship', id: rel.id })}>
            <span className="arrow">{rel.source === from ? '—' : '←'}</span>
            <span className="mono small">{rel.type}</span>
            {/* The badge and the closing arrow wrap together: wrapped alone, the arrow read as an empty step. */}
            <span className="path-link-end">
              {certainty && <CertaintyBadge certainty={certainty} />}
              <span className="arrow">{rel.source === from ? '→' : '—'}</span>
            </span>
          </button>
        );
      })}
    </span>
  );
}
