/**
 * The format writers on an in-memory graph: what they write, that they stream (a chunk is out before the
 * graph has been read), and the registry.
 */
import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { EXPORT_FORMATS, type ExportMeta } from '../../server/src/contract.ts';
import { csvField, csvRow } from '../../server/src/export/csv-format.ts';
import { CYPHER_BATCH, cypherFormat } from '../../server/src/export/cypher-format.ts';
import { cytoscapeFormat } from '../../server/src/export/cytoscape-format.ts';
import { EXPORT_FORMAT_REGISTRY, exportFormat } from '../../server/src/export/export-formats.ts';
import type { ExportedNode, ExportedRelationship, ExportGraph, ExportSchema } from '../../server/src/export/export-graph.ts';
import { graphmlAttrNames, graphmlFormat, graphmlId, graphmlType, xmlAttribute, xmlText } from '../../server/src/export/graphml-format.ts';
import { jsonFormat } from '../../server/src/export/json-format.ts';
import { propertyColumnNames } from '../../server/src/export/property-text.ts';
import { coalesce } from '../../server/src/export/text-chunks.ts';
import { splitStatements } from '../support/export-graphs.ts';

const META: ExportMeta = {
  database: 'neo4j',
  scope: { nodeIds: ['a', 'b'] },
  exportedAt: '2026-01-02T03:04:05.000Z',
  counts: { nodes: 2, relationships: 1 },
};

const NODES: ExportedNode[] = [
  { id: 'a', elementId: '4:x:0', labels: ['Actor', 'Country'], properties: { id: 'a', name: 'A & <B>', aliases: ['x', 'y'], population: 26000000n } },
  { id: '4:x:1', elementId: '4:x:1', labels: [], properties: { note: 'no id, no label', score: 0.5 } },
];
const RELATIONSHIPS: ExportedRelationship[] = [
  {
    id: 'a--SIGNED--b',
    elementId: '5:x:0',
    type: 'SIGNED',
    source: 'a',
    target: '4:x:1',
    sourceElementId: '4:x:0',
    targetElementId: '4:x:1',
    properties: { quote: 'He "signed", then\nleft', sources: ['isw'], certainty: 'confirmed' },
  },
];
const SCHEMA: ExportSchema = {
  labels: ['Actor', 'Country'],
  relationshipTypes: ['SIGNED'],
  nodeProperties: [
    { key: 'aliases', types: ['LIST<STRING>'] },
    { key: 'id', types: ['STRING'] },
    { key: 'name', types: ['STRING'] },
    { key: 'note', types: ['STRING'] },
    { key: 'population', types: ['INTEGER'] },
    { key: 'score', types: ['FLOAT'] },
  ],
  relationshipProperties: [
    { key: 'certainty', types: ['STRING'] },
    { key: 'quote', types: ['STRING'] },
    { key: 'sources', types: ['LIST<STRING>'] },
  ],
  constraints: [{ name: 'Country_id_unique', kind: 'UNIQUE', entity: 'NODE', labelOrType: 'Country', properties: ['id'] }],
};

/** A graph that records how far it was read, and fails if relationships are read before the nodes are done. */
function fakeGraph(nodes = NODES, relationships = RELATIONSHIPS, schema = SCHEMA) {
  const reads = { nodes: 0, relationships: 0, nodesDone: false };
  const graph: ExportGraph = {
    meta: { ...META, counts: { nodes: nodes.length, relationships: relationships.length } },
    schema,
    async *nodes() {
      for (const node of nodes) {
        reads.nodes++;
        yield node;
      }
      reads.nodesDone = true;
    },
    async *relationships() {
      if (!reads.nodesDone) throw new Error('relationships read before the nodes were done');
      for (const rel of relationships) {
        reads.relationships++;
        yield rel;
      }
    },
  };
  return { graph, reads };
}

async function text(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return out;
}

describe('the format registry', () => {
  it('has one writer per format of the contract, each with a Content-Type and an extension', () => {
    expect(EXPORT_FORMAT_REGISTRY.map((format) => format.name)).toEqual([...EXPORT_FORMATS]);
    for (const format of EXPORT_FORMAT_REGISTRY) {
      expect(format.contentType).toMatch(/^[a-z]+\/[\w.+-]+/);
      expect(format.extension).toMatch(/^[a-z]+$/);
    }
  });

  it('refuses an unknown format with VALIDATION_FAILED', () => {
    expect(() => exportFormat('pdf' as never)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe.each(EXPORT_FORMAT_REGISTRY.filter((format) => format.name !== 'csv'))('the $name writer', (format) => {
  it('writes its first chunk before reading the second node, and reads nodes before relationships', async () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...NODES[1], id: `n${i}`, elementId: `4:x:${i}` }) as ExportedNode);
    const { graph, reads } = fakeGraph(many, []);
    const iterator = format.write(graph)[Symbol.asyncIterator]();
    await iterator.next();
    expect(reads.nodes).toBeLessThanOrEqual(1);
    while (!(await iterator.next()).done);
    expect(reads.nodes).toBe(50);
  });
});

describe('json', () => {
  it('writes meta, then the graph transport with the API JSON of every value', async () => {
    const file = JSON.parse(await text(jsonFormat.write(fakeGraph().graph)));
    expect(file.meta).toEqual(META);
    expect(file.nodes[0]).toEqual({ id: 'a', elementId: '4:x:0', labels: ['Actor', 'Country'], properties: { id: 'a', name: 'A & <B>', aliases: ['x', 'y'], population: 26000000 } });
    expect(file.relationships[0]).toMatchObject({ id: 'a--SIGNED--b', source: 'a', target: '4:x:1', type: 'SIGNED', properties: { sources: ['isw'] } });
  });
});

describe('cytoscape', () => {
  it('is loaded by cy.json() as it is', async () => {
    const file = JSON.parse(await text(cytoscapeFormat.write(fakeGraph().graph)));
    const cy = cytoscape({ headless: true });
    cy.json(file);
    expect(cy.nodes().map((n) => n.id())).toEqual(['a', '4:x:1']);
    expect(cy.edges()[0]?.data()).toMatchObject({ source: 'a', target: '4:x:1', type: 'SIGNED', properties: { certainty: 'confirmed' } });
    expect(file.data).toEqual(META);
  });
});

describe('graphml', () => {
  it.each([
    ['&<>"', '&amp;&lt;&gt;"', '&amp;&lt;&gt;&quot;'],
    ['line\r\nend\ttab', 'line&#13;\nend\ttab', 'line&#13;&#10;end&#9;tab'],
    ['bell\u0007', 'bell\uFFFD', 'bell\uFFFD'],
    ['emoji 😀', 'emoji 😀', 'emoji 😀'],
  ])('escapes %j for text and attributes', (raw, inText, inAttribute) => {
    expect(xmlText(raw)).toBe(inText);
    expect(xmlAttribute(raw)).toBe(inAttribute);
  });

  it.each([
    ['north-korea', 'north-korea'],
    ['4:abc-def:12', '4:abc-def:12'],
    ['Ünïcödé', 'Ünïcödé'],
    ['has space', '4:x:9'],
    ['a/b', '4:x:9'],
  ])('uses %j as an id only when it is an XML name token', (id, expected) => {
    expect(graphmlId(id, '4:x:9')).toBe(expected);
  });

  it('names attributes as XML name tokens, GraphML\'s type for attr.name, and keeps them apart', () => {
    const keys = ['name', 'odd key', 'back`tick key', 'Größe', 'rocket🚀', '', 'labels', 'odd_key', 'a  /  b'];
    expect([...graphmlAttrNames(keys, 'labels')]).toEqual([
      ['name', 'name'],
      ['odd key', 'odd_key'],
      ['back`tick key', 'back_tick_key'],
      ['Größe', 'Größe'],
      ['rocket🚀', 'rocket🚀'],
      ['', '_'],
      ['labels', 'property:labels'],
      ['odd_key', 'property:odd_key'],
      ['a  /  b', 'a_b'],
    ]);
  });

  it('keeps a property key that its attr.name had to change in the key\'s <desc>', async () => {
    const { graph } = fakeGraph();
    const withOddKey = { ...graph, schema: { ...graph.schema, nodeProperties: [...graph.schema.nodeProperties, { key: 'odd key', types: ['STRING'] }] } };
    const xml = await text(graphmlFormat.write(withOddKey));
    expect(xml).toContain('attr.name="odd_key" attr.type="string"><desc>odd key</desc></key>\n');
    expect(xml).toContain('<key id="n4" for="node" attr.name="population" attr.type="long"/>\n');
  });

  it.each([
    [['INTEGER'], 'long'],
    [['FLOAT'], 'double'],
    [['BOOLEAN'], 'boolean'],
    [['STRING'], 'string'],
    [['LIST<STRING>'], 'string'],
    [['DATE'], 'string'],
    [['INTEGER', 'FLOAT'], 'string'],
  ])('declares a key of types %j as %s', (types, type) => {
    expect(graphmlType({ key: 'k', types })).toBe(type);
  });

  it('declares typed keys before the graph and writes labels, types and values', async () => {
    const xml = await text(graphmlFormat.write(fakeGraph().graph));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')).toBe(true);
    expect(xml.indexOf('<key id="n4" for="node" attr.name="population" attr.type="long"/>')).toBeLessThan(xml.indexOf('<graph '));
    expect(xml).toContain('<node id="a"><data key="labels">:Actor:Country</data><data key="n0">["x","y"]</data><data key="n1">a</data><data key="n2">A &amp; &lt;B&gt;</data>');
    expect(xml).toContain('<edge id="a--SIGNED--b" source="a" target="4:x:1"><data key="label">SIGNED</data>');
    expect(xml).toContain('He "signed", then\nleft');
    expect(xml.trimEnd().endsWith('</graph>\n</graphml>')).toBe(true);
  });
});

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
  ])('quotes %j as RFC 4180 asks', (raw, field) => {
    expect(csvField(raw)).toBe(field);
  });

  it('ends rows with CRLF and quotes an empty string, so it differs from a missing value', () => {
    expect(csvRow(['a', csvField('', true), ''])).toBe('a,"",\r\n');
  });

  it('renames a property column that clashes with a fixed one, ignoring case', () => {
    expect([...propertyColumnNames(['id', 'name', 'labels'], ['Id', 'Labels']).values()]).toEqual(['property:id', 'name', 'property:labels']);
  });
});

describe('cypher', () => {
  it('writes constraints first, then nodes and relationships in batches, then removes its temporary names', async () => {
    const script = await text(cypherFormat.write(fakeGraph().graph));
    const statements = splitStatements(script);
    expect(statements[0]).toBe('CREATE CONSTRAINT `Country_id_unique` IF NOT EXISTS FOR (n:`Country`) REQUIRE (n.`id`) IS UNIQUE');
    expect(statements[1]).toContain('REQUIRE n.`__kg_export_id` IS UNIQUE');
    expect(statements.filter((s) => s.startsWith('UNWIND'))).toHaveLength(3);
    expect(statements.at(-2)).toBe('MATCH (n:`__KgExport`) REMOVE n:`__KgExport`, n.`__kg_export_id`');
    expect(statements.at(-1)).toBe('DROP CONSTRAINT `__kg_export_key` IF EXISTS');
    expect(script).toContain("CREATE (n:`Actor`:`Country`:`__KgExport` {`__kg_export_id`: row.k})");
    expect(script).toContain("CREATE (n:`__KgExport` {`__kg_export_id`: row.k})");
    expect(script).toContain("{s: '4:x:0', t: '4:x:1', p: {`quote`: 'He \"signed\", then\\nleft', `sources`: ['isw'], `certainty`: 'confirmed'}}");
  });

  it('starts a new statement when a batch is full', async () => {
    const count = CYPHER_BATCH.rows * 2 + 1;
    const nodes = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, elementId: `4:x:${i}`, labels: ['Actor'], properties: {} }));
    const script = await text(cypherFormat.write(fakeGraph(nodes, []).graph));
    expect(splitStatements(script).filter((s) => s.startsWith('UNWIND'))).toHaveLength(3);
  });

  it('gathers nodes that arrive in no order into one statement per label set', async () => {
    const nodes = Array.from({ length: 6 }, (_, i) => ({ id: `n${i}`, elementId: `4:x:${i}`, labels: [i % 2 ? 'Person' : 'Country'], properties: {} }));
    const script = await text(cypherFormat.write(fakeGraph(nodes, []).graph));
    const creates = splitStatements(script).filter((s) => s.startsWith('UNWIND'));
    expect(creates).toHaveLength(2);
    expect(creates.find((s) => s.includes('CREATE (n:`Person`'))?.match(/\{k: /g)).toHaveLength(3);
    expect(creates.find((s) => s.includes('CREATE (n:`Country`'))?.match(/\{k: /g)).toHaveLength(3);
  });

  it('writes every open batch once they hold more than the buffer allows, so memory stays bounded', async () => {
    const big = 'x'.repeat(64 * 1024);
    const labelSets = Math.ceil(CYPHER_BATCH.buffered / big.length) + 4;
    const nodes = Array.from({ length: labelSets }, (_, i) => ({ id: `n${i}`, elementId: `4:x:${i}`, labels: [`L${i}`], properties: { big } }));
    const { graph, reads } = fakeGraph(nodes, []);
    let readBeforeFirstStatement: number | undefined;
    for await (const chunk of cypherFormat.write(graph)) {
      if (readBeforeFirstStatement === undefined && typeof chunk === 'string' && chunk.includes('UNWIND')) readBeforeFirstStatement = reads.nodes;
    }
    expect(readBeforeFirstStatement).toBeLessThan(labelSets);
  });

  it('chooses other temporary names when the graph already uses them', async () => {
    const schema = { ...SCHEMA, labels: ['__KgExport'], nodeProperties: [{ key: '__kg_export_id', types: ['STRING'] }] };
    const script = await text(cypherFormat.write(fakeGraph(NODES, RELATIONSHIPS, schema).graph));
    expect(script).toContain('`__KgExport_1`');
    expect(script).toContain('`__kg_export_id_1`');
  });
});

describe('coalesce', () => {
  it('joins small strings into larger chunks and passes bytes through', async () => {
    async function* parts() {
      yield 'ab';
      yield 'cd';
      yield new Uint8Array([1]);
      yield 'ef';
    }
    const out: Array<string | Uint8Array> = [];
    for await (const chunk of coalesce(parts(), 3)) out.push(chunk);
    expect(out).toEqual(['abcd', new Uint8Array([1]), 'ef']);
  });
});
