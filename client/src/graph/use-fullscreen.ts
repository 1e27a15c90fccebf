/**
 * Fullscreen for an element (the canvas with its overlays and timeline), through the browser's Fullscreen
 * API: `toggle` enters or leaves it (the toolbar button, Shift+F), Esc leaves it (the browser's own key),
 * and `active` follows the document whichever way it changed. Where the browser refuses (an iframe
 * without permission), `toggle` rejects with its reason.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';

export function useFullscreen(target: RefObject<HTMLElement | null>): { active: boolean; toggle(): Promise<void> } {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const update = () => setActive(document.fullscreenElement !== null && document.fullscreenElement === target.current);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, [target]);
  const toggle = useCallback(async () => {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await target.current?.requestFullscreen();
  }, [target]);
  return { active, toggle };
}
