/**
 * `cytoscape`: Cytoscape.js JSON that `cy.json(file)` (or `cytoscape({elements: file.elements})`) loads as
 * it is, the shape Cytoscape desktop writes as `.cyjs`. Element ids are the transport ids, as in the
 * explorer; each element's `data` holds its labels or type and its `properties` (nested, so that a property
 * named `id`, `source`, `target` or `parent` can't take the place of Cytoscape's own fields). Integers
 * beyond 2^53 are exact JSON numbers, as in the `json` format.
 */
import { stringify } from 'lossless-json'; // the scope's query parameters may hold exact bigints
import type { ExportFormat } from './export-graph.ts';
import { elementJsonText } from './property-text.ts';

export const cytoscapeFormat: ExportFormat = {
  name: 'cytoscape',
  contentType: 'application/json; charset=utf-8',
  extension: 'cyjs',
  propertyKeys: false,
  async *write(graph) {
    const header = { format_version: '1.0', generated_by: 'kg-explorer', target_cytoscapejs_version: '~3', data: graph.meta };
    yield `${(stringify(header) as string).slice(0, -1)},\n"elements":{"nodes":[`;
    let first = true;
    for await (const node of graph.nodes()) {
      const text = elementJsonText({ id: node.id, elementId: node.elementId, labels: node.labels }, node.properties, (data) => ({ data }));
      yield `${first ? '\n' : ',\n'}${text}`;
      first = false;
    }
    yield '\n],"edges":[';
    first = true;
    for await (const rel of graph.relationships()) {
      const fields = { id: rel.id, elementId: rel.elementId, source: rel.source, target: rel.target, type: rel.type };
      const text = elementJsonText(fields, rel.properties, (data) => ({ data }));
      yield `${first ? '\n' : ',\n'}${text}`;
      first = false;
    }
    yield '\n]}}\n';
  },
};
