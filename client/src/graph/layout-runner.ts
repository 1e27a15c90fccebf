/**
 * The page's side of the layout worker: runs one layout job at a time off the page's thread, with progress
 * and cancel. A new job cancels the running one. When no worker can start (no Worker support, a strict
 * CSP), jobs run on the page's thread instead: slower to answer, same positions.
 */
import { computeLayout, type LayoutJob, type LayoutPositions } from './layout-engine.ts';
import type { LayoutReplyMessage, LayoutRequestMessage } from './layout-messages.ts';

/** A running layout: `result` is its positions, or null when it was cancelled (by `cancel` or a newer job). */
export interface LayoutRun {
  result: Promise<LayoutPositions | null>;
  cancel(): void;
}

interface Running {
  id: number;
  settle(positions: LayoutPositions | null): void;
  fail(error: Error): void;
  onProgress(fraction: number): void;
}

let worker: Worker | null = null;
let workerFailed = false;
let running: Running | null = null;
let nextId = 1;

declare global {
  interface Window {
    /** Layout jobs started on this page, for browser tests (one layout per change). Nothing else reads it. */
    __layoutJobs?: number;
  }
}

function startWorker(): Worker | null {
  if (worker || workerFailed) return worker;
  try {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'layout' });
  } catch (error) {
    workerFailed = true;
    console.warn('GraphCanvas: the layout worker could not start; layouts run on the page.', error);
    return null;
  }
  worker.addEventListener('message', (event: MessageEvent<LayoutReplyMessage>) => {
    const message = event.data;
    if (!running || message.id !== running.id) return;
    if (message.type === 'progress') running.onProgress(message.fraction);
    else if (message.type === 'done') finish(running).settle(message.positions);
    else finish(running).fail(new Error(message.message));
  });
  worker.addEventListener('error', (event) => {
    const current = running;
    stopWorker();
    if (current) finish(current).fail(new Error(`The layout worker failed: ${event.message}`));
  });
  return worker;
}

function finish(run: Running): Running {
  if (running === run) running = null;
  return run;
}

function stopWorker(): void {
  worker?.terminate();
  worker = null;
}

/** Cancels the running job, if any: its `result` resolves to null. */
export function cancelLayout(): void {
  const current = running;
  if (!current) return;
  running = null;
  stopWorker(); // the only way to stop a synchronous computation midway
  current.settle(null);
}

/**
 * Starts `job` (cancelling the running one) and reports progress (0..1) as the worker computes. The result
 * rejects only when the layout itself fails (an unknown name, a library error).
 */
export function startLayout(job: LayoutJob, onProgress: (fraction: number) => void = () => undefined): LayoutRun {
  cancelLayout();
  const id = nextId++;
  if (typeof window !== 'undefined') window.__layoutJobs = (window.__layoutJobs ?? 0) + 1;
  const result = new Promise<LayoutPositions | null>((resolve, reject) => {
    const run: Running = { id, settle: resolve, fail: reject, onProgress };
    const target = startWorker();
    if (!target) {
      try {
        resolve(computeLayout(job, onProgress));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
      return;
    }
    running = run;
    target.postMessage({ id, job } satisfies LayoutRequestMessage);
  });
  return {
    result,
    cancel: () => {
      if (running?.id === id) cancelLayout();
    },
  };
}
