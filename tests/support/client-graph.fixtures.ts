/**
 * Small graphs for the client's pure-logic tests, in the API's graph transport, built the way the seed
 * models things (evidence on every relationship, a payment node between payer and payee).
 */
import type { Graph, GraphNode, GraphRelationship, JsonValue } from '../../server/src/contract.ts';

export function node(id: string, labels: string[], properties: Record<string, JsonValue> = {}): GraphNode {
  return { id, elementId: `4:test:${id}`, labels, properties: { name: id, ...properties } };
}

export function rel(source: string, type: string, target: string, properties: Record<string, JsonValue> = {}): GraphRelationship {
  const id = `${source}--${type}--${target}`;
  return { id, elementId: `5:test:${id}`, type, source, target, properties: { id, ...properties } };
}

/** Russia pays North Korea through a payment node; Kim signed the agreement; a hedged deployment. */
export function seedLikeGraph(): Graph {
  return {
    nodes: [
      node('russia', ['Actor', 'Country']),
      node('north-korea', ['Actor', 'Country']),
      node('kim', ['Actor', 'Person']),
      node('agreement', ['Agreement'], { date: { $type: 'Date', value: '2024-06-19' } }),
      node('payment', ['Payment'], { amount: 115000000, currency: 'USD', period: 'year', amountQualifier: 'up to' }),
      node('deployment', ['Event']),
      node('article', ['Source']),
      node('journalists', ['Source']),
    ],
    relationships: [
      rel('kim', 'SIGNED', 'agreement', { certainty: 'confirmed', sources: ['article'], quote: 'signed by North Korean leader Kim Jong-un', dateText: 'recent' }),
      rel('russia', 'PAYS', 'payment', { certainty: 'reported', sources: ['journalists'], quote: 'up to $115 million annually' }),
      rel('payment', 'PAID_TO', 'north-korea', { certainty: 'reported', sources: ['journalists'] }),
      rel('payment', 'PAYS_FOR', 'deployment', { certainty: 'reported', sources: ['journalists'] }),
      rel('north-korea', 'DEPLOYS', 'deployment', { certainty: 'speculated', sources: ['article', 'journalists'], dateText: 'as early as next month' }),
      rel('russia', 'PARTY_TO', 'agreement', { certainty: 'confirmed', sources: ['article'], date: '2024-06-19' }),
      rel('north-korea', 'NEIGHBOUR_OF', 'russia', {}),
    ],
  };
}
