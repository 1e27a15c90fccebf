/**
 * Renders any JSON property value readably: numbers grouped, links clickable, short lists as chips, long
 * lists and nested objects as nested lists. Values that read alike stay apart: `null`, `true` and `false`
 * are keywords (code type), never plain text like the strings "null" or "true", and an empty string shows
 * as `""`. `PropertyList` shows a whole properties object.
 *
 * What they draw does not grow with the value: a list or map shows its first COLLAPSED_ITEMS entries and a
 * button for the next MORE_STEP, and a value the server shortened (`{$type:'Shortened', …}`, see the
 * README's API section) says how much of it was not sent.
 */
import { useState, type ReactNode } from 'react';
import type { JsonValue } from '../../../server/src/contract.ts';
import { formatNumber, formatTagged } from './property-text.ts';
import './PropertyValue.css';

/** Keys shown first, in this order; the rest follow alphabetically. */
const LEADING_KEYS = ['name', 'title', 'description'];
/** Lists of scalars up to this many entries, each this short, render inline as chips. */
const INLINE_LIST = { maxItems: 12, maxLength: 40 } as const;

/** Entries of a list (of a map: properties are fewer and each is read) drawn at first; the rest wait behind a "… N more" button. */
const COLLAPSED_ITEMS = { list: 20, map: 50 } as const;
/** Entries each press of that button adds. */
const MORE_STEP = 200;

type JsonObject = { [key: string]: JsonValue };

/** How many of `total` entries to draw, and the button that draws more. */
function useCollapsed(total: number, kind: keyof typeof COLLAPSED_ITEMS): { shown: number; more: ReactNode } {
  const [shown, setShown] = useState<number>(COLLAPSED_ITEMS[kind]);
  const hidden = total - shown;
  const more =
    hidden > 0 ? (
      <button type="button" className="value-more" data-testid="value-more" onClick={() => setShown(shown + MORE_STEP)} title={`Show ${Math.min(hidden, MORE_STEP).toLocaleString('en-US')} more`}>
        … {hidden.toLocaleString('en-US')} more
      </button>
    ) : null;
  return { shown: Math.min(shown, total), more };
}

/** A value the server cut at its caps: `{$type:'Shortened', of, size, items | entries | value}`. */
function isShortened(value: JsonObject): boolean {
  return value.$type === 'Shortened' && typeof value.size === 'number';
}

/** "… 199,000 more items the server did not send", after what it did send. */
function NotSent({ count, unit }: { count: number; unit: string }) {
  return (
    <span className="value-not-sent muted small" data-testid="value-not-sent" title="The server sends at most this much of one value (the README's workbench limits)">
      … {count.toLocaleString('en-US')} more {unit} not sent by the server
    </span>
  );
}

function ShortenedValue({ value }: { value: JsonObject }) {
  const size = value.size as number;
  if (value.of === 'String' && typeof value.value === 'string') {
    return (
      <span className="prop-text">
        {value.value}
        <NotSent count={size - value.value.length} unit="characters" />
      </span>
    );
  }
  if (value.of === 'Map' && typeof value.entries === 'object' && value.entries !== null && !Array.isArray(value.entries)) {
    return (
      <>
        <PropertyList properties={value.entries} nested />
        <NotSent count={size - Object.keys(value.entries).length} unit="entries" />
      </>
    );
  }
  const items = Array.isArray(value.items) ? value.items : [];
  return (
    <>
      <ValueList items={items} />
      <NotSent count={size - items.length} unit="items" />
    </>
  );
}

function ValueList({ items }: { items: JsonValue[] }) {
  const { shown, more } = useCollapsed(items.length, 'list');
  return (
    <ol className="value-list">
      {items.slice(0, shown).map((item, i) => (
        <li key={i}>
          <PropertyValue value={item} />
        </li>
      ))}
      {more && <li className="value-more-item">{more}</li>}
    </ol>
  );
}

function orderKeys(keys: string[]): string[] {
  const leading = LEADING_KEYS.filter((key) => keys.includes(key));
  const rest = keys.filter((key) => !LEADING_KEYS.includes(key)).sort((a, b) => a.localeCompare(b));
  return [...leading, ...rest];
}

function isScalar(value: JsonValue): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

/** A scalar as the details panel and the result table show it (see the module comment). */
function ScalarValue({ value }: { value: string | number | boolean | null }) {
  if (value === null) {
    return (
      <code className="value-keyword" data-value-type="null" title="null: no value">
        null
      </code>
    );
  }
  if (typeof value === 'boolean') {
    return (
      <code className="value-keyword" data-value-type="boolean" title="a boolean">
        {String(value)}
      </code>
    );
  }
  if (typeof value === 'number') return <span title={String(value)}>{formatNumber(value)}</span>;
  if (value === '') {
    return (
      <span className="value-empty" data-value-type="string" title="an empty string">
        ""
      </span>
    );
  }
  return <>{value}</>;
}

export function PropertyValue({ value }: { value: JsonValue }) {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || value === '') return <ScalarValue value={value} />;
  if (typeof value === 'string') {
    if (/^https?:\/\/\S+$/.test(value)) {
      return (
        <a href={value} target="_blank" rel="noopener noreferrer">
          {value}
        </a>
      );
    }
    return <span className="prop-text">{value}</span>;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">(empty list)</span>;
    const inline =
      value.length <= INLINE_LIST.maxItems &&
      value.every((item) => isScalar(item) && String(item).length <= INLINE_LIST.maxLength);
    if (inline) {
      return (
        <span className="value-chips">
          {value.map((item, i) => (
            <span className="value-chip" key={i}>
              {isScalar(item) ? <ScalarValue value={item} /> : null}
            </span>
          ))}
        </span>
      );
    }
    return <ValueList items={value} />;
  }
  if (isShortened(value)) return <ShortenedValue value={value} />;
  const tagged = formatTagged(value);
  if (tagged) {
    return (
      <span className="prop-text" title={tagged.type}>
        {tagged.text} <span className="muted">{tagged.type}</span>
      </span>
    );
  }
  return <PropertyList properties={value} nested />;
}

export function PropertyList({
  properties,
  nested = false,
}: {
  properties: Record<string, JsonValue>;
  nested?: boolean;
}) {
  const keys = orderKeys(Object.keys(properties));
  const { shown, more } = useCollapsed(keys.length, 'map');
  if (keys.length === 0) return <p className="muted">No properties.</p>;
  return (
    <dl className={nested ? 'props props-nested' : 'props'}>
      {keys.slice(0, shown).map((key) => (
        <div className="prop" key={key}>
          <dt>{key}</dt>
          <dd>
            <PropertyValue value={properties[key] ?? null} />
          </dd>
        </div>
      ))}
      {more && <div className="prop">{more}</div>}
    </dl>
  );
}
