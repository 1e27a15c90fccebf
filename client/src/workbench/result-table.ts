/**
 * The table view's logic: sorting rows by a column (click cycles ascending → descending → as returned)
 * and turning rows into TSV or CSV text for the clipboard.
 */
import type { JsonValue } from '../../../server/src/contract.ts';
import { isJsonObject, isNodeValue, taggedText, valueText } from './result-values.ts';

export type Row = Record<string, JsonValue>;
export type SortDirection = 'asc' | 'desc';

export interface TableSort {
  column: string;
  direction: SortDirection;
}

/** The sort after a click on `column`'s header: ascending, then descending, then back to the server's order. */
export function nextSort(current: TableSort | null, column: string): TableSort | null {
  if (current?.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

/** Order of kinds when a column mixes them: numbers, then text-like values, booleans, lists, maps; nulls last. */
function kindRank(value: JsonValue | undefined): number {
  if (value === null || value === undefined) return 5;
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  if (Array.isArray(value)) return 3;
  return isJsonObject(value) && (isNodeValue(value) || typeof value.$type === 'string') ? 1 : 4;
}

/** Integers beyond 2^53 arrive as strings of digits; they sort as numbers among numbers. */
const BIG_INTEGER = /^-?\d{16,}$/;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Compares two cell values for an ascending sort: numbers numerically (big-integer strings too), text
 * with a natural, case-insensitive collation, graph elements by caption, `null` and missing values last.
 */
export function compareValues(a: JsonValue | undefined, b: JsonValue | undefined): number {
  const bigA = typeof a === 'string' && BIG_INTEGER.test(a);
  const bigB = typeof b === 'string' && BIG_INTEGER.test(b);
  if ((typeof a === 'number' || bigA) && (typeof b === 'number' || bigB)) {
    const x = BigInt(typeof a === 'number' ? Math.trunc(a) : a);
    const y = BigInt(typeof b === 'number' ? Math.trunc(b) : b);
    if (x !== y) return x < y ? -1 : 1;
    return typeof a === 'number' && typeof b === 'number' ? a - b : 0;
  }
  const rankA = kindRank(a);
  const rankB = kindRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(valueText(a), valueText(b));
}

/**
 * The rows in `sort` order (a new array; equal values keep the server's order). Nulls stay last in
 * both directions, where a reader expects "no value".
 */
export function sortRows<T extends Row>(rows: readonly T[], sort: TableSort | null): T[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row[sort.column];
      const b = y.row[sort.column];
      const aNull = a === null || a === undefined;
      const bNull = b === null || b === undefined;
      if (aNull || bNull) return aNull === bNull ? x.index - y.index : aNull ? 1 : -1;
      return sign * compareValues(a, b) || x.index - y.index;
    })
    .map(({ row }) => row);
}

export type DelimitedFormat = 'tsv' | 'csv';

/** CSV field per RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** TSV has no quoting: tabs and line breaks inside a value become spaces, so rows stay rows. */
function tsvField(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

/** The table as TSV or CSV text: a header line of column names, then one line per row. */
export function toDelimited(columns: readonly string[], rows: readonly Row[], format: DelimitedFormat): string {
  const field = format === 'csv' ? csvField : tsvField;
  const separator = format === 'csv' ? ',' : '\t';
  const lines = [columns, ...rows.map((row) => columns.map((column) => valueText(row[column])))];
  return lines.map((cells) => cells.map(field).join(separator)).join(format === 'csv' ? '\r\n' : '\n');
}

/** What a per-cell copy puts on the clipboard: the text of scalars and tagged values, pretty JSON of anything structured. */
export function cellClipboardText(value: JsonValue | undefined): string {
  if (value === null || value === undefined || typeof value !== 'object') return valueText(value);
  if (!Array.isArray(value) && taggedText(value) !== undefined) return valueText(value);
  return JSON.stringify(value, null, 2);
}
