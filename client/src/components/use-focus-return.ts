/**
 * Gives focus back, when a menu or dialog closes, to where it was when it opened (the canvas, a field),
 * unless what it ran moved focus elsewhere: lost focus is focus on nothing, on the page's body, or inside
 * the closing element. Closing the neighbour chooser with Esc left the keyboard on the page's body
 * (new-user trial); the context menu did so before it.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useFocusReturn(element: RefObject<HTMLElement | null>): void {
  // Read at the first render, before the element takes focus.
  const opener = useRef(typeof document === 'undefined' ? null : document.activeElement);
  useEffect(
    () => () => {
      const was = opener.current;
      const now = document.activeElement;
      const lost = now === null || now === document.body || Boolean(element.current?.contains(now));
      if (lost && was instanceof HTMLElement && was.isConnected) was.focus({ preventScroll: true });
    },
    [],
  );
}
