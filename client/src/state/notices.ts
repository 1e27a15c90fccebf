/**
 * The one-line notices the toolbar shows after a view change, and the English they are written in.
 */
import { nodeCaption } from '../graph/labels.ts';
import type { ExplorerState, Notice } from './explorer-types.ts';
import type { GraphData } from './graph-data.ts';

export function withNotice(state: ExplorerState, text: string, kind: Notice['kind'] = 'info', about?: Notice['about']): Pick<ExplorerState, 'notice' | 'seq'> {
  return { notice: { kind, text, seq: state.seq + 1, ...(about ? { about } : {}) }, seq: state.seq + 1 };
}

/**
 * The notice once the selection has changed by hand: one that reported on the selection before is gone (new-
 * user trial: "Selection inverted: 26 nodes selected." stayed beside a selection bar saying "1 node selected").
 */
export function noticeAfterSelecting(notice: Notice | null): Notice | null {
  return notice?.about === 'selection' ? null : notice;
}

export function nameOf(graph: GraphData, nodeId: string): string {
  const node = graph.nodes.get(nodeId);
  return node ? nodeCaption(node) : nodeId;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The sentence a notice adds when relationships were left out at the view's cap (`limit`: how many the
 * answer or the view kept, ViewGraph's `relationshipLimit`); '' when none were.
 */
export function relationshipCapNotice(limit: number | undefined): string {
  if (limit === undefined) return '';
  return ` Only ${limit.toLocaleString('en')} relationships among these nodes are drawn, the view's cap: others are left out.`;
}

export function expansionNotice(name: string, shown: number, total: number, added: number, filtered: boolean): string {
  const matching = filtered ? ' matching' : '';
  if (total > shown) return `Showing ${shown} of ${total}${matching} neighbours of ${name}.`;
  if (total === 0) return filtered ? `No neighbours of ${name} match.` : `${name} has no neighbours.`;
  if (added === 0) return `All ${total}${matching} neighbours of ${name} are in view.`;
  return `Added ${plural(added, `${filtered ? 'matching ' : ''}neighbour`)} of ${name}.`;
}
