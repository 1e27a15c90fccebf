/**
 * The JSON view of a result: its rows exactly as the API sent them, pretty-printed and copyable.
 */
import { useMemo } from 'react';
import type { CypherResponse } from '../../../server/src/contract.ts';
import { CopyButton } from './CopyButton.tsx';

export function ResultJson({ result }: { result: CypherResponse }) {
  const text = useMemo(() => JSON.stringify(result.rows, null, 2), [result]);
  return (
    <div className="wb-json-view">
      <div className="wb-view-actions">
        <span className="muted small">The rows as the API returned them (nodes, relationships and paths in the graph transport format).</span>
        <CopyButton text={() => text} testId="copy-json">
          Copy JSON
        </CopyButton>
      </div>
      <pre className="wb-json" data-testid="result-json">
        {text}
      </pre>
    </div>
  );
}
