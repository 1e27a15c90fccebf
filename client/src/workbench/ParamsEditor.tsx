/**
 * The parameters editor beside the query: JSON with highlighting and a parse check as you type; its
 * values are what `$name` in the query refers to. Ctrl/Cmd+Enter runs from here too.
 */
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter } from '@codemirror/lint';
import { useLayoutEffect, useRef } from 'react';
import type { ColorScheme } from '../graph/theme.ts';
import { baseExtensions, JSON_HIGHLIGHT, syntaxHighlighting, useCodeMirror } from './editor-setup.ts';

interface ParamsEditorProps {
  value: string;
  onChange(value: string): void;
  onRun(): void;
  scheme: ColorScheme;
}

const parseCheck = jsonParseLinter();

export function ParamsEditor({ value, onChange, onRun, scheme }: ParamsEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef(onRun);
  useLayoutEffect(() => {
    latest.current = onRun;
  });
  useCodeMirror(
    container,
    () => [
      ...baseExtensions({ onRun: () => latest.current(), placeholderText: '{"name": "Kim Jong-un"}', ariaLabel: 'Query parameters (JSON)' }),
      json(),
      syntaxHighlighting(JSON_HIGHLIGHT),
      // No parameters (an empty editor) is fine: only text that isn't JSON is a problem.
      linter((view) => (view.state.doc.toString().trim() === '' ? [] : parseCheck(view)), { delay: 250 }),
    ],
    value,
    onChange,
    scheme,
  );
  return <div ref={container} className="wb-editor wb-params-editor" data-testid="params-editor" />;
}
