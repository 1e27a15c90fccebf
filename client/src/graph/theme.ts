/**
 * Canvas colours per colour scheme. Cytoscape draws on a canvas and cannot read CSS variables, so the
 * values that must match the page (background, text, accent) are repeated here; keep them in step with
 * styles.css.
 */
export type ColorScheme = 'light' | 'dark';

export interface GraphTheme {
  /** Canvas background; also the outline behind captions so they read over edges. */
  background: string;
  text: string;
  edge: string;
  edgeText: string;
  /** Ring around every node, separating touching nodes. */
  nodeBorder: string;
  /** Selection colour. */
  accent: string;
  /** Highlighted paths: distinct from the selection. */
  path: string;
  /** Ring around nodes matching the search box's text: distinct from the selection and the paths. */
  search: string;
}

export const GRAPH_THEMES: Readonly<Record<ColorScheme, GraphTheme>> = {
  light: {
    background: '#f8f9fb',
    text: '#1b2430',
    edge: '#98a2b3',
    edgeText: '#4a5565',
    nodeBorder: '#ffffff',
    accent: '#2563eb',
    path: '#d9480f',
    search: '#e8a400',
  },
  dark: {
    background: '#14171c',
    text: '#e6e9ef',
    edge: '#687385',
    edgeText: '#aab3c0',
    nodeBorder: '#14171c',
    accent: '#6ea8fe',
    path: '#ff922b',
    search: '#ffd43b',
  },
};

/** The font stack of the page, so captions match the panels. */
export const GRAPH_FONT = 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif';
