/**
 * Every environment variable the explorer reads, parsed and validated once at start-up.
 * A bad value stops the process with a message naming the variable and what was received.
 */

/** Defaults, each declared once. */
import { isIP } from 'node:net';
import { LIMITS } from './contract.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limits.ts';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from './http/request-log.ts';

export const DEFAULT_CONFIG = {
  /** The explorer's HTTP port. */
  port: 3000,
  /** Loopback only unless the user opens it up: the explorer has no login of its own. */
  host: '127.0.0.1',
  /** Neo4j's default user. */
  neo4jUser: 'neo4j',
  /** Bolt port of the locally provisioned Neo4j (7688, so it doesn't clash with a Neo4j already on 7687). */
  localNeo4jPort: 7688,
  /** Heap of the local Neo4j: plenty for the seed and for tens of thousands of nodes on a 24 GiB machine. */
  localNeo4jHeap: '2g',
  /** Page cache of the local Neo4j. */
  localNeo4jPageCache: '1g',
  /**
   * Memory one transaction of the local Neo4j may take (db.memory.transaction.max): a query that builds one
   * enormous row fails with QUERY_MEMORY_LIMIT instead of starving everyone else of the heap.
   */
  localNeo4jTransactionMemory: '512m',
} as const;

/** Every variable the explorer reads; docker-compose.yml and the README name the same ones. */
export const CONFIG_VARIABLES = [
  'NEO4J_URI',
  'NEO4J_USER',
  'NEO4J_PASSWORD',
  'NEO4J_DATABASE',
  'PORT',
  'HOST',
  'LOCAL_NEO4J_PORT',
  'LOCAL_NEO4J_HEAP',
  'LOCAL_NEO4J_PAGECACHE',
  'LOCAL_NEO4J_TX_MEMORY',
  'CYPHER_TIMEOUT_MS',
  'CYPHER_MAX_ROWS',
  'CYPHER_MAX_ANSWER_BYTES',
  'EXPORT_MAX_NODES',
  'EXPORT_MAX_RELATIONSHIPS',
  'EXPORT_TIMEOUT_MS',
  'VIEW_MAX_NODES',
  'TRUST_PROXY',
  'CORS_ORIGINS',
  'RATE_LIMIT_WINDOW_MS',
  'RATE_LIMIT_QUERIES',
  'RATE_LIMIT_REQUESTS',
  'LOG_LEVEL',
  'LOG_FORMAT',
] as const;

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  /** Undefined: the server's default database. */
  database: string | undefined;
}

export interface Config {
  port: number;
  host: string;
  /** Set when NEO4J_URI is: use that server and provision nothing. */
  neo4j: Neo4jTarget | undefined;
  /** Used only when `neo4j` is undefined. */
  local: { boltPort: number; heap: string; pageCache: string; transactionMemory: string; user: string; database: string | undefined };
  /** Overrides of the Cypher workbench's limits; unset ones keep the defaults of server/src/cypher/cypher-limits.ts. */
  cypher: { timeoutMs?: number; maxRows?: number; maxAnswerBytes?: number };
  /** Overrides of the export size caps; unset ones keep the defaults of server/src/export/export-limits.ts. */
  export: { maxNodes?: number; maxRelationships?: number; timeoutMs?: number };
  /**
   * Nodes one view holds (VIEW_MAX_NODES, 1..LIMITS.viewMaxCeiling, default LIMITS.viewMax): the overview's,
   * an expansion's and the workbench graph's cap.
   */
  viewMaxNodes: number;
  http: {
    /**
     * Express's `trust proxy` (TRUST_PROXY): false (default: the peer is the client), true, a number of
     * proxy hops, or a comma-separated list of addresses, subnets and `loopback`/`linklocal`/`uniquelocal`.
     * It decides `req.ip` (the rate limits' client) and whether a proxy's `X-Request-Id` is taken.
     */
    trustProxy: boolean | number | string;
    /** Origins whose pages may call the API (CORS_ORIGINS); none by default. */
    corsOrigins: string[];
    rateLimits: RateLimits;
  };
  log: { level: LogLevel; format: LogFormat };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
/** Database names as Neo4j allows them: letters, digits, dots and dashes, 3-63 characters. */
const DATABASE_NAME = /^[A-Za-z][A-Za-z0-9.-]{2,62}$/;
const MEMORY_SIZE = /^\d+[kmg]$/i;

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function port(env: Env, name: string, fallback: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 65535) {
    throw new ConfigError(`${name} must be a port number between 1 and 65535. Got: "${raw}"`);
  }
  return value;
}

function positiveInteger(env: Env, name: string): number | undefined {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    throw new ConfigError(`${name} must be a whole number of at least 1. Got: "${raw}"`);
  }
  return value;
}

function nonNegativeInteger(env: Env, name: string, fallback: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    throw new ConfigError(`${name} must be a whole number (0 turns it off). Got: "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = nonEmpty(env, name)?.toLowerCase() ?? fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}. Got: "${raw}"`);
  return raw as T;
}

const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY as Express's `trust proxy` takes it (https://expressjs.com/en/guide/behind-proxies.html). */
function trustProxy(env: Env): boolean | number | string {
  const raw = nonEmpty(env, 'TRUST_PROXY');
  if (raw === undefined || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const known =
      PROXY_RANGES.includes(entry) || (family !== 0 && extra === undefined && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits)));
    if (!known) {
      throw new ConfigError(`TRUST_PROXY must be true, false, a number of hops, or addresses, subnets and ${PROXY_RANGES.join('/')} separated by commas. Got: "${raw}"`);
    }
  }
  return entries.join(',');
}

/**
 * RATE_LIMIT_WINDOW_MS: at most 2^31-1 ms (24.8 days), the longest timer Node.js keeps; a longer one fires
 * at once, and the limiter then forgot its counts every millisecond (no limit at all).
 */
function rateLimitWindow(env: Env): number {
  const value = positiveInteger(env, 'RATE_LIMIT_WINDOW_MS') ?? DEFAULT_RATE_LIMITS.windowMs;
  if (value > 2_147_483_647) throw new ConfigError(`RATE_LIMIT_WINDOW_MS must be at most 2147483647 (about 24.8 days). Got: "${value}"`);
  return value;
}

/** CORS_ORIGINS: origins such as https://intranet.example.org, separated by commas. */
function corsOrigins(env: Env): string[] {
  const raw = nonEmpty(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(`CORS_ORIGINS must list origins (scheme://host[:port], no path or trailing slash) separated by commas. Got: "${origin}"`);
    }
    return origin;
  });
}

function memory(env: Env, name: string, fallback: string): string {
  const raw = nonEmpty(env, name) ?? fallback;
  if (!MEMORY_SIZE.test(raw)) throw new ConfigError(`${name} must be a size such as 512m or 2g. Got: "${raw}"`);
  return raw;
}

function database(env: Env): string | undefined {
  const raw = nonEmpty(env, 'NEO4J_DATABASE');
  if (raw !== undefined && !DATABASE_NAME.test(raw)) {
    throw new ConfigError(`NEO4J_DATABASE must be a Neo4j database name (letters, digits, "." and "-"). Got: "${raw}"`);
  }
  return raw;
}

function neo4jTarget(env: Env): Neo4jTarget | undefined {
  const uri = nonEmpty(env, 'NEO4J_URI');
  if (uri === undefined) return undefined;
  let scheme: string;
  try {
    const parsed = new URL(uri);
    scheme = parsed.protocol.replace(/:$/, '');
    if (!parsed.hostname) throw new Error('no host');
  } catch {
    throw new ConfigError(`NEO4J_URI must be a URI such as bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io. Got: "${uri}"`);
  }
  if (!URI_SCHEMES.includes(scheme)) {
    throw new ConfigError(`NEO4J_URI must use one of ${URI_SCHEMES.join(', ')}. Got scheme: "${scheme}"`);
  }
  const password = env.NEO4J_PASSWORD;
  if (password === undefined || password === '') {
    throw new ConfigError('NEO4J_PASSWORD must be set when NEO4J_URI is. Got: nothing');
  }
  return { uri, user: nonEmpty(env, 'NEO4J_USER') ?? DEFAULT_CONFIG.neo4jUser, password, database: database(env) };
}

export function loadConfig(env: Env = process.env): Config {
  const host = nonEmpty(env, 'HOST') ?? DEFAULT_CONFIG.host;
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) throw new ConfigError(`HOST must be a host name or IP address. Got: "${host}"`);
  return {
    port: port(env, 'PORT', DEFAULT_CONFIG.port),
    host,
    neo4j: neo4jTarget(env),
    local: {
      boltPort: port(env, 'LOCAL_NEO4J_PORT', DEFAULT_CONFIG.localNeo4jPort),
      heap: memory(env, 'LOCAL_NEO4J_HEAP', DEFAULT_CONFIG.localNeo4jHeap),
      pageCache: memory(env, 'LOCAL_NEO4J_PAGECACHE', DEFAULT_CONFIG.localNeo4jPageCache),
      transactionMemory: memory(env, 'LOCAL_NEO4J_TX_MEMORY', DEFAULT_CONFIG.localNeo4jTransactionMemory),
      user: DEFAULT_CONFIG.neo4jUser,
      database: database(env),
    },
    cypher: {
      timeoutMs: positiveInteger(env, 'CYPHER_TIMEOUT_MS'),
      maxRows: positiveInteger(env, 'CYPHER_MAX_ROWS'),
      maxAnswerBytes: positiveInteger(env, 'CYPHER_MAX_ANSWER_BYTES'),
    },
    export: {
      maxNodes: positiveInteger(env, 'EXPORT_MAX_NODES'),
      maxRelationships: positiveInteger(env, 'EXPORT_MAX_RELATIONSHIPS'),
      timeoutMs: positiveInteger(env, 'EXPORT_TIMEOUT_MS'),
    },
    viewMaxNodes: viewMaxNodes(env),
    http: {
      trustProxy: trustProxy(env),
      corsOrigins: corsOrigins(env),
      rateLimits: {
        windowMs: rateLimitWindow(env),
        queries: nonNegativeInteger(env, 'RATE_LIMIT_QUERIES', DEFAULT_RATE_LIMITS.queries),
        requests: nonNegativeInteger(env, 'RATE_LIMIT_REQUESTS', DEFAULT_RATE_LIMITS.requests),
      },
    },
    log: { level: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'), format: oneOf(env, 'LOG_FORMAT', LOG_FORMATS, 'auto') },
  };
}

function viewMaxNodes(env: Env): number {
  const value = positiveInteger(env, 'VIEW_MAX_NODES') ?? LIMITS.viewMax;
  if (value > LIMITS.viewMaxCeiling) {
    throw new ConfigError(`VIEW_MAX_NODES must be at most ${LIMITS.viewMaxCeiling}: beyond that no browser draws a view. Got: "${value}"`);
  }
  return value;
}
