/**
 * The Cypher workbench: the query editor (highlighting, completion from the database's schema, problems
 * underlined as you type), its JSON parameters, history and saved queries, and the results of a run as
 * graph (sent to the main view), table, JSON, plan and summary. Read-only: the server refuses writes.
 *
 * Self-contained: the explorer gives it the colour scheme and a way to show a graph in the main view.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Graph } from '../../../server/src/contract.ts';
import type { ColorScheme } from '../graph/theme.ts';
import { CypherEditor, type CypherEditorHandle } from './CypherEditor.tsx';
import { offsetOf, withoutPrefix } from './cypher-errors.ts';
import { tokenRangeAt, type ServerMark } from './cypher-language.ts';
import { BUILTIN_SCHEMA, loadEditorSchema, type EditorSchema } from './editor-schema.ts';
import { ErrorView } from './ErrorView.tsx';
import { GraphResult, type ShowGraphMode } from './GraphResult.tsx';
import { HistoryList } from './HistoryList.tsx';
import { browserStore, readJson, STORAGE_KEYS, writeJson } from '../state/storage.ts';
import { ParamsEditor } from './ParamsEditor.tsx';
import { PlanTree } from './PlanTree.tsx';
import { Popover } from './Popover.tsx';
import { addToHistory, loadHistory, saveHistory, type HistoryEntry } from './query-history.ts';
import { parseParams, withParameter } from './query-params.ts';
import { ResultJson } from './ResultJson.tsx';
import { formatMs, ResultSummary } from './ResultSummary.tsx';
import { ResultTable } from './ResultTable.tsx';
import { SavedQueriesList } from './SavedQueriesList.tsx';
import { deleteQuery, loadSavedQueries, mergeImported, saveQuery, storeSavedQueries, type SavedQuery } from './saved-queries.ts';
import { useQueryRunner, type RunDone, type RunMode, type RunState } from './use-query-runner.ts';
import { cutNames, truncationPhrases } from './truncation.ts';
import './Workbench.css';

export interface WorkbenchProps {
  scheme: ColorScheme;
  /** Shows a query's graph in the main view, replacing what is there or merged into it. */
  onShowGraph(graph: Graph, mode: ShowGraphMode): void;
  /** True while the workbench is on screen: turning true focuses the query editor. */
  active?: boolean;
  /** Shown at the end of the workbench's toolbar (the drawer puts its close button there). */
  toolbarEnd?: ReactNode;
}

type ResultTab = 'graph' | 'table' | 'json' | 'plan' | 'summary';

/** What a first visit finds in the editor: a query that shows something on any database. */
const DEFAULT_DRAFT = { query: 'MATCH (n)-[r]->(m)\nRETURN n, r, m\nLIMIT 25', params: '' };

function decodeDraft(value: unknown): { query: string; params: string } {
  if (typeof value !== 'object' || value === null) return DEFAULT_DRAFT;
  const { query, params } = value as Record<string, unknown>;
  return { query: typeof query === 'string' ? query : DEFAULT_DRAFT.query, params: typeof params === 'string' ? params : '' };
}

/** The tab a new result opens on: its plan (there is one only when asked for), its graph when it has one, else the table. */
function firstTab(state: RunDone): ResultTab {
  if (state.result.summary.plan) return 'plan';
  return state.result.graph.nodes.length > 0 ? 'graph' : 'table';
}

export function Workbench({ scheme, onShowGraph, active = true, toolbarEnd }: WorkbenchProps) {
  const store = useMemo(() => browserStore(), []);
  const [draft] = useState(() => readJson(store, STORAGE_KEYS.workbenchDraft, decodeDraft, DEFAULT_DRAFT));
  const [query, setQuery] = useState(draft.query);
  const [params, setParams] = useState(draft.params);
  const [history, setHistory] = useState<HistoryEntry[]>(() => loadHistory(store));
  const [saved, setSaved] = useState<SavedQuery[]>(() => loadSavedQueries(store));
  const [editorSchema, setEditorSchema] = useState<EditorSchema>(BUILTIN_SCHEMA);
  const [schemaStatus, setSchemaStatus] = useState<'loading' | 'ready'>('loading');
  const [tab, setTab] = useState<ResultTab>('graph');
  const [shown, setShown] = useState<{ seq: number; mode: ShowGraphMode } | null>(null);
  const editor = useRef<CypherEditorHandle>(null);
  const { state, run, cancel } = useQueryRunner();

  // The first visit's sample query is selected, so a query typed in replaces it instead of running into it
  // (new-user trial: "…LIMIT 50MATCH (n)-[r]->(m)…", a syntax error); a query of the user's own is not.
  useEffect(() => {
    if (active) editor.current?.focus({ selectAll: query === DEFAULT_DRAFT.query });
  }, [active]);

  useEffect(() => void writeJson(store, STORAGE_KEYS.workbenchDraft, { query, params }), [store, query, params]);
  useEffect(() => void saveHistory(store, history), [store, history]);
  useEffect(() => void storeSavedQueries(store, saved), [store, saved]);

  const refreshSchema = useCallback((signal?: AbortSignal) => {
    setSchemaStatus('loading');
    loadEditorSchema(undefined, signal).then((loaded) => {
      if (signal?.aborted) return;
      setEditorSchema(loaded);
      setSchemaStatus('ready');
    });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    refreshSchema(controller.signal);
    return () => controller.abort();
  }, [refreshSchema]);

  // The parameters as the editor's schema sees them: `$name` completes, and an undefined one is flagged.
  const parsedParams = useMemo(() => parseParams(params), [params]);
  const schema = useMemo(
    () => (parsedParams.ok ? { ...editorSchema.schema, parameters: parsedParams.params } : editorSchema.schema),
    [editorSchema, parsedParams],
  );

  const start = useCallback(
    (mode: RunMode, entry?: { query: string; params: string }) => {
      const text = entry?.query ?? query;
      const paramsText = entry?.params ?? params;
      if (text.trim() === '') return;
      setHistory((current) => addToHistory(current, { query: text, params: paramsText, ranAt: new Date().toISOString() }));
      void run(text, paramsText, mode);
    },
    [query, params, run],
  );

  // A new result opens on its most telling tab.
  useEffect(() => {
    if (state.status === 'done') setTab(firstTab(state));
  }, [state]);

  const serverMark = useMemo<ServerMark | null>(() => {
    if (state.status !== 'failed' || !state.error.position || state.query !== query) return null;
    const offset = offsetOf(query, withoutPrefix(state.error.position, state.prefixLength));
    return { ...tokenRangeAt(query, offset), message: state.error.message };
  }, [state, query]);

  const load = (entry: { query: string; params: string }) => {
    setQuery(entry.query);
    setParams(entry.params);
    editor.current?.focus();
  };

  const labels = editorSchema.schema.labels?.length;
  const types = editorSchema.schema.relationshipTypes?.length;

  return (
    <div className="workbench" data-testid="workbench">
      <div className="wb-toolbar">
        <button
          type="button"
          className="button button-primary"
          onClick={() => start('run')}
          disabled={query.trim() === ''}
          data-testid="run-query"
          title="Run the query (Ctrl+Enter)"
        >
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
          </svg>
          Run <kbd className="wb-kbd">Ctrl+Enter</kbd>
        </button>
        <button type="button" className="button" onClick={() => start('explain')} disabled={query.trim() === ''} title="Show the plan without running the query">
          Explain
        </button>
        <button type="button" className="button" onClick={() => start('profile')} disabled={query.trim() === ''} title="Run the query and show its plan with rows and db hits">
          Profile
        </button>
        <Popover label="History" title="Query history" testId="history-button">
          {(close) => (
            <HistoryList
              entries={history}
              onLoad={(entry) => {
                load(entry);
                close();
              }}
              onRun={(entry) => {
                load(entry);
                start('run', entry);
                close();
              }}
              onClear={() => setHistory([])}
            />
          )}
        </Popover>
        <Popover label="Saved" title="Saved queries" testId="saved-button">
          {(close) => (
            <SavedQueriesList
              queries={saved}
              canSave={query.trim() !== ''}
              onSave={(name) => setSaved((current) => saveQuery(current, { name, query, params, savedAt: new Date().toISOString() }))}
              onLoad={(entry) => {
                load(entry);
                close();
              }}
              onDelete={(name) => setSaved((current) => deleteQuery(current, name))}
              onImport={(imported) => {
                const merged = mergeImported(saved, imported);
                setSaved(merged.queries);
                return merged;
              }}
            />
          )}
        </Popover>
        <span
          className="wb-schema-status muted small"
          data-testid="schema-status"
          data-state={schemaStatus}
          title={
            schemaStatus === 'loading'
              ? undefined
              : `Completion and checks know the database's labels, relationship types and property keys, and ${
                  editorSchema.registry === 'builtin' ? "Cypher 5's built-in functions and procedures" : 'its functions and procedures'
                }.`
          }
        >
          {schemaStatus === 'loading' ? (
            'Reading the schema…'
          ) : (
            <>
              Schema: {labels ?? 0} labels, {types ?? 0} types
              <button type="button" className="link-button wb-refresh" onClick={() => refreshSchema()} title="Read the schema again" aria-label="Read the schema again">
                ↻
              </button>
            </>
          )}
        </span>
        {toolbarEnd}
      </div>

      <div className="wb-editors">
        <div className="wb-query">
          <CypherEditor ref={editor} value={query} onChange={setQuery} onRun={() => start('run')} schema={schema} scheme={scheme} serverMark={serverMark} />
        </div>
        <div className="wb-params">
          <div className="wb-params-label">
            <span>Parameters</span>
            <span className="muted small" title="A JSON object; $name in the query is its value for name">JSON</span>
          </div>
          <ParamsEditor value={params} onChange={setParams} onRun={() => start('run')} scheme={scheme} />
          {!parsedParams.ok && (
            <p className="wb-params-error error-text small" data-testid="params-error">
              {parsedParams.message}
            </p>
          )}
        </div>
      </div>

      <Results
        state={state}
        tab={tab}
        onTab={setTab}
        onCancel={cancel}
        shown={shown && state.status === 'done' && shown.seq === state.seq ? shown.mode : null}
        onShowGraph={(graph, mode) => {
          if (state.status === 'done') setShown({ seq: state.seq, mode });
          onShowGraph(graph, mode);
        }}
        onAddParameter={(name) => {
          const next = withParameter(params, name);
          if (next !== null) setParams(next);
        }}
      />
    </div>
  );
}

interface ResultsProps {
  state: RunState;
  tab: ResultTab;
  onTab(tab: ResultTab): void;
  onCancel(): void;
  shown: ShowGraphMode | null;
  onShowGraph(graph: Graph, mode: ShowGraphMode): void;
  onAddParameter(name: string): void;
}

function RunningTimer({ startedAt }: { startedAt: number }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return <span>{formatMs(now - startedAt)}</span>;
}

function Results({ state, tab, onTab, onCancel, shown, onShowGraph, onAddParameter }: ResultsProps) {
  const running =
    state.status === 'running' ? (
      <p className="wb-running status-busy" data-testid="workbench-running">
        <span className="spinner" aria-hidden="true" /> Running… <RunningTimer startedAt={state.startedAt} />
        <button type="button" className="button wb-button-small" onClick={onCancel}>
          Cancel
        </button>
      </p>
    ) : null;
  if (state.status === 'failed') {
    return (
      <div className="wb-results wb-results-scroll" data-run={state.seq}>
        <ErrorView error={state.error} onAddParameter={onAddParameter} />
      </div>
    );
  }
  const done = state.status === 'done' ? state : state.status === 'running' ? state.previous : undefined;
  if (!done) {
    return (
      <div className="wb-results wb-results-idle">
        {running ?? (
          <p className="muted">
            Write a query and run it with <kbd>Ctrl</kbd>+<kbd>Enter</kbd>. Completion opens as you type (<kbd>Ctrl</kbd>+<kbd>Space</kbd> asks for it);
            Explain shows the plan without running the query.
          </p>
        )}
      </div>
    );
  }
  const { result } = done;
  const plan = result.summary.plan;
  const tabs: Array<[ResultTab, string]> = [
    ['graph', `Graph${result.graph.nodes.length > 0 ? ` (${result.graph.nodes.length})` : ''}`],
    ['table', `Table (${result.rows.length})`],
    ['json', 'JSON'],
    ...(plan ? ([['plan', 'Plan']] as Array<[ResultTab, string]>) : []),
    ['summary', 'Summary'],
  ];
  const current = tab === 'plan' && !plan ? 'table' : tab;
  const { summary } = result;
  return (
    <div className={running ? 'wb-results wb-results-stale' : 'wb-results'} data-testid={running ? undefined : 'workbench-results'} data-run={running ? undefined : done.seq}>
      <div className="wb-tabs" role="tablist" aria-label="Result views">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`wb-tab-${id}`}
            aria-selected={current === id}
            aria-controls="wb-tabpanel"
            className={current === id ? 'wb-tab wb-tab-active' : 'wb-tab'}
            data-testid={`result-tab-${id}`}
            onClick={() => onTab(id)}
          >
            {label}
          </button>
        ))}
        {running ?? (
          <span className="wb-result-line muted small" data-testid="result-line">
            {result.rows.length} row{result.rows.length === 1 ? '' : 's'} · first after {formatMs(summary.resultAvailableAfterMs)} · last after{' '}
            {formatMs(summary.resultAvailableAfterMs + summary.resultConsumedAfterMs)}
            {result.truncated && (
              <>
                {' · '}
                <button
                  type="button"
                  className="link-button wb-warning-text"
                  data-testid="result-line-cut"
                  title={truncationPhrases(result).join('; ')}
                  onClick={() => onTab('summary')}
                >
                  <strong>truncated: {cutNames(result)}</strong>
                </button>
              </>
            )}
            {summary.notifications.length > 0 && (
              <button type="button" className="link-button wb-notes-link" onClick={() => onTab('summary')}>
                {summary.notifications.length} notification{summary.notifications.length === 1 ? '' : 's'}
              </button>
            )}
          </span>
        )}
      </div>
      <div className="wb-tabpanel" id="wb-tabpanel" role="tabpanel" aria-labelledby={`wb-tab-${current}`} inert={running ? true : undefined}>
        {current === 'graph' && <GraphResult result={result} shown={shown} onShow={onShowGraph} />}
        {current === 'table' && <ResultTable result={result} />}
        {current === 'json' && <ResultJson result={result} />}
        {current === 'plan' && plan && <PlanTree plan={plan} profiled={plan.dbHits !== undefined} />}
        {current === 'summary' && <ResultSummary result={result} roundTripMs={done.roundTripMs} />}
      </div>
    </div>
  );
}
