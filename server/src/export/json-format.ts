/**
 * `json`: the API's graph transport (`{nodes, relationships}`, values as lossless JSON) with `meta`
 * (database, scope, exported at, counts) first. One node or relationship per line.
 */
import { stringify } from 'lossless-json'; // the scope's query parameters may hold exact bigints
import type { GraphNode, GraphRelationship } from '../contract.ts';
import type { ExportFormat } from './export-graph.ts';
import { propertiesJson } from './property-text.ts';

export const jsonFormat: ExportFormat = {
  name: 'json',
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  propertyKeys: false,
  async *write(graph) {
    yield `{"meta":${stringify(graph.meta)},\n"nodes":[`;
    let first = true;
    for await (const node of graph.nodes()) {
      const json: GraphNode = { id: node.id, elementId: node.elementId, labels: [...node.labels], properties: propertiesJson(node.properties) };
      yield `${first ? '\n' : ',\n'}${JSON.stringify(json)}`;
      first = false;
    }
    yield '\n],\n"relationships":[';
    first = true;
    for await (const rel of graph.relationships()) {
      const json: GraphRelationship = {
        id: rel.id,
        elementId: rel.elementId,
        type: rel.type,
        source: rel.source,
        target: rel.target,
        properties: propertiesJson(rel.properties),
      };
      yield `${first ? '\n' : ',\n'}${JSON.stringify(json)}`;
      first = false;
    }
    yield '\n]}\n';
  },
};
