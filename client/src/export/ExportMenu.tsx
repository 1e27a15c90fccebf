/**
 * The toolbar's Export menu: what (the current view, the selection, the selected node's neighbourhood, or
 * the workbench's last query) and how (a server format from POST /api/export, or a PNG / SVG picture of
 * the view made here, with a legend, of the whole graph or the visible area, at a chosen scale).
 */
import { useState } from 'react';
import type { Core } from 'cytoscape';
import { EXPORT_FORMATS, type ExportFormatName, type ExportScope, type SelectionScope } from '../../../server/src/contract.ts';
import { downloadExport } from '../api/export-api.ts';
import { Icon } from '../components/Icon.tsx';
import { downloadBlob as download } from '../workbench/clipboard.ts';
import { browserStore } from '../state/storage.ts';
import { parseParams } from '../workbench/query-params.ts';
import { loadHistory } from '../workbench/query-history.ts';
import { viewPng, viewSvg } from './view-image.ts';
import './ExportMenu.css';

type Format = ExportFormatName | 'png' | 'svg';
type ScopeChoice = 'view' | 'selection' | 'neighbourhood' | 'query';

const FORMAT_TITLES: Record<Format, string> = {
  json: 'JSON (graph + metadata)',
  cytoscape: 'Cytoscape.js JSON',
  graphml: 'GraphML (Gephi, yEd, networkx)',
  csv: 'CSV (zip: nodes, relationships)',
  cypher: 'Cypher script',
  png: 'PNG picture of the view',
  svg: 'SVG picture of the view',
};
const FORMATS: Format[] = [...EXPORT_FORMATS, 'png', 'svg'];

export interface ExportMenuProps {
  /** The Cytoscape instance of the canvas, for pictures. */
  core(): Core | null;
  /** "Current view": the nodes and relationships drawn (view-scope.ts), null when nothing is drawn. */
  viewScope(): SelectionScope | null;
  /** "Selection": the selected nodes that are drawn and the drawn relationships among them, null when none. */
  selectionScope(): SelectionScope | null;
  /** Ids of the selected nodes (a selected relationship counts as its two ends). */
  selectedNodeIds(): string[];
  dark: boolean;
}

export function ExportMenu({ core, viewScope, selectionScope, selectedNodeIds, dark }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<Format>('graphml');
  const [scopeChoice, setScopeChoice] = useState<ScopeChoice>('view');
  const [depth, setDepth] = useState(1);
  const [full, setFull] = useState(true);
  const [scale, setScale] = useState(2);
  const [keepHighlight, setKeepHighlight] = useState(false);
  const [status, setStatus] = useState<{ kind: 'busy' | 'error' | 'done'; text: string } | null>(null);
  const picture = format === 'png' || format === 'svg';

  const scope = (): ExportScope => {
    if (scopeChoice === 'selection') {
      const selected = selectionScope();
      if (selected === null) throw new Error('Select a node or relationship that is shown first.');
      return selected;
    }
    if (scopeChoice === 'neighbourhood') {
      const [around] = selectedNodeIds();
      if (around === undefined) throw new Error('Select the node whose neighbourhood to export.');
      return { around, depth };
    }
    if (scopeChoice === 'query') {
      const [last] = loadHistory(browserStore());
      if (!last) throw new Error('Run a query in the workbench first.');
      const params = parseParams(last.params);
      if (!params.ok) throw new Error(params.message);
      return { query: last.query, params: params.params };
    }
    const drawn = viewScope();
    if (drawn === null) throw new Error('Nothing is shown: the view is empty or filtered out.');
    return drawn;
  };

  const run = async () => {
    setStatus({ kind: 'busy', text: 'Exporting…' });
    try {
      if (picture) {
        const cy = core();
        if (!cy) throw new Error('The graph is not drawn yet.');
        const options = { full, scale, keepHighlight, background: dark ? '#16191d' : '#ffffff', ink: dark ? '#e8eaed' : '#1f2328' };
        if (format === 'png') {
          setStatus({ kind: 'busy', text: `Drawing ${cy.elements(':visible').length.toLocaleString('en-US')} elements… (the page waits while the browser draws)` });
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))); // let the status show first
          const png = await viewPng(cy, options);
          download(png.blob, 'graph.png');
          if (png.scale < scale) {
            setStatus({ kind: 'done', text: `Downloaded at ${Number(png.scale.toFixed(2))}× instead of ${scale}×: the browser's largest picture is 32,767 px a side and 268 million pixels.` });
            return;
          }
        } else download(new Blob([viewSvg(cy, options)], { type: 'image/svg+xml' }), 'graph.svg');
      } else {
        // A broken stream rejects, so a partial file is never offered as complete.
        const file = await downloadExport({ format, scope: scope() });
        download(file.blob, file.filename);
      }
      setStatus({ kind: 'done', text: 'Downloaded.' });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="export-menu">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-label="Export"
        title="Export the graph or a picture of the view"
        data-testid="export-toggle"
        onClick={() => setOpen(!open)}
      >
        <Icon name="download" />
        <span className="button-text">Export</span>
      </button>
      {open && (
        <div className="export-popover" role="dialog" aria-label="Export" data-testid="export-menu">
          <label>
            Format
            <select value={format} data-testid="export-format" onChange={(e) => setFormat(e.target.value as Format)}>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_TITLES[f]}
                </option>
              ))}
            </select>
          </label>
          {picture ? (
            <>
              <label>
                Area
                <select value={full ? 'full' : 'visible'} data-testid="export-area" onChange={(e) => setFull(e.target.value === 'full')}>
                  <option value="full">Whole graph</option>
                  <option value="visible">Visible area</option>
                </select>
              </label>
              <label>
                Scale
                <select value={scale} data-testid="export-scale" onChange={(e) => setScale(Number(e.target.value))}>
                  {[1, 2, 3, 4].map((s) => (
                    <option key={s} value={s}>
                      {s}×
                    </option>
                  ))}
                </select>
              </label>
              <label className="check-row">
                <input type="checkbox" checked={keepHighlight} data-testid="export-keep-highlight" onChange={(e) => setKeepHighlight(e.target.checked)} />
                Keep the highlight (fade what is outside the selection or paths)
              </label>
            </>
          ) : (
            <>
              <label>
                What
                <select value={scopeChoice} data-testid="export-scope" onChange={(e) => setScopeChoice(e.target.value as ScopeChoice)}>
                  <option value="view">Current view</option>
                  <option value="selection">Selection</option>
                  <option value="neighbourhood">Neighbourhood of the selected node</option>
                  <option value="query">Last workbench query</option>
                </select>
              </label>
              {scopeChoice === 'neighbourhood' && (
                <label>
                  Depth
                  <select value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
                    {[1, 2, 3].map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </>
          )}
          <button type="button" className="button primary" data-testid="export-run" disabled={status?.kind === 'busy'} onClick={() => void run()}>
            Download
          </button>
          {status && (
            <p className={status.kind === 'error' ? 'export-status error' : 'export-status'} role="status" data-testid="export-status">
              {status.text}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
