/**
 * A button that opens a panel below it (history, saved queries). Escape or a click outside closes it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import './Popover.css';

interface PopoverProps {
  label: ReactNode;
  title: string;
  testId: string;
  /** The panel's content; `close` shuts it (after choosing an entry). */
  children(close: () => void): ReactNode;
}

export function Popover({ label, title, testId, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointer);
    root.current?.addEventListener('keydown', onKey);
    const element = root.current;
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      element?.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="wb-popover" ref={root}>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-haspopup="dialog"
        title={title}
        data-testid={testId}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
      </button>
      {open && (
        <div className="wb-popover-panel" role="dialog" aria-label={title}>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
