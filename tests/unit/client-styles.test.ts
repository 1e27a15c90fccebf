import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { nodeSize, syncElements } from '../../client/src/graph/elements.ts';
import { iconInk } from '../../client/src/graph/icons.ts';
import { applyPositions, positionsOf } from '../../client/src/graph/layouts.ts';
import {
  DEFAULT_STYLE_SETTINGS,
  resolveLabelStyle,
  ruleOutputs,
  validateStyleSettings,
  withLabelOverride,
  type StyleRule,
} from '../../client/src/graph/style-settings.ts';
import { graphDataFrom, removeFromGraph } from '../../client/src/state/graph-data.ts';
import { flowEdgeAmounts, paymentFlows } from '../../client/src/state/money-flows.ts';
import { node, seedLikeGraph } from '../support/client-graph.fixtures.ts';

const widthByAmount: StyleRule = { id: 'w', target: 'edges', match: '', property: 'amount', mapping: 'width', min: 2, max: 10 };

describe('client styles', () => {
  it('puts the user’s override on top of the label registry', () => {
    expect(resolveLabelStyle('Person', DEFAULT_STYLE_SETTINGS)).toMatchObject({ color: '#F28E2B', shape: 'ellipse', icon: 'person', sizeFactor: 1 });
    let settings = withLabelOverride(DEFAULT_STYLE_SETTINGS, 'Person', 'color', '#000000');
    settings = withLabelOverride(settings, 'Person', 'icon', 'none');
    settings = withLabelOverride(settings, 'Person', 'caption', 'title');
    expect(resolveLabelStyle('Person', settings)).toMatchObject({ color: '#000000', captionKey: 'title' });
    expect(resolveLabelStyle('Person', settings).icon).toBeUndefined();
    expect(withLabelOverride(withLabelOverride(DEFAULT_STYLE_SETTINGS, 'X', 'size', 2), 'X', 'size', undefined).labels).toEqual({});
  });

  it('keeps the valid parts of stored settings and drops the rest', () => {
    const stored = {
      labels: { Person: { color: '#123456', shape: 'not-a-shape', icon: 'flag', size: 99 }, Empty: { color: 'red' } },
      rules: [widthByAmount, { id: 'bad', target: 'edges', mapping: 'width' }],
    };
    expect(validateStyleSettings(stored)).toEqual({ labels: { Person: { color: '#123456', icon: 'flag' } }, rules: [widthByAmount] });
    expect(validateStyleSettings('garbage')).toBe(DEFAULT_STYLE_SETTINGS);
  });

  it('maps a numeric property linearly between the smallest and largest value in view', () => {
    const graph = graphDataFrom({
      nodes: [node('a', ['Payment'], { amount: 10 }), node('b', ['Payment'], { amount: 30 }), node('c', ['Payment'], { amount: 20 }), node('d', ['Person'])],
      relationships: [],
    });
    const rule: StyleRule = { id: 's', target: 'nodes', match: 'Payment', property: 'amount', mapping: 'size', min: 20, max: 60 };
    const { outputs, domains } = ruleOutputs(graph, [rule]);
    expect(outputs.get('a')?.size).toBe(20);
    expect(outputs.get('c')?.size).toBe(40);
    expect(outputs.get('b')?.size).toBe(60);
    expect(outputs.has('d')).toBe(false);
    expect(domains).toEqual([{ rule, min: 10, max: 30, count: 3 }]);
    const colour = ruleOutputs(graph, [{ ...rule, mapping: 'color', minColor: '#000000', maxColor: '#ffffff' }]).outputs;
    expect(colour.get('c')?.color).toBe('#808080');
  });

  it('draws payment flows by amount through the flow edges’ derived amount', () => {
    const graph = graphDataFrom(seedLikeGraph());
    const amounts = flowEdgeAmounts(paymentFlows(graph));
    const { outputs } = ruleOutputs(graph, [widthByAmount], (id, property) => (property === 'amount' ? amounts.get(id) : undefined));
    // One value alone gets the rule's maximum.
    expect(outputs.get('russia--PAYS--payment')?.width).toBe(10);
    expect(outputs.get('payment--PAID_TO--north-korea')?.width).toBe(10);
    expect(outputs.has('kim--SIGNED--agreement')).toBe(false);
  });

  it('picks icon ink that reads on the fill', () => {
    expect(iconInk('#EDC948')).toBe('#1b2430');
    expect(iconInk('#4E79A7')).toBe('#ffffff');
  });
});

describe('client canvas sync (headless Cytoscape)', () => {
  it('mirrors the graph with its styles, places remembered nodes, and updates only what changed', () => {
    const cy = cytoscape({ headless: true });
    const graph = graphDataFrom(seedLikeGraph());
    const amounts = flowEdgeAmounts(paymentFlows(graph));
    const rules = ruleOutputs(graph, [widthByAmount], (id) => amounts.get(id)).outputs;
    const added = syncElements(cy, graph, { settings: DEFAULT_STYLE_SETTINGS, rules }, { kim: { x: 40, y: -20 } });

    expect(added.length).toBe(graph.nodes.size);
    expect(cy.edges().length).toBe(graph.relationships.size);
    expect(cy.getElementById('kim').position()).toEqual({ x: 40, y: -20 });
    expect(cy.getElementById('payment').data('icon')).toMatch(/^data:image\/svg\+xml/);
    expect(cy.getElementById('russia--PAYS--payment').data('width')).toBe(10);
    expect(cy.getElementById('kim--SIGNED--agreement').data('width')).toBeUndefined();
    // Russia has three relationships in view: its size grows with them.
    expect(cy.getElementById('russia').data('size')).toBe(nodeSize(3, { sizeFactor: 1 }));

    const agreementWeight = cy.getElementById('agreement').data('weight') as number;
    expect(agreementWeight).toBe(cy.getElementById('agreement').connectedEdges().length);

    const styled = withLabelOverride(DEFAULT_STYLE_SETTINGS, 'Payment', 'icon', 'none');
    const again = syncElements(cy, removeFromGraph(graph, ['kim']), { settings: styled, rules: new Map() });
    expect(again.empty()).toBe(true);
    expect(cy.getElementById('kim').empty()).toBe(true);
    // The agreement lost Kim's SIGNED: its size follows.
    expect(cy.getElementById('agreement').data('weight')).toBe(agreementWeight - 1);
    expect(cy.getElementById('agreement').data('size')).toBe(nodeSize(agreementWeight - 1, { sizeFactor: 1 }));
    expect(cy.getElementById('payment').data('icon')).toBeUndefined();
    expect(cy.getElementById('russia--PAYS--payment').data('width')).toBeUndefined();
    cy.destroy();
  });

  it('moves nodes back to remembered positions and reads them out', async () => {
    const cy = cytoscape({ headless: true });
    cy.add([{ data: { id: 'a' }, position: { x: 0, y: 0 } }, { data: { id: 'b' }, position: { x: 10, y: 10 } }]);
    await applyPositions(cy, { a: { x: 100, y: -50 } }, false);
    expect(positionsOf(cy)).toEqual({ a: { x: 100, y: -50 }, b: { x: 10, y: 10 } });
    cy.destroy();
  });
});
