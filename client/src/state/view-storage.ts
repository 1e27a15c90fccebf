/**
 * What the view keeps in localStorage between visits (through storage.ts): node positions (keyed by node
 * id, so a manual layout survives a reload), the last layout choice, the user's styles and settings.
 * Every read validates and falls back to defaults; storage that is full or switched off never breaks the page.
 */
import type { Position } from 'cytoscape';
import { LIMITS } from '../../../server/src/contract.ts';
import { DEFAULT_LAYOUT_NAME, isLayoutName } from '../graph/layouts.ts';
import { EDGE_CAPTION_ZOOM } from '../graph/stylesheet.ts';
import { validateStyleSettings, type StyleSettings } from '../graph/style-settings.ts';
import { browserStore, readJson, removeKey, STORAGE_KEYS, writeJson, type StorageKey } from './storage.ts';

/** Most node positions kept (a full view's); the least recently placed are forgotten first. */
const MAX_STORED_POSITIONS = LIMITS.viewMax;

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface ExplorerSettings {
  /** Neighbours added by one expansion before the "choose what to expand" dialog appears. */
  neighbourCap: number;
  theme: ThemeChoice;
  showMinimap: boolean;
  showTimeline: boolean;
  /** Zoom from which every relationship's caption is drawn; below it, only the selection's and the hovered one's. */
  edgeCaptionZoom: number;
}

export const DEFAULT_SETTINGS: ExplorerSettings = {
  neighbourCap: 100, // Neo4j Browser's cap, so nothing surprises its users
  theme: 'system',
  showMinimap: true,
  showTimeline: true,
  edgeCaptionZoom: EDGE_CAPTION_ZOOM,
};

/** The zooms the relationship-caption setting offers: always (0) up to never below 400 %. */
export const EDGE_CAPTION_ZOOMS: readonly number[] = [0, 0.6, 0.8, 1, 1.2, 1.5, 2, 4];

/** Bounds of the neighbour cap the settings accept. */
export const NEIGHBOUR_CAP_RANGE = { min: 1, max: LIMITS.neighborsMax } as const;

const read = (key: StorageKey): unknown => readJson(browserStore(), key, (value) => value, undefined);
// Full or disabled storage: the view still works, it just won't be remembered.
const write = (key: StorageKey, value: unknown): void => void writeJson(browserStore(), key, value);

function isPosition(value: unknown): value is Position {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isFinite((value as Position).x) &&
    Number.isFinite((value as Position).y)
  );
}

export function loadPositions(): Record<string, Position> {
  const stored = read(STORAGE_KEYS.positions);
  if (typeof stored !== 'object' || stored === null) return {};
  return Object.fromEntries(Object.entries(stored).filter(([, value]) => isPosition(value))) as Record<string, Position>;
}

/** Adds `positions` to the stored ones (newest last), dropping the oldest beyond the cap. */
export function savePositions(positions: Readonly<Record<string, Position>>): void {
  const merged = loadPositions();
  for (const id of Object.keys(positions)) delete merged[id];
  Object.assign(merged, positions);
  const ids = Object.keys(merged);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_STORED_POSITIONS))) delete merged[id];
  write(STORAGE_KEYS.positions, merged);
}

export function loadLayoutName(): string {
  const stored = read(STORAGE_KEYS.layout);
  return typeof stored === 'string' && isLayoutName(stored) ? stored : DEFAULT_LAYOUT_NAME;
}

export function saveLayoutName(name: string): void {
  write(STORAGE_KEYS.layout, name);
}

export function loadStyles(): StyleSettings {
  return validateStyleSettings(read(STORAGE_KEYS.styles));
}

export function saveStyles(settings: StyleSettings): void {
  write(STORAGE_KEYS.styles, settings);
}

export function resetStyles(): void {
  removeKey(browserStore(), STORAGE_KEYS.styles);
}

export function loadSettings(): ExplorerSettings {
  const stored = read(STORAGE_KEYS.settings);
  if (typeof stored !== 'object' || stored === null) return DEFAULT_SETTINGS;
  const value = stored as Partial<Record<keyof ExplorerSettings, unknown>>;
  const cap = value.neighbourCap;
  return {
    neighbourCap:
      typeof cap === 'number' && Number.isInteger(cap) && cap >= NEIGHBOUR_CAP_RANGE.min && cap <= NEIGHBOUR_CAP_RANGE.max
        ? cap
        : DEFAULT_SETTINGS.neighbourCap,
    theme: value.theme === 'light' || value.theme === 'dark' || value.theme === 'system' ? value.theme : DEFAULT_SETTINGS.theme,
    showMinimap: typeof value.showMinimap === 'boolean' ? value.showMinimap : DEFAULT_SETTINGS.showMinimap,
    showTimeline: typeof value.showTimeline === 'boolean' ? value.showTimeline : DEFAULT_SETTINGS.showTimeline,
    edgeCaptionZoom: typeof value.edgeCaptionZoom === 'number' && EDGE_CAPTION_ZOOMS.includes(value.edgeCaptionZoom) ? value.edgeCaptionZoom : DEFAULT_SETTINGS.edgeCaptionZoom,
  };
}

export function saveSettings(settings: ExplorerSettings): void {
  write(STORAGE_KEYS.settings, settings);
}
