/**
 * The API contract, shared by the server and the client: every request and every answer as a zod schema,
 * and the types inferred from them. The OpenAPI document (server/src/http/openapi.ts) is generated from
 * these schemas, the client checks answers against them (client/src/api/http.ts), and the tests check real
 * answers against them. The graph wire format is DESIGN.md's "graph transport"; every value in it is plain
 * JSON.
 */
import { z } from 'zod';

/** A JSON value as the API sends it: Neo4j integers beyond 2^53 travel as strings. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
// Written out rather than z.json(), so that the OpenAPI document names its recursion `JsonValue`.
export const JsonValueSchema: z.ZodType<JsonValue> = z
  .union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(z.lazy(() => JsonValueSchema)),
    z.record(z.string(), z.lazy(() => JsonValueSchema)),
  ])
  .meta({
    id: 'JsonValue',
    description: 'Any JSON value. Neo4j temporal values, durations, points, bytes and shortened values travel tagged: `{"$type": "Date", "value": "2024-06-19"}` (see the README).',
  });

const properties = z.record(z.string(), JsonValueSchema);

export const GraphNodeSchema = z
  .object({
    /** The node's `id` property where an index on its label covers it, else its elementId. */
    id: z.string().meta({ description: "The node's `id` property where an index on one of its labels covers it, else its elementId." }),
    /** Always the elementId, so a node without an `id` property can still be addressed. */
    elementId: z.string(),
    labels: z.array(z.string()),
    properties,
  })
  .meta({ id: 'GraphNode' });
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphRelationshipSchema = z
  .object({
    /** The relationship's `id` property where it has one, else its elementId. */
    id: z.string(),
    elementId: z.string(),
    type: z.string(),
    /** Transport id of the start node. */
    source: z.string().meta({ description: 'Transport id of the start node.' }),
    /** Transport id of the end node. */
    target: z.string().meta({ description: 'Transport id of the end node.' }),
    properties,
  })
  .meta({ id: 'GraphRelationship' });
export type GraphRelationship = z.infer<typeof GraphRelationshipSchema>;

const graphShape = { nodes: z.array(GraphNodeSchema), relationships: z.array(GraphRelationshipSchema) };
export const GraphSchema = z.object(graphShape).meta({ id: 'Graph' });
export type Graph = z.infer<typeof GraphSchema>;

/**
 * A view's relationships at most: twice its nodes (VIEW_MAX_NODES × 2), the workbench graph's cap too. The
 * relationships among 20,000 nodes of a dense graph can be millions, which no canvas draws.
 */
export const viewMaxRelationships = (viewMaxNodes: number) => 2 * viewMaxNodes;

/**
 * Key of the overview's and the neighbours' answers, present only when the relationships among their nodes
 * were more than the view holds (viewMaxRelationships) and stopped at that many: some relationships among
 * these nodes are left out.
 */
const relationshipLimitShape = {
  relationshipLimit: z
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: 'Present only when the relationships among these nodes stopped at this many (twice the view\'s node cap): others are left out.' }),
};

/** The overview's answer: a graph, which says when its relationships were cut at the view's cap. */
export const ViewGraphSchema = z.object({ ...graphShape, ...relationshipLimitShape }).meta({ id: 'ViewGraph' });
export type ViewGraph = z.infer<typeof ViewGraphSchema>;

/** How sure the article is of a claim, strongest first. */
export const CERTAINTIES = ['confirmed', 'reported', 'assessed', 'speculated', 'conditional'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'DB_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'INTERNAL',
  'CYPHER_SYNTAX',
  'CYPHER_PARAMETER_MISSING',
  'CYPHER_WRITE_FORBIDDEN',
  'CYPHER_FAILED',
  'QUERY_MEMORY_LIMIT',
  'EXPORT_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'METHOD_NOT_ALLOWED',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: JsonValueSchema.optional(),
      /** The answer's `X-Request-Id`, the key to the server's log lines about this request. */
      requestId: z.string().optional().meta({ description: "The answer's X-Request-Id: the key to the server's log lines about this request." }),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const HealthOkSchema = z.object({ status: z.literal('ok'), neo4j: z.object({ version: z.string(), edition: z.string() }) }).meta({ id: 'HealthOk' });
export type HealthOk = z.infer<typeof HealthOkSchema>;
export const HealthUnavailableSchema = z.object({ status: z.literal('unavailable') }).meta({ id: 'HealthUnavailable' });
export type HealthUnavailable = z.infer<typeof HealthUnavailableSchema>;
/** GET /api/health/live: the process answers, whatever Neo4j's state. */
export const HealthLiveSchema = z.object({ status: z.literal('live') }).meta({ id: 'HealthLive' });
export type HealthLive = z.infer<typeof HealthLiveSchema>;

/** A label, relationship type (or other name) with how many elements carry it. */
export const NameCountSchema = z.object({ name: z.string(), count: z.number().int().min(0) }).meta({ id: 'NameCount' });
export type NameCount = z.infer<typeof NameCountSchema>;

/**
 * A node's neighbourhood. With filters (`types`, `labels`, `minCertainty`) the nodes are the neighbours
 * joined to the node by at least one matching relationship, and `relationships` are the matching
 * relationships among all returned nodes.
 */
export const NeighborsResponseSchema = z
  .object({
    ...graphShape,
    ...relationshipLimitShape,
    /** How many distinct neighbours match the filters, before `limit` (on every page, the same). */
    total: z.number().int().min(0),
    /**
     * The cursor of the next page (pass it as `after`), or null on the last one. Neighbours come in a stable
     * order (by elementId), so pages neither repeat nor skip a neighbour while the graph is unchanged.
     */
    next: z.string().nullable(),
    /** Distinct neighbours per relationship type and per label, over ALL neighbours (no filter, no limit). */
    counts: z.object({ types: z.array(NameCountSchema), labels: z.array(NameCountSchema) }),
  })
  .meta({ id: 'NeighborsResponse' });
export type NeighborsResponse = z.infer<typeof NeighborsResponseSchema>;

/**
 * Where a search result matched: the text of one property (`name`, one entry of `aliases`, `description`,
 * or any other string property that the full-text index covers or, for a scanned label, the node has), cut
 * to about 160 characters around the match (a cut end is marked `…`), and the `[start, end)` ranges of the
 * matched words in `text` as JavaScript string offsets. A word within one edit of a term (a typo) is
 * highlighted whole.
 */
export const SearchSnippetSchema = z.object({
  field: z.string(),
  text: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type SearchSnippet = z.infer<typeof SearchSnippetSchema>;

export const SearchResultSchema = z.object({
  node: GraphNodeSchema,
  score: z.number(),
  /** The node's most specific label: the first one other than `Actor`, else its first label ('' when none). */
  label: z.string(),
  snippet: SearchSnippetSchema,
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

/**
 * Which labels a search reached, and how. The `entity_search` full-text index answers for the labels it
 * covers; the nodes of every other label are read and matched one by one (a scan), within bounds: at most
 * `scanLimits.maxNodes` nodes (those without an indexed label), for at most `scanLimits.maxMs` ms.
 */
export const SearchCoverageSchema = z.object({
  /** Labels searched through the full-text index, sorted; [] when there is no online index. */
  byIndex: z.array(z.string()),
  /** Labels the index does not cover, searched by the scan, sorted; [] when the index covers every label. */
  byScan: z.array(z.string()),
  /** The scan's bounds: nodes read (a count) and time (ms). */
  scanLimits: z.object({ maxNodes: z.number().int(), maxMs: z.number() }),
  /**
   * Why the scan stopped before reading every node of `byScan`, or null when it read them all (or there was
   * nothing to scan): `nodes`, it read its first `maxNodes` nodes only; `time`, it ran out of time, so the
   * results come from the index alone.
   */
  scanCut: z.enum(['nodes', 'time']).nullable(),
});
export type SearchCoverage = z.infer<typeof SearchCoverageSchema>;

export const SearchResponseSchema = z.object({ results: z.array(SearchResultSchema), coverage: SearchCoverageSchema }).meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

/** Shortest paths between two nodes, undirected; the graph holds every node and relationship on them. */
export const PathsResponseSchema = z
  .object({
    ...graphShape,
    /** Each path as its nodes' transport ids from `from` to `to`, all of the same (shortest) length; [] when none. */
    paths: z.array(z.array(z.string())),
    /**
     * How much the search read: relationships expanded, of a budget. `stoppedEarly`: the budget ran out before
     * a path was found or ruled out, so `paths: []` means "not found within the budget", not "none".
     */
    searched: z.object({ expandedRelationships: z.number().int().min(0), budget: z.number().int().min(0), stoppedEarly: z.boolean() }),
  })
  .meta({ id: 'PathsResponse' });
export type PathsResponse = z.infer<typeof PathsResponseSchema>;

/** The database's labels and relationship types with their counts (from the count store), and its property keys. */
export const SchemaResponseSchema = z
  .object({ labels: z.array(NameCountSchema), relationshipTypes: z.array(NameCountSchema), propertyKeys: z.array(z.string()) })
  .meta({ id: 'SchemaResponse' });
export type SchemaResponse = z.infer<typeof SchemaResponseSchema>;

/** One relationship that touches the node, seen from the node. */
export const EvidenceClaimSchema = z.object({
  relationship: GraphRelationshipSchema,
  /** The node at the relationship's other end (the node itself for a self-loop). */
  other: GraphNodeSchema,
  /** `out` when the node is the relationship's start, `in` when it is its end. */
  direction: z.enum(['out', 'in']),
});
export type EvidenceClaim = z.infer<typeof EvidenceClaimSchema>;

/** A source id in a relationship's `sources` that names no `Source` node in the database. */
export const MissingSourceSchema = z.object({ id: z.string(), missing: z.literal(true) });
export type MissingSource = z.infer<typeof MissingSourceSchema>;

/**
 * The claims that cite one source. A claim with several sources appears in each of their groups; claims
 * without `sources` are in the one group whose `source` is null.
 */
export const EvidenceGroupSchema = z.object({
  source: z.union([GraphNodeSchema, MissingSourceSchema]).nullable(),
  claims: z.array(EvidenceClaimSchema),
});
export type EvidenceGroup = z.infer<typeof EvidenceGroupSchema>;

/** A claim a `Source` node made: a relationship anywhere whose `sources` holds the Source's `id`. */
export const SourceClaimSchema = z.object({ relationship: GraphRelationshipSchema, start: GraphNodeSchema, end: GraphNodeSchema });
export type SourceClaim = z.infer<typeof SourceClaimSchema>;

/**
 * Every claim about a node, grouped by source (groups ordered by source name, the null group last; claims
 * strongest certainty first), and for a `Source` node every claim it made (`made`, strongest first; [] for
 * other nodes). `truncated` says that a list stopped at LIMITS.evidenceMax claims.
 */
export const EvidenceResponseSchema = z
  .object({ node: GraphNodeSchema, groups: z.array(EvidenceGroupSchema), made: z.array(SourceClaimSchema), truncated: z.boolean() })
  .meta({ id: 'EvidenceResponse' });
export type EvidenceResponse = z.infer<typeof EvidenceResponseSchema>;

/** Upper bounds on what one request may ask for. */
export const LIMITS = {
  /** Overview default: enough for the seed graph and a readable first screen. */
  overviewDefault: 300,
  /**
   * Nodes one view holds at most: the overview's, an expansion's and the workbench graph's cap. The client
   * draws 20,000 nodes interactively at its large level of detail (bench/RESULTS.md, `render-*`).
   */
  viewMax: 20_000,
  /** Most that VIEW_MAX_NODES may raise a view's cap to. */
  viewMaxCeiling: 100_000,
  /** Overview maximum by default: a view's (VIEW_MAX_NODES changes both). */
  overviewMax: 20_000,
  /** Neighbours per expansion, default: Neo4j Browser's cap, so nothing surprises its users. */
  neighborsDefault: 100,
  /** Neighbours per page by default: a view's (VIEW_MAX_NODES changes both). */
  neighborsMax: 20_000,
  searchDefault: 10,
  searchMax: 100,
  /** Longest path (in relationships) the path finder looks for, by default and at most. */
  pathLengthDefault: 6,
  pathLengthMax: 10,
  /** Distinct shortest paths (by their nodes) in one answer. */
  pathsMax: 25,
  /** Claims in one evidence answer, per list (about the node; made by a Source). */
  evidenceMax: 1000,
} as const;

const limitParam = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * A list in a query string: the parameter repeated, one item per value (`ids=a&ids=b`), so that an item may
 * hold any character, a comma included (a relationship type `QA,REL` is legal in Neo4j). Empty values are
 * dropped, duplicates kept once; at most `maxItems` items of at most `maxLength` characters each.
 */
function queryList(maxLength: number, maxItems: number) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string().max(maxLength)).max(maxItems))
    .transform((items) => [...new Set(items.filter((item) => item !== ''))]);
}

export const OverviewQuerySchema = z.object({
  limit: limitParam(LIMITS.overviewDefault, LIMITS.overviewMax),
  /** Only nodes with this label (checked against the schema): the schema sidebar's sample. */
  label: z.string().min(1).max(200).optional(),
  /**
   * Up to `limit` relationships of this type (checked against the schema) with their end nodes, and no other
   * relationship: the schema sidebar's sample of a type.
   */
  type: z.string().min(1).max(200).optional(),
  /**
   * Exactly these nodes (ids or elementIds, the parameter repeated: `ids=a&ids=b`) and the relationships
   * among them: a shared view restored from its URL. Unknown ids are skipped.
   */
  ids: queryList(500, LIMITS.viewMaxCeiling).transform((ids) => (ids.length === 0 ? undefined : ids)),
});
export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;

/** The full text of a document (a Source node with a `text` property), for showing quotes in context. */
export const SourceTextSchema = z.object({ id: z.string(), text: z.string() }).meta({ id: 'SourceText' });
export type SourceText = z.infer<typeof SourceTextSchema>;

/**
 * A list of labels or relationship types, the parameter repeated (`types=SIGNED&types=PARTY_TO`); absent
 * means no filter. The names are checked against the database's schema before any query uses them.
 */
const nameListParam = queryList(500, 500);

/** A certainty floor: only relationships at this level or stronger (CERTAINTIES order) count. */
const certaintyParam = z.enum(CERTAINTIES).optional();

/**
 * The overview's and the neighbours' query schemas with `limit` held to a view's cap of `viewMax` nodes
 * (VIEW_MAX_NODES); the exported OverviewQuerySchema and NeighborsQuerySchema hold it to the default.
 */
export function viewQuerySchemas(viewMax: number) {
  return {
    overview: OverviewQuerySchema.extend({ limit: limitParam(Math.min(LIMITS.overviewDefault, viewMax), viewMax) }),
    neighbors: NeighborsQuerySchema.extend({ limit: limitParam(Math.min(LIMITS.neighborsDefault, viewMax), viewMax) }),
    /** `POST /api/graph {ids, limit?}`: GET /api/graph?ids= as a JSON body, for lists too long for a URL. */
    // A JSON body: `limit` is a number as written (limitParam coerces, for query strings: true became 1).
    graphByIds: z
      .strictObject({
        ids: z.array(z.string().min(1).max(500)).min(1).max(LIMITS.viewMaxCeiling),
        limit: z.number().int().min(1).max(viewMax).default(Math.min(LIMITS.overviewDefault, viewMax)),
      })
      .transform(({ ids, limit }) => ({ ids: [...new Set(ids)], limit })),
  };
}

/** `GET /api/limits`: what one request and one view may hold on this server. */
export const LimitsResponseSchema = z
  .object({
    /** Nodes one view holds (VIEW_MAX_NODES): the overview's, an expansion's and the workbench graph's cap. */
    viewMaxNodes: z.number().int().min(1),
    /** Relationships one view holds (viewMaxRelationships: twice its nodes); answers past it say `relationshipLimit`. */
    viewMaxRelationships: z.number().int().min(1),
  })
  .meta({ id: 'LimitsResponse' });
export type LimitsResponse = z.infer<typeof LimitsResponseSchema>;

export const NeighborsQuerySchema = z.object({
  limit: limitParam(LIMITS.neighborsDefault, LIMITS.neighborsMax),
  /** The previous page's `next`: only neighbours after it. */
  after: z.string().min(1).max(1000).optional(),
  types: nameListParam,
  labels: nameListParam,
  minCertainty: certaintyParam,
});

/** A neighbours request as the server reads it (after defaults): what the client's requests are built from. */
export type NeighborsQuery = z.output<typeof NeighborsQuerySchema>;

/** Characters of a search text at most: more than any name, and the search box takes no more. */
export const SEARCH_QUERY_MAX_CHARS = 200;

/** Text that is not only whitespace: a pattern, so the OpenAPI document says it too. */
const nonBlank = (schema: z.ZodString) => schema.regex(/\S/, 'must not be empty');

export const SearchQuerySchema = z.object({
  q: nonBlank(z.string().max(SEARCH_QUERY_MAX_CHARS)),
  limit: limitParam(LIMITS.searchDefault, LIMITS.searchMax),
});

/** Node ids come from URLs: an `id` property or an elementId, never longer than this. */
export const NodeIdSchema = z.string().min(1).max(500);

export const PathsQuerySchema = z.object({
  from: NodeIdSchema,
  to: NodeIdSchema,
  maxLength: limitParam(LIMITS.pathLengthDefault, LIMITS.pathLengthMax),
  minCertainty: certaintyParam,
});

/** A paths request as the server reads it (after defaults). */
export type PathsQuery = z.output<typeof PathsQuerySchema>;

/* ------------------------------------------------------------------------------------------------------
 * The Cypher workbench: POST /api/cypher. User Cypher runs read-only (see server/src/cypher/).
 * ---------------------------------------------------------------------------------------------------- */

export const CypherRequestSchema = z.strictObject({
  /** One Cypher statement, optionally prefixed by EXPLAIN or PROFILE. */
  query: nonBlank(z.string()),
  /** Parameter values by name (`$name` in the query). JSON integers travel as Cypher INTEGER, other numbers as FLOAT. */
  params: z.record(z.string(), z.unknown()).optional(),
  /** Lowers the server's row cap for this request; never raises it. */
  limit: z.number().int().min(1).optional(),
});
export type CypherRequest = z.infer<typeof CypherRequestSchema>;

/** Neo4j's query types: read, write, read-write, schema/system. The workbench only ever answers `r`. */
export const CypherQueryTypeSchema = z.enum(['r', 'w', 'rw', 's']);
export type CypherQueryType = z.infer<typeof CypherQueryTypeSchema>;

/** A place in the query text: line and column from 1, offset (UTF-16 code units) from 0. */
export const CypherPositionSchema = z.object({ line: z.number().int(), column: z.number().int(), offset: z.number().int() });
export type CypherPosition = z.infer<typeof CypherPositionSchema>;

/** One operator of an EXPLAIN or PROFILE plan; `rows` and `dbHits` are there for PROFILE only. */
export interface CypherPlan {
  /** Neo4j's operator name, e.g. `NodeByLabelScan`. */
  operator: string;
  identifiers?: string[];
  estimatedRows: number;
  rows?: number;
  dbHits?: number;
  /** Neo4j's other operator arguments (`Details`, `planner`, `runtime`, `Memory`, `PageCacheHits`, …). */
  arguments?: Record<string, JsonValue>;
  children: CypherPlan[];
}
export const CypherPlanSchema: z.ZodType<CypherPlan> = z
  .object({
    operator: z.string(),
    identifiers: z.array(z.string()).optional(),
    estimatedRows: z.number(),
    rows: z.number().optional(),
    dbHits: z.number().optional(),
    arguments: z.record(z.string(), JsonValueSchema).optional(),
    get children() {
      return z.array(CypherPlanSchema);
    },
  })
  .meta({ id: 'CypherPlan' });

export const CypherNotificationSchema = z.object({
  /** Neo4j's notification code, e.g. `Neo.ClientNotification.Statement.UnknownLabelWarning`. */
  code: z.string(),
  title: z.string(),
  description: z.string(),
  /** `WARNING` or `INFORMATION`. */
  severity: z.string(),
  category: z.string().optional(),
  position: CypherPositionSchema.optional(),
});
export type CypherNotification = z.infer<typeof CypherNotificationSchema>;

export const CypherSummarySchema = z.object({
  queryType: CypherQueryTypeSchema,
  resultAvailableAfterMs: z.number(),
  resultConsumedAfterMs: z.number(),
  notifications: z.array(CypherNotificationSchema),
  /** Update counters; only present when something changed, which a read-only query never does. */
  counters: z.record(z.string(), z.number()).optional(),
  /** The plan, for a query sent with EXPLAIN or PROFILE. */
  plan: CypherPlanSchema.optional(),
});
export type CypherSummary = z.infer<typeof CypherSummarySchema>;

/**
 * What a workbench answer left out. Each key is present only when that cut happened.
 */
export const CypherTruncationSchema = z.object({
  /** Rows stopped at this many: the row cap (CYPHER_MAX_ROWS) or the request's `limit`. */
  rowLimit: z.number().int().optional(),
  /** Rows stopped at this many bytes of JSON (CYPHER_MAX_ANSWER_BYTES); the first row is always sent. */
  answerBytes: z.number().int().optional(),
  /** The graph stopped at these caps (VIEW_MAX_NODES and twice that): some nodes or relationships are not in it. */
  graph: z.object({ maxNodes: z.number().int(), maxRelationships: z.number().int() }).optional(),
  /**
   * How many lists, maps and strings inside the rows were shortened, each sent as
   * `{$type: 'Shortened', of: 'List'|'Map'|'String', size, items|entries|value}` (see the README), and the caps.
   */
  values: z.object({ count: z.number().int(), maxItems: z.number().int(), maxStringChars: z.number().int() }).optional(),
});
export type CypherTruncation = z.infer<typeof CypherTruncationSchema>;

export const CypherResponseSchema = z
  .object({
    /** The result's column names, in order. */
    columns: z.array(z.string()),
    /** One object per record, keyed by column; values are lossless JSON (see the README's API section). */
    rows: z.array(z.record(z.string(), JsonValueSchema)),
    /** Every node, relationship and path anywhere in the rows, plus the end nodes of returned relationships. */
    graph: GraphSchema,
    summary: CypherSummarySchema,
    /** True when rows, the graph or a value were cut at the server's caps (or the request's `limit`); `truncation` says which. */
    truncated: z.boolean(),
    /** What was cut, present exactly when `truncated` is. */
    truncation: CypherTruncationSchema.optional(),
  })
  .meta({ id: 'CypherResponse' });
export type CypherResponse = z.infer<typeof CypherResponseSchema>;

/** Why a query was refused: `details.reason` of a 403 CYPHER_WRITE_FORBIDDEN. */
export const CYPHER_REFUSAL_REASONS = [
  /** It creates, merges, sets, removes or deletes data. */
  'WRITE',
  /** It changes the schema: indexes, constraints. */
  'SCHEMA',
  /** An administration command: users, roles, databases, settings, SHOW/TERMINATE TRANSACTIONS. */
  'ADMIN',
  /** It calls a procedure outside the read-only allowlist (`details.procedure` names it). */
  'PROCEDURE',
  /** LOAD CSV reads files and URLs. */
  'LOAD_CSV',
  /** It reads another database than the explorer's (`USE`). */
  'OTHER_DATABASE',
  /** The request holds more than one statement. */
  'MULTIPLE_STATEMENTS',
] as const;
export type CypherRefusalReason = (typeof CYPHER_REFUSAL_REASONS)[number];

/* ------------------------------------------------------------------------------------------------------
 * Exports: POST /api/export {format, scope} answers a file download (see server/src/export/).
 * ---------------------------------------------------------------------------------------------------- */

/** The formats the server writes (PNG and SVG pictures are made in the client). */
export const EXPORT_FORMATS = ['json', 'cytoscape', 'graphml', 'csv', 'cypher'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

/** Upper bounds of an export request; the size caps of the export itself are configuration (EXPORT_MAX_*). */
export const EXPORT_LIMITS = {
  /** Node ids in one selection: as many as the largest view holds (LIMITS.viewMaxCeiling). */
  selectionMax: 100_000,
  /** Relationship ids in one selection: twice selectionMax, as a view holds (the workbench graph's cap). */
  selectionRelationshipsMax: 200_000,
  /** Neighbourhood depth: beyond 3 hops a neighbourhood is most of any connected graph. */
  depthMax: 3,
} as const;

const nameList = z.array(z.string().min(1).max(500)).max(500);

/** A day of the calendar, `YYYY-MM-DD`: 2024-02-29 is one, 2023-02-29 and 2024-13-45 are not. */
const isCalendarDay = (text: string) => {
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === text;
};
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD').refine(isCalendarDay, 'must be a calendar day');

/**
 * The explorer's view filters when an export was taken from the view, written into the file's metadata
 * (ExportMeta.scope) so that a reader knows what was left out. Descriptive only: what the file holds is
 * given by the ids.
 */
export const ViewFiltersSchema = z.strictObject({
  hiddenLabels: nameList,
  hiddenTypes: nameList,
  /** Hidden certainty grades; '' stands for relationships without one. */
  hiddenCertainties: z.array(z.string().max(100)).max(50),
  /** Hidden source ids; '' stands for relationships that name none. */
  hiddenSources: z.array(z.string().max(500)).max(500),
  /** Only elements dated inside this range were shown; null: every date. */
  timeRange: z.strictObject({ from: day, to: day }).nullable(),
  /** With a time range: elements without a date were hidden too. */
  hideUndated: z.boolean(),
  /** With a source filter: nodes it left without a shown relationship were kept (else hidden). */
  keepOrphans: z.boolean(),
});
export type ViewFilters = z.infer<typeof ViewFiltersSchema>;

/**
 * The nodes with these ids (`id` property or elementId) and the relationships among them: every one, or with
 * `relationshipIds` exactly those (each must lie between two of the nodes; 404 NOT_FOUND names those that
 * do not). The explorer's "Current view" and "Selection" exports send both lists, so that the file holds
 * exactly what is drawn, and `filters` for the metadata.
 */
export const SelectionScopeSchema = z.strictObject({
  nodeIds: z.array(NodeIdSchema).min(1).max(EXPORT_LIMITS.selectionMax),
  relationshipIds: z.array(z.string().min(1).max(500)).max(EXPORT_LIMITS.selectionRelationshipsMax).optional(),
  filters: ViewFiltersSchema.optional(),
});
export type SelectionScope = z.infer<typeof SelectionScopeSchema>;

/**
 * The nodes within `depth` hops of `around`, walking only relationships that pass `types` and
 * `minCertainty` and only through nodes that carry one of `labels` (the start node excepted), and the
 * relationships among those nodes that pass the same filters. Empty lists mean no filter.
 */
export const NeighbourhoodScopeSchema = z.strictObject({
  around: NodeIdSchema,
  depth: z.number().int().min(1).max(EXPORT_LIMITS.depthMax).default(1),
  types: nameList.optional(),
  labels: nameList.optional(),
  minCertainty: z.enum(CERTAINTIES).optional(),
});

/** The graph a read-only Cypher query returns (checked by the workbench's guard), with the ends of its relationships. */
export const QueryScopeSchema = z.strictObject({
  query: nonBlank(z.string()),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const ExportScopeSchema = z.union([SelectionScopeSchema, NeighbourhoodScopeSchema, QueryScopeSchema]);
export type ExportScope = z.infer<typeof ExportScopeSchema>;

export const ExportRequestSchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  scope: ExportScopeSchema,
});
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

/** What every export carries about itself (the json and cytoscape formats write it out as `meta` / `data`). */
export interface ExportMeta {
  /** The exported database's name. */
  database: string;
  /** The scope as requested. */
  scope: ExportScope;
  /** ISO 8601, UTC. */
  exportedAt: string;
  counts: { nodes: number; relationships: number };
}
