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
import type { ExportConstraint, ExportFormat, ExportGraph } from './export-graph.ts';
import { cypherMap, cypherString, quoteName } from './cypher-literals.ts';

/** Rows per UNWIND statement, and characters of literals after which a batch ends early. */
export const CYPHER_BATCH = { rows: 500, chars: 256 * 1024 } as const;

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
 * Writes UNWIND batches: rows of one group (a label set, a type) until the group changes or the batch is
 * full; `closing(group)` is the statement's end after `] AS row`.
 */
class Batches {
  private group: string | undefined;
  private rows = 0;
  private chars = 0;

  constructor(private readonly closing: (group: string) => string) {}

  /** The text to write for one row of `group`: its line, preceded by the end and start of statements as needed. */
  row(group: string, line: string): string {
    let out = '';
    if (this.group !== undefined && (group !== this.group || this.rows >= CYPHER_BATCH.rows || this.chars >= CYPHER_BATCH.chars)) out += this.end();
    if (this.group === undefined) {
      out += 'UNWIND [\n';
      this.group = group;
    } else {
      out += ',\n';
    }
    this.rows++;
    this.chars += line.length;
    return out + line;
  }

  end(): string {
    if (this.group === undefined) return '';
    const out = `\n] AS row\n${this.closing(this.group)};\n`;
    this.group = undefined;
    this.rows = 0;
    this.chars = 0;
    return out;
  }
}

function labelsKey(labels: readonly string[]): string {
  return JSON.stringify(labels);
}

export const cypherFormat: ExportFormat = {
  name: 'cypher',
  contentType: 'application/x-cypher-query; charset=utf-8',
  extension: 'cypher',
  async *write(graph) {
    const { meta, schema } = graph;
    const temp = temporaryNames(graph);
    const tempLabel = quoteName(temp.label);
    const tempKey = quoteName(temp.key);

    yield comment('kg-explorer export: re-creates this subgraph in an EMPTY database.') +
      comment(`Database "${meta.database}", exported at ${meta.exportedAt}: ${meta.counts.nodes} nodes, ${meta.counts.relationships} relationships.`) +
      comment(`Scope: ${JSON.stringify(meta.scope)}`) +
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
