/**
 * Whether the sidebar is collapsed to its rail of icons (SidebarRail.tsx), remembered across visits, and
 * the requests that open it at a place: at the search box, or with one section open.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { browserStore, readJson, STORAGE_KEYS, writeJson } from './storage.ts';

export interface SidebarState {
  collapsed: boolean;
  toggle(): void;
  /** Opens the sidebar (if collapsed) and asks section `testId` to open (SidebarSection's `openRequest`). */
  openSection(testId: string): void;
  /** Per section test id, a counter that each openSection call raises. */
  sectionRequests: Readonly<Record<string, number>>;
  /**
   * Focuses the search box through `focus`, opening the sidebar first when it is collapsed (the box is
   * not on the page then: it is focused once it is).
   */
  focusSearch(focus: () => void): void;
}

export function useSidebar(): SidebarState {
  const store = useRef(browserStore()).current;
  const [collapsed, setCollapsed] = useState(() => readJson(store, STORAGE_KEYS.sidebarCollapsed, (value) => value === true, false));
  const [sectionRequests, setSectionRequests] = useState<Record<string, number>>({});
  const pendingFocus = useRef<(() => void) | null>(null);

  useEffect(() => {
    writeJson(store, STORAGE_KEYS.sidebarCollapsed, collapsed);
    if (!collapsed && pendingFocus.current) {
      pendingFocus.current();
      pendingFocus.current = null;
    }
  }, [store, collapsed]);

  return {
    collapsed,
    toggle: useCallback(() => setCollapsed((value) => !value), []),
    openSection: useCallback((testId: string) => {
      setCollapsed(false);
      setSectionRequests((requests) => ({ ...requests, [testId]: (requests[testId] ?? 0) + 1 }));
    }, []),
    sectionRequests,
    focusSearch: useCallback(
      (focus: () => void) => {
        if (!collapsed) return focus();
        pendingFocus.current = focus;
        setCollapsed(false);
      },
      [collapsed],
    ),
  };
}
