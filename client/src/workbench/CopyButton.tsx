/**
 * A button that copies text and says so for a moment ("Copied"), or that it couldn't.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { copyText } from './clipboard.ts';

/** How long "Copied" stays, in ms. */
const FEEDBACK_MS = 1500;

interface CopyButtonProps {
  /** The text, computed only when clicked (a table's TSV can be large). */
  text: () => string;
  children: ReactNode;
  className?: string;
  title?: string;
  testId?: string;
}

export function CopyButton({ text, children, className = 'button wb-button-small', title, testId }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className={className}
      title={title}
      data-testid={testId}
      onClick={async (event) => {
        event.stopPropagation();
        setState((await copyText(text())) ? 'copied' : 'failed');
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : children}
    </button>
  );
}
