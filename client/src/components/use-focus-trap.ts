/**
 * Keeps the keyboard inside a modal element while it is mounted: Tab and Shift+Tab go round its controls,
 * and focus moved out (a click on the page behind) comes back. Built on focus-trap
 * (https://github.com/focus-trap/focus-trap), which knows what is tabbable better than a list of
 * selectors. The element's own code keeps Esc, the first focus, clicks outside and where focus goes on
 * closing (useFocusReturn).
 *
 * The neighbour chooser let Tab leave it for the page behind its backdrop, and Esc, handled on the
 * dialog, then no longer closed it (fourth new-user trial).
 */
import { createFocusTrap } from 'focus-trap';
import { useEffect, type RefObject } from 'react';

export function useFocusTrap(element: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const trap = createFocusTrap(container, {
      initialFocus: false,
      fallbackFocus: container,
      escapeDeactivates: false,
      allowOutsideClick: true,
      returnFocusOnDeactivate: false,
    });
    trap.activate();
    return () => void trap.deactivate();
  }, [element]);
}
