/**
 * Search as you type: debounced `/api/search`, results in a keyboard-navigable dropdown (↑ ↓ Enter Esc)
 * with each node's label and the snippet that matched, its matches marked. Enter chooses the result marked
 * (the first when none is);
 * Shift+Enter (or the "+ neighbours" button) chooses it with its neighbours. Also used as the node picker
 * of the path form (`allowNeighbours` off).
 */
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { SEARCH_QUERY_MAX_CHARS, type GraphNode, type SearchCoverage } from '../../../server/src/contract.ts';
import type { SearchResult, SearchSnippet } from '../../../server/src/contract.ts';
import { noMatchesMessage, nothingToFindMessage, searchQuery } from '../../../server/src/graph/search-text.ts';
import { searchNodes } from '../api/graph-api.ts';
import { errorMessage, isAbort } from '../api/http.ts';
import { displayLabel, nodeCaption } from '../graph/labels.ts';
import { useDebouncedValue } from '../state/use-debounced-value.ts';
import { LabelSwatch } from './LabelChip.tsx';
import './SearchBox.css';

/** Wait after the last keystroke before searching: fast typists send one request, not one per letter. */
const SEARCH_DEBOUNCE_MS = 200;
/** Labels named per list in the coverage note; the rest are counted. */
const COVERAGE_LABELS_SHOWN = 4;

type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; q: string; results: SearchResult[]; coverage: SearchCoverage }
  | { status: 'failed'; message: string };

interface SearchBoxProps {
  onChoose(node: GraphNode, options: { withNeighbours: boolean }): void;
  inputRef?: Ref<HTMLInputElement>;
  placeholder?: string;
  /** Offer "with neighbours" (Shift+Enter and a button per result). */
  allowNeighbours?: boolean;
  /** Shown in the field's right corner: the shortcut that focuses it. */
  shortcut?: ReactNode;
  testId?: string;
  /** The field's accessible name. */
  label?: string;
  /** Let the dropdown spill beyond the field's width (the main search, over the canvas). */
  wide?: boolean;
  /**
   * The text in the box (trimmed, after the debounce) and the ids of the nodes its search found, once the
   * search has answered; '' and none when the box is cleared, when the search found nothing or has nothing
   * to find, and while the text is the caption of the result just chosen: the canvas marks the matches in view.
   */
  onMatches?(text: string, nodeIds: readonly string[]): void;
  /** Nodes in view the canvas rings as matches: the list says how many, since it may cover them. */
  ringedInView?: number;
}

/** The snippet's text with each highlighted range in <mark>; ranges are clamped and may come unsorted. */
export function HighlightedText({ snippet }: { snippet: SearchSnippet }) {
  const ranges = snippet.highlights
    .map(([start, end]) => [Math.max(0, start), Math.min(snippet.text.length, end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return <>{parts}</>;
}

/**
 * One line saying how a search reached labels the full-text index leaves out, or undefined when the index
 * covered every label: "Searched Person, Place by index; Character by scan (first 10,000 nodes)". Long label
 * lists are cut to their first few and a count.
 */
export function searchCoverageNote({ byIndex, byScan, scanLimits, scanCut }: SearchCoverage): string | undefined {
  if (byScan.length === 0) return undefined;
  const names = (labels: string[]) => (labels.length <= COVERAGE_LABELS_SHOWN ? labels.join(', ') : `${labels.slice(0, COVERAGE_LABELS_SHOWN).join(', ')} and ${labels.length - COVERAGE_LABELS_SHOWN} more`);
  const bound =
    scanCut === 'nodes'
      ? ` (first ${scanLimits.maxNodes.toLocaleString('en-US')} nodes only)`
      : scanCut === 'time'
        ? ` (stopped after ${scanLimits.maxMs / 1000} s: no results from it)`
        : '';
  const scanned = `${names(byScan)} by scan${bound}`;
  return byIndex.length === 0 ? `Searched ${scanned}; no full-text index.` : `Searched ${names(byIndex)} by index; ${scanned}.`;
}

export function SearchBox({
  onChoose,
  inputRef,
  placeholder = 'Search entities…',
  allowNeighbours = true,
  shortcut,
  testId = 'search-input',
  label = 'Search entities',
  wide = false,
  onMatches,
  ringedInView = 0,
}: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<SearchState>({ status: 'idle' });
  const [open, setOpen] = useState(false);
  /**
   * The result ↑ ↓ or the mouse is on, -1 for none: the first ArrowDown goes to the first result (new-user
   * trial: with the first one marked from the start, ArrowDown then Enter chose the second). Enter with
   * none chooses the first.
   */
  const [active, setActive] = useState(-1);
  /** Enter pressed before the results of the text in the box came: the first of them is chosen when they come. */
  const [pending, setPending] = useState<{ q: string; withNeighbours: boolean } | null>(null);
  /**
   * The chosen result's caption, put in the box when it was chosen: it marks nothing on the canvas until
   * the text is edited (fourth new-user trial: after Enter on "Ukraine", 19 of the 27 nodes stayed faded,
   * the reason folded away with the sidebar at 800 px).
   */
  const [chosenText, setChosenText] = useState<string | null>(null);
  const debounced = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const listId = useId();

  useEffect(() => {
    if (debounced === '') {
      setSearch({ status: 'idle' });
      return;
    }
    // No word to find ("NOT russia", "(("): said here, without a request the server would refuse with a 400
    // (each logged a failed request in the console: second new-user trial).
    const { terms, excluded } = searchQuery(debounced);
    if (terms.length === 0) {
      setSearch({ status: 'failed', message: nothingToFindMessage(excluded) });
      return;
    }
    const controller = new AbortController();
    setSearch({ status: 'loading' });
    searchNodes(debounced, undefined, controller.signal)
      .then((response) => {
        setSearch({ status: 'done', q: debounced, results: response.results, coverage: response.coverage });
        setActive(-1);
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setSearch({ status: 'failed', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [debounced]);

  const results = search.status === 'done' ? search.results : [];
  // The canvas marks what the search answered, once it has: when it found nothing, nothing (the canvas's
  // own rules fold accents, and "ü" rang 11 nodes beside "No matches": fourth new-user trial).
  useEffect(() => {
    const chosen = chosenText !== null && debounced === chosenText.trim();
    if (debounced === '' || search.status === 'failed' || chosen) onMatches?.('', []);
    else if (search.status === 'done' && search.q === debounced) {
      onMatches?.(search.results.length > 0 ? debounced : '', search.results.map((result) => result.node.id));
    }
  }, [debounced, search, chosenText]);
  const coverageNote = search.status === 'done' ? searchCoverageNote(search.coverage) : undefined;
  const showDropdown = open && query.trim() !== '';

  const choose = (result: SearchResult | undefined, withNeighbours: boolean) => {
    if (!result) return;
    onChoose(result.node, { withNeighbours: allowNeighbours && withNeighbours });
    setQuery(nodeCaption(result.node));
    setChosenText(nodeCaption(result.node));
    setOpen(false);
  };
  // The list shown is of the text in the box only once its search has answered: until then (the debounce,
  // the request) it is the previous text's, and Enter chose from it (new-user trial: "ukraine" typed and
  // Enter pressed at once selected the KCNA treaty text, first for "korea").
  const answered = search.status === 'done' && search.q === query.trim();
  useEffect(() => {
    if (!pending || pending.q !== query.trim()) return;
    if (search.status === 'failed') setPending(null);
    if (search.status !== 'done' || search.q !== pending.q) return;
    setPending(null);
    choose(search.results[0], pending.withNeighbours);
  }, [pending, search]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        setOpen(true);
        if (results.length === 0) return;
        const n = results.length;
        setActive((i) => (event.key === 'ArrowDown' ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
        return;
      }
      case 'Enter':
        if (showDropdown) {
          event.preventDefault();
          if (answered) choose(results[active] ?? results[0], event.shiftKey);
          else setPending({ q: query.trim(), withNeighbours: event.shiftKey });
        }
        return;
      case 'Escape':
        // The first Esc closes the results, to see the matches ringed on the canvas; the next clears the
        // text, so the canvas is no longer faded, and leaves the box for what holds it (a peeking sidebar
        // folds back then, so this Esc is not marked handled: use-sidebar.ts). Before, the text stayed and so
        // did the fading.
        if (showDropdown) {
          event.preventDefault();
          setOpen(false);
        } else {
          setQuery('');
          event.currentTarget.blur();
        }
        return;
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;

  return (
    <div className={wide ? 'search search-wide' : 'search'}>
      <div className="search-field">
        <svg className="search-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="m13 13 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          data-testid={testId}
          placeholder={placeholder}
          aria-label={label}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showDropdown}
          aria-controls={listId}
          aria-activedescendant={showDropdown && results[active] ? optionId(active) : undefined}
          autoComplete="off"
          maxLength={SEARCH_QUERY_MAX_CHARS}
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setChosenText(null);
            setPending(null);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {shortcut && (
          <span className="search-kbd" aria-hidden="true">
            {shortcut}
          </span>
        )}
      </div>
      {showDropdown && (
        <div className="search-dropdown" data-testid={`${testId}-results`}>
          {ringedInView > 0 && (
            <p className="search-ringed" data-testid={`${testId}-ringed`}>
              {ringedInView === 1 ? '1 node in view matches' : `${ringedInView.toLocaleString('en')} nodes in view match`}, ringed on the canvas ·{' '}
              <kbd>Esc</kbd> closes this list
            </p>
          )}
          {search.status === 'loading' && <p className="search-status">Searching…</p>}
          {search.status === 'failed' && <p className="search-status error-text">{search.message}</p>}
          {search.status === 'done' && results.length === 0 && (
            <p className="search-status" data-testid={`${testId}-none`}>
              {noMatchesMessage(search.q)}
            </p>
          )}
          <ul id={listId} role="listbox" aria-label="Search results" aria-busy={!answered} className={answered ? undefined : 'search-stale'}>
            {results.map((result, i) => {
              const shownLabel = result.label || displayLabel(result.node.labels);
              const caption = nodeCaption(result.node);
              // A match in the caption itself is marked there rather than repeated as a snippet.
              const nameMatched = result.snippet?.text === caption;
              return (
                <li
                  key={result.node.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'search-option active' : 'search-option'}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={(event) => choose(result, event.shiftKey)}
                >
                  <span className="search-option-head">
                    <span className="search-option-name">
                      {nameMatched ? <HighlightedText snippet={result.snippet} /> : caption}
                    </span>
                    <span className="search-option-label">
                      <LabelSwatch label={displayLabel(result.node.labels)} size={9} />
                      {shownLabel}
                    </span>
                    {allowNeighbours && (
                      <button
                        type="button"
                        className="mini-button search-with-neighbours"
                        tabIndex={-1}
                        title="Add with its neighbours (Shift+Enter)"
                        data-testid="search-with-neighbours"
                        onClick={(event) => {
                          event.stopPropagation();
                          choose(result, true);
                        }}
                      >
                        + neighbours
                      </button>
                    )}
                  </span>
                  {result.snippet && !nameMatched && (
                    <span className="search-snippet clamp-two-lines" data-testid="search-snippet">
                      <span className="search-snippet-field">{result.snippet.field}</span>
                      <HighlightedText snippet={result.snippet} />
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {coverageNote && (
            <p className="search-status" data-testid={`${testId}-coverage`}>
              {coverageNote}
            </p>
          )}
          {allowNeighbours && results.length > 0 && (
            <p className="search-footer">
              <kbd>↵</kbd> add · <kbd>⇧</kbd>
              <kbd>↵</kbd> add with neighbours
            </p>
          )}
        </div>
      )}
    </div>
  );
}
