/**
 * `graphml`: GraphML 1.0 (http://graphml.graphdrawing.org/) for Gephi, yEd, Cytoscape desktop, networkx and
 * igraph. Every property key is declared up front as a typed `<key>` (from the export's plan): `boolean`,
 * `long` or `double` when all its values have that Cypher type, else `string`, where lists, points and byte
 * arrays are the API's JSON and temporal values ISO 8601. Node labels are the `labels` attribute
 * (`:Actor:Country`) and relationship types the `label` attribute, as Neo4j's APOC writes them.
 *
 * Node and edge ids are the transport ids when they are XML name tokens (GraphML's type for ids), else the
 * elementId, and attribute names are property keys made name tokens (the key itself in the `<key>`'s
 * `<desc>` when that changed it), so the file is always valid against GraphML's XML Schema. Characters
 * XML 1.0 cannot carry at all (most control characters) are written as U+FFFD.
 */
import { stringify } from 'lossless-json'; // the scope's query parameters may hold exact bigints
import type { ExportedNode, ExportFormat, PropertyKeyTypes } from './export-graph.ts';
import { propertyColumnNames, propertyText } from './property-text.ts';

/** XML 1.0 (fifth edition) NameChar: an `xs:NMTOKEN` (GraphML's type for ids and attribute names) is 1+ of them. */
const NAME_CHAR = '-.0-9:A-Z_a-z\\u00B7\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u203F\\u2040\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NMTOKEN = new RegExp(`^[${NAME_CHAR}]+$`, 'u');
const NOT_NAME_CHARS = new RegExp(`[^${NAME_CHAR}]+`, 'gu');
/** Characters XML 1.0 has no way to write: C0 controls except tab, LF and CR; lone surrogates; U+FFFE/F. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/** Text for element content: markup escaped, CR kept (a parser would turn a raw CR LF into LF). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => ESCAPES[c] as string);
}

/** Text for an attribute value: also quotes, tabs and newlines (a parser would turn them into spaces). */
export function xmlAttribute(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"\r\n\t]/g, (c) => ESCAPES[c] as string);
}

/** A GraphML id for an element: its transport id when that is a name token, else its elementId. */
export function graphmlId(transportId: string, elementId: string): string {
  return NMTOKEN.test(transportId) ? transportId : elementId;
}

const GRAPHML_TYPES: Record<string, string> = { BOOLEAN: 'boolean', INTEGER: 'long', FLOAT: 'double', STRING: 'string' };

/** The `attr.type` of a key: its Cypher type's GraphML twin when all values share one, else `string`. */
export function graphmlType(key: PropertyKeyTypes): string {
  const [only] = key.types;
  return key.types.length === 1 && only !== undefined ? (GRAPHML_TYPES[only] ?? 'string') : 'string';
}

/**
 * The `attr.name`s of property keys beside a fixed attribute (`labels`, `label`): GraphML types them as name
 * tokens, so each run of other characters (a space, a backtick) becomes `_`; a key that then meets the fixed
 * name or another key's name is told apart as `property:<name>`. Returns key → attr.name.
 */
export function graphmlAttrNames(keys: readonly string[], fixed: string): Map<string, string> {
  return propertyColumnNames(keys, [fixed], (key) => key.replace(NOT_NAME_CHARS, '_') || '_');
}

interface KeyDeclaration {
  id: string;
  key: string;
  attrName: string;
  attrType: string;
}

function declarations(prefix: string, keys: readonly PropertyKeyTypes[], fixed: string): KeyDeclaration[] {
  const names = graphmlAttrNames(keys.map((k) => k.key), fixed);
  return keys.map((key, i) => ({ id: `${prefix}${i}`, key: key.key, attrName: names.get(key.key) as string, attrType: graphmlType(key) }));
}

/** A `<key>`; when its attr.name is not the property key itself, its `<desc>` holds the key, so no name is lost. */
function keyElement(key: KeyDeclaration, kind: 'node' | 'edge'): string {
  const open = `<key id="${key.id}" for="${kind}" attr.name="${xmlAttribute(key.attrName)}" attr.type="${key.attrType}"`;
  return key.attrName === key.key ? `${open}/>\n` : `${open}><desc>${xmlText(key.key)}</desc></key>\n`;
}

function dataElements(properties: ExportedNode['properties'], keys: readonly KeyDeclaration[]): string {
  let out = '';
  for (const key of keys) {
    const value = properties[key.key];
    if (value === undefined || value === null) continue;
    out += `<data key="${key.id}">${xmlText(propertyText(value))}</data>`;
  }
  return out;
}

export const graphmlFormat: ExportFormat = {
  name: 'graphml',
  contentType: 'application/graphml+xml; charset=utf-8',
  extension: 'graphml',
  propertyKeys: true,
  async *write(graph) {
    const nodeKeys = declarations('n', graph.schema.nodeProperties, 'labels');
    const edgeKeys = declarations('e', graph.schema.relationshipProperties, 'label');
    const { meta } = graph;
    let head =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      '<key id="labels" for="node" attr.name="labels" attr.type="string"/>\n' +
      '<key id="label" for="edge" attr.name="label" attr.type="string"/>\n';
    for (const key of nodeKeys) head += keyElement(key, 'node');
    for (const key of edgeKeys) head += keyElement(key, 'edge');
    const description = `kg-explorer export of database "${meta.database}" at ${meta.exportedAt}: ${meta.counts.nodes} nodes, ${meta.counts.relationships} relationships; scope ${stringify(meta.scope)}`;
    head += `<graph id="G" edgedefault="directed">\n<desc>${xmlText(description)}</desc>\n`;
    yield head;

    for await (const node of graph.nodes()) {
      const labels = node.labels.map((label) => `:${label}`).join('');
      yield `<node id="${xmlAttribute(graphmlId(node.id, node.elementId))}"><data key="labels">${xmlText(labels)}</data>${dataElements(node.properties, nodeKeys)}</node>\n`;
    }
    for await (const rel of graph.relationships()) {
      const id = xmlAttribute(graphmlId(rel.id, rel.elementId));
      const source = xmlAttribute(graphmlId(rel.source, rel.sourceElementId));
      const target = xmlAttribute(graphmlId(rel.target, rel.targetElementId));
      yield `<edge id="${id}" source="${source}" target="${target}"><data key="label">${xmlText(rel.type)}</data>${dataElements(rel.properties, edgeKeys)}</edge>\n`;
    }
    yield '</graph>\n</graphml>\n';
  },
};
