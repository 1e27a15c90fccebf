/** Messages between the page and the layout worker (layout-worker.ts). */
import type { LayoutJob, LayoutPositions } from './layout-engine.ts';

export interface LayoutRequestMessage {
  id: number;
  job: LayoutJob;
}

export type LayoutReplyMessage =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; positions: LayoutPositions }
  | { id: number; type: 'failed'; message: string };
