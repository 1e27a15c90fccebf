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
  run(event: KeyboardEvent): void;
}

/** Input types that take typed text; a focused checkbox, radio or range leaves the shortcuts working. */
const TEXT_INPUT_TYPES: ReadonlySet<string> = new Set(['text', 'search', 'email', 'url', 'password', 'number', 'tel', 'date', 'time', 'datetime-local', 'month', 'week']);

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
      const shortcut = latest.current.find((s) => matches(s, event) && (!typing || s.global));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
