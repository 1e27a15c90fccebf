/**
 * `csv`: a zip holding `nodes.csv` and `relationships.csv` (RFC 4180: comma-separated, CRLF line ends,
 * fields quoted when they hold a comma, quote, CR or LF, quotes doubled), the shape Gephi's spreadsheet
 * import takes (`Id`; `Id`, `Source`, `Target`) and that Neo4j's LOAD CSV and Data Importer read:
 *
 * - nodes.csv: `Id` (transport id), `Labels` (`;`-separated), then one column per property key;
 * - relationships.csv: `Id`, `Source`, `Target` (transport ids), `RelationshipType`, then one column per
 *   property key.
 *
 * A property key equal to a fixed column (ignoring case, as Gephi does) is written as `property:<key>`.
 * A missing property is an empty field; an empty string is `""` (LOAD CSV reads the first as null, the
 * second as ''). Values are written as by property-text.ts (lists as JSON, temporal values as ISO 8601).
 * Both files stream into the zip: neither is ever whole in memory.
 */
import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { PropertyValue } from '../db/property-values.ts';
import type { ExportFormat, ExportGraph, PropertyKeyTypes } from './export-graph.ts';
import { propertyColumnNames, propertyText } from './property-text.ts';
import { coalesce } from './text-chunks.ts';

export const NODE_COLUMNS = ['Id', 'Labels'] as const;
export const RELATIONSHIP_COLUMNS = ['Id', 'Source', 'Target', 'RelationshipType'] as const;

/** One RFC 4180 field: quoted when it must be, or when `quote` asks (an empty string). */
export function csvField(text: string, quote = false): string {
  return quote || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(fields: readonly string[]): string {
  return `${fields.join(',')}\r\n`;
}

function cell(value: PropertyValue | undefined): string {
  if (value === undefined || value === null) return '';
  const text = propertyText(value);
  return csvField(text, text === '');
}

function header(fixed: readonly string[], keys: readonly PropertyKeyTypes[]): { row: string; keys: string[] } {
  const names = propertyColumnNames(
    keys.map((k) => k.key),
    fixed,
  );
  const ordered = keys.map((k) => k.key);
  return { row: csvRow([...fixed, ...ordered.map((key) => names.get(key) as string)].map((name) => csvField(name))), keys: ordered };
}

async function* nodesCsv(graph: ExportGraph): AsyncGenerator<string> {
  const { row, keys } = header(NODE_COLUMNS, graph.schema.nodeProperties);
  yield row;
  for await (const node of graph.nodes()) {
    yield csvRow([csvField(node.id, node.id === ''), csvField(node.labels.join(';')), ...keys.map((key) => cell(node.properties[key]))]);
  }
}

async function* relationshipsCsv(graph: ExportGraph): AsyncGenerator<string> {
  const { row, keys } = header(RELATIONSHIP_COLUMNS, graph.schema.relationshipProperties);
  yield row;
  for await (const rel of graph.relationships()) {
    yield csvRow([csvField(rel.id), csvField(rel.source), csvField(rel.target), csvField(rel.type), ...keys.map((key) => cell(rel.properties[key]))]);
  }
}

export const csvFormat: ExportFormat = {
  name: 'csv',
  contentType: 'application/zip',
  extension: 'zip',
  propertyKeys: true,
  async *write(graph) {
    const zip = new yazl.ZipFile();
    const output = zip.outputStream as Readable;
    const entries: Readable[] = [];
    const fail = (error: Error) => output.destroy(error);
    zip.on('error', fail);
    const entry = (name: string, rows: () => AsyncIterable<string>) =>
      zip.addReadStreamLazy(name, { mtime: new Date(graph.meta.exportedAt) }, (open) => {
        // Created only when the zip reaches this entry, so the relationships are read after the nodes.
        const stream = Readable.from(coalesce(rows()), { objectMode: false });
        stream.on('error', fail);
        entries.push(stream);
        open(null, stream);
      });
    entry('nodes.csv', () => nodesCsv(graph));
    entry('relationships.csv', () => relationshipsCsv(graph));
    zip.end();
    try {
      for await (const chunk of output) yield chunk as Uint8Array;
    } finally {
      for (const stream of entries) stream.destroy();
    }
  },
};
