/**
 * The layout queue: layouts, placements and camera moves that wait for the one before them, so a focus
 * request never moves the view to a node that a running layout is still placing.
 */
import { useRef, type RefObject } from 'react';
import type { Core } from 'cytoscape';

/** Queues `step` after every step queued before it; resolves when it is done (or failed, logged). */
export type Enqueue = (step: (cy: Core) => Promise<unknown> | void) => Promise<void>;

export function useLayoutQueue(cyRef: RefObject<Core | null>): { enqueue: Enqueue; reset(): void } {
  /** Settles when the last queued layout has finished; layouts and focus moves wait on it in turn. */
  const layoutQueue = useRef<Promise<void>>(Promise.resolve());
  const enqueue: Enqueue = (step) => {
    layoutQueue.current = layoutQueue.current
      .then(() => {
        const cy = cyRef.current;
        return cy ? step(cy)?.then(() => undefined) : undefined;
      })
      // One failed layout must not block the ones queued after it.
      .catch((error: unknown) => console.error('GraphCanvas: a layout step failed.', error));
    return layoutQueue.current;
  };
  return {
    enqueue,
    reset: () => {
      layoutQueue.current = Promise.resolve();
    },
  };
}
