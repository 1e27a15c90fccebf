/**
 * `json`: the API's graph transport (`{nodes, relationships}`, values as lossless JSON) with `meta`
 * (database, scope, exported at, counts) first. One node or relationship per line. An integer beyond 2^53
 * is a JSON number with all its digits (elementJsonText), not the API's string: read the file with a
 * parser that keeps them (Python's json does; in JavaScript, lossless-json or JSON.parse's source text).
 */
import { stringify } from 'lossless-json'; // the scope's query parameters may hold exact bigints
import type { ExportFormat } from './export-graph.ts';
import { elementJsonText } from './property-text.ts';

export const jsonFormat: ExportFormat = {
  name: 'json',
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  propertyKeys: false,
  async *write(graph) {
    yield `{"meta":${stringify(graph.meta)},\n"nodes":[`;
    let first = true;
    for await (const node of graph.nodes()) {
      const text = elementJsonText({ id: node.id, elementId: node.elementId, labels: [...node.labels] }, node.properties);
      yield `${first ? '\n' : ',\n'}${text}`;
      first = false;
    }
    yield '\n],\n"relationships":[';
    first = true;
    for await (const rel of graph.relationships()) {
      const text = elementJsonText({ id: rel.id, elementId: rel.elementId, type: rel.type, source: rel.source, target: rel.target }, rel.properties);
      yield `${first ? '\n' : ',\n'}${text}`;
      first = false;
    }
    yield '\n]}\n';
  },
};
