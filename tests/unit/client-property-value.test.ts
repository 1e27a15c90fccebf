import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../server/src/contract.ts';
import { PropertyValue } from '../../client/src/components/PropertyValue.tsx';

const html = (value: JsonValue) => renderToStaticMarkup(createElement(PropertyValue, { value }));
const text = (value: JsonValue) => html(value).replace(/<[^>]+>/g, '').replace(/&quot;/g, '"');

describe('property values in the details panel and the result table', () => {
  it('shows an empty string as "", not as a blank', () => {
    expect(text('')).toBe('""');
    expect(html('')).toContain('data-value-type="string"');
  });

  it('keeps null and booleans apart from the strings "null" and "true"', () => {
    expect(html(null)).toContain('data-value-type="null"');
    expect(html(true)).toContain('data-value-type="boolean"');
    expect(html('null')).not.toContain('data-value-type');
    expect(html('true')).not.toContain('data-value-type');
    expect(text('null')).toBe('null');
  });

  it('writes a FLOAT past 2^53 in exponent form, so it never reads as an exact integer', () => {
    expect(text(1e20)).toBe('1e+20'); // it read "100,000,000,000,000,000,000"
    expect(text(115_000_000)).toBe('115,000,000');
    expect(text(2024)).toBe('2024');
  });

  it('does the same inside a list shown as chips', () => {
    const chips = html(['', null, true, 'true']);
    expect(chips.match(/data-value-type="(\w+)"/g)).toEqual(['data-value-type="string"', 'data-value-type="null"', 'data-value-type="boolean"']);
  });

  it('shows a duration as the server sends it, with its type', () => {
    expect(text({ $type: 'Duration', value: 'P1Y2M3DT4H5M6.789S' })).toBe('P1Y2M3DT4H5M6.789S Duration');
  });
});
