/**
 * What the canvas and the legend need from the user's styles for the graph in view: the element styling
 * (label overrides + rule outputs) and each rule's value range. Payment flow edges carry their payment's
 * amount (money-flows.ts), so an `amount` rule sizes them.
 */
import { useMemo } from 'react';
import type { GraphData } from '../state/graph-data.ts';
import { flowEdgeAmounts, paymentFlows } from '../state/money-flows.ts';
import type { ElementStyling } from './elements.ts';
import { ruleOutputs, type RuleDomain, type StyleSettings } from './style-settings.ts';

/** The property a payment flow's edges answer with their payment's amount. */
const FLOW_AMOUNT_PROPERTY = 'amount';

export function useStyling(graph: GraphData, settings: StyleSettings): { styling: ElementStyling; domains: RuleDomain[] } {
  return useMemo(() => {
    const amounts = flowEdgeAmounts(paymentFlows(graph));
    const { outputs, domains } = ruleOutputs(graph, settings.rules, (id, property) =>
      property === FLOW_AMOUNT_PROPERTY ? amounts.get(id) : undefined,
    );
    return { styling: { settings, rules: outputs }, domains };
  }, [graph, settings]);
}
