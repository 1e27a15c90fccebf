/**
 * `cypher`: a script that re-creates the subgraph exactly in an empty database. In order:
 *
 * 1. the exported database's constraints on the exported labels and types, and a temporary uniqueness
 *    constraint on `__KgExport.__kg_export_id`;
 * 2. the nodes, in batches of one label set (`UNWIND [{k: …, p: {…}}, …] AS row CREATE …`), each with the
 *    temporary label and key (its elementId in the exported database), since nodes need not have an `id`;
 * 3. the relationships, in batches of one type, joined to their nodes by that key;
 * 4. the temporary label, key and constraint removed.
 *
 * Values are literals (cypher-literals.ts), one row per line. Statements end with `;` at the end of a
 * line, so `cypher-shell -f` runs it (each statement in its own transaction). If the export's own names
 * clash with the temporary ones, those get a numeric suffix.
 */
import { stringify } from 'lossless-json'; // the scope's query parameters may hold exact bigints
import type { ExportConstraint, ExportFormat, ExportGraph } from './export-graph.ts';
import { cypherMap, cypherString, quoteName } from './cypher-literals.ts';

/**
 * Rows per UNWIND statement, characters of literals after which a batch ends early, and characters all
 * open batches may hold together before they are written.
 */
export const CYPHER_BATCH = { rows: 500, chars: 256 * 1024, buffered: 4 * 1024 * 1024 } as const;

interface TemporaryNames {
  label: string;
  key: string;
  constraint: string;
}

function temporaryNames(graph: ExportGraph): TemporaryNames {
  const labels = new Set(graph.schema.labels);
  const keys = new Set(graph.schema.nodeProperties.map((k) => k.key));
  const constraints = new Set(graph.schema.constraints.map((c) => c.name));
  let suffix = '';
  for (let i = 1; labels.has(`__KgExport${suffix}`) || keys.has(`__kg_export_id${suffix}`) || constraints.has(`__kg_export_key${suffix}`); i++) {
    suffix = `_${i}`;
  }
  return { label: `__KgExport${suffix}`, key: `__kg_export_id${suffix}`, constraint: `__kg_export_key${suffix}` };
}

function constraintStatement(c: ExportConstraint): string {
  const pattern = c.entity === 'NODE' ? `(n:${quoteName(c.labelOrType)})` : `()-[n:${quoteName(c.labelOrType)}]-()`;
  const properties = `(${c.properties.map((p) => `n.${quoteName(p)}`).join(', ')})`;
  const requirement =
    c.kind === 'UNIQUE' ? 'IS UNIQUE' : c.kind === 'KEY' ? `IS ${c.entity === 'NODE' ? 'NODE' : 'RELATIONSHIP'} KEY` : 'IS NOT NULL';
  return `CREATE CONSTRAINT ${quoteName(c.name)} IF NOT EXISTS FOR ${pattern} REQUIRE ${properties} ${requirement};\n`;
}

/** A `//` comment line: nothing in it may end the line early. */
function comment(text: string): string {
  return `// ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}\n`;
}

/**
 * Gathers rows into UNWIND statements, one open batch per group (a label set, a type), since the elements
 * come in no particular order. A batch is written when it is full; `end()` writes the rest. What waits in
 * open batches is bounded (CYPHER_BATCH.buffered characters): past that, every open batch is written.
 * `closing(group)` is the statement's end after `] AS row`.
 */
class Batches {
  private readonly open = new Map<string, { lines: string[]; chars: number }>();
  private buffered = 0;

  constructor(private readonly closing: (group: string) => string) {}

  /** Adds one row of `group`; answers the statements to write now ('' while its batch has room). */
  row(group: string, line: string): string {
    let batch = this.open.get(group);
    if (!batch) {
      batch = { lines: [], chars: 0 };
      this.open.set(group, batch);
    }
    batch.lines.push(line);
    batch.chars += line.length;
    this.buffered += line.length;
    if (this.buffered >= CYPHER_BATCH.buffered) return this.end();
    if (batch.lines.length < CYPHER_BATCH.rows && batch.chars < CYPHER_BATCH.chars) return '';
    this.open.delete(group);
    this.buffered -= batch.chars;
    return this.statement(group, batch.lines);
  }

  /** Every open batch as a statement. */
  end(): string {
    const out = [...this.open].map(([group, batch]) => this.statement(group, batch.lines)).join('');
    this.open.clear();
    this.buffered = 0;
    return out;
  }

  private statement(group: string, lines: readonly string[]): string {
    return `UNWIND [\n${lines.join(',\n')}\n] AS row\n${this.closing(group)};\n`;
  }
}

function labelsKey(labels: readonly string[]): string {
  return JSON.stringify(labels);
}

export const cypherFormat: ExportFormat = {
  name: 'cypher',
  contentType: 'application/x-cypher-query; charset=utf-8',
  extension: 'cypher',
  propertyKeys: true,
  async *write(graph) {
    const { meta, schema } = graph;
    const temp = temporaryNames(graph);
    const tempLabel = quoteName(temp.label);
    const tempKey = quoteName(temp.key);

    yield comment('kg-explorer export: re-creates this subgraph in an EMPTY database.') +
      comment(`Database "${meta.database}", exported at ${meta.exportedAt}: ${meta.counts.nodes} nodes, ${meta.counts.relationships} relationships.`) +
      comment(`Scope: ${stringify(meta.scope)}`) +
      comment('Run it with `cypher-shell -f <this file>` (each statement is its own transaction).') +
      comment(`While it runs, nodes carry the label ${tempLabel} and the key ${tempKey}; its last statements remove them.`) +
      '\n' +
      comment('Constraints') +
      schema.constraints.map(constraintStatement).join('') +
      `CREATE CONSTRAINT ${quoteName(temp.constraint)} IF NOT EXISTS FOR (n:${tempLabel}) REQUIRE n.${tempKey} IS UNIQUE;\n` +
      'CALL db.awaitIndexes(300);\n\n' +
      comment('Nodes');

    const nodeBatches = new Batches((group) => {
      const labels = [...(JSON.parse(group) as string[]), temp.label].map(quoteName).join(':');
      return `CREATE (n:${labels} {${tempKey}: row.k})\nSET n += row.p`;
    });
    for await (const node of graph.nodes()) {
      yield nodeBatches.row(labelsKey(node.labels), `{k: ${cypherString(node.elementId)}, p: ${cypherMap(node.properties)}}`);
    }
    yield nodeBatches.end() + '\n' + comment('Relationships');

    const relationshipBatches = new Batches(
      (type) =>
        `MATCH (a:${tempLabel} {${tempKey}: row.s})\nMATCH (b:${tempLabel} {${tempKey}: row.t})\nCREATE (a)-[r:${quoteName(type)}]->(b)\nSET r += row.p`,
    );
    for await (const rel of graph.relationships()) {
      yield relationshipBatches.row(
        rel.type,
        `{s: ${cypherString(rel.sourceElementId)}, t: ${cypherString(rel.targetElementId)}, p: ${cypherMap(rel.properties)}}`,
      );
    }
    yield relationshipBatches.end() +
      '\n' +
      comment('Clean-up: the temporary label, key and constraint') +
      `MATCH (n:${tempLabel}) REMOVE n:${tempLabel}, n.${tempKey};\n` +
      `DROP CONSTRAINT ${quoteName(temp.constraint)} IF EXISTS;\n`;
  },
};
