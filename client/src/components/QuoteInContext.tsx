/**
 * A relationship's quote read where it stands: the text of its document (`document`, a Source node id,
 * via `GET /api/sources/:id/text`) around it, the quote marked. When the document's text is not
 * available (no `document`, a 404, a quote not found in it) the quote is shown alone.
 */
import { useEffect, useState } from 'react';
import type { SourceText } from '../../../server/src/contract.ts';
import { fetchSourceText } from '../api/graph-api.ts';
import { isAbort } from '../api/http.ts';
import { locateQuote, quoteInContext } from '../state/evidence.ts';
import './QuoteInContext.css';

/** Document texts are fetched once per page: many relationships cite the same article. */
const textCache = new Map<string, Promise<SourceText | null>>();

function sourceText(id: string): Promise<SourceText | null> {
  let pending = textCache.get(id);
  if (!pending) {
    pending = fetchSourceText(id);
    // A failed request may succeed later; don't keep the failure.
    pending.catch(() => textCache.delete(id));
    textCache.set(id, pending);
  }
  return pending;
}

type ContextState = { status: 'none' | 'loading' } | { status: 'ready'; text: string };

interface QuoteInContextProps {
  quote: string;
  documentId: string | null;
}

/** Characters of context on each side of the quote, and when "more" is on. */
const RADIUS = { short: 260, long: 1400 } as const;

export function QuoteInContext({ quote, documentId }: QuoteInContextProps) {
  const [state, setState] = useState<ContextState>({ status: documentId ? 'loading' : 'none' });
  const [more, setMore] = useState(false);

  useEffect(() => {
    if (!documentId) {
      setState({ status: 'none' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    sourceText(documentId)
      .then((answer) => {
        if (live) setState(answer ? { status: 'ready', text: answer.text } : { status: 'none' });
      })
      .catch((error: unknown) => {
        if (live && !isAbort(error)) setState({ status: 'none' });
      });
    return () => {
      live = false;
    };
  }, [documentId]);

  const range = state.status === 'ready' ? locateQuote(state.text, quote) : null;
  if (state.status !== 'ready' || !range) {
    return (
      <blockquote className="evidence-quote" data-testid="evidence-quote" data-context={state.status === 'loading' ? 'loading' : 'none'}>
        {quote}
      </blockquote>
    );
  }
  const context = quoteInContext(state.text, range, more ? RADIUS.long : RADIUS.short);
  return (
    <div className="evidence-context">
      <blockquote className="evidence-quote in-context" data-testid="evidence-quote" data-context="ready">
        {context.clippedStart && '… '}
        <span className="context-text">{context.before}</span>
        <mark data-testid="evidence-quote-mark">{context.quote}</mark>
        <span className="context-text">{context.after}</span>
        {context.clippedEnd && ' …'}
      </blockquote>
      {(context.clippedStart || context.clippedEnd) && (
        <button type="button" className="link-button small" onClick={() => setMore((value) => !value)}>
          {more ? 'less context' : 'more context'}
        </button>
      )}
    </div>
  );
}
