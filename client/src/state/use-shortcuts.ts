/**
 * The explorer's keyboard shortcuts, in one table: a key (with Ctrl/⌘ and Shift where needed) and what it
 * does. Keys typed into a text field are left alone, except the ones marked `global` (Ctrl+K).
 */
import { useEffect, useRef } from 'react';

export interface Shortcut {
  /** `KeyboardEvent.key`, compared case-insensitively for letters. */
  key: string;
  /** Ctrl on Linux/Windows, ⌘ on macOS. */
  mod?: boolean;
  shift?: boolean;
  /** Also fires while typing in a field. */
  global?: boolean;
  /**
   * Left to a focused control (a button, link, menu item) instead: the context-menu key belongs to what has
   * the keyboard, so it opens the view's menu from the view or the page, not from a toolbar button.
   */
  notOnControls?: boolean;
  run(event: KeyboardEvent): void;
}

/** Input types that take typed text; a focused checkbox, radio or range leaves the shortcuts working. */
const TEXT_INPUT_TYPES: ReadonlySet<string> = new Set(['text', 'search', 'email', 'url', 'password', 'number', 'tel', 'date', 'time', 'datetime-local', 'month', 'week']);

/** Elements that take keys of their own when focused, besides text fields. */
const CONTROLS = 'button, a[href], summary, [role="button"], [role="menuitem"], [role="tab"], [role="option"]';

/** True when `target` is a focused control other than a text field (isTyping covers those). */
function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.matches(CONTROLS);
}

/** True when a key press belongs to a text field (or a select) and must not trigger a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type);
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
}

function matches(shortcut: Shortcut, event: KeyboardEvent): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (Boolean(shortcut.mod) !== mod || event.altKey) return false;
  if (shortcut.shift !== undefined && shortcut.shift !== event.shiftKey) return false;
  return shortcut.key.length === 1 ? shortcut.key.toLowerCase() === event.key.toLowerCase() : shortcut.key === event.key;
}

/** Installs `shortcuts` on the window; the list may change on every render. */
export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // A modal dialog handles its own keys.
      if (document.querySelector('[aria-modal="true"]')) return;
      const typing = isTyping(event.target);
      const control = isControl(event.target);
      const shortcut = latest.current.find((s) => matches(s, event) && (!typing || s.global) && !(control && s.notOnControls));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
