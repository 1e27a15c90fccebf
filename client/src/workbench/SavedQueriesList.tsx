/**
 * Saved queries in a panel: save the current query under a name, load or delete one, and export the
 * list to a JSON file or import one (validated; the first problem is named).
 */
import { useRef, useState } from 'react';
import { downloadText } from './clipboard.ts';
import { exportSavedQueries, parseSavedQueriesFile, SavedQueriesImportError, type SavedQuery } from './saved-queries.ts';
import './SavedQueriesList.css';

interface SavedQueriesListProps {
  queries: readonly SavedQuery[];
  /** The editor has a query to save. */
  canSave: boolean;
  onSave(name: string): void;
  onLoad(entry: SavedQuery): void;
  onDelete(name: string): void;
  onImport(imported: SavedQuery[]): { added: number; replaced: number };
}

export const EXPORT_FILE_NAME = 'kg-explorer-saved-queries.json';

export function SavedQueriesList({ queries, canSave, onSave, onLoad, onDelete, onImport }: SavedQueriesListProps) {
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const exists = queries.some((entry) => entry.name === name.trim());

  const importFile = async (file: File) => {
    try {
      const imported = parseSavedQueriesFile(await file.text());
      const { added, replaced } = onImport(imported);
      setMessage({ kind: 'info', text: `Imported ${imported.length} quer${imported.length === 1 ? 'y' : 'ies'} from ${file.name}: ${added} new, ${replaced} replaced.` });
    } catch (error) {
      const text = error instanceof SavedQueriesImportError ? error.message.replace(/^parseSavedQueriesFile: /, '') : String(error);
      setMessage({ kind: 'error', text: `${file.name} was not imported: ${text}` });
    }
  };

  return (
    <div className="wb-list-panel" data-testid="saved-panel">
      <form
        className="wb-save-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!canSave || name.trim() === '') return;
          onSave(name.trim());
          setMessage({ kind: 'info', text: `Saved as “${name.trim()}”.` });
          setName('');
        }}
      >
        <input
          className="field wb-input"
          value={name}
          placeholder="Name for the current query"
          aria-label="Name for the current query"
          maxLength={200}
          data-testid="save-name"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button-primary wb-button-small" disabled={!canSave || name.trim() === ''}>
          {exists ? 'Overwrite' : 'Save'}
        </button>
      </form>
      {message && <p className={message.kind === 'error' ? 'wb-list-message error-text' : 'wb-list-message muted'}>{message.text}</p>}
      {queries.length === 0 ? (
        <p className="muted small wb-list-empty">No saved queries yet.</p>
      ) : (
        <ul className="wb-list">
          {queries.map((entry) => (
            <li key={entry.name}>
              <button type="button" className="wb-list-entry" onClick={() => onLoad(entry)} title="Load into the editor">
                <span className="wb-list-name">{entry.name}</span>
                <code className="wb-list-query clamp-two-lines">{entry.query}</code>
              </button>
              <button type="button" className="button wb-button-small" onClick={() => onDelete(entry.name)} aria-label={`Delete ${entry.name}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="wb-list-footer">
        <button
          type="button"
          className="button wb-button-small"
          disabled={queries.length === 0}
          onClick={() => downloadText(exportSavedQueries(queries), EXPORT_FILE_NAME)}
        >
          Export…
        </button>
        <button type="button" className="button wb-button-small" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
    </div>
  );
}
