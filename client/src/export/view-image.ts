/**
 * PNG and SVG pictures of the current view, made in the browser from the Cytoscape instance, with a legend
 * below the graph: the labels drawn, in their colours, then the certainty key (each grade's line) of the
 * relationships drawn. Filtered-out elements are not drawn. `full` draws the whole graph, otherwise the
 * visible area; `scale` multiplies the resolution. The fading around the selection or a path is left out
 * unless `keepHighlight`.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import cytoscape from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import { CERTAINTY_ORDER, CERTAINTY_STYLES, type CertaintyStyle } from '../graph/certainty.ts';
import { CLASSES } from '../graph/stylesheet.ts';
import { fitScale } from './picture-size.ts';
import { patchCanvasToSvg } from './svg-context.ts';

cytoscape.use(cytoscapeSvg);
patchCanvasToSvg();

export interface ImageOptions {
  full: boolean;
  scale: number;
  background: string;
  ink: string;
  /** Keep the fading of what lies outside the selection or the highlighted paths. */
  keepHighlight: boolean;
}

interface LegendEntry {
  label: string;
  color: string;
  count: number;
  /** Set for a certainty grade: the entry's swatch is a line drawn as that grade's edges are. */
  line?: CertaintyStyle;
}

/** Legend geometry in output pixels (before `scale`). */
const LEGEND = { row: 22, swatch: 12, padding: 16, font: 13 } as const;

/** The labels of the nodes shown (hidden ones are left out), with their colour and how many. */
export function legendEntries(cy: Core): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  cy.nodes(':visible').forEach((node: NodeSingular) => {
    const label = String(node.data('displayLabel') ?? '');
    const entry = entries.get(label) ?? { label, color: String(node.style('background-color')), count: 0 };
    entry.count += 1;
    entries.set(label, entry);
  });
  const labels = [...entries.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return [...labels, ...certaintyEntries(cy)];
}

/** The certainty grades of the relationships shown, strongest first, each with its line and how many. */
function certaintyEntries(cy: Core): LegendEntry[] {
  const counts = new Map<string, number>();
  cy.edges(':visible').forEach((edge: EdgeSingular) => {
    const certainty = String(edge.data('certainty') ?? '');
    counts.set(certainty, (counts.get(certainty) ?? 0) + 1);
  });
  return CERTAINTY_ORDER.filter((certainty) => counts.has(certainty)).map((certainty) => ({
    label: `${CERTAINTY_STYLES[certainty].title} certainty`,
    color: '',
    count: counts.get(certainty) ?? 0,
    line: CERTAINTY_STYLES[certainty],
  }));
}

/** Dash pattern of a certainty line in the legend, px before `scale`: [] for a solid line. */
function legendDash(line: CertaintyStyle): number[] {
  if (line.lineStyle === 'dotted') return [2, 3];
  return line.dashPattern ?? [];
}

/**
 * Runs `draw` with the fading around the selection and the paths taken off (unless `keepHighlight`), then
 * puts it back: Cytoscape draws the picture synchronously inside `draw`.
 */
function withoutFading<T>(cy: Core, keepHighlight: boolean, draw: () => T): T {
  if (keepHighlight) return draw();
  const dimmed = cy.elements(`.${CLASSES.dimmed}`);
  const faded = cy.elements(`.${CLASSES.pathFaded}`);
  cy.batch(() => {
    dimmed.removeClass(CLASSES.dimmed);
    faded.removeClass(CLASSES.pathFaded);
  });
  try {
    return draw();
  } finally {
    cy.batch(() => {
      dimmed.addClass(CLASSES.dimmed);
      faded.addClass(CLASSES.pathFaded);
    });
  }
}

/**
 * The size in device px at scale 1 of the picture: the visible area or the whole graph, times the pixel
 * ratio Cytoscape draws at (it multiplies a picture's scale by it).
 */
function pictureSize(cy: Core, full: boolean): { width: number; height: number } {
  const renderer = (cy as unknown as { renderer(): { getPixelRatio?(): number } }).renderer();
  const ratio = renderer.getPixelRatio?.() ?? window.devicePixelRatio;
  if (!full) return { width: cy.width() * ratio, height: cy.height() * ratio };
  const box = cy.elements(':visible').boundingBox();
  return { width: box.w * ratio, height: box.h * ratio };
}

function legendHeight(entries: LegendEntry[]): number {
  return entries.length === 0 ? 0 : LEGEND.padding * 2 + entries.length * LEGEND.row;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The PNG of the view and its legend, and the scale it was drawn at: `options.scale`, or less when that
 * would pass the browser's largest canvas (fitScale). Rejects with a readable Error when the browser cannot
 * draw or encode it.
 */
export async function viewPng(cy: Core, options: ImageOptions): Promise<{ blob: Blob; scale: number }> {
  const entries = legendEntries(cy);
  const size = pictureSize(cy, options.full);
  const s = fitScale(size.width, size.height + legendHeight(entries), options.scale);
  const graph = withoutFading(cy, options.keepHighlight, () => cy.png({ output: 'blob-promise', full: options.full, scale: s, bg: options.background }));
  const bitmap = await createImageBitmap(await graph);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height + Math.ceil(legendHeight(entries) * s);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw the picture.');
  g.fillStyle = options.background;
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(bitmap, 0, 0);
  g.font = `${LEGEND.font * s}px system-ui, sans-serif`;
  g.textBaseline = 'middle';
  entries.forEach((entry, i) => {
    const y = bitmap.height + (LEGEND.padding + i * LEGEND.row + LEGEND.row / 2) * s;
    if (entry.line) {
      g.strokeStyle = options.ink;
      g.globalAlpha = entry.line.opacity;
      g.lineWidth = 2 * s;
      g.setLineDash(legendDash(entry.line).map((length) => length * s));
      g.beginPath();
      g.moveTo(LEGEND.padding * s, y);
      g.lineTo((LEGEND.padding + LEGEND.swatch) * s, y);
      g.stroke();
      g.setLineDash([]);
      g.globalAlpha = 1;
    } else {
      g.fillStyle = entry.color;
      g.beginPath();
      g.arc((LEGEND.padding + LEGEND.swatch / 2) * s, y, (LEGEND.swatch / 2) * s, 0, Math.PI * 2);
      g.fill();
    }
    g.fillStyle = options.ink;
    g.fillText(`${entry.label} (${entry.count})`, (LEGEND.padding * 2 + LEGEND.swatch) * s, y);
  });
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((made) => (made ? resolve(made) : reject(new Error('The browser could not encode a picture this large: choose a smaller scale or the visible area.'))), 'image/png'),
  );
  return { blob, scale: s };
}

export function viewSvg(cy: Core, options: ImageOptions): string {
  const svg = withoutFading(cy, options.keepHighlight, () => cy.svg({ full: options.full, scale: options.scale, bg: options.background }));
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const width = Number.parseFloat(root.getAttribute('width') ?? '0');
  const height = Number.parseFloat(root.getAttribute('height') ?? '0');
  const entries = legendEntries(cy);
  const s = options.scale;
  const extra = legendHeight(entries) * s;
  root.setAttribute('height', String(height + extra));
  if (root.getAttribute('viewBox')) root.setAttribute('viewBox', `0 0 ${width} ${height + extra}`);
  const rows = entries
    .map((entry, i) => {
      const y = height + (LEGEND.padding + i * LEGEND.row + LEGEND.row / 2) * s;
      const swatch = entry.line
        ? `<line x1="${LEGEND.padding * s}" y1="${y}" x2="${(LEGEND.padding + LEGEND.swatch) * s}" y2="${y}" stroke="${escapeXml(options.ink)}" ` +
          `stroke-width="${2 * s}" stroke-opacity="${entry.line.opacity}"` +
          (legendDash(entry.line).length > 0 ? ` stroke-dasharray="${legendDash(entry.line).map((length) => length * s).join(' ')}"` : '') +
          '/>'
        : `<circle cx="${(LEGEND.padding + LEGEND.swatch / 2) * s}" cy="${y}" r="${(LEGEND.swatch / 2) * s}" fill="${escapeXml(entry.color)}"/>`;
      return (
        swatch +
        `<text x="${(LEGEND.padding * 2 + LEGEND.swatch) * s}" y="${y}" dominant-baseline="middle" font-family="system-ui, sans-serif" ` +
        `font-size="${LEGEND.font * s}" fill="${escapeXml(options.ink)}">${escapeXml(`${entry.label} (${entry.count})`)}</text>`
      );
    })
    .join('');
  const legend = new DOMParser().parseFromString(
    `<svg xmlns="http://www.w3.org/2000/svg"><g class="legend"><rect x="0" y="${height}" width="${width}" height="${extra}" fill="${escapeXml(options.background)}"/>${rows}</g></svg>`,
    'image/svg+xml',
  ).documentElement.firstElementChild;
  if (legend) root.appendChild(doc.importNode(legend, true));
  return new XMLSerializer().serializeToString(doc);
}
