/**
 * Creates the Cytoscape instance with the extensions and interaction settings the explorer uses.
 */
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { buildStylesheet } from './stylesheet.ts';
import type { GraphTheme } from './theme.ts';

cytoscape.use(fcose);

/** Interaction settings, each tuned for analysts reading a graph rather than editing one. */
const INTERACTION = {
  minZoom: 0.1,
  maxZoom: 4,
  // A drag on the background pans; with Shift (or Ctrl, ⌘) held it draws a box whose nodes join the selection.
  boxSelectionEnabled: true,
  selectionType: 'single',
} as const;

export function createCy(container: HTMLElement, theme: GraphTheme): Core {
  return cytoscape({
    container,
    style: buildStylesheet(theme),
    ...INTERACTION,
  });
}
