/**
 * What covers the canvas while the first graph loads, when it failed (code, the API's message, a hint
 * and Retry), or when there is nothing to draw: an empty database, a shared link whose nodes are all gone,
 * or a view the analyst emptied (each says which: a link's missing nodes were shown as "The database is
 * empty", new-user trial).
 */
import { hintFor } from '../api/error-hints.ts';
import type { LoadState } from '../state/explorer-state.ts';
import './StatusOverlay.css';

interface StatusOverlayProps {
  overview: LoadState;
  /** Nothing is drawn: `database` (the overview found no node), `link` (none of its nodes exist), `view` (all removed). */
  empty: 'database' | 'link' | 'view' | null;
  onRetry(): void;
}

export function StatusOverlay({ overview, empty, onRetry }: StatusOverlayProps) {
  if (overview.status === 'loading') {
    return (
      <div className="overlay" data-testid="graph-loading" role="status">
        <span className="spinner spinner-large" aria-hidden="true" />
        <p>Loading graph…</p>
      </div>
    );
  }
  if (overview.status === 'failed') {
    const hint = hintFor(overview.code);
    return (
      <div className="overlay" role="alert">
        <div className="overlay-card error-card" data-testid="graph-error">
          <h2>Could not load the graph</h2>
          <p className="error-message">{overview.message}</p>
          {hint && <p className="muted">{hint}</p>}
          <p className="error-code">
            <code>{overview.code}</code>
          </p>
          <button type="button" className="button button-primary" onClick={onRetry}>
            Retry
          </button>
        </div>
      </div>
    );
  }
  if (empty) {
    return (
      <div className="overlay">
        <div className="overlay-card" data-testid="graph-empty" data-empty={empty}>
          {empty === 'database' ? (
            <>
              <h2>No nodes yet</h2>
              <p className="muted">The database is empty. Load the seed with <code>npm run seed</code>.</p>
            </>
          ) : (
            <>
              <h2>Nothing in view</h2>
              <p className="muted">
                {empty === 'link' ? "None of the shared view's nodes exist any more. " : ''}Search for an entity (<kbd>/</kbd>) or open a label in
                the schema.
              </p>
            </>
          )}
        </div>
      </div>
    );
  }
  return null;
}
