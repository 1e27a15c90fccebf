/**
 * Node icons as a registry: a small set of glyphs (24×24 SVG paths) drawn on top of a node's fill, in white
 * or dark ink, whichever reads better on that fill. The canvas gets them as SVG data URIs; the legend and
 * the styles panel draw the same paths inline.
 */

export interface IconEntry {
  name: string;
  title: string;
  /** SVG path data on a 24×24 grid, drawn with fill-rule evenodd (holes read as detail). */
  path: string;
}

export const ICONS: readonly IconEntry[] = [
  { name: 'person', title: 'Person', path: 'M12 12.2a4.3 4.3 0 1 0 0-8.6 4.3 4.3 0 0 0 0 8.6zM3.8 21c0-4.2 3.7-6.8 8.2-6.8s8.2 2.6 8.2 6.8z' },
  { name: 'flag', title: 'Flag', path: 'M5 2.5h2.2v19H5zM8.4 3.5h11.1l-2.6 4.3 2.6 4.3H8.4z' },
  {
    name: 'building',
    title: 'Organisation',
    path: 'M4 21.5V6.2L12 2.5l8 3.7v15.3h-5.6v-4.6H9.6v4.6zM7.6 8.3h2.6v2.6H7.6zm6.2 0h2.6v2.6h-2.6zM7.6 12.7h2.6v2.6H7.6zm6.2 0h2.6v2.6h-2.6z',
  },
  { name: 'shield', title: 'Unit', path: 'M12 2.2l8.3 3.2v6.1c0 5-3.5 9.2-8.3 10.7-4.8-1.5-8.3-5.7-8.3-10.7V5.4zM12 6.5l-4 1.6v3.4c0 2.7 1.6 5 4 6.1z' },
  { name: 'pin', title: 'Place', path: 'M12 2a7.2 7.2 0 0 0-7.2 7.2c0 5.2 7.2 12.8 7.2 12.8s7.2-7.6 7.2-12.8A7.2 7.2 0 0 0 12 2zm0 9.9a2.7 2.7 0 1 1 0-5.4 2.7 2.7 0 0 1 0 5.4z' },
  {
    name: 'document',
    title: 'Document',
    path: 'M5.5 2h9l4.5 4.6V22H5.5zM8.5 10.5h7.5v1.7H8.5zm0 3.6h7.5v1.7H8.5zm0 3.6h5v1.7h-5z',
  },
  {
    name: 'coin',
    title: 'Money',
    path: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 3.2a6.8 6.8 0 1 1 0 13.6 6.8 6.8 0 0 1 0-13.6zM11 7.2h2v1.2c1.4.2 2.4 1 2.6 2.3h-2c-.1-.5-.6-.8-1.4-.8-.9 0-1.4.3-1.4.8 0 .6.6.7 1.8 1 1.9.4 3.1 1 3.1 2.6 0 1.3-1 2.2-2.7 2.4v1.1h-2v-1.1c-1.6-.2-2.7-1.1-2.8-2.5h2c.1.6.7 1 1.6 1 .9 0 1.5-.3 1.5-.9 0-.5-.5-.7-1.8-1-1.8-.4-3-.9-3-2.5 0-1.2 1-2.1 2.5-2.4z',
  },
  { name: 'quote', title: 'Source', path: 'M3.5 12c0-4.6 2.3-7.4 6.5-8.3v3c-2 .7-3 1.9-3.2 4h3.2v7.8H3.5zm10 0c0-4.6 2.3-7.4 6.5-8.3v3c-2 .7-3 1.9-3.2 4h3.2v7.8h-6.5z' },
  { name: 'calendar', title: 'Event', path: 'M3 4.5h18V21H3zM5.2 9.5v9.3h13.6V9.5zM7 2h2.2v4.6H7zm7.8 0H17v4.6h-2.2zM7.5 11.8h3v3h-3z' },
  { name: 'star', title: 'Star', path: 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z' },
];

export type IconName = string;

const byName = new Map(ICONS.map((icon) => [icon.name, icon]));

export function iconByName(name: string | undefined): IconEntry | undefined {
  return name ? byName.get(name) : undefined;
}

/** Relative luminance of a #rrggbb colour (WCAG); hsl() and other forms count as mid-tone. */
function luminance(color: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!match) {
    const hsl = /hsl\(\s*[\d.]+\s*,\s*[\d.]+%\s*,\s*([\d.]+)%\s*\)/i.exec(color);
    return hsl ? Number(hsl[1]) / 100 : 0.3;
  }
  const value = parseInt(match[1] as string, 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** Ink for an icon on `fill`: dark on light fills, white on the rest. */
export function iconInk(fill: string): string {
  return luminance(fill) > 0.42 ? '#1b2430' : '#ffffff';
}

const uriCache = new Map<string, string>();

/** The icon as an SVG data URI in `ink`, for Cytoscape's background-image; undefined for no icon. */
export function iconDataUri(name: string | undefined, ink: string): string | undefined {
  const icon = iconByName(name);
  if (!icon) return undefined;
  const key = `${icon.name}|${ink}`;
  let uri = uriCache.get(key);
  if (!uri) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><path fill="${ink}" fill-opacity="0.92" fill-rule="evenodd" d="${icon.path}"/></svg>`;
    uri = `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
    uriCache.set(key, uri);
  }
  return uri;
}
