/**
 * A node's evidence: every claim about it (its relationships) grouped by the source that made it and by
 * certainty; for a source, also every claim it made. Read from `GET /api/nodes/:id/evidence` (the whole
 * database); without that endpoint, from the relationships in view, and it says so. A claim opens its
 * relationship (adding it to the view when it isn't there).
 */
import { useEffect, useMemo, useState } from 'react';
import type { GraphNode, GraphRelationship } from '../../../server/src/contract.ts';
import type { EvidenceAnswer } from '../api/browse-types.ts';
import { fetchNodeEvidence } from '../api/graph-api.ts';
import { errorMessage, isAbort } from '../api/http.ts';
import { CERTAINTY_STYLES } from '../graph/certainty.ts';
import { nodeCaption } from '../graph/labels.ts';
import { groupClaims, sourceIdsOf, type ClaimGroup } from '../state/evidence.ts';
import { relationshipsOf, type GraphData } from '../state/graph-data.ts';
import type { Selection } from '../state/selection.ts';
import { CertaintyLine } from './CertaintyBadge.tsx';
import { NodeRef } from './NodeRef.tsx';
import './NodeEvidence.css';

interface NodeEvidenceProps {
  node: GraphNode;
  graph: GraphData;
  onSelect(selection: Selection): void;
  onOpenNode(nodeId: string): void;
  /** Shows a claim that is not in view: adds its relationship and both ends. */
  onShowClaim(relationship: GraphRelationship, nodes: GraphNode[]): void;
}

type EvidenceState = { status: 'loading' } | { status: 'ready'; answer: EvidenceAnswer | null } | { status: 'failed'; message: string };

function ClaimGroups(props: {
  groups: ClaimGroup[];
  node: GraphNode;
  graph: GraphData;
  known: ReadonlyMap<string, GraphNode>;
  /** Source ids that name no node in the database: shown as text, not as a link. */
  missing: ReadonlySet<string>;
  showSource: boolean;
  onSelect(selection: Selection): void;
  onOpenNode(nodeId: string): void;
  onClaim(relationship: GraphRelationship): void;
}) {
  const { groups, node, graph, known, missing, showSource } = props;
  const nameOf = (id: string) => {
    const other = graph.nodes.get(id) ?? known.get(id);
    return other ? nodeCaption(other) : id;
  };
  return (
    <ul className="plain-list claim-groups">
      {groups.map((group) => (
        <li key={group.sourceId || '(none)'} className="claim-group" data-testid="claim-group" data-source-id={group.sourceId}>
          {showSource && (
            <div className="claim-group-head">
              {group.sourceId === '' ? (
                <span className="muted">No source named</span>
              ) : missing.has(group.sourceId) ? (
                <span className="muted" title="No Source node has this id">
                  {group.sourceId} (unknown source)
                </span>
              ) : (
                <NodeRef nodeId={group.sourceId} graph={graph} onSelect={props.onSelect} onOpen={props.onOpenNode} fallbackName={nameOf(group.sourceId)} />
              )}
              <span className="count">{group.count}</span>
            </div>
          )}
          {group.byCertainty.map(({ certainty, claims }) => (
            <div key={certainty ?? '(none)'} className="claim-grade" data-certainty={certainty ?? ''}>
              <p className="claim-grade-title">
                {certainty && <CertaintyLine certainty={certainty} width={22} />}
                {certainty ? CERTAINTY_STYLES[certainty].title : 'No certainty'} <span className="count">{claims.length}</span>
              </p>
              <ul className="plain-list claim-list">
                {claims.map(({ relationship, quote }) => {
                  const outgoing = relationship.source === node.id;
                  const touches = outgoing || relationship.target === node.id;
                  const summary = touches
                    ? `${outgoing ? '→' : '←'} ${relationship.type} ${nameOf(outgoing ? relationship.target : relationship.source)}`
                    : `${nameOf(relationship.source)} ${relationship.type} ${nameOf(relationship.target)}`;
                  return (
                    <li key={relationship.id}>
                      <button type="button" className="claim" onClick={() => props.onClaim(relationship)} title="Show this relationship and its evidence">
                        <span className="claim-summary">{summary}</span>
                        {quote && <span className="claim-quote clamp-two-lines">“{quote}”</span>}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}

export function NodeEvidence({ node, graph, onSelect, onOpenNode, onShowClaim }: NodeEvidenceProps) {
  const [state, setState] = useState<EvidenceState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchNodeEvidence(node.id, controller.signal)
      .then((answer) => setState({ status: 'ready', answer }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [node.id]);

  const evidence = useMemo(() => {
    if (state.status !== 'ready') return null;
    const { answer } = state;
    // Without the endpoint: the relationships in view that touch the node or cite it.
    const inView = [...graph.relationships.values()];
    const about = answer ? answer.about : relationshipsOf(graph, node.id);
    const made = answer ? answer.made : inView.filter((rel) => sourceIdsOf(rel.properties).includes(node.id));
    return {
      about: groupClaims(about),
      made: groupClaims(made, node.id),
      known: new Map((answer?.nodes ?? []).map((n) => [n.id, n])),
      missing: new Set(answer?.missingSourceIds ?? []),
      count: about.length,
      madeCount: made.length,
      fromDatabase: answer !== null,
      truncated: answer?.truncated ?? false,
    };
  }, [state, graph, node.id]);

  if (state.status === 'loading') return <p className="muted small">Loading evidence…</p>;
  if (state.status === 'failed') return <p className="error-text small">Could not load the evidence: {state.message}</p>;
  if (!evidence) return null;

  const openClaim = (relationship: GraphRelationship) => {
    if (graph.relationships.has(relationship.id)) {
      onSelect({ kind: 'relationship', id: relationship.id });
      return;
    }
    const ends = [relationship.source, relationship.target].flatMap((id) => graph.nodes.get(id) ?? evidence.known.get(id) ?? []);
    onShowClaim(relationship, ends);
  };
  const sourceCount = evidence.about.filter((group) => group.sourceId !== '').length;

  return (
    <div className="node-evidence" data-testid="node-evidence" data-origin={evidence.fromDatabase ? 'database' : 'view'}>
      {!evidence.fromDatabase && <p className="muted small">From the relationships in view (this server has no evidence endpoint).</p>}
      {evidence.truncated && <p className="muted small">Only the first claims are listed: this node has more than the server sends at once.</p>}
      {evidence.madeCount > 0 && (
        <>
          <h4 className="mini-title" data-testid="claims-made-title">
            Claims it made ({evidence.madeCount})
          </h4>
          <ClaimGroups groups={evidence.made} node={node} graph={graph} known={evidence.known} missing={evidence.missing} showSource={false} onSelect={onSelect} onOpenNode={onOpenNode} onClaim={openClaim} />
        </>
      )}
      <h4 className="mini-title" data-testid="claims-about-title">
        Claims about it ({evidence.count}
        {sourceCount > 0 ? ` from ${sourceCount} source${sourceCount === 1 ? '' : 's'}` : ''})
      </h4>
      {evidence.count === 0 ? (
        <p className="muted small">No claims about this node.</p>
      ) : (
        <ClaimGroups groups={evidence.about} node={node} graph={graph} known={evidence.known} missing={evidence.missing} showSource onSelect={onSelect} onOpenNode={onOpenNode} onClaim={openClaim} />
      )}
    </div>
  );
}
