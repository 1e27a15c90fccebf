/**
 * A collapsible sidebar section: a header button (title, a short summary such as a count, an optional
 * action) and its content, shown while open.
 */
import { useId, useState, type ReactNode } from 'react';
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
  children: ReactNode;
}

export function SidebarSection({ title, summary, defaultOpen = false, action, testId, children }: SidebarSectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  return (
    <section className={open ? 'side-section open' : 'side-section'} data-testid={testId}>
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
