/**
 * The canvas toolbar: layout choice and re-run, fit, and the status line (work in progress, notices).
 */
import { LAYOUTS } from '../graph/layouts.ts';
import type { Notice } from '../state/explorer-state.ts';

interface ToolbarProps {
  layoutName: string;
  disabled: boolean;
  busy: string | null;
  notice: Notice | null;
  onLayoutChange(name: string): void;
  onRunLayout(): void;
  onFit(): void;
  onDismissNotice(): void;
}

export function Toolbar(props: ToolbarProps) {
  const { layoutName, disabled, busy, notice } = props;
  return (
    <div className="toolbar" role="toolbar" aria-label="Graph tools">
      <label className="toolbar-field">
        <span className="toolbar-label">Layout</span>
        <select
          value={layoutName}
          disabled={disabled}
          data-testid="layout-select"
          onChange={(event) => props.onLayoutChange(event.target.value)}
        >
          {LAYOUTS.map((layout) => (
            <option key={layout.name} value={layout.name}>
              {layout.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" disabled={disabled} onClick={props.onRunLayout} data-testid="layout-run">
        <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
          <path d="M16 10a6 6 0 1 1-1.8-4.3M16 3v3.5h-3.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Re-run layout
      </button>
      <button type="button" className="button" disabled={disabled} onClick={props.onFit} data-testid="fit">
        <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
          <path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Fit
      </button>
      <div className="toolbar-status" aria-live="polite" data-testid="status-line">
        {busy ? (
          <span className="status-busy">
            <span className="spinner" aria-hidden="true" />
            {busy}
          </span>
        ) : notice ? (
          <span className={notice.kind === 'error' ? 'status-notice error-text' : 'status-notice'} key={notice.seq}>
            {notice.text}
            <button type="button" className="link-button" onClick={props.onDismissNotice} aria-label="Dismiss">
              ×
            </button>
          </span>
        ) : (
          <span className="muted">Double-click a node to expand it</span>
        )}
      </div>
    </div>
  );
}
