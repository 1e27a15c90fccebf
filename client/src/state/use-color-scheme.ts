/**
 * The colour scheme in effect: the user's choice, or the system's (prefers-color-scheme, followed live)
 * for "system". Also marks the document (`<html data-theme>`) so the page's CSS follows the same scheme.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { ColorScheme } from '../graph/theme.ts';
import type { ThemeChoice } from './view-storage.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function systemScheme(): ColorScheme {
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export function useColorScheme(choice: ThemeChoice = 'system'): ColorScheme {
  const system = useSyncExternalStore<ColorScheme>(subscribe, systemScheme, () => 'light');
  const scheme = choice === 'system' ? system : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = scheme;
  }, [scheme]);
  return scheme;
}
