/**
 * The settings popover: the expansion cap (how many neighbours one expansion adds before the choice
 * dialog appears), the theme, and whether the minimap and the timeline are shown. Esc or a click outside
 * closes it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { EDGE_CAPTION_ZOOMS, NEIGHBOUR_CAP_RANGE, type ExplorerSettings, type ThemeChoice } from '../state/view-storage.ts';
import { Icon } from './Icon.tsx';
import './SettingsPopover.css';

interface SettingsPopoverProps {
  settings: ExplorerSettings;
  onChange(settings: ExplorerSettings): void;
}

const THEMES: Array<{ value: ThemeChoice; title: string }> = [
  { value: 'system', title: 'System' },
  { value: 'light', title: 'Light' },
  { value: 'dark', title: 'Dark' },
];

export function SettingsPopover({ settings, onChange }: SettingsPopoverProps) {
  const [open, setOpen] = useState(false);
  const [capText, setCapText] = useState(String(settings.neighbourCap));
  const rootRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => setCapText(String(settings.neighbourCap)), [settings.neighbourCap]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const commitCap = () => {
    const cap = Number(capText);
    if (Number.isInteger(cap) && cap >= NEIGHBOUR_CAP_RANGE.min && cap <= NEIGHBOUR_CAP_RANGE.max) {
      onChange({ ...settings, neighbourCap: cap });
    } else {
      setCapText(String(settings.neighbourCap));
    }
  };

  return (
    <div className="popover-anchor" ref={rootRef}>
      <button
        type="button"
        className="button icon-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label="Settings"
        title="Settings"
        data-testid="settings-button"
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="gear" />
      </button>
      {open && (
        <div className="popover" id={panelId} role="dialog" aria-label="Settings" data-testid="settings-popover">
          <label className="form-row">
            <span>Neighbours per expansion</span>
            <input
              type="number"
              min={NEIGHBOUR_CAP_RANGE.min}
              max={NEIGHBOUR_CAP_RANGE.max}
              value={capText}
              data-testid="neighbour-cap"
              onChange={(event) => setCapText(event.target.value)}
              onBlur={commitCap}
              onKeyDown={(event) => {
                if (event.key === 'Enter') commitCap();
              }}
            />
          </label>
          <p className="muted small">More than this asks which neighbours to add.</p>
          <label className="form-row form-row-stacked">
            <span>Relationship captions</span>
            <select
              value={settings.edgeCaptionZoom}
              data-testid="edge-caption-zoom"
              onChange={(event) => onChange({ ...settings, edgeCaptionZoom: Number(event.target.value) })}
            >
              {EDGE_CAPTION_ZOOMS.map((zoom) => (
                <option key={zoom} value={zoom}>
                  {zoom === 0 ? 'always, all of them' : `from ${Math.round(zoom * 100)} % zoom, where they fit`}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small">Below that zoom, only the selection's and the one under the pointer.</p>
          <fieldset className="form-row segmented">
            <legend>Theme</legend>
            {THEMES.map((theme) => (
              <label key={theme.value} className={settings.theme === theme.value ? 'segment active' : 'segment'}>
                <input
                  type="radio"
                  name={`${panelId}-theme`}
                  value={theme.value}
                  checked={settings.theme === theme.value}
                  onChange={() => onChange({ ...settings, theme: theme.value })}
                />
                {theme.title}
              </label>
            ))}
          </fieldset>
          <label className="check-row">
            <input type="checkbox" checked={settings.showMinimap} onChange={(event) => onChange({ ...settings, showMinimap: event.target.checked })} />
            Overview minimap
          </label>
          <label className="check-row">
            <input
              type="checkbox"
              checked={settings.showTimeline}
              data-testid="timeline-toggle"
              onChange={(event) => onChange({ ...settings, showTimeline: event.target.checked })}
            />
            Timeline strip
          </label>
        </div>
      )}
    </div>
  );
}
