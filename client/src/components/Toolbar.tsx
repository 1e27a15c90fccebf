/**
 * The canvas toolbar: undo / redo, layout choice and re-run, fit, zoom and fullscreen, then (right-aligned) a slot
 * for other tools (the Export menu), the share link and the settings.
 */
import { useState, type ReactNode } from 'react';
import { ZOOM_STEP } from '../graph/GraphCanvas.tsx';
import { LAYOUTS } from '../graph/layouts.ts';
import type { ExplorerSettings } from '../state/view-storage.ts';
import { ContextMenu } from './ContextMenu.tsx';
import { Icon } from './Icon.tsx';
import { SettingsPopover } from './SettingsPopover.tsx';
import './Toolbar.css';

interface ToolbarProps {
  layoutName: string;
  disabled: boolean;
  /** What Undo / Redo would undo or redo ("expand Russia"); null when there is nothing. */
  undoChange: string | null;
  redoChange: string | null;
  settings: ExplorerSettings;
  onSettingsChange(settings: ExplorerSettings): void;
  onUndo(): void;
  onRedo(): void;
  onLayoutChange(name: string): void;
  onRunLayout(): void;
  onFit(): void;
  onZoom(factor: number): void;
  /** Whether the canvas fills the screen; the button enters or leaves fullscreen (Shift+F). */
  fullscreen: boolean;
  onFullscreen(): void;
  /** Whether the details panel shows; its toggle appears where the panel overlays the canvas (a narrow window). */
  detailsOpen: boolean;
  onToggleDetails(): void;
  onShare(): void;
  /** More tools, shown after the built-in ones (e.g. the Export menu). */
  extra?: ReactNode;
}

export function Toolbar(props: ToolbarProps) {
  const { layoutName, disabled, undoChange, redoChange } = props;
  const [more, setMore] = useState<{ x: number; y: number } | null>(null);
  return (
    <div className="toolbar" role="toolbar" aria-label="Graph tools">
      <div className="toolbar-group">
        <button
          type="button"
          className="button icon-button"
          disabled={undoChange === null}
          onClick={props.onUndo}
          title={undoChange ? `Undo ${undoChange} (Ctrl+Z)` : 'Nothing to undo'}
          aria-label="Undo"
          data-testid="undo"
        >
          <Icon name="undo" />
        </button>
        <button
          type="button"
          className="button icon-button"
          disabled={redoChange === null}
          onClick={props.onRedo}
          title={redoChange ? `Redo ${redoChange} (Ctrl+Shift+Z)` : 'Nothing to redo'}
          aria-label="Redo"
          data-testid="redo"
        >
          <Icon name="redo" />
        </button>
      </div>
      <span className="toolbar-divider" aria-hidden="true" />
      <label className="toolbar-field">
        <span className="toolbar-label">Layout</span>
        <select
          value={layoutName}
          disabled={disabled}
          data-testid="layout-select"
          onChange={(event) => props.onLayoutChange(event.target.value)}
        >
          {LAYOUTS.map((layout) => (
            <option key={layout.name} value={layout.name}>
              {layout.title}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button icon-button toolbar-optional"
        disabled={disabled}
        onClick={props.onRunLayout}
        data-testid="layout-run"
        title="Run the layout again"
        aria-label="Re-run layout"
      >
        <Icon name="rerun" />
      </button>
      <span className="toolbar-divider" aria-hidden="true" />
      <div className="toolbar-group">
        <button type="button" className="button icon-button" disabled={disabled} onClick={props.onFit} data-testid="fit" title="Fit the graph (F)" aria-label="Fit">
          <Icon name="fit" />
        </button>
        <button type="button" className="button icon-button toolbar-optional" disabled={disabled} onClick={() => props.onZoom(ZOOM_STEP)} title="Zoom in (+)" aria-label="Zoom in" data-testid="zoom-in">
          <Icon name="plus" />
        </button>
        <button type="button" className="button icon-button toolbar-optional" disabled={disabled} onClick={() => props.onZoom(1 / ZOOM_STEP)} title="Zoom out (−)" aria-label="Zoom out" data-testid="zoom-out">
          <Icon name="minus" />
        </button>
        <button
          type="button"
          className="button icon-button toolbar-optional"
          disabled={disabled}
          onClick={props.onFullscreen}
          title={props.fullscreen ? 'Leave fullscreen (Shift+F, Esc)' : 'Fullscreen canvas (Shift+F)'}
          aria-label={props.fullscreen ? 'Leave fullscreen' : 'Fullscreen'}
          aria-pressed={props.fullscreen}
          data-testid="fullscreen"
        >
          <Icon name={props.fullscreen ? 'fullscreenExit' : 'fullscreen'} />
        </button>
        {/* A narrow toolbar hides the buttons above (toolbar-optional) and offers them here. */}
        <button
          type="button"
          className="button icon-button toolbar-more"
          disabled={disabled}
          aria-haspopup="menu"
          aria-expanded={more !== null}
          title="More tools"
          aria-label="More tools"
          data-testid="toolbar-more"
          onClick={(event) => {
            const box = event.currentTarget.getBoundingClientRect();
            setMore(more ? null : { x: box.left, y: box.bottom + 4 });
          }}
        >
          <Icon name="more" />
        </button>
        {more && (
          <ContextMenu
            at={more}
            title="the toolbar"
            onClose={() => setMore(null)}
            groups={[
              {
                items: [
                  { label: 'Re-run layout', run: props.onRunLayout, testId: 'more-layout-run' },
                  { label: 'Zoom in', shortcut: '+', run: () => props.onZoom(ZOOM_STEP), testId: 'more-zoom-in' },
                  { label: 'Zoom out', shortcut: '−', run: () => props.onZoom(1 / ZOOM_STEP), testId: 'more-zoom-out' },
                  { label: props.fullscreen ? 'Leave fullscreen' : 'Fullscreen', shortcut: 'Shift+F', run: props.onFullscreen, testId: 'more-fullscreen' },
                ],
              },
            ]}
          />
        )}
      </div>
      <span className="toolbar-spacer" />
      <div className="toolbar-group toolbar-slot" data-slot="tools">
        {props.extra}
        <button type="button" className="button" onClick={props.onShare} title="Copy a link to this view" aria-label="Share" data-testid="share">
          <Icon name="link" />
          <span className="button-text">Share</span>
        </button>
        <SettingsPopover settings={props.settings} onChange={props.onSettingsChange} />
        <button
          type="button"
          className="button icon-button toolbar-details-toggle"
          onClick={props.onToggleDetails}
          aria-pressed={props.detailsOpen}
          title={props.detailsOpen ? 'Hide the details panel (I)' : 'Show the details panel (I)'}
          aria-label="Details panel"
          data-testid="details-toggle"
        >
          <Icon name="info" />
        </button>
      </div>
    </div>
  );
}
