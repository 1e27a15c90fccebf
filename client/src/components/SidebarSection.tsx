/**
 * A collapsible sidebar section: a header button (title, a short summary such as a count, an optional
 * action) and its content, shown while open. `openRequest` opens it from elsewhere (the collapsed
 * sidebar's rail): each new value opens it and brings it into view.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Icon } from './Icon.tsx';
import './SidebarSection.css';

interface SidebarSectionProps {
  title: string;
  /** Shown beside the title, e.g. "3 hidden". */
  summary?: ReactNode;
  defaultOpen?: boolean;
  /** A small control on the header's right (e.g. Reset), outside the toggle button. */
  action?: ReactNode;
  testId?: string;
  /** A counter: every change opens the section and scrolls it into view (0: no request yet). */
  openRequest?: number;
  children: ReactNode;
}

export function SidebarSection({ title, summary, defaultOpen = false, action, testId, openRequest = 0, children }: SidebarSectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (openRequest === 0) return;
    setOpen(true);
    section.current?.scrollIntoView({ block: 'nearest' });
    section.current?.querySelector<HTMLElement>('.side-section-toggle')?.focus({ preventScroll: true });
  }, [openRequest]);
  return (
    <section ref={section} className={open ? 'side-section open' : 'side-section'} data-testid={testId}>
      <div className="side-section-header">
        <button
          type="button"
          className="side-section-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((value) => !value)}
          data-testid={testId ? `${testId}-toggle` : undefined}
        >
          <span className="side-section-chevron">
            <Icon name="chevron" size={12} />
          </span>
          <span className="side-section-title">{title}</span>
          {summary !== undefined && <span className="side-section-summary">{summary}</span>}
        </button>
        {action}
      </div>
      {open && (
        <div className="side-section-body" id={bodyId}>
          {children}
        </div>
      )}
    </section>
  );
}
