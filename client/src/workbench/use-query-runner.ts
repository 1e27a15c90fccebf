/**
 * Runs workbench queries: one at a time (a new run or Cancel aborts the one in flight), with the
 * parameters checked first, and the outcome as a small state machine the results area renders.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CypherResponse, JsonValue } from '../../../server/src/contract.ts';
import { ApiError, isAbort } from '../api/http.ts';
import { runCypher } from './cypher-api.ts';
import { describeError, type ErrorDescription, type FailedQuery } from './cypher-errors.ts';
import { parseParams } from './query-params.ts';

/** How a query is sent: as typed, or prefixed to get its plan. */
export type RunMode = 'run' | 'explain' | 'profile';

export interface RunDone {
  status: 'done';
  seq: number;
  mode: RunMode;
  result: CypherResponse;
  roundTripMs: number;
}

export type RunState =
  | { status: 'idle' }
  /** `previous`: the last result, still shown (dimmed) while the new one comes, so nothing jumps. */
  | { status: 'running'; seq: number; mode: RunMode; startedAt: number; previous?: RunDone }
  | RunDone
  | {
      status: 'failed';
      seq: number;
      error: ErrorDescription;
      /** The query as typed, and how many characters were put before it when sent (`EXPLAIN `). */
      query: string;
      prefixLength: number;
    };

const PLAN_PREFIX = /^\s*(EXPLAIN|PROFILE)\b/i;

/** The text to send for `mode`: EXPLAIN / PROFILE put in front unless the query already starts with one. */
export function queryToSend(query: string, mode: RunMode): { text: string; prefix: string } {
  if (mode === 'run' || PLAN_PREFIX.test(query)) return { text: query, prefix: '' };
  const prefix = mode === 'explain' ? 'EXPLAIN ' : 'PROFILE ';
  return { text: prefix + query, prefix };
}

export function useQueryRunner() {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const seq = useRef(0);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (query: string, paramsText: string, mode: RunMode) => {
    controller.current?.abort();
    const id = ++seq.current;
    const params = parseParams(paramsText);
    if (!params.ok) {
      setState({ status: 'failed', seq: id, query, prefixLength: 0, error: describeError({ code: 'PARAMS_INVALID', message: params.message }) });
      return;
    }
    const { text, prefix } = queryToSend(query, mode);
    const abort = new AbortController();
    controller.current = abort;
    const startedAt = performance.now();
    setState((current) => {
      const previous = current.status === 'done' ? current : current.status === 'running' ? current.previous : undefined;
      return { status: 'running', seq: id, mode, startedAt, ...(previous ? { previous } : {}) };
    });
    try {
      const result = await runCypher({ query: text, params: params.params }, abort.signal);
      if (id !== seq.current) return;
      setState({ status: 'done', seq: id, mode, result, roundTripMs: performance.now() - startedAt });
    } catch (error) {
      if (isAbort(error) || id !== seq.current) return;
      const failed: FailedQuery =
        error instanceof ApiError
          ? { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details as JsonValue } : {}) }
          : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
      setState({ status: 'failed', seq: id, query, prefixLength: prefix.length, error: describeError(failed) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    seq.current++;
    setState((current) => (current.status === 'running' && current.previous ? current.previous : { status: 'idle' }));
  }, []);

  return { state, run, cancel };
}
