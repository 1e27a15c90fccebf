/**
 * What a workbench answer left out (the API's `truncation`), in words: one phrase per cut, in the order
 * rows, bytes, values, graph. Used by the result line, the summary and the graph tab.
 */
import type { CypherResponse } from '../../../server/src/contract.ts';

const count = (n: number): string => n.toLocaleString('en-US');

/** `bytes` as MB (2^20 bytes) with at most one decimal: 8388608 → "8 MB". */
function megabytes(bytes: number): string {
  return `${Number((bytes / 2 ** 20).toFixed(1))} MB`;
}

/** The cuts of `result` in a few words, for the one-line result summary: "rows, values, graph". */
export function cutNames(result: Pick<CypherResponse, 'truncated' | 'truncation'>): string {
  const cut = result.truncation;
  if (!result.truncated || !cut) return result.truncated ? "the server's limits" : '';
  const names = [cut.rowLimit !== undefined || cut.answerBytes !== undefined ? 'rows' : '', cut.values ? 'values' : '', cut.graph ? 'graph' : ''];
  return names.filter(Boolean).join(', ');
}

/**
 * The cuts of `result`, e.g. ["rows cut at 1,000 (the row limit)", "3 values shortened (lists and maps to
 * 1,000 entries, strings to 100,000 characters)"]; [] when nothing was cut. An answer that says it was
 * truncated without saying how (an older server) gives ["cut at the server's limits"].
 */
export function truncationPhrases(result: Pick<CypherResponse, 'truncated' | 'truncation' | 'rows'>): string[] {
  if (!result.truncated) return [];
  const cut = result.truncation;
  if (!cut) return ["cut at the server's limits"];
  const phrases: string[] = [];
  if (cut.rowLimit !== undefined) phrases.push(`rows cut at ${count(cut.rowLimit)} (the row limit)`);
  if (cut.answerBytes !== undefined) {
    phrases.push(`rows cut at ${count(result.rows.length)}: the answer reached ${megabytes(cut.answerBytes)}, what one answer may carry`);
  }
  if (cut.values) {
    const { count: shortened, maxItems, maxStringChars } = cut.values;
    phrases.push(
      `${count(shortened)} value${shortened === 1 ? '' : 's'} shortened (lists and maps to ${count(maxItems)} entries, strings to ${count(maxStringChars)} characters)`,
    );
  }
  if (cut.graph) phrases.push(`graph cut at ${count(cut.graph.maxNodes)} nodes and ${count(cut.graph.maxRelationships)} relationships`);
  return phrases;
}
