/**
 * The API's OpenAPI 3.1 document, generated from the zod contract (server/src/contract.ts) by zod-openapi:
 * every request's parameters and body and every answer's shape come from the schemas the server validates
 * requests with and the client checks answers against, so the document cannot drift from the code. Served
 * at `GET /api/openapi.json`, and browsable at `/api/docs` (swagger-ui-express, routes.ts).
 */
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import {
  CypherRequestSchema,
  CypherResponseSchema,
  ErrorBodySchema,
  EvidenceResponseSchema,
  EXPORT_FORMATS,
  ExportRequestSchema,
  GraphNodeSchema,
  HealthLiveSchema,
  HealthOkSchema,
  HealthUnavailableSchema,
  JsonValueSchema,
  LimitsResponseSchema,
  NeighborsResponseSchema,
  NodeIdSchema,
  PathsQuerySchema,
  PathsResponseSchema,
  SchemaResponseSchema,
  SearchQuerySchema,
  SearchResponseSchema,
  SourceTextSchema,
  ViewGraphSchema,
  viewQuerySchemas,
} from '../contract.ts';
import { STATUS_BY_CODE } from '../errors.ts';

type Status = number;

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/** The error answers an operation may give, by status, each an ErrorBody naming its codes. */
function errors(...statuses: Status[]): ZodOpenApiResponsesObject {
  const always: Status[] = [429, 431, 500, 503];
  const responses: ZodOpenApiResponsesObject = {};
  for (const status of [...new Set([...statuses, ...always])].sort()) {
    const codes = Object.entries(STATUS_BY_CODE)
      .filter(([, codeStatus]) => codeStatus === status)
      .map(([code]) => code);
    responses[String(status) as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: `Error: ${codes.join(', ')}.`,
      ...json(ErrorBodySchema),
    };
  }
  return responses;
}

const nodeId = z.object({ id: NodeIdSchema.meta({ description: "The node's transport id: its `id` property (where indexed) or its elementId." }) });

function operation(summary: string, responses: ZodOpenApiResponsesObject, rest: Partial<ZodOpenApiOperationObject> = {}): ZodOpenApiOperationObject {
  return { summary, responses, ...rest };
}

/**
 * The document for a server whose views hold `viewMaxNodes` nodes (the `limit` parameters' maximum).
 * OpenAPI 3.1 (https://spec.openapis.org/oas/v3.1.0).
 */
export function openApiDocument(viewMaxNodes: number): ReturnType<typeof createDocument> {
  const view = viewQuerySchemas(viewMaxNodes);
  const ok = (description: string, schema: z.ZodType) => ({ '200': { description, ...json(schema) } });
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Knowledge-graph explorer API',
      version: '1',
      description:
        'A read-only API over a Neo4j database: browse (overview, neighbours, evidence, paths, search), a read-only Cypher workbench and exports. Errors are JSON `{error:{code, message, details?, requestId}}`; every answer carries `X-Request-Id`.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/health/live': { get: operation('Liveness: the process answers, whatever Neo4j’s state', ok('Alive.', HealthLiveSchema)) },
      '/api/health': {
        get: operation('Readiness: Neo4j answers', {
          ...ok('Ready, with the Neo4j version and edition.', HealthOkSchema),
          '503': { description: 'Neo4j cannot be reached.', ...json(HealthUnavailableSchema) },
        }),
      },
      '/api/limits': { get: operation('What one view holds on this server', { ...ok('The limits.', LimitsResponseSchema), ...errors() }) },
      '/api/graph': {
        get: operation('An overview: up to `limit` nodes (of one label, along one type, or exactly `ids`) and the relationships among them', { ...ok('The graph.', ViewGraphSchema), ...errors(400) }, {
          requestParams: { query: view.overview },
        }),
        post: operation('Exactly the nodes `ids` names, and the relationships among them (for lists too long for a URL)', { ...ok('The graph.', ViewGraphSchema), ...errors(400, 413, 415) }, {
          requestBody: json(view.graphByIds),
        }),
      },
      '/api/nodes/{id}': {
        get: operation('A node by its transport id', { ...ok('The node.', GraphNodeSchema), ...errors(400, 404) }, { requestParams: { path: nodeId } }),
      },
      '/api/nodes/{id}/neighbors': {
        get: operation('A page of a node’s neighbours, the relationships among them, and counts', { ...ok('The neighbourhood.', NeighborsResponseSchema), ...errors(400, 404) }, {
          requestParams: { path: nodeId, query: view.neighbors },
        }),
      },
      '/api/nodes/{id}/evidence': {
        get: operation('Every claim about a node, grouped by the source it cites', { ...ok('The evidence.', EvidenceResponseSchema), ...errors(400, 404) }, {
          requestParams: { path: nodeId },
        }),
      },
      '/api/sources/{id}/text': {
        get: operation('A document’s full text', { ...ok('The text.', SourceTextSchema), ...errors(400, 404) }, { requestParams: { path: nodeId } }),
      },
      '/api/paths': {
        get: operation('The shortest paths between two nodes, within a budget', { ...ok('The paths.', PathsResponseSchema), ...errors(400, 404) }, {
          requestParams: { query: PathsQuerySchema },
        }),
      },
      '/api/schema': { get: operation('Labels and relationship types with their counts, and property keys', { ...ok('The schema.', SchemaResponseSchema), ...errors() }) },
      '/api/search': {
        get: operation('Nodes whose names, aliases or text match `q` (its words; `AND`/`OR` ignored, `NOT word` or `-word` excludes; a `q` with no word to find is a 400)', { ...ok('The results, and how each label was searched.', SearchResponseSchema), ...errors(400) }, {
          requestParams: { query: SearchQuerySchema },
        }),
      },
      '/api/cypher': {
        post: operation('Runs one read-only Cypher statement', { ...ok('Rows, their graph and the summary.', CypherResponseSchema), ...errors(400, 403, 408, 413, 415, 422) }, {
          requestBody: json(CypherRequestSchema),
        }),
      },
      '/api/export': {
        post: operation(
          'A subgraph as a file download, streamed',
          {
            '200': {
              description: `The file, as \`format\` says (${EXPORT_FORMATS.join(', ')}): JSON, Cytoscape JSON, GraphML, a zip of CSV files, or a Cypher script.`,
              content: {
                'application/json': { schema: JsonValueSchema },
                'application/graphml+xml': { schema: z.string() },
                'application/zip': { schema: z.string().meta({ format: 'binary' }) },
                'application/x-cypher-query': { schema: z.string() },
              },
            },
            ...errors(400, 403, 404, 408, 413, 415),
          },
          { requestBody: json(ExportRequestSchema) },
        ),
      },
    },
  });
}
