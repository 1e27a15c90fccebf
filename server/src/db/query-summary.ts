/**
 * Maps the driver's result summary (query type, timings, notifications, counters, EXPLAIN/PROFILE plan)
 * into plain data: the contract's `CypherSummary` fields, plus what the Cypher guard needs to judge a plan.
 */
import type { Notification, ResultSummary } from 'neo4j-driver';
import type { CypherNotification, CypherPlan, CypherQueryType, JsonValue } from '../contract.ts';
import { fromDriver, toJson } from './values.ts';

export interface QuerySummary {
  columns: string[];
  /** Neo4j's query type as reported (`r`, `w`, `rw`, `s`). */
  queryType: string;
  /** The database the session ran in. */
  database: string | undefined;
  resultAvailableAfterMs: number;
  resultConsumedAfterMs: number;
  notifications: CypherNotification[];
  counters?: Record<string, number>;
  /** The EXPLAIN plan or the PROFILE profile, when the query asked for one. */
  plan?: CypherPlan;
  /** Every database the plan's operators run in (Neo4j names operators `NodeByLabelScan@neo4j`). */
  planDatabases: string[];
}

/** Plan arguments that become their own fields of `CypherPlan`, or that only repeat the tree as text. */
const PROMOTED_ARGUMENTS = new Set(['EstimatedRows', 'Rows', 'DbHits', 'string-representation']);

interface DriverPlan {
  operatorType: string;
  identifiers: string[];
  arguments: Record<string, unknown>;
  children: DriverPlan[];
  dbHits?: number;
  rows?: number;
}

function toPlan(plan: DriverPlan, profiled: boolean, databases: Set<string>): CypherPlan {
  const at = plan.operatorType.lastIndexOf('@');
  if (at > 0) databases.add(plan.operatorType.slice(at + 1));
  const args: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(plan.arguments ?? {})) {
    if (!PROMOTED_ARGUMENTS.has(key)) args[key] = toJson(fromDriver(value));
  }
  const estimated = toJson(fromDriver(plan.arguments?.EstimatedRows));
  return {
    operator: at > 0 ? plan.operatorType.slice(0, at) : plan.operatorType,
    ...(plan.identifiers.length > 0 ? { identifiers: [...plan.identifiers] } : {}),
    estimatedRows: typeof estimated === 'number' ? estimated : 0,
    ...(profiled ? { rows: Number(plan.rows ?? 0), dbHits: Number(plan.dbHits ?? 0) } : {}),
    ...(Object.keys(args).length > 0 ? { arguments: args } : {}),
    children: plan.children.map((child) => toPlan(child, profiled, databases)),
  };
}

function toNotification(notification: Notification): CypherNotification {
  const out: CypherNotification = {
    code: notification.code,
    title: notification.title,
    description: notification.description,
    severity: notification.rawSeverityLevel,
  };
  const category = notification.rawCategory ?? undefined;
  if (category) out.category = category;
  const position = notification.position as { offset?: unknown; line?: unknown; column?: unknown };
  if (typeof position.offset === 'number' && typeof position.line === 'number' && typeof position.column === 'number') {
    out.position = { line: position.line, column: position.column, offset: position.offset };
  }
  return out;
}

function toMilliseconds(value: unknown): number {
  const json = toJson(fromDriver(value));
  return typeof json === 'number' ? json : 0;
}

export function toQuerySummary(summary: ResultSummary, columns: string[]): QuerySummary {
  const databases = new Set<string>();
  const profile = summary.profile ? (summary.profile as unknown as DriverPlan) : undefined;
  const explain = summary.plan ? (summary.plan as unknown as DriverPlan) : undefined;
  const plan = profile ? toPlan(profile, true, databases) : explain ? toPlan(explain, false, databases) : undefined;
  const out: QuerySummary = {
    columns,
    queryType: summary.queryType,
    database: summary.database.name ?? undefined,
    resultAvailableAfterMs: toMilliseconds(summary.resultAvailableAfter),
    resultConsumedAfterMs: toMilliseconds(summary.resultConsumedAfter),
    notifications: summary.notifications.map(toNotification),
    planDatabases: [...databases],
  };
  if (summary.counters.containsUpdates() || summary.counters.containsSystemUpdates()) {
    const counters: Record<string, number> = { ...summary.counters.updates() };
    if (summary.counters.containsSystemUpdates()) counters.systemUpdates = summary.counters.systemUpdates();
    out.counters = counters;
  }
  if (plan) out.plan = plan;
  return out;
}

/** Narrows Neo4j's query type to the contract's union (unknown types are reported as schema/system). */
export function toQueryType(queryType: string): CypherQueryType {
  return queryType === 'r' || queryType === 'w' || queryType === 'rw' ? queryType : 's';
}
