/**
 * The table view of a result: one column per returned column, values readable (ResultCell), sortable by
 * clicking a header (ascending, descending, back to the order returned), copyable as TSV or CSV and cell
 * by cell. Only the rows in and near the scrolled-to part are in the page (virtualised with
 * @tanstack/react-virtual, rows measured as drawn), so a result of 1,000 rows costs what 30 cost.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { CypherResponse } from '../../../server/src/contract.ts';
import { CopyButton } from './CopyButton.tsx';
import { ResultCell } from './ResultCell.tsx';
import { cellClipboardText, nextSort, sortRows, toDelimited, type TableSort } from './result-table.ts';
import './ResultTable.css';

const SORT_ARROWS = { asc: '▲', desc: '▼' } as const;
/** A one-line row's height in px (13 px text, 5 px padding, the copy button): the guess before a row is measured. */
const ROW_HEIGHT_ESTIMATE = 33;
/** Rows drawn beyond each edge of the visible part, so that scrolling shows no blank rows. */
const OVERSCAN_ROWS = 10;

export function ResultTable({ result }: { result: CypherResponse }) {
  const { columns, rows } = result;
  const [sort, setSort] = useState<TableSort | null>(null);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_ESTIMATE,
    overscan: OVERSCAN_ROWS,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  if (columns.length === 0) {
    return <p className="wb-empty muted">The query returned no columns.</p>;
  }
  return (
    <div className="wb-table-view">
      <div className="wb-view-actions">
        <span className="muted small">
          {rows.length} row{rows.length === 1 ? '' : 's'}
          {sort ? ` · sorted by ${sort.column} ${sort.direction === 'asc' ? 'ascending' : 'descending'}` : ''}
        </span>
        <CopyButton text={() => toDelimited(columns, sorted, 'tsv')} testId="copy-tsv" title="Copy the table as tab-separated values (pastes into a spreadsheet)">
          Copy as TSV
        </CopyButton>
        <CopyButton text={() => toDelimited(columns, sorted, 'csv')} testId="copy-csv" title="Copy the table as comma-separated values">
          Copy as CSV
        </CopyButton>
      </div>
      <div className="wb-table-scroll" ref={scrollRef} data-testid="result-table-scroll">
        <table className="wb-table" data-testid="result-table" aria-rowcount={sorted.length + 1}>
          <thead>
            <tr>
              <th className="wb-row-number" scope="col" aria-label="Row">
                #
              </th>
              {columns.map((column) => {
                const direction = sort?.column === column ? sort.direction : null;
                return (
                  <th key={column} scope="col" aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
                    <button type="button" className="wb-sort-button" onClick={() => setSort(nextSort(sort, column))} title="Sort by this column">
                      <span>{column}</span>
                      <span className="wb-sort-arrow" aria-hidden="true">
                        {direction ? SORT_ARROWS[direction] : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={columns.length + 1} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map(({ index }) => {
              const row = sorted[index] as (typeof sorted)[number];
              return (
                <tr key={index} data-index={index} ref={virtualizer.measureElement} aria-rowindex={index + 2}>
                  <td className="wb-row-number muted">{index + 1}</td>
                  {columns.map((column) => (
                    <td key={column}>
                      <div className="wb-cell">
                        <div className="wb-cell-value">
                          <ResultCell value={row[column]} />
                        </div>
                        <CopyButton className="mini-button wb-cell-copy" text={() => cellClipboardText(row[column])} title={`Copy this ${column} value`}>
                          Copy
                        </CopyButton>
                      </div>
                    </td>
                  ))}
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={columns.length + 1} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && <p className="wb-empty muted">No rows.</p>}
      </div>
    </div>
  );
}
