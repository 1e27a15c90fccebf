/**
 * Money flows in view (money-flows.ts): each payment as payer → payee with its amount, period and how
 * sure the evidence is, then totals per year and currency. With `nodeId`, only the flows it takes part in.
 * Flows the filters hide (the payment node, or every payer and payee link) are left out, list and totals
 * alike: the panel says what is drawn, not what was loaded.
 */
import { useMemo } from 'react';
import { drawnFlows, flowTotals, formatAmount, type HiddenIds } from '../state/money-flows.ts';
import type { GraphData } from '../state/graph-data.ts';
import type { Selection } from '../state/selection.ts';
import { CertaintyBadge } from './CertaintyBadge.tsx';
import { NodeRef } from './NodeRef.tsx';
import './MoneyFlows.css';

interface MoneyFlowsProps {
  graph: GraphData;
  nodeId?: string;
  /** Nodes and relationships the filters hide. */
  hidden: HiddenIds;
  onSelect(selection: Selection): void;
}

export function MoneyFlows({ graph, nodeId, hidden, onSelect }: MoneyFlowsProps) {
  const flows = useMemo(() => drawnFlows(graph, hidden, nodeId), [graph, nodeId, hidden]);
  const totals = useMemo(() => flowTotals(flows), [flows]);
  if (flows.length === 0) {
    return nodeId ? null : (
      <p className="muted small" data-testid="money-flows-none">
        No money flow is drawn: no payment with a payer or payee link in view.
      </p>
    );
  }

  const parties = (ids: readonly string[]) =>
    ids.length === 0 ? <span className="muted">unknown</span> : ids.map((id) => <NodeRef key={id} nodeId={id} graph={graph} onSelect={onSelect} />);

  return (
    <div className="money" data-testid="money-flows">
      <ul className="plain-list money-list">
        {flows.map((flow) => (
          <li key={flow.paymentId} className="money-flow">
            <div className="money-parties">
              {parties(flow.payerIds)}
              <span className="arrow" aria-label="pays">
                →
              </span>
              {parties(flow.payeeIds)}
            </div>
            <div className="money-facts">
              <button type="button" className="money-amount" onClick={() => onSelect({ kind: 'node', id: flow.paymentId })} title="Show the payment">
                {flow.qualifier ? `${flow.qualifier} ` : ''}
                {formatAmount(flow.amount, flow.currency)}
                {flow.period ? <span className="muted"> / {flow.period}</span> : null}
              </button>
              {flow.certainty && <CertaintyBadge certainty={flow.certainty} />}
              <span className="muted small">{flow.year ?? 'undated'}</span>
            </div>
          </li>
        ))}
      </ul>
      <table className="money-totals" data-testid="money-totals">
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col">Currency</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Payments
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.map((total) => (
            <tr key={`${total.year}|${total.currency}`}>
              <td>{total.year ?? 'undated'}</td>
              <td>{total.currency}</td>
              <td className="num">{formatAmount(total.amount, total.currency)}</td>
              <td className="num">{total.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
