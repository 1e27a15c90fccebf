import { describe, expect, it } from 'vitest';
import { graphDataFrom } from '../../client/src/state/graph-data.ts';
import { drawnFlows, flowEdgeAmounts, flowTotals, formatAmount, paymentFlows, type PaymentFlow } from '../../client/src/state/money-flows.ts';
import { node, rel, seedLikeGraph } from '../support/client-graph.fixtures.ts';

describe('client money flows', () => {
  it('finds the payment, its payer and its payee, and leaves what it pays for aside', () => {
    const [flow, ...others] = paymentFlows(graphDataFrom(seedLikeGraph()));
    expect(others).toEqual([]);
    expect(flow).toMatchObject({
      paymentId: 'payment',
      amount: 115000000,
      currency: 'USD',
      period: 'year',
      qualifier: 'up to',
      year: null,
      payerIds: ['russia'],
      payeeIds: ['north-korea'],
      certainty: 'reported',
    });
    expect(flow?.relationshipIds.sort()).toEqual(['payment--PAID_TO--north-korea', 'russia--PAYS--payment']);
  });

  it('works on any labels: a numeric amount and a currency make a payment, RECEIVES names a payee', () => {
    const graph = graphDataFrom({
      nodes: [
        node('t1', ['Transfer'], { amount: '2500000', currency: 'EUR', date: { $type: 'Date', value: '2023-03-01' } }),
        node('acme', ['Company']),
        node('bob', ['Person']),
        node('not-money', ['Thing'], { amount: 3 }),
      ],
      relationships: [
        rel('acme', 'PAYS_OUT', 't1', { certainty: 'confirmed' }),
        rel('bob', 'RECEIVES', 't1', { certainty: 'assessed' }),
      ],
    });
    const [flow] = paymentFlows(graph);
    expect(flow).toMatchObject({ amount: 2500000, currency: 'EUR', year: '2023', payerIds: ['acme'], payeeIds: ['bob'], certainty: 'assessed' });
    expect(paymentFlows(graph)).toHaveLength(1);
  });

  it('totals per year and currency, newest first and undated last', () => {
    const flow = (year: string | null, currency: string, amount: number): PaymentFlow => ({
      paymentId: `${year}-${currency}-${amount}`,
      amount,
      currency,
      period: null,
      qualifier: null,
      year,
      payerIds: [],
      payeeIds: [],
      relationshipIds: [],
      certainty: null,
    });
    const totals = flowTotals([flow('2023', 'USD', 10), flow(null, 'USD', 5), flow('2024', 'USD', 1), flow('2023', 'USD', 20), flow('2023', 'EUR', 7)]);
    expect(totals).toEqual([
      { year: '2024', currency: 'USD', amount: 1, count: 1 },
      { year: '2023', currency: 'EUR', amount: 7, count: 1 },
      { year: '2023', currency: 'USD', amount: 30, count: 2 },
      { year: null, currency: 'USD', amount: 5, count: 1 },
    ]);
  });

  it('gives each flow relationship its payment amount, for the width rule', () => {
    const amounts = flowEdgeAmounts(paymentFlows(graphDataFrom(seedLikeGraph())));
    expect(amounts.get('russia--PAYS--payment')).toBe(115000000);
    expect(amounts.get('payment--PAYS_FOR--deployment')).toBeUndefined();
  });

  it.each([
    [115000000, 'USD', '$115M'],
    [2500000, 'EUR', '€2.5M'],
    [1000000, 'USD', '$1M'],
    [3_200_000_000, 'GBP', '£3.2B'],
    [1200, 'KPW', '1,200 KPW'],
    [45000, 'RUB', '₽45K'],
  ])('formats %d %s as %s', (amount, currency, text) => {
    expect(formatAmount(amount, currency)).toBe(text);
  });
});

describe('drawnFlows: the money flows panel counts what is drawn', () => {
  const graph = graphDataFrom(seedLikeGraph());
  const [flow] = paymentFlows(graph);
  const none = { nodes: new Set<string>(), relationships: new Set<string>() };

  it('counts a flow while its payment and a payer or payee link are drawn', () => {
    expect(drawnFlows(graph, none).map((f) => f.paymentId)).toEqual([flow?.paymentId]);
  });

  it('drops a flow whose payer and payee links are all filtered out, though its payment node is drawn', () => {
    // Filters → types: untick PAYS and PAID_TO. The panel still said "up to $115M / year" (new-user trial).
    const links = new Set(flow?.relationshipIds);
    expect(drawnFlows(graph, { nodes: new Set(), relationships: links })).toEqual([]);
  });

  it('drops a flow whose payment node is hidden, and keeps the side still drawn when one side is hidden', () => {
    expect(drawnFlows(graph, { nodes: new Set([flow?.paymentId as string]), relationships: new Set() })).toEqual([]);
    const payerLinks = (flow?.relationshipIds ?? []).filter((id) => graph.relationships.get(id)?.target === flow?.paymentId);
    const [partial] = drawnFlows(graph, { nodes: new Set(), relationships: new Set(payerLinks) });
    expect(partial?.payerIds).toEqual([]);
    expect(partial?.payeeIds).toEqual(flow?.payeeIds);
  });
});
