/**
 * The Cytoscape stylesheet: nodes coloured, shaped, iconed and sized from their element data (elements.ts:
 * label styles, user overrides and rules), edges captioned by type and drawn by certainty (certainty.ts),
 * rule widths and colours on top; then selection, dimming, path highlight and filtered-out (hidden).
 */
import type { Css, NodeSingular, StylesheetJson } from 'cytoscape';
import { CAPTION_FONT, CAPTION_MAX_WIDTH } from './captions.ts';
import { CERTAINTY_ORDER, CERTAINTY_STYLES } from './certainty.ts';
import { levelOfDetail, type LevelOfDetail } from './level-of-detail.ts';
import { GRAPH_FONT, type GraphTheme } from './theme.ts';

/** Class names the canvas sets on elements; the stylesheet draws each one. */
export const CLASSES = {
  /** Outside the selection's neighbourhood. */
  dimmed: 'dimmed',
  /** On a highlighted path. */
  pathMember: 'path-member',
  /** Not on the highlighted path. */
  pathFaded: 'path-faded',
  /** The node a path is being picked from. */
  pathOrigin: 'path-origin',
  /** Filtered out: not drawn, but kept in place so the layout does not move. */
  hidden: 'hidden',
  /** Matches the search box's text (ringed). */
  searchMatch: 'search-match',
  /** Does not match the search box's text while it has some (faded). */
  searchFaded: 'search-faded',
  /** Pinned: keeps its place through layouts (a dashed outline marks it). */
  pinned: 'pinned',
  /** A relationship of a selected node: its caption is drawn at any zoom. */
  captioned: 'captioned',
  /** A relationship whose caption would lie over another or a node, at every zoom (captions scale): drawn only under the pointer. */
  crowded: 'crowded',
  /** Under the pointer: a relationship's caption is drawn at any zoom. */
  hovered: 'hovered',
} as const;

function certaintyRules(): StylesheetJson {
  return CERTAINTY_ORDER.map((certainty) => {
    const style = CERTAINTY_STYLES[certainty];
    return {
      selector: `edge[certainty = "${certainty}"]`,
      style: {
        'line-style': style.lineStyle,
        ...(style.dashPattern ? { 'line-dash-pattern': style.dashPattern } : {}),
        // Dotted lines need a little more weight to stay visible.
        ...(style.lineStyle === 'dotted' ? { width: 2.2 } : {}),
        opacity: style.opacity,
      },
    };
  });
}

/** Icons are images drawn per node: small views only, on a large one they cost more frames than they tell. */
function iconRules(): StylesheetJson {
  return [
    {
      selector: 'node[?icon]',
      style: {
        'background-image': 'data(icon)',
        'background-width': '56%',
        'background-height': '56%',
        'background-fit': 'none',
        'background-clip': 'none',
        'background-image-containment': 'over',
      },
    },
  ];
}

/** Zoom from which every relationship's caption is drawn, by default (settings: `edgeCaptionZoom`). */
export const EDGE_CAPTION_ZOOM = 1.2;
/** Relationship captions' font size (model px). */
export const EDGE_FONT_SIZE = 9;

/**
 * The stylesheet for `theme` at `detail` (default: a small view's). On small views a relationship's caption
 * is drawn for the selection (the selected relationships and those of selected nodes that fit), under the
 * pointer, and for every relationship that is not crowded (use-edge-captions.ts) from zoom `edgeCaptionZoom`
 * on: drawn all the time, twenty captions overlapped around the seed graph's hubs at its opening zoom.
 */
export function buildStylesheet(theme: GraphTheme, detail: LevelOfDetail = levelOfDetail(0), edgeCaptionZoom = EDGE_CAPTION_ZOOM): StylesheetJson {
  return [...(detail.large ? largeViewRules(theme, detail) : smallViewRules(theme, detail, edgeCaptionZoom)), ...stateRules(theme)];
}

/** What every node is drawn with, at any size: colour, shape and size from its data (elements.ts). */
function nodeBody(theme: GraphTheme): Css.Node {
  return {
    'background-color': 'data(color)',
    shape: 'data(shape)' as Css.NodeShape,
    width: 'data(size)',
    height: 'data(size)',
    'border-width': 2,
    'border-color': theme.nodeBorder,
  };
}

/** A node's caption under it, outlined in the background's colour, skipped below `minZoomedFontSize` on screen. */
function nodeCaptionStyle(theme: GraphTheme, detail: LevelOfDetail): Css.Node {
  return {
    label: 'data(caption)',
    'font-family': GRAPH_FONT,
    'font-size': CAPTION_FONT.size,
    'font-weight': CAPTION_FONT.weight,
    color: theme.text,
    'text-valign': 'bottom',
    'text-margin-y': 4,
    'text-outline-color': theme.background,
    'text-outline-width': 2.5,
    // Below this on-screen size captions are skipped: unreadable anyway, and costly on big graphs.
    'min-zoomed-font-size': detail.minZoomedFontSize,
  };
}

/**
 * Large views (level-of-detail.ts): as few properties per element as still draw the view, because
 * Cytoscape's first style pass costs per property applied to each element (checkTriggers: ~1 s for 12,500
 * elements with the full rules, measured by bench/style-bench.ts). Straight "haystack" edges without arrows
 * or captions (the selected one's caption excepted), node captions unwrapped and only from
 * `minZoomedFontSize`, no icons.
 */
function largeViewRules(theme: GraphTheme, detail: LevelOfDetail): StylesheetJson {
  return [
    {
      selector: 'node',
      style: { ...nodeBody(theme), ...nodeCaptionStyle(theme, detail) },
    },
    { selector: 'edge', style: { width: 1.6, 'line-color': theme.edge, 'curve-style': 'haystack', 'haystack-radius': 0 } },
    ...certaintyRules(),
    { selector: 'edge[width]', style: { width: 'data(width)' } },
    { selector: 'edge[color]', style: { 'line-color': 'data(color)' } },
    {
      selector: 'edge:selected',
      style: { label: 'data(type)', 'font-size': 9, 'text-rotation': 'autorotate', 'text-background-color': theme.background, 'text-background-opacity': 0.85 },
    },
  ];
}

/** Small views: curved edges with arrows and captions, wrapped node captions, icons. */
function smallViewRules(theme: GraphTheme, detail: LevelOfDetail, edgeCaptionZoom: number): StylesheetJson {
  return [
    {
      selector: 'node',
      style: { ...nodeBody(theme), ...nodeCaptionStyle(theme, detail), 'text-halign': 'center', 'text-wrap': 'wrap', 'text-max-width': `${CAPTION_MAX_WIDTH}px` },
    },
    ...iconRules(),
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': theme.edge,
        'target-arrow-color': theme.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        label: 'data(type)',
        'font-family': GRAPH_FONT,
        'font-size': EDGE_FONT_SIZE,
        color: theme.edgeText,
        'text-rotation': 'autorotate',
        'text-background-color': theme.background,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        // Drawn from `edgeCaptionZoom` on (Cytoscape skips a label whose size on screen is below this; above
        // it, use-edge-captions.ts keeps them at this size, less a hair for rounding).
        'min-zoomed-font-size': Math.max(0, EDGE_FONT_SIZE * edgeCaptionZoom - 0.01),
      },
    },
    { selector: `edge.${CLASSES.crowded}`, style: { 'min-zoomed-font-size': 10_000 } },
    {
      selector: `edge.${CLASSES.captioned}, edge.${CLASSES.hovered}`,
      style: { 'min-zoomed-font-size': 0 },
    },
    ...certaintyRules(),
    {
      // Style rules (e.g. payment flows by amount) win over the certainty's default weight.
      selector: 'edge[width]',
      style: { width: 'data(width)', 'arrow-scale': 0.7 },
    },
    {
      selector: 'edge[color]',
      style: { 'line-color': 'data(color)', 'target-arrow-color': 'data(color)' },
    },
  ];
}

/** Selection, dimming, path highlight and filtered-out elements, at any size. */
function stateRules(theme: GraphTheme): StylesheetJson {
  return [
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': theme.accent } },
    {
      selector: 'edge:selected',
      style: {
        width: 3,
        'line-color': theme.accent,
        'target-arrow-color': theme.accent,
        color: theme.accent,
        'font-weight': 700,
        opacity: 1,
        // Over the nodes, so its caption is read whole: SIGNED ran under Kim Jong-un's caption as "SIG".
        'z-compound-depth': 'top',
      },
    },
    {
      // Everything outside the selection's neighbourhood, so the selection reads in context.
      selector: `.${CLASSES.dimmed}`,
      style: { opacity: 0.22 },
    },
    {
      selector: `node.${CLASSES.pinned}`,
      style: { 'outline-width': 2, 'outline-color': theme.text, 'outline-style': 'dashed', 'outline-offset': 3, 'outline-opacity': 0.8 },
    },
    { selector: `.${CLASSES.searchFaded}`, style: { opacity: 0.18 } },
    {
      selector: `node.${CLASSES.searchMatch}`,
      style: { 'underlay-color': theme.search, 'underlay-opacity': 0.55, 'underlay-padding': 7, 'underlay-shape': 'ellipse', opacity: 1 },
    },
    { selector: `.${CLASSES.pathFaded}`, style: { opacity: 0.14 } },
    {
      selector: `node.${CLASSES.pathMember}`,
      style: { 'border-width': 4, 'border-color': theme.path, opacity: 1, 'z-index': 10 },
    },
    {
      selector: `edge.${CLASSES.pathMember}`,
      style: {
        'line-color': theme.path,
        'target-arrow-color': theme.path,
        color: theme.path,
        'font-weight': 700,
        width: (edge: NodeSingular) => Math.max(4, Number(edge.data('width') ?? 0)),
        opacity: 1,
        'z-index': 10,
        // Over the nodes, as a selected relationship: under them, "RECONSIDERS_ARMS_SUPPLIES_TO" read
        // "RECO…S_S…TO" between node captions (fourth new-user trial).
        'z-compound-depth': 'top',
      },
    },
    {
      selector: `node.${CLASSES.pathOrigin}`,
      style: { 'border-width': 4, 'border-style': 'dashed', 'border-color': theme.path },
    },
    {
      selector: `.${CLASSES.hidden}`,
      style: { display: 'none' },
    },
  ];
}
