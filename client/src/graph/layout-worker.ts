/**
 * The layout worker: computes one layout job at a time (layout-engine.ts) off the page's thread, reporting
 * progress as it goes. Cancelling is terminating the worker; the page starts a new one for the next job.
 */
import { computeLayout } from './layout-engine.ts';
import type { LayoutReplyMessage, LayoutRequestMessage } from './layout-messages.ts';

/** Fewest ms between two progress messages: the page redraws its progress bar at most this often. */
const PROGRESS_EVERY_MS = 100;

const reply = (message: LayoutReplyMessage) => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', (event: MessageEvent<LayoutRequestMessage>) => {
  const { id, job } = event.data;
  let last = 0;
  try {
    const positions = computeLayout(job, (fraction) => {
      const now = performance.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      reply({ id, type: 'progress', fraction });
    });
    reply({ id, type: 'done', positions });
  } catch (error) {
    reply({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
