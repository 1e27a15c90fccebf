/**
 * The export formats, a plain list: a new format is one module and one entry here (and its name in the
 * contract's EXPORT_FORMATS). PNG and SVG pictures are made in the client.
 */
import { EXPORT_FORMATS, type ExportFormatName } from '../contract.ts';
import { AppError } from '../errors.ts';
import { csvFormat } from './csv-format.ts';
import { cypherFormat } from './cypher-format.ts';
import { cytoscapeFormat } from './cytoscape-format.ts';
import type { ExportFormat } from './export-graph.ts';
import { graphmlFormat } from './graphml-format.ts';
import { jsonFormat } from './json-format.ts';

export const EXPORT_FORMAT_REGISTRY: readonly ExportFormat[] = [jsonFormat, cytoscapeFormat, graphmlFormat, csvFormat, cypherFormat];

export function exportFormat(name: ExportFormatName): ExportFormat {
  const format = EXPORT_FORMAT_REGISTRY.find((candidate) => candidate.name === name);
  if (!format) {
    throw new AppError('VALIDATION_FAILED', `Invalid export request: format: must be one of ${EXPORT_FORMATS.join(', ')}.`, {
      details: { issues: [{ path: 'format', message: `unknown format "${name}"` }] },
    });
  }
  return format;
}
