/**
 * The user's styles: per-label overrides (colour, shape, icon, size, caption property) on top of the label
 * registry, and rules that map a numeric property to edge width, node size or colour (e.g. payment flows
 * drawn by amount). Validated when read back from storage; `resolveLabelStyle` and `ruleOutputs` turn
 * them into what each element draws with.
 */
import type { Css } from 'cytoscape';
import type { GraphNode, GraphRelationship, JsonValue } from '../../../server/src/contract.ts';
import type { GraphData } from '../state/graph-data.ts';
import { iconByName } from './icons.ts';
import { labelStyle, type LabelStyle } from './labels.ts';

export interface LabelOverride {
  color?: string;
  shape?: Css.NodeShape;
  /** An icon name (icons.ts), or 'none' to draw no icon where the registry has one. */
  icon?: string;
  /** Size factor on the degree-based size, 0.5–2.5. */
  size?: number;
  /** Property shown as the caption instead of name/title. */
  caption?: string;
}

export type RuleMapping = 'width' | 'size' | 'color';

export interface StyleRule {
  id: string;
  target: 'nodes' | 'edges';
  /** Label (nodes) or relationship type (edges) the rule applies to; '' = every one. */
  match: string;
  /** Numeric property read from each element. */
  property: string;
  mapping: RuleMapping;
  /** Output for the smallest value in view: px for width and size. */
  min: number;
  /** Output for the largest value in view. */
  max: number;
  /** Colours for the smallest and largest value (mapping 'color'). */
  minColor?: string;
  maxColor?: string;
}

export interface StyleSettings {
  labels: Readonly<Record<string, LabelOverride>>;
  rules: readonly StyleRule[];
}

/** Shapes offered in the styles panel; each has a matching swatch in styles.css. */
export const NODE_SHAPES: readonly Css.NodeShape[] = [
  'ellipse',
  'round-rectangle',
  'round-diamond',
  'round-hexagon',
  'round-pentagon',
  'round-tag',
  'round-triangle',
  'star',
];

export const DEFAULT_STYLE_SETTINGS: StyleSettings = {
  labels: {},
  rules: [
    // Money flows: edges of a payment (payer → payment → payee) carry its amount (money-flows.ts).
    { id: 'amount-width', target: 'edges', match: '', property: 'amount', mapping: 'width', min: 3, max: 8 },
  ],
};

const SIZE_FACTOR = { min: 0.5, max: 2.5 } as const;
const COLOR = /^#[0-9a-f]{6}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validOverride(value: unknown): LabelOverride | null {
  if (!isRecord(value)) return null;
  const override: LabelOverride = {};
  if (typeof value.color === 'string' && COLOR.test(value.color)) override.color = value.color;
  if (typeof value.shape === 'string' && (NODE_SHAPES as readonly string[]).includes(value.shape)) override.shape = value.shape as Css.NodeShape;
  if (typeof value.icon === 'string' && (value.icon === 'none' || iconByName(value.icon))) override.icon = value.icon;
  if (typeof value.size === 'number' && value.size >= SIZE_FACTOR.min && value.size <= SIZE_FACTOR.max) override.size = value.size;
  if (typeof value.caption === 'string' && value.caption !== '') override.caption = value.caption;
  return override;
}

function validRule(value: unknown): StyleRule | null {
  if (!isRecord(value)) return null;
  const { id, target, match, property, mapping, min, max, minColor, maxColor } = value;
  if (typeof id !== 'string' || (target !== 'nodes' && target !== 'edges')) return null;
  if (typeof match !== 'string' || typeof property !== 'string' || property === '') return null;
  if (mapping !== 'width' && mapping !== 'size' && mapping !== 'color') return null;
  if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  const rule: StyleRule = { id, target, match, property, mapping, min, max };
  if (typeof minColor === 'string' && COLOR.test(minColor)) rule.minColor = minColor;
  if (typeof maxColor === 'string' && COLOR.test(maxColor)) rule.maxColor = maxColor;
  return rule;
}

/** Reads stored settings, keeping every valid entry and dropping the rest; anything unreadable gives the defaults. */
export function validateStyleSettings(value: unknown): StyleSettings {
  if (!isRecord(value)) return DEFAULT_STYLE_SETTINGS;
  const labels: Record<string, LabelOverride> = {};
  if (isRecord(value.labels)) {
    for (const [label, raw] of Object.entries(value.labels)) {
      const override = validOverride(raw);
      if (override && Object.keys(override).length > 0) labels[label] = override;
    }
  }
  const rules = Array.isArray(value.rules) ? value.rules.flatMap((raw) => validRule(raw) ?? []) : DEFAULT_STYLE_SETTINGS.rules;
  return { labels, rules };
}

export interface ResolvedLabelStyle extends LabelStyle {
  sizeFactor: number;
  captionKey: string | undefined;
}

/** A label's look: the registry (or hashed) style with the user's override on top. */
export function resolveLabelStyle(label: string, settings: StyleSettings): ResolvedLabelStyle {
  const base = labelStyle(label);
  const override = settings.labels[label] ?? {};
  const icon = override.icon === 'none' ? undefined : (override.icon ?? base.icon);
  return {
    label,
    color: override.color ?? base.color,
    shape: override.shape ?? base.shape,
    ...(icon ? { icon } : {}),
    sizeFactor: override.size ?? 1,
    captionKey: override.caption,
  };
}

/** Sets (or, with `undefined`, clears) one field of a label's override. */
export function withLabelOverride<K extends keyof LabelOverride>(
  settings: StyleSettings,
  label: string,
  key: K,
  value: LabelOverride[K] | undefined,
): StyleSettings {
  const current: LabelOverride = { ...(settings.labels[label] ?? {}) };
  if (value === undefined) delete current[key];
  else current[key] = value;
  const labels = { ...settings.labels };
  if (Object.keys(current).length === 0) delete labels[label];
  else labels[label] = current;
  return { ...settings, labels };
}

/** What rules give one element: edge width, node size, colour. */
export interface RuleOutput {
  width?: number;
  size?: number;
  color?: string;
}

function numeric(value: JsonValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function ruleMatches(rule: StyleRule, element: GraphNode | GraphRelationship): boolean {
  if (rule.match === '') return true;
  return 'labels' in element ? element.labels.includes(rule.match) : element.type === rule.match;
}

function mix(from: string, to: string, t: number): string {
  const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const a = channels(from);
  const b = channels(to);
  return `#${a.map((c, i) => Math.round(c + ((b[i] as number) - c) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** Default colour ramp of a colour rule: pale to strong. */
const DEFAULT_RAMP = { from: '#9ecae1', to: '#08519c' } as const;

/** The range of a rule's property over the matching elements in view; null when none has a number. */
export interface RuleDomain {
  rule: StyleRule;
  min: number;
  max: number;
  count: number;
}

/**
 * Applies `rules` to every element in view. A rule maps its property linearly from the smallest to the
 * largest value among the matching elements (one value alone gets `max`); later rules win on the same
 * output. `extraValue` supplies derived values (a payment edge's amount) where the element has none.
 */
export function ruleOutputs(
  graph: GraphData,
  rules: readonly StyleRule[],
  extraValue: (id: string, property: string) => number | undefined = () => undefined,
): { outputs: ReadonlyMap<string, RuleOutput>; domains: RuleDomain[] } {
  const outputs = new Map<string, RuleOutput>();
  const domains: RuleDomain[] = [];
  for (const rule of rules) {
    const elements: Array<GraphNode | GraphRelationship> =
      rule.target === 'nodes' ? [...graph.nodes.values()] : [...graph.relationships.values()];
    const values: Array<[string, number]> = [];
    for (const element of elements) {
      if (!ruleMatches(rule, element)) continue;
      const value = numeric(element.properties[rule.property]) ?? extraValue(element.id, rule.property);
      if (value !== undefined && value !== null) values.push([element.id, value]);
    }
    if (values.length === 0) continue;
    const min = Math.min(...values.map(([, v]) => v));
    const max = Math.max(...values.map(([, v]) => v));
    domains.push({ rule, min, max, count: values.length });
    for (const [id, value] of values) {
      const t = max === min ? 1 : (value - min) / (max - min);
      const output = { ...(outputs.get(id) ?? {}) };
      if (rule.mapping === 'color') output.color = mix(rule.minColor ?? DEFAULT_RAMP.from, rule.maxColor ?? DEFAULT_RAMP.to, t);
      else output[rule.mapping] = rule.min + (rule.max - rule.min) * t;
      outputs.set(id, output);
    }
  }
  return { outputs, domains };
}
