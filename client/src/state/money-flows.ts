/**
 * Money flows in view, found generically: a payment is any node with a numeric `amount` and a `currency`;
 * its payers point at it with a relationship whose type mentions PAY (`(payer)-[:PAYS]->(payment)`), its
 * payees are what it points at with a `…_TO` relationship (`(payment)-[:PAID_TO]->(payee)`) or what points
 * at it with a RECEIVES one. Flows are totalled per year and currency; the flow edges carry the amount,
 * so a width rule on `amount` draws them by size.
 */
import type { Certainty, GraphNode, GraphRelationship, JsonValue } from '../../../server/src/contract.ts';
import { CERTAINTY_ORDER, certaintyOf } from '../graph/certainty.ts';
import { dayOf, textOf } from './evidence.ts';
import type { GraphData } from './graph-data.ts';

export interface PaymentFlow {
  paymentId: string;
  amount: number;
  currency: string;
  /** What the amount is per, when it recurs (`year`, `month`), else null. */
  period: string | null;
  /** How the source qualifies the amount ("up to"), else null. */
  qualifier: string | null;
  /** Year of the payment's `date` (or its `year` property), else null. */
  year: string | null;
  payerIds: string[];
  payeeIds: string[];
  /** The flow relationships (payer → payment, payment → payee). */
  relationshipIds: string[];
  /** The weakest certainty among the flow relationships: a flow is only as sure as its least sure link. */
  certainty: Certainty | null;
}

function numberOf(value: JsonValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** The payment fields of a node, or null when it is no payment. */
export function paymentOf(node: GraphNode): { amount: number; currency: string } | null {
  const amount = numberOf(node.properties.amount);
  const currency = textOf(node.properties.currency);
  return amount !== null && currency !== null ? { amount, currency } : null;
}

const isPayerType = (type: string) => /PAY/i.test(type) && !/RECEIV/i.test(type);
const isPayeeType = (type: string) => type.toUpperCase().split('_').includes('TO') || /RECIPIENT|PAYEE|BENEFICIAR/i.test(type);
const isReceiverType = (type: string) => /RECEIV/i.test(type);

function weakest(certainties: Array<Certainty | null>): Certainty | null {
  const known = certainties.filter((c): c is Certainty => c !== null);
  if (known.length === 0) return null;
  return known.reduce((a, b) => (CERTAINTY_ORDER.indexOf(a) >= CERTAINTY_ORDER.indexOf(b) ? a : b));
}

/** Elements the filters hide (filters.ts's HiddenElements): what `drawnFlows` leaves out. */
export interface HiddenIds {
  nodes: ReadonlySet<string>;
  relationships: ReadonlySet<string>;
}

/**
 * The flows drawn: those of the graph without its hidden nodes and relationships, each with at least one
 * relationship shown (a payment whose PAYS and PAID_TO links are filtered out is no flow on screen: it was
 * still counted, new-user trial). `nodeId`: only the flows it takes part in.
 */
export function drawnFlows(graph: GraphData, hidden: HiddenIds, nodeId?: string): PaymentFlow[] {
  const visible: GraphData =
    hidden.nodes.size === 0 && hidden.relationships.size === 0
      ? graph
      : {
          nodes: new Map([...graph.nodes].filter(([id]) => !hidden.nodes.has(id))),
          relationships: new Map(
            [...graph.relationships].filter(([id, rel]) => !hidden.relationships.has(id) && !hidden.nodes.has(rel.source) && !hidden.nodes.has(rel.target)),
          ),
        };
  return paymentFlows(visible).filter(
    (flow) =>
      flow.relationshipIds.length > 0 && (nodeId === undefined || flow.paymentId === nodeId || flow.payerIds.includes(nodeId) || flow.payeeIds.includes(nodeId)),
  );
}

/** Every payment in view with its payers and payees, largest first. */
export function paymentFlows(graph: GraphData): PaymentFlow[] {
  const flows: PaymentFlow[] = [];
  const byPayment = new Map<string, GraphRelationship[]>();
  for (const rel of graph.relationships.values()) {
    for (const end of [rel.source, rel.target]) byPayment.set(end, [...(byPayment.get(end) ?? []), rel]);
  }
  for (const node of graph.nodes.values()) {
    const payment = paymentOf(node);
    if (!payment) continue;
    const payers: GraphRelationship[] = [];
    const payees: GraphRelationship[] = [];
    for (const rel of byPayment.get(node.id) ?? []) {
      if (rel.source === rel.target) continue;
      if (rel.target === node.id && isReceiverType(rel.type)) payees.push(rel);
      else if (rel.target === node.id && isPayerType(rel.type)) payers.push(rel);
      else if (rel.source === node.id && isPayeeType(rel.type)) payees.push(rel);
    }
    const flowRels = [...payers, ...payees];
    const yearNumber = numberOf(node.properties.year);
    flows.push({
      paymentId: node.id,
      ...payment,
      period: textOf(node.properties.period),
      qualifier: textOf(node.properties.amountQualifier),
      year: dayOf(node.properties.date)?.slice(0, 4) ?? (yearNumber !== null ? String(yearNumber) : null),
      payerIds: payers.map((rel) => rel.source),
      payeeIds: payees.map((rel) => (rel.source === node.id ? rel.target : rel.source)),
      relationshipIds: flowRels.map((rel) => rel.id),
      certainty: weakest(flowRels.map((rel) => certaintyOf(rel.properties))),
    });
  }
  return flows.sort((a, b) => b.amount - a.amount || a.paymentId.localeCompare(b.paymentId));
}

export interface FlowTotal {
  /** null for payments without a date. */
  year: string | null;
  currency: string;
  /** The sum of the amounts, each counted once per period it names (a yearly amount is one year's worth). */
  amount: number;
  count: number;
}

/** Totals per year and currency, newest year first, undated last. */
export function flowTotals(flows: readonly PaymentFlow[]): FlowTotal[] {
  const totals = new Map<string, FlowTotal>();
  for (const flow of flows) {
    const key = `${flow.year ?? ''}|${flow.currency}`;
    const total = totals.get(key) ?? { year: flow.year, currency: flow.currency, amount: 0, count: 0 };
    totals.set(key, { ...total, amount: total.amount + flow.amount, count: total.count + 1 });
  }
  return [...totals.values()].sort(
    (a, b) => (b.year ?? '').localeCompare(a.year ?? '') || (a.year === null ? 1 : 0) - (b.year === null ? 1 : 0) || a.currency.localeCompare(b.currency),
  );
}

/** The amount each flow relationship carries, for edge styling (relationship id → amount). */
export function flowEdgeAmounts(flows: readonly PaymentFlow[]): ReadonlyMap<string, number> {
  const amounts = new Map<string, number>();
  for (const flow of flows) for (const id of flow.relationshipIds) amounts.set(id, (amounts.get(id) ?? 0) + flow.amount);
  return amounts;
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', KRW: '₩', RUB: '₽', CNY: '¥' };

/** A compact amount for panels and legends: `$115M`, `€2.5B`, `1,200 KPW`. */
export function formatAmount(amount: number, currency: string): string {
  const symbol = CURRENCY_SYMBOLS[currency.toUpperCase()];
  const abs = Math.abs(amount);
  const [value, suffix] =
    abs >= 1e9 ? [amount / 1e9, 'B'] : abs >= 1e6 ? [amount / 1e6, 'M'] : abs >= 1e4 ? [amount / 1e3, 'K'] : [amount, ''];
  const number = `${Number(value.toFixed(value >= 100 || suffix === '' ? 0 : 1)).toLocaleString('en-US')}${suffix}`;
  return symbol ? `${symbol}${number}` : `${number} ${currency}`;
}
