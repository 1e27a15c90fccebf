/**
 * The query history in a panel: newest first, each entry loads into the editor (or runs at once).
 */
import type { HistoryEntry } from './query-history.ts';
import './HistoryList.css';

export function timeAgo(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(iso).toLocaleDateString();
}

interface HistoryListProps {
  entries: readonly HistoryEntry[];
  onLoad(entry: HistoryEntry): void;
  onRun(entry: HistoryEntry): void;
  onClear(): void;
}

export function HistoryList({ entries, onLoad, onRun, onClear }: HistoryListProps) {
  return (
    <div className="wb-list-panel" data-testid="history-panel">
      <div className="wb-list-header">
        <strong>History</strong>
        <span className="muted small">last {entries.length} of at most 100</span>
        <button type="button" className="button wb-button-small" disabled={entries.length === 0} onClick={onClear}>
          Clear
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="muted small wb-list-empty">Queries you run appear here.</p>
      ) : (
        <ul className="wb-list">
          {entries.map((entry) => (
            <li key={`${entry.ranAt}-${entry.query}`}>
              <button type="button" className="wb-list-entry" onClick={() => onLoad(entry)} title="Load into the editor">
                <code className="wb-list-query clamp-two-lines">{entry.query}</code>
                <span className="muted small">
                  {timeAgo(entry.ranAt)}
                  {entry.params.trim() !== '' ? ' · with parameters' : ''}
                </span>
              </button>
              <button type="button" className="button wb-button-small" onClick={() => onRun(entry)} title="Run it again">
                Run
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
