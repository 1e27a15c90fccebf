/**
 * The user's styles for every component that draws a label (swatches, legend, chips), without threading
 * them through each panel.
 */
import { createContext, useContext } from 'react';
import { DEFAULT_STYLE_SETTINGS, resolveLabelStyle, type ResolvedLabelStyle, type StyleSettings } from '../graph/style-settings.ts';

export const StyleSettingsContext = createContext<StyleSettings>(DEFAULT_STYLE_SETTINGS);

/** A label's look with the user's overrides. */
export function useLabelStyle(label: string): ResolvedLabelStyle {
  return resolveLabelStyle(label, useContext(StyleSettingsContext));
}
