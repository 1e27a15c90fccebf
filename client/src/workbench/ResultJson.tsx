/**
 * The JSON view of a result: its rows exactly as the API sent them, pretty-printed and copyable. Only the
 * lines in and near the scrolled-to part are in the page (virtualised with @tanstack/react-virtual; every
 * line is JSON_LINE_HEIGHT px), so an answer of 8 MB costs the page what one screen of it costs. The
 * browser's find-in-page sees only the lines drawn; "Copy JSON" copies all of it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { CypherResponse } from '../../../server/src/contract.ts';
import { CopyButton } from './CopyButton.tsx';
import './ResultJson.css';

/** px: 12 px monospace at line-height 1.5 (ResultJson.css's .wb-json-lines). */
const JSON_LINE_HEIGHT = 18;
/** Lines drawn beyond each edge of the visible part. */
const OVERSCAN_LINES = 40;

/** Where each line of `text` starts (string offsets): a third of the time of `split('\n')` at 15 MB, and no string per line. */
function lineStarts(text: string): Uint32Array {
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  const starts = new Uint32Array(count);
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
  return starts;
}

export function ResultJson({ result }: { result: CypherResponse }) {
  const text = useMemo(() => JSON.stringify(result.rows, null, 2), [result]);
  const starts = useMemo(() => lineStarts(text), [text]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: starts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => JSON_LINE_HEIGHT,
    overscan: OVERSCAN_LINES,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  return (
    <div className="wb-json-view">
      <div className="wb-view-actions">
        <span className="muted small">
          The rows as the API returned them (nodes, relationships and paths in the graph transport format) · {starts.length.toLocaleString('en-US')} lines
        </span>
        <CopyButton text={() => text} testId="copy-json">
          Copy JSON
        </CopyButton>
      </div>
      <div className="wb-json" ref={scrollRef} data-testid="result-json" aria-label="The rows as JSON">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {first && last && (
            <pre className="wb-json-lines" style={{ transform: `translateY(${first.start}px)` }}>
              {text.slice(starts[first.index], last.index + 1 < starts.length ? (starts[last.index + 1] as number) - 1 : text.length)}
            </pre>
          )}
        </div>
      </div>
    </div>
  );
}
