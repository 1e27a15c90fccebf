/**
 * The EXPLAIN / PROFILE plan as a collapsible tree: operator, details, estimated rows, and for PROFILE
 * the actual rows and db hits. Neo4j prints plans root first (ProduceResults at the top): so does this.
 */
import { useMemo, useState } from 'react';
import type { CypherPlan } from '../../../server/src/contract.ts';
import { collapsiblePaths, flattenPlan, planTotals, toggleCollapsed } from './plan-tree.ts';
import './PlanTree.css';

const formatCount = (value: number | undefined) => (value === undefined ? '' : Math.round(value).toLocaleString('en-US'));

export function PlanTree({ plan, profiled }: { plan: CypherPlan; profiled: boolean }) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => flattenPlan(plan, collapsed), [plan, collapsed]);
  const totals = useMemo(() => planTotals(plan), [plan]);
  return (
    <div className="wb-plan-view">
      <div className="wb-view-actions">
        <span className="muted small">
          {profiled ? 'PROFILE' : 'EXPLAIN'}: {totals.operators} operator{totals.operators === 1 ? '' : 's'}
          {totals.dbHits !== undefined ? ` · ${formatCount(totals.dbHits)} db hits in all` : ' · estimates only, nothing was run'}
        </span>
        <button type="button" className="button wb-button-small" onClick={() => setCollapsed(new Set())}>
          Expand all
        </button>
        <button type="button" className="button wb-button-small" onClick={() => setCollapsed(new Set(collapsiblePaths(plan)))}>
          Collapse all
        </button>
      </div>
      <div className="wb-table-scroll">
        <table className="wb-table wb-plan" role="treegrid" aria-label="Query plan" data-testid="plan-tree">
          <thead>
            <tr>
              <th scope="col">Operator</th>
              <th scope="col">Details</th>
              <th scope="col" className="wb-number">
                Estimated rows
              </th>
              {profiled && (
                <>
                  <th scope="col" className="wb-number">
                    Rows
                  </th>
                  <th scope="col" className="wb-number">
                    DB hits
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.path} aria-level={row.depth + 1} aria-expanded={row.childCount > 0 ? !row.collapsed : undefined}>
                <td>
                  <div className="wb-plan-operator" style={{ paddingLeft: `${row.depth * 16}px` }}>
                    {row.childCount > 0 ? (
                      <button
                        type="button"
                        className="wb-tree-toggle"
                        aria-label={row.collapsed ? `Expand ${row.operator}` : `Collapse ${row.operator}`}
                        onClick={() => setCollapsed((current) => toggleCollapsed(current, row.path))}
                      >
                        {row.collapsed ? '▸' : '▾'}
                      </button>
                    ) : (
                      <span className="wb-tree-leaf" aria-hidden="true">
                        ·
                      </span>
                    )}
                    <strong data-testid="plan-operator">{row.operator}</strong>
                    {row.collapsed && <span className="muted small"> (+{row.childCount})</span>}
                  </div>
                </td>
                <td className="wb-plan-details" title={row.identifiers.length > 0 ? `Variables: ${row.identifiers.join(', ')}` : undefined}>
                  {row.details && <code>{row.details}</code>}
                </td>
                <td className="wb-number">{formatCount(row.estimatedRows)}</td>
                {profiled && (
                  <>
                    <td className="wb-number">{formatCount(row.rows)}</td>
                    <td className="wb-number">{formatCount(row.dbHits)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
