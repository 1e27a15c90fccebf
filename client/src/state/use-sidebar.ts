/**
 * Whether the sidebar is collapsed to its rail of icons (SidebarRail.tsx), remembered across visits, and
 * the requests that open it at a place: at the search box, or with one section open.
 *
 * A collapsed sidebar opened at a place (`/`, a rail icon) *peeks*: it lies over the canvas, which keeps its
 * size and camera, and folds back to the rail when the user is done with it (a press outside it, the
 * keyboard moving out of it, Esc: `usePeekDismissal`). It stays collapsed across visits meanwhile. The
 * rail's first button, or `[` while the rail shows, opens it for good; `[` while it peeks folds it back.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { browserStore, readJson, STORAGE_KEYS, writeJson } from './storage.ts';

export interface SidebarState {
  collapsed: boolean;
  /** Collapsed, but shown over the canvas for a moment (opened at a place from the rail or by `/`). */
  peeking: boolean;
  /** Collapses an open sidebar, opens a collapsed one for good, folds a peeking one back. */
  toggle(): void;
  /** Folds a peeking sidebar back to its rail (nothing otherwise). */
  endPeek(): void;
  /** Shows the sidebar (peeking, if collapsed) and asks section `testId` to open (SidebarSection's `openRequest`). */
  openSection(testId: string): void;
  /** Per section test id, a counter that each openSection call raises. */
  sectionRequests: Readonly<Record<string, number>>;
  /**
   * Focuses the search box through `focus`, showing the sidebar first (peeking) when it is collapsed (the
   * box is not on the page then: it is focused once it is).
   */
  focusSearch(focus: () => void): void;
}

/**
 * Window width (CSS px) below which the sidebar opens collapsed until the user opens it: at 800×600 its
 * 288 px left the canvas 512 (third new-user trial). 1024 px windows keep it open, as the sizes
 * were laid out for.
 */
export const SIDEBAR_COLLAPSED_BELOW_PX = 900;

export function useSidebar(): SidebarState {
  const store = useRef(browserStore()).current;
  // The user's choice when one was made ([ or its buttons); until then, by the window's width.
  const [collapsed, setCollapsed] = useState(() =>
    readJson(store, STORAGE_KEYS.sidebarCollapsed, (value) => value === true, window.innerWidth < SIDEBAR_COLLAPSED_BELOW_PX),
  );
  const chosen = useRef(false);
  const [peeking, setPeeking] = useState(false);
  const [sectionRequests, setSectionRequests] = useState<Record<string, number>>({});
  const pendingFocus = useRef<(() => void) | null>(null);
  const shown = !collapsed || peeking;

  // Written once the user chooses, not on the first render: a width's default stored then was kept in a
  // wider window.
  useEffect(() => {
    if (chosen.current) writeJson(store, STORAGE_KEYS.sidebarCollapsed, collapsed);
  }, [store, collapsed]);

  useEffect(() => {
    if (shown && pendingFocus.current) {
      pendingFocus.current();
      pendingFocus.current = null;
    }
  }, [shown]);

  const toggle = useCallback(() => {
    if (peeking) setPeeking(false);
    else {
      chosen.current = true;
      setCollapsed((value) => !value);
    }
  }, [peeking]);

  return {
    collapsed,
    peeking,
    toggle,
    endPeek: useCallback(() => setPeeking(false), []),
    openSection: useCallback(
      (testId: string) => {
        if (collapsed) setPeeking(true);
        setSectionRequests((requests) => ({ ...requests, [testId]: (requests[testId] ?? 0) + 1 }));
      },
      [collapsed],
    ),
    sectionRequests,
    focusSearch: useCallback(
      (focus: () => void) => {
        if (shown) return focus();
        pendingFocus.current = focus;
        setPeeking(true);
      },
      [shown],
    ),
  };
}

/**
 * Folds a peeking sidebar (`sidebar`'s element) back when the user is done with it: a mouse or pen press
 * outside it, the keyboard focus moving to something outside it, or an Esc inside it that nothing there
 * handled (the search box handles its first Esc, closing its results). Esc gives the keyboard back to where
 * it was when the peek began, or to `fallback` when that is gone (a rail button: the rail hides meanwhile).
 */
export function usePeekDismissal(sidebar: RefObject<HTMLElement | null>, peeking: boolean, endPeek: () => void, fallback: () => void): void {
  const latest = useRef({ endPeek, fallback });
  latest.current = { endPeek, fallback };
  const opener = useRef<Element | null>(null);
  // Before the search box takes the focus (useSidebar's effect).
  useLayoutEffect(() => {
    if (peeking) opener.current = document.activeElement;
  }, [peeking]);
  useEffect(() => {
    if (!peeking) return;
    const outside = (target: EventTarget | null) =>
      target instanceof Node && sidebar.current !== null && !sidebar.current.contains(target) && target !== document.body;
    const onPointerDown = (event: PointerEvent) => {
      if (outside(event.target)) latest.current.endPeek();
    };
    const onFocusIn = (event: FocusEvent) => {
      if (outside(event.target)) latest.current.endPeek();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (!(event.target instanceof Node) || !sidebar.current?.contains(event.target)) return;
      event.preventDefault();
      latest.current.endPeek();
      const back = opener.current;
      if (back instanceof HTMLElement && back.isConnected && back !== document.body && !sidebar.current.contains(back)) back.focus({ preventScroll: true });
      else latest.current.fallback();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [sidebar, peeking]);
}
