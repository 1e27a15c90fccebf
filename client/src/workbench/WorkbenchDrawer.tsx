/**
 * The bottom drawer under the graph canvas that holds the Cypher workbench. The workbench (CodeMirror and
 * the Cypher language support, about a megabyte) loads the first time the drawer opens, and stays
 * mounted while the drawer is closed, so the query, results and undo history survive. The drawer's
 * top edge resizes it (drag, or arrow keys when focused); its height is remembered. Esc closes it from
 * anywhere in it but the editor and text fields, and gives the keyboard back to where it was.
 * `useWorkbenchDrawer` holds whether it is open and wires Ctrl+` (as in code editors' terminal panels) to
 * toggle it; `WorkbenchToggle` is its toolbar button.
 */
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import type { Graph } from '../../../server/src/contract.ts';
import type { ColorScheme } from '../graph/theme.ts';
import type { ShowGraphMode } from './GraphResult.tsx';
import { browserStore, readJson, STORAGE_KEYS, writeJson } from '../state/storage.ts';
import { isTyping } from '../state/use-shortcuts.ts';
import './workbench-shared.css';
import './WorkbenchDrawer.css';

const Workbench = lazy(() => import('./Workbench.tsx').then((module) => ({ default: module.Workbench })));

export type { ShowGraphMode };

/** Drawer height in px: at first a share of the window, then as the user sized it; the canvas keeps at least `minCanvas`. */
const DRAWER = { defaultShare: 0.45, minHeight: 180, minCanvas: 160, keyboardStep: 24 } as const;

const defaultHeight = () => Math.round(window.innerHeight * DRAWER.defaultShare);

function clampHeight(height: number): number {
  const max = Math.max(DRAWER.minHeight, window.innerHeight - DRAWER.minCanvas - 48);
  return Math.round(Math.min(max, Math.max(DRAWER.minHeight, height)));
}

interface WorkbenchDrawerProps {
  open: boolean;
  onClose(): void;
  scheme: ColorScheme;
  onShowGraph(graph: Graph, mode: ShowGraphMode): void;
}

export function WorkbenchDrawer({ open, onClose, scheme, onShowGraph }: WorkbenchDrawerProps) {
  const store = useRef(browserStore()).current;
  const [loaded, setLoaded] = useState(open);
  const [height, setHeight] = useState(() => readJson(store, STORAGE_KEYS.workbenchHeight, (value) => (typeof value === 'number' ? value : defaultHeight()), defaultHeight()));
  // Panels laid over the page (the details panel in a narrow window, App.css) stop above the open drawer.
  useLayoutEffect(() => {
    document.documentElement.style.setProperty('--wb-drawer-open-height', open ? `${clampHeight(height)}px` : '0px');
  }, [open, height]);
  const [dragging, setDragging] = useState(false);
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);

  useEffect(() => {
    if (open) setLoaded(true);
  }, [open]);

  useEffect(() => {
    if (!dragging) writeJson(store, STORAGE_KEYS.workbenchHeight, height);
  }, [store, height, dragging]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: height };
    setDragging(true);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    setHeight(clampHeight(drag.current.startHeight + drag.current.startY - event.clientY));
  };
  const onPointerUp = () => {
    drag.current = null;
    setDragging(false);
  };
  // Where the keyboard was when the drawer opened (the toggle, the canvas): Esc gives it back there.
  const opener = useRef<Element | null>(null);
  useLayoutEffect(() => {
    if (open) opener.current = document.activeElement;
  }, [open]);
  // Esc closes the drawer from anywhere in it but a text field or the editor, where it is the field's
  // (closing a completion list, a selection), and but what handled it first (a popover, a dialog).
  const onDrawerKey = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || isTyping(event.target)) return;
    event.preventDefault();
    onClose();
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected && !event.currentTarget.contains(back)) back.focus({ preventScroll: true });
  };

  const onHandleKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowUp') setHeight((h) => clampHeight(h + DRAWER.keyboardStep));
    else if (event.key === 'ArrowDown') setHeight((h) => clampHeight(h - DRAWER.keyboardStep));
    else return;
    event.preventDefault();
  };

  return (
    <section
      className="workbench-drawer"
      hidden={!open}
      aria-label="Cypher workbench"
      data-testid="workbench-drawer"
      onKeyDown={onDrawerKey}
      style={{ '--wb-drawer-height': `${clampHeight(height)}px` } as CSSProperties}
    >
      <div
        className="wb-resize-handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the Cypher workbench"
        aria-valuenow={height}
        tabIndex={0}
        data-dragging={dragging}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onHandleKey}
      />
      <div className="wb-drawer-body">
        {loaded && (
          <Suspense
            fallback={
              <div className="wb-loading" data-testid="workbench-loading">
                <span className="spinner" aria-hidden="true" /> Loading the Cypher editor…
                <button type="button" className="link-button wb-close" onClick={onClose} aria-label="Close the Cypher workbench">
                  ×
                </button>
              </div>
            }
          >
            <Workbench
              scheme={scheme}
              onShowGraph={onShowGraph}
              active={open}
              toolbarEnd={
                <button type="button" className="link-button wb-close" onClick={onClose} aria-label="Close the Cypher workbench" title="Close (Ctrl+`)">
                  ×
                </button>
              }
            />
          </Suspense>
        )}
      </div>
    </section>
  );
}

/** The drawer's open state, with Ctrl+` to toggle it. */
export function useWorkbenchDrawer(): { open: boolean; toggle(): void; close(): void } {
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((value) => !value), []);
  const close = useCallback(() => setOpen(false), []);
  useWorkbenchShortcut(toggle);
  return { open, toggle, close };
}

/** The toolbar button that opens and closes the drawer. */
export function WorkbenchToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  return (
    <button
      type="button"
      className={open ? 'button wb-toggle wb-toggle-on' : 'button wb-toggle'}
      aria-pressed={open}
      onClick={onToggle}
      title={`${open ? 'Close' : 'Open'} the Cypher workbench (Ctrl+\`)`}
      aria-label="Cypher"
      data-testid="workbench-toggle"
    >
      <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
        <path d="M3 4.5h14v11H3zM6 8l2.5 2L6 12m4 0h4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="button-text">Cypher</span>
    </button>
  );
}

/** Ctrl+` toggles the workbench from anywhere, the editor included. */
export function useWorkbenchShortcut(toggle: () => void): void {
  const latest = useRef(toggle);
  useLayoutEffect(() => {
    latest.current = toggle;
  });
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.key !== '`' && event.code !== 'Backquote') return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
