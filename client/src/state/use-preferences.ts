/**
 * The user's preferences (settings and styles) as React state, read from localStorage once and written
 * back on every change; node positions and the layout choice are saved as the view changes.
 */
import { useEffect, useState } from 'react';
import { DEFAULT_STYLE_SETTINGS, type StyleSettings } from '../graph/style-settings.ts';
import type { ExplorerState } from './explorer-state.ts';
import { loadSettings, loadStyles, resetStyles, saveLayoutName, savePositions, saveSettings, saveStyles, type ExplorerSettings } from './view-storage.ts';

/** Wait for positions to be still before writing them (a drag reports once, a layout once, but undo bursts). */
const POSITIONS_DEBOUNCE_MS = 400;

export function usePreferences() {
  const [settings, setSettings] = useState<ExplorerSettings>(loadSettings);
  const [styles, setStyles] = useState<StyleSettings>(loadStyles);
  return {
    settings,
    setSettings(next: ExplorerSettings) {
      setSettings(next);
      saveSettings(next);
    },
    styles,
    setStyles(next: StyleSettings) {
      setStyles(next);
      saveStyles(next);
    },
    resetStyles() {
      setStyles(DEFAULT_STYLE_SETTINGS);
      resetStyles();
    },
  };
}

/** Saves the positions of the nodes in view and the layout choice as they change. */
export function usePersistedLayout(state: Pick<ExplorerState, 'positions' | 'graph' | 'layoutName'>): void {
  useEffect(() => {
    const timer = setTimeout(() => {
      const inView = Object.fromEntries(Object.entries(state.positions).filter(([id]) => state.graph.nodes.has(id)));
      if (Object.keys(inView).length > 0) savePositions(inView);
    }, POSITIONS_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [state.positions, state.graph]);

  useEffect(() => saveLayoutName(state.layoutName), [state.layoutName]);
}
