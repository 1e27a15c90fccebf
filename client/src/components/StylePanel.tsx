/**
 * The styles panel: per label in view, its colour, shape, icon, size and caption property; then the
 * rules that map a numeric property to edge width, node size or colour (e.g. payments by amount), each
 * editable in place. Every change applies at once and is remembered (localStorage); Reset returns to the
 * defaults.
 */
import { useMemo, useState } from 'react';
import type { Css } from 'cytoscape';
import { ICONS } from '../graph/icons.ts';
import { displayLabel } from '../graph/labels.ts';
import {
  NODE_SHAPES,
  resolveLabelStyle,
  withLabelOverride,
  type RuleMapping,
  type StyleRule,
  type StyleSettings,
} from '../graph/style-settings.ts';
import type { GraphData } from '../state/graph-data.ts';
import { LabelSwatch } from './LabelChip.tsx';
import './StylePanel.css';

interface StylePanelProps {
  graph: GraphData;
  settings: StyleSettings;
  onChange(settings: StyleSettings): void;
  onReset(): void;
}

const SHAPE_TITLES: Partial<Record<Css.NodeShape, string>> = {
  ellipse: 'circle',
  'round-rectangle': 'rectangle',
  'round-diamond': 'diamond',
  'round-hexagon': 'hexagon',
  'round-pentagon': 'pentagon',
  'round-tag': 'tag',
  'round-triangle': 'triangle',
  star: 'star',
};

const MAPPING_TITLES: Record<RuleMapping, string> = { width: 'edge width', size: 'node size', color: 'colour' };

interface LabelInView {
  label: string;
  count: number;
  /** Property keys of its nodes in view, for the caption choice. */
  keys: string[];
}

function labelsInView(graph: GraphData): LabelInView[] {
  const byLabel = new Map<string, { count: number; keys: Set<string> }>();
  for (const node of graph.nodes.values()) {
    const label = displayLabel(node.labels);
    const entry = byLabel.get(label) ?? { count: 0, keys: new Set<string>() };
    entry.count += 1;
    for (const [key, value] of Object.entries(node.properties)) if (typeof value === 'string' || typeof value === 'number') entry.keys.add(key);
    byLabel.set(label, entry);
  }
  return [...byLabel]
    .map(([label, entry]) => ({ label, count: entry.count, keys: [...entry.keys].sort() }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** Numeric properties in view per target, for the rule form (edges also get the derived `amount` of payment flows). */
function numericKeys(graph: GraphData, target: 'nodes' | 'edges'): string[] {
  const keys = new Set<string>(target === 'edges' ? ['amount'] : []);
  const elements = target === 'nodes' ? graph.nodes.values() : graph.relationships.values();
  for (const element of elements) {
    for (const [key, value] of Object.entries(element.properties)) if (typeof value === 'number') keys.add(key);
  }
  return [...keys].sort();
}

function LabelEditor({ entry, settings, onChange }: { entry: LabelInView; settings: StyleSettings; onChange(settings: StyleSettings): void }) {
  const style = resolveLabelStyle(entry.label, settings);
  const set = <K extends 'color' | 'shape' | 'icon' | 'size' | 'caption'>(key: K, value: StyleSettings['labels'][string][K] | undefined) =>
    onChange(withLabelOverride(settings, entry.label, key, value));
  return (
    <div className="style-editor" data-testid={`style-editor-${entry.label}`}>
      <label className="form-row">
        <span>Colour</span>
        <input type="color" value={/^#[0-9a-f]{6}$/i.test(style.color) ? style.color : '#888888'} onChange={(event) => set('color', event.target.value)} data-testid="style-color" />
      </label>
      <label className="form-row">
        <span>Shape</span>
        <select value={style.shape} onChange={(event) => set('shape', event.target.value as Css.NodeShape)}>
          {NODE_SHAPES.map((shape) => (
            <option key={shape} value={shape}>
              {SHAPE_TITLES[shape] ?? shape}
            </option>
          ))}
        </select>
      </label>
      <div className="form-row">
        <span>Icon</span>
        <div className="icon-choices" role="radiogroup" aria-label="Icon">
          <button type="button" role="radio" aria-checked={!style.icon} className={!style.icon ? 'icon-choice active' : 'icon-choice'} onClick={() => set('icon', 'none')} title="No icon">
            ∅
          </button>
          {ICONS.map((icon) => (
            <button
              key={icon.name}
              type="button"
              role="radio"
              aria-checked={style.icon === icon.name}
              className={style.icon === icon.name ? 'icon-choice active' : 'icon-choice'}
              title={icon.title}
              onClick={() => set('icon', icon.name)}
            >
              <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
                <path d={icon.path} fill="currentColor" fillRule="evenodd" />
              </svg>
            </button>
          ))}
        </div>
      </div>
      <label className="form-row">
        <span>Size</span>
        <input type="range" min={0.5} max={2.5} step={0.1} value={style.sizeFactor} onChange={(event) => set('size', Number(event.target.value))} />
        <span className="count">{style.sizeFactor.toFixed(1)}×</span>
      </label>
      <label className="form-row">
        <span>Caption</span>
        <select value={style.captionKey ?? ''} onChange={(event) => set('caption', event.target.value || undefined)} data-testid="style-caption">
          <option value="">name / title</option>
          {entry.keys.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function describeRule(rule: StyleRule): string {
  const what = rule.match === '' ? `every ${rule.target === 'nodes' ? 'node' : 'relationship'}` : rule.match;
  const range = rule.mapping === 'color' ? `${rule.minColor ?? 'pale'} → ${rule.maxColor ?? 'strong'}` : `${rule.min}–${rule.max} px`;
  return `${what}: ${rule.property} → ${MAPPING_TITLES[rule.mapping]} ${range}`;
}

const DEFAULT_RULE_COLORS = { minColor: '#9ecae1', maxColor: '#08519c' } as const;

interface RuleFormProps {
  graph: GraphData;
  /** The rule being edited in place; a new rule when absent. */
  initial?: StyleRule;
  onSubmit(rule: StyleRule): void;
  onCancel?(): void;
}

/** Adds a rule, or edits one in place (same id, same place in the list, so its precedence stays). */
function RuleForm({ graph, initial, onSubmit, onCancel }: RuleFormProps) {
  const [target, setTarget] = useState<'nodes' | 'edges'>(initial?.target ?? 'edges');
  const [match, setMatch] = useState(initial?.match ?? '');
  const [property, setProperty] = useState(initial?.property ?? '');
  const [mapping, setMapping] = useState<RuleMapping>(initial?.mapping ?? 'width');
  const [min, setMin] = useState(initial?.min ?? 2);
  const [max, setMax] = useState(initial?.max ?? 10);
  const [minColor, setMinColor] = useState(initial?.minColor ?? DEFAULT_RULE_COLORS.minColor);
  const [maxColor, setMaxColor] = useState(initial?.maxColor ?? DEFAULT_RULE_COLORS.maxColor);
  // A rule being edited keeps its property and label or type even when nothing in view has them now.
  const keep = (names: string[], name: string | undefined) => (name && !names.includes(name) ? [...names, name].sort() : names);
  const keys = useMemo(() => keep(numericKeys(graph, target), initial?.target === target ? initial.property : undefined), [graph, target, initial]);
  const matches = useMemo(
    () =>
      keep(
        target === 'nodes'
          ? [...new Set([...graph.nodes.values()].flatMap((node) => node.labels))].sort()
          : [...new Set([...graph.relationships.values()].map((rel) => rel.type))].sort(),
        initial?.target === target ? initial.match : undefined,
      ),
    [graph, target, initial],
  );
  const chosenProperty = keys.includes(property) ? property : keys[0] || '';
  const mappings: RuleMapping[] = target === 'nodes' ? ['size', 'color'] : ['width', 'color'];
  const chosenMapping = mappings.includes(mapping) ? mapping : (mappings[0] as RuleMapping);
  return (
    <form
      className="rule-form"
      data-testid={initial ? 'rule-edit-form' : 'rule-form'}
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosenProperty) return;
        onSubmit({
          id: initial?.id ?? `rule-${Date.now().toString(36)}`,
          target,
          match,
          property: chosenProperty,
          mapping: chosenMapping,
          min,
          max,
          ...(chosenMapping === 'color' ? { minColor, maxColor } : {}),
        });
      }}
    >
      <div className="rule-form-grid">
        <select value={target} onChange={(event) => setTarget(event.target.value as 'nodes' | 'edges')} aria-label="Rule applies to">
          <option value="edges">Relationships</option>
          <option value="nodes">Nodes</option>
        </select>
        <select value={match} onChange={(event) => setMatch(event.target.value)} aria-label="Which ones">
          <option value="">any {target === 'nodes' ? 'label' : 'type'}</option>
          {matches.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <select value={chosenProperty} onChange={(event) => setProperty(event.target.value)} aria-label="Numeric property">
          {keys.length === 0 && <option value="">no numeric property</option>}
          {keys.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
        <select value={chosenMapping} onChange={(event) => setMapping(event.target.value as RuleMapping)} aria-label="Drawn as">
          {mappings.map((m) => (
            <option key={m} value={m}>
              {MAPPING_TITLES[m]}
            </option>
          ))}
        </select>
        {chosenMapping === 'color' ? (
          <>
            <input type="color" value={minColor} onChange={(event) => setMinColor(event.target.value)} aria-label="Colour of the smallest value" />
            <input type="color" value={maxColor} onChange={(event) => setMaxColor(event.target.value)} aria-label="Colour of the largest value" />
          </>
        ) : (
          <>
            <input type="number" value={min} min={0} max={200} onChange={(event) => setMin(Number(event.target.value))} aria-label="Smallest, px" />
            <input type="number" value={max} min={0} max={200} onChange={(event) => setMax(Number(event.target.value))} aria-label="Largest, px" />
          </>
        )}
      </div>
      <div className="rule-form-actions">
        <button type="submit" className="button" disabled={!chosenProperty}>
          {initial ? 'Save rule' : 'Add rule'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

export function StylePanel({ graph, settings, onChange, onReset }: StylePanelProps) {
  const labels = useMemo(() => labelsInView(graph), [graph]);
  const [editing, setEditing] = useState<string | null>(null);
  const [editingRule, setEditingRule] = useState<string | null>(null);
  return (
    <div className="style-panel" data-testid="style-panel">
      <ul className="plain-list style-labels">
        {labels.map((entry) => (
          <li key={entry.label}>
            <button
              type="button"
              className={editing === entry.label ? 'style-label active' : 'style-label'}
              aria-expanded={editing === entry.label}
              onClick={() => setEditing((current) => (current === entry.label ? null : entry.label))}
              data-label={entry.label}
            >
              <LabelSwatch label={entry.label} size={16} />
              <span className="style-label-name">{entry.label}</span>
              {settings.labels[entry.label] && <span className="style-dot" title="Customised" />}
              <span className="count">{entry.count}</span>
            </button>
            {editing === entry.label && <LabelEditor entry={entry} settings={settings} onChange={onChange} />}
          </li>
        ))}
      </ul>
      <h3 className="mini-title">Rules</h3>
      {settings.rules.length === 0 && <p className="muted small">No rules.</p>}
      <ul className="plain-list rule-list">
        {settings.rules.map((rule) => (
          <li key={rule.id} className="rule-item" data-rule={rule.id}>
            <div className="rule-summary">
              <span>{describeRule(rule)}</span>
              <button
                type="button"
                className="link-button"
                aria-label="Edit rule"
                title="Edit rule"
                aria-expanded={editingRule === rule.id}
                onClick={() => setEditingRule((current) => (current === rule.id ? null : rule.id))}
              >
                ✎
              </button>
              <button
                type="button"
                className="link-button"
                aria-label="Remove rule"
                title="Remove rule"
                onClick={() => onChange({ ...settings, rules: settings.rules.filter((r) => r.id !== rule.id) })}
              >
                ×
              </button>
            </div>
            {editingRule === rule.id && (
              <RuleForm
                graph={graph}
                initial={rule}
                onCancel={() => setEditingRule(null)}
                onSubmit={(edited) => {
                  onChange({ ...settings, rules: settings.rules.map((r) => (r.id === edited.id ? edited : r)) });
                  setEditingRule(null);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <RuleForm graph={graph} onSubmit={(rule) => onChange({ ...settings, rules: [...settings.rules, rule] })} />
      <button type="button" className="button reset-button" onClick={onReset} data-testid="style-reset">
        Reset styles
      </button>
    </div>
  );
}
