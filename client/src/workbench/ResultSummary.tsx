/**
 * The summary of a run: what kind of query it was, how long the database took to the first row and to
 * the last, how many rows came back and whether the answer was cut, update counters, and Neo4j's
 * notifications (warnings about the query: unknown labels, cartesian products, deprecations).
 */
import type { CypherResponse } from '../../../server/src/contract.ts';
import { truncationPhrases } from './truncation.ts';
import './ResultSummary.css';

const QUERY_TYPES: Readonly<Record<string, string>> = {
  r: 'read',
  w: 'write',
  rw: 'read and write',
  s: 'schema',
};

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function ResultSummary({ result, roundTripMs }: { result: CypherResponse; roundTripMs: number }) {
  const { summary } = result;
  const counters = Object.entries(summary.counters ?? {}).filter(([, value]) => value !== 0);
  return (
    <div className="wb-summary" data-testid="result-summary">
      <dl className="wb-facts">
        <div>
          <dt>Query type</dt>
          <dd>
            {QUERY_TYPES[summary.queryType] ?? summary.queryType} <code className="muted">{summary.queryType}</code>
          </dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd>{result.rows.length.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>First row after</dt>
          <dd>{formatMs(summary.resultAvailableAfterMs)}</dd>
        </div>
        <div>
          <dt>Last row after</dt>
          <dd>{formatMs(summary.resultAvailableAfterMs + summary.resultConsumedAfterMs)}</dd>
        </div>
        <div>
          <dt>Round trip</dt>
          <dd>{formatMs(roundTripMs)}</dd>
        </div>
        <div>
          <dt>Graph</dt>
          <dd>
            {result.graph.nodes.length} nodes, {result.graph.relationships.length} relationships
          </dd>
        </div>
        <div>
          <dt>Truncated</dt>
          <dd data-testid="summary-truncated">
            {result.truncated ? <strong className="wb-warning-text">yes: {truncationPhrases(result).join('; ')}</strong> : 'no'}
          </dd>
        </div>
        <div>
          <dt>Changes</dt>
          <dd>{counters.length === 0 ? 'none' : counters.map(([name, value]) => `${name}: ${value}`).join(', ')}</dd>
        </div>
      </dl>
      <h3 className="section-title">Notifications</h3>
      {summary.notifications.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="plain-list wb-notifications">
          {summary.notifications.map((note, index) => (
            <li key={index} className={note.severity === 'WARNING' ? 'wb-notification wb-notification-warning' : 'wb-notification'}>
              <strong>{note.title}</strong>
              <span className="muted small">
                {' '}
                {note.severity}
                {note.position ? ` · line ${note.position.line}, column ${note.position.column}` : ''}
              </span>
              <p>{note.description}</p>
              <code className="muted small">{note.code}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
