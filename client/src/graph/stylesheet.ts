/**
 * The Cytoscape stylesheet: nodes coloured and shaped by display label (data set by elements.ts), sized
 * by degree; edges captioned by type and drawn by certainty (certainty.ts); selection and dimming.
 */
import type { Css, NodeSingular, StylesheetJson } from 'cytoscape';
import { CERTAINTY_ORDER, CERTAINTY_STYLES } from './certainty.ts';
import { GRAPH_FONT, type GraphTheme } from './theme.ts';

/** Node diameter in px: from the smallest (no relations in view) to the largest (hubs, `weight` ≥ 12). */
const NODE_SIZE = { min: 26, max: 50, weightForMax: 12 } as const;

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

export function buildStylesheet(theme: GraphTheme): StylesheetJson {
  const size = `mapData(weight, 0, ${NODE_SIZE.weightForMax}, ${NODE_SIZE.min}, ${NODE_SIZE.max})`;
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: (node: NodeSingular) => node.data('shape') as Css.NodeShape,
        width: size,
        height: size,
        'border-width': 2,
        'border-color': theme.nodeBorder,
        label: 'data(caption)',
        'font-family': GRAPH_FONT,
        'font-size': 13,
        'font-weight': 600,
        color: theme.text,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '100px',
        'text-outline-color': theme.background,
        'text-outline-width': 2.5,
        // Below this on-screen size captions are skipped: unreadable anyway, and costly on big graphs.
        'min-zoomed-font-size': 6,
      },
    },
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
        'font-size': 9,
        color: theme.edgeText,
        'text-rotation': 'autorotate',
        'text-background-color': theme.background,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
      },
    },
    ...certaintyRules(),
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': theme.accent },
    },
    {
      selector: 'edge:selected',
      style: {
        width: 3,
        'line-color': theme.accent,
        'target-arrow-color': theme.accent,
        color: theme.accent,
        'font-weight': 700,
        opacity: 1,
      },
    },
    {
      // Everything outside the selection's neighbourhood, so the selection reads in context.
      selector: '.dimmed',
      style: { opacity: 0.22 },
    },
  ];
}
