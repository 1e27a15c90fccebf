/**
 * The interface's line icons (toolbar, panels) as a registry of 20×20 SVG paths, stroked in currentColor.
 */

const ICON_PATHS = {
  undo: 'M7.5 5 3.5 9l4 4M4 9h8a4.5 4.5 0 0 1 0 9h-2',
  redo: 'm12.5 5 4 4-4 4M16 9H8a4.5 4.5 0 0 0 0 9h2',
  rerun: 'M16 10a6 6 0 1 1-1.8-4.3M16 3v3.5h-3.5',
  fit: 'M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4',
  plus: 'M10 4v12M4 10h12',
  minus: 'M4 10h12',
  link: 'M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L10 5M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1',
  gear: 'M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM10 2.5v2M10 15.5v2M2.5 10h2M15.5 10h2M4.7 4.7l1.4 1.4M13.9 13.9l1.4 1.4M4.7 15.3l1.4-1.4M13.9 6.1l1.4-1.4',
  close: 'M5 5l10 10M15 5 5 15',
  chevron: 'm7 4 6 6-6 6',
  expand: 'M10 4v12M4 10h12',
  collapse: 'M4 10h12',
  path: 'M4.5 15.5a2 2 0 1 0 0 .01M15.5 4.5a2 2 0 1 0 0 .01M6 14l3-4h2l3-4',
  clock: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM10 6v4l2.5 2',
  trash: 'M4 6h12M8 6V4h4v2M6 6l1 11h6l1-11',
  download: 'M10 3v9M6 8.5l4 4 4-4M4 16h12',
  fullscreen: 'M3 8V3h5M12 3h5v5M17 12v5h-5M8 17H3v-5M7 7l-3-3M13 7l3-3M13 13l3 3M7 13l-3 3',
  fullscreenExit: 'M8 3v5H3M17 8h-5V3M12 17v-5h5M3 12h5v5',
  more: 'M4.5 10h.01M10 10h.01M15.5 10h.01',
  info: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM10 9v5M10 6.5v.01',
  search: 'M8.5 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM12.5 12.5 17 17',
  filter: 'M3 4h14l-5.5 6.5V16l-3-1.5v-4z',
  styles: 'M10 17a7 7 0 1 1 7-7c0 2-1.5 2.5-3 2.5h-1.5a1.5 1.5 0 0 0-1 2.6c.6.6.3 1.9-1.5 1.9zM6.5 9.5h.01M9 6.5h.01M13 7.5h.01',
  schema: 'M5 5.5a2 2 0 1 0 0 .01M15 5.5a2 2 0 1 0 0 .01M10 15.5a2 2 0 1 0 0 .01M7 5.5h6M6 7.3l3 6.4M14 7.3l-3 6.4',
  legend: 'M4 5h.01M8 5h8M4 10h.01M8 10h8M4 15h.01M8 15h8',
  sidebar: 'M3 4h14v12H3zM8 4v12',
} as const;

export type IconName = keyof typeof ICON_PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg viewBox="0 0 20 20" width={size} height={size} aria-hidden="true" className="icon">
      <path d={ICON_PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
