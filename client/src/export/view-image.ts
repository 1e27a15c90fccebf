/**
 * PNG and SVG pictures of the current view, made in the browser from the Cytoscape instance, with a legend
 * (the labels drawn, in their colours) below the graph. `full` draws the whole graph, otherwise the visible
 * area; `scale` multiplies the resolution.
 */
import type { Core, NodeSingular } from 'cytoscape';
import cytoscape from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';

cytoscape.use(cytoscapeSvg);

export interface ImageOptions {
  full: boolean;
  scale: number;
  background: string;
  ink: string;
}

interface LegendEntry {
  label: string;
  color: string;
  count: number;
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
  return [...entries.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function legendHeight(entries: LegendEntry[]): number {
  return entries.length === 0 ? 0 : LEGEND.padding * 2 + entries.length * LEGEND.row;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function viewPng(cy: Core, options: ImageOptions): Promise<Blob> {
  const graph = cy.png({ output: 'blob-promise', full: options.full, scale: options.scale, bg: options.background });
  const bitmap = await createImageBitmap(await graph);
  const entries = legendEntries(cy);
  const s = options.scale;
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
    g.fillStyle = entry.color;
    g.beginPath();
    g.arc((LEGEND.padding + LEGEND.swatch / 2) * s, y, (LEGEND.swatch / 2) * s, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = options.ink;
    g.fillText(`${entry.label} (${entry.count})`, (LEGEND.padding * 2 + LEGEND.swatch) * s, y);
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded.'))), 'image/png'),
  );
}

export function viewSvg(cy: Core, options: ImageOptions): string {
  const svg = cy.svg({ full: options.full, scale: options.scale, bg: options.background });
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
      return (
        `<circle cx="${(LEGEND.padding + LEGEND.swatch / 2) * s}" cy="${y}" r="${(LEGEND.swatch / 2) * s}" fill="${escapeXml(entry.color)}"/>` +
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
