/**
 * The status line, floating over the top of the canvas: the request the user is waiting on (with a
 * spinner), else the latest notice (dismissable), else a hint. Announced to screen readers politely.
 */
import type { Notice } from '../state/explorer-state.ts';
import './StatusLine.css';

interface StatusLineProps {
  busy: string | null;
  notice: Notice | null;
  onDismiss(): void;
}

export function StatusLine({ busy, notice, onDismiss }: StatusLineProps) {
  return (
    <div className="status-line" aria-live="polite" data-testid="status-line">
      {busy ? (
        <span className="floating-pill status-pill status-busy">
          <span className="spinner" aria-hidden="true" />
          {busy}
        </span>
      ) : notice ? (
        <span className={notice.kind === 'error' ? 'floating-pill status-pill status-notice error' : 'floating-pill status-pill status-notice'} key={notice.seq}>
          <span className="status-text">{notice.text}</span>
          <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss">
            ×
          </button>
        </span>
      ) : null}
    </div>
  );
}
