/**
 * Requests the view waits on (expansion, opening a node, paths, samples), made so that an undo or redo
 * cancels them: each outcome carries the view revision it answers to (AnswerTo, which the reducer checks),
 * and the request itself is aborted, so a late answer neither lands on the wrong view nor costs a download.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';
import { isAbort } from '../api/http.ts';

/** One request the view waits on. */
export interface ViewRequest {
  /** The view revision its outcome answers to: pass it as the action's `revision`. */
  revision: number;
  /** Aborted by an undo or redo. */
  signal: AbortSignal;
}

export type RunViewRequest = (work: (request: ViewRequest) => Promise<void>, onError: (error: unknown, request: ViewRequest) => void) => Promise<void>;

/**
 * Returns `run(work, onError)`: runs `work` as a request the view waits on, and reports a failure to
 * `onError` unless an undo or redo cancelled it meanwhile.
 */
export function useViewRequests(viewRevision: number): RunViewRequest {
  const pending = useRef(new Set<AbortController>());
  const revision = useRef(viewRevision);
  useLayoutEffect(() => {
    if (revision.current === viewRevision) return;
    revision.current = viewRevision;
    for (const controller of pending.current) controller.abort();
    pending.current.clear();
  }, [viewRevision]);

  return useCallback(async (work, onError) => {
    const controller = new AbortController();
    pending.current.add(controller);
    const request = { revision: revision.current, signal: controller.signal };
    try {
      await work(request);
    } catch (error) {
      if (!isAbort(error) && !controller.signal.aborted) onError(error, request);
    } finally {
      pending.current.delete(controller);
    }
  }, []);
}
