/**
 * Search as you type: debounced `/api/search`, results in a keyboard-navigable dropdown (↑ ↓ Enter Esc).
 * Choosing a result hands its node to `onChoose`; the App adds, selects and centres it.
 */
import { useEffect, useId, useState, type KeyboardEvent, type Ref } from 'react';
import type { GraphNode, SearchResult } from '../../../server/src/contract.ts';
import { searchNodes } from '../api/graph-api.ts';
import { errorMessage, isAbort } from '../api/http.ts';
import { displayLabel, nodeCaption } from '../graph/labels.ts';
import { useDebouncedValue } from '../state/use-debounced-value.ts';
import { LabelSwatch } from './LabelChip.tsx';

/** Wait after the last keystroke before searching: fast typists send one request, not one per letter. */
const SEARCH_DEBOUNCE_MS = 200;

type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; results: SearchResult[] }
  | { status: 'failed'; message: string };

interface SearchBoxProps {
  onChoose(node: GraphNode): void;
  inputRef?: Ref<HTMLInputElement>;
}

export function SearchBox({ onChoose, inputRef }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<SearchState>({ status: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const debounced = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const listId = useId();

  useEffect(() => {
    if (debounced === '') {
      setSearch({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setSearch({ status: 'loading' });
    searchNodes(debounced, undefined, controller.signal)
      .then((response) => {
        setSearch({ status: 'done', results: response.results });
        setActive(0);
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setSearch({ status: 'failed', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [debounced]);

  const results = search.status === 'done' ? search.results : [];
  const showDropdown = open && query.trim() !== '';

  const choose = (result: SearchResult | undefined) => {
    if (!result) return;
    onChoose(result.node);
    setQuery(nodeCaption(result.node));
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        setOpen(true);
        if (results.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + results.length) % results.length);
        return;
      }
      case 'Enter':
        if (showDropdown) {
          event.preventDefault();
          choose(results[active]);
        }
        return;
      case 'Escape':
        event.preventDefault();
        if (showDropdown) setOpen(false);
        else event.currentTarget.blur();
        return;
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;

  return (
    <div className="search">
      <div className="search-field">
        <svg className="search-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="m13 13 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          data-testid="search-input"
          placeholder="Search entities…"
          aria-label="Search entities"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showDropdown}
          aria-controls={listId}
          aria-activedescendant={showDropdown && results[active] ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <kbd className="search-kbd" aria-hidden="true">
          /
        </kbd>
      </div>
      {showDropdown && (
        <div className="search-dropdown" data-testid="search-results">
          {search.status === 'loading' && <p className="search-status">Searching…</p>}
          {search.status === 'failed' && <p className="search-status error-text">{search.message}</p>}
          {search.status === 'done' && results.length === 0 && (
            <p className="search-status">No matches for “{debounced}”.</p>
          )}
          <ul id={listId} role="listbox" aria-label="Search results">
            {results.map((result, i) => (
              <li
                key={result.node.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'search-option active' : 'search-option'}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(result)}
              >
                <span className="search-option-name">{nodeCaption(result.node)}</span>
                <span className="search-option-label">
                  <LabelSwatch label={displayLabel(result.node.labels)} size={9} />
                  {displayLabel(result.node.labels)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
