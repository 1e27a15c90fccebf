/**
 * The seed format: a declarative description of a graph and the evidence for each relationship.
 * `parseSeed` validates a whole file (shape, then cross-references and quotes) before anything is
 * written, and names every bad entry, e.g. `relationships[4] (putin -SIGNED-> treaty): unknown node "treaty"`.
 */
import { z } from 'zod';
import { CERTAINTIES } from '../server/src/contract.ts';

/** Labels, relationship types and property keys: plain identifiers, so Cypher never sees anything odd. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Stable, human-readable ids: `north-korea`, `kim-jong-un`. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Exact calendar dates only; vaguer times ("as early as next month") go in `dateText`. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const identifier = z.string().regex(IDENTIFIER, 'must be a plain identifier (letters, digits, _)');
const slug = z.string().regex(SLUG, 'must be a lower-case slug such as "north-korea"');
const isoDate = z.string().regex(ISO_DATE, 'must be an ISO date YYYY-MM-DD');

const scalar = z.union([z.string(), z.number().finite(), z.boolean()]);
/** Extra properties: scalars or lists of one scalar type, which is what Neo4j can store. */
const propertyValue = z.union([
  scalar,
  z.array(z.string()),
  z.array(z.number().finite()),
  z.array(z.boolean()),
]);

/** Keys the format sets itself; `properties` may not override them. */
const RESERVED_NODE_KEYS = ['id', 'name', 'aliases', 'description', 'date', 'text'];
const RESERVED_RELATIONSHIP_KEYS = ['id', 'quote', 'sources', 'certainty', 'date', 'dateText', 'document'];

const properties = (reserved: string[]) =>
  z
    .record(identifier, propertyValue)
    .default({})
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (reserved.includes(key)) {
          ctx.addIssue({ code: 'custom', message: `"${key}" is set by the format itself`, path: [key] });
        }
      }
    });

export const SeedDocumentSchema = z.strictObject({
  /** Id of the `Source` node that stands for this document. */
  id: slug,
  /** Path of the document's text, relative to the seed file; quotes citing it are checked against it. */
  file: z.string().min(1),
});

export const SeedNodeSchema = z.strictObject({
  id: slug,
  labels: z.array(identifier).min(1),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  description: z.string().optional(),
  /** A calendar date the node stands at (a signing, an event), for time axes. */
  date: isoDate.optional(),
  properties: properties(RESERVED_NODE_KEYS),
});

export const SeedRelationshipSchema = z.strictObject({
  /** Stable id; defaults to `<from>--<TYPE>--<to>`. */
  id: z.string().min(1).optional(),
  type: identifier,
  from: slug,
  to: slug,
  /** The sentence (or part of it) that supports the relationship, verbatim. */
  quote: z.string().min(1),
  /** Id of the document the quote comes from; defaults to the first document. */
  document: slug.optional(),
  /** Ids of the `Source` nodes that made the claim. */
  sources: z.array(slug).min(1),
  certainty: z.enum(CERTAINTIES),
  date: isoDate.optional(),
  /** The time as the text gives it when it is not a calendar date: "as early as next month". */
  dateText: z.string().optional(),
  properties: properties(RESERVED_RELATIONSHIP_KEYS),
});

export const SeedFileSchema = z.strictObject({
  format: z.literal('kg-seed/1'),
  documents: z.array(SeedDocumentSchema).default([]),
  nodes: z.array(SeedNodeSchema).min(1),
  relationships: z.array(SeedRelationshipSchema).default([]),
});

export type SeedNode = z.infer<typeof SeedNodeSchema>;
export type SeedRelationship = z.infer<typeof SeedRelationshipSchema>;
export type SeedFile = z.infer<typeof SeedFileSchema>;

/** A seed that passed every check, with each relationship's id filled in. */
export interface ValidSeed extends SeedFile {
  relationships: Array<SeedRelationship & { id: string }>;
  /** The full text of each document, by its Source node id: stored on that node as `text`. */
  documentTexts: Record<string, string>;
}

export interface SeedProblem {
  /** Where in the file: `nodes[3].labels[0]`, `relationships[12]`. */
  path: string;
  /** The entry, named so a person can find it: `relationships[12] (putin -SIGNED-> treaty)`. */
  entry: string;
  message: string;
}

export class SeedValidationError extends Error {
  override readonly name = 'SeedValidationError';
  constructor(readonly problems: SeedProblem[]) {
    super(
      `Seed file refused, nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p.entry}: ${p.message}`).join('\n'),
    );
  }
}

/** Typographic quotes and runs of white space count as equal when quotes are compared with the text. */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function describeEntry(raw: unknown, path: (string | number)[]): string {
  const [section, index] = path;
  const head = typeof index === 'number' ? `${String(section)}[${index}]` : String(section ?? '(file)');
  if (typeof index !== 'number' || typeof raw !== 'object' || raw === null) return head;
  const list = (raw as Record<string, unknown>)[String(section)];
  const item = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
  if (!item || typeof item !== 'object') return head;
  if (section === 'relationships') {
    return `${head} (${String(item.from)} -${String(item.type)}-> ${String(item.to)})`;
  }
  return item.id ? `${head} (${String(item.id)})` : head;
}

function pathText(path: PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

type Indexed<T> = Array<[index: number, item: T]>;

/** The entries of `raw[section]` that are well-formed on their own, with their indexes in the file. */
function wellFormed<T>(raw: unknown, section: string, schema: z.ZodType<T>): Indexed<T> {
  const list = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[section] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index): Indexed<T> => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [[index, parsed.data]] : [];
  });
}

/**
 * Validates a parsed seed file. `documents` maps a document id to its text, so that every quote can be
 * checked against the text it claims to come from. Throws `SeedValidationError` listing every problem:
 * shape errors, and the cross-reference errors of every entry that is well-formed on its own.
 */
export function validateSeed(raw: unknown, documents: ReadonlyMap<string, string>): ValidSeed {
  const problems: SeedProblem[] = [];
  const problem = (path: (string | number)[], message: string) =>
    problems.push({ path: pathText(path), entry: describeEntry(raw, path), message });

  const parsed = SeedFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      problems.push({ path: pathText(path), entry: describeEntry(raw, path), message: `${pathText(path)}: ${issue.message}` });
    }
  }

  const nodes = wellFormed(raw, 'nodes', SeedNodeSchema);
  const docs = wellFormed(raw, 'documents', SeedDocumentSchema);
  const rels = wellFormed(raw, 'relationships', SeedRelationshipSchema);

  const nodesById = new Map<string, SeedNode>();
  for (const [i, node] of nodes) {
    if (nodesById.has(node.id)) problem(['nodes', i], `duplicate node id "${node.id}"`);
    nodesById.set(node.id, node);
  }

  const isSource = (id: string) => nodesById.get(id)?.labels.includes('Source') ?? false;
  for (const [i, doc] of docs) {
    if (!isSource(doc.id)) problem(['documents', i], `document "${doc.id}" needs a node with the label Source`);
    if (!documents.has(doc.id)) problem(['documents', i], `the text of document "${doc.id}" (${doc.file}) could not be read`);
  }

  const normalisedDocuments = new Map([...documents].map(([id, text]) => [id, normaliseText(text)]));
  const defaultDocument = docs.find(([i]) => i === 0)?.[1].id;
  const relationshipIds = new Set<string>();
  for (const [i, rel] of rels) {
    const id = rel.id ?? `${rel.from}--${rel.type}--${rel.to}`;
    if (relationshipIds.has(id)) problem(['relationships', i], `duplicate relationship id "${id}"`);
    relationshipIds.add(id);
    for (const end of ['from', 'to'] as const) {
      if (!nodesById.has(rel[end])) problem(['relationships', i], `unknown node "${rel[end]}" in "${end}"`);
    }
    for (const source of rel.sources) {
      if (!isSource(source)) problem(['relationships', i], `source "${source}" is not a node with the label Source`);
    }
    const documentId = rel.document ?? defaultDocument;
    if (documentId !== undefined) {
      const text = normalisedDocuments.get(documentId);
      if (text === undefined) {
        problem(['relationships', i], `unknown document "${documentId}"`);
      } else if (!text.includes(normaliseText(rel.quote))) {
        problem(['relationships', i], `quote is not verbatim from document "${documentId}": "${rel.quote.slice(0, 80)}"`);
      }
    }
  }

  if (problems.length > 0 || !parsed.success) throw new SeedValidationError(problems);
  const seed = parsed.data;
  return {
    ...seed,
    relationships: seed.relationships.map((rel) => ({ ...rel, id: rel.id ?? `${rel.from}--${rel.type}--${rel.to}` })),
    documentTexts: Object.fromEntries(seed.documents.map((doc) => [doc.id, documents.get(doc.id) ?? ''])),
  };
}
