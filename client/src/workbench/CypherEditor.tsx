/**
 * The Cypher query editor: highlighting, completion from the database's schema, problems underlined as
 * you type (cypher-language.ts), Ctrl/Cmd+Enter runs, and the last server error marked where it points.
 */
import type { DbSchema, SymbolsInfo } from '@neo4j-cypher/language-support';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import type { ColorScheme } from '../graph/theme.ts';
import { cypherCompletionSource, cypherHighlighting, cypherLinter, schemaChanged, serverMarkField, setServerMark, type ServerMark } from './cypher-language.ts';
import { baseExtensions, useCodeMirror } from './editor-setup.ts';
import './CypherEditor.css';

export interface CypherEditorHandle {
  /** Focuses the editor; with `selectAll`, its whole text is selected, so what is typed replaces it. */
  focus(options?: { selectAll?: boolean }): void;
}

interface CypherEditorProps {
  value: string;
  onChange(value: string): void;
  onRun(): void;
  schema: DbSchema;
  scheme: ColorScheme;
  /** Where the server said the query is wrong; cleared by the next edit. */
  serverMark: ServerMark | null;
  ref?: Ref<CypherEditorHandle>;
}

export function CypherEditor({ value, onChange, onRun, schema, scheme, serverMark, ref }: CypherEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef({ schema, onRun });
  const symbols = useRef<SymbolsInfo | undefined>(undefined);
  useLayoutEffect(() => {
    latest.current = { schema, onRun };
  });

  const view = useCodeMirror(
    container,
    () => {
      const getSchema = () => latest.current.schema;
      return [
        ...baseExtensions({
          onRun: () => latest.current.onRun(),
          placeholderText: 'MATCH (n:Person)-[r]-(m) RETURN n, r, m LIMIT 25',
          ariaLabel: 'Cypher query',
          completion: [cypherCompletionSource(getSchema, () => symbols.current)],
        }),
        cypherHighlighting,
        cypherLinter(getSchema, (info) => (symbols.current = info)),
        serverMarkField,
      ];
    },
    value,
    onChange,
    scheme,
  );

  // A new schema (the database answered, the parameters changed): check the query again against it.
  useEffect(() => {
    view.current?.dispatch({ effects: schemaChanged.of(null) });
  }, [schema, view]);

  useEffect(() => {
    view.current?.dispatch({ effects: setServerMark.of(serverMark) });
  }, [serverMark, view]);

  useImperativeHandle(
    ref,
    () => ({
      focus: (options) => {
        const editor = view.current;
        if (!editor) return;
        if (options?.selectAll) editor.dispatch({ selection: { anchor: 0, head: editor.state.doc.length } });
        editor.focus();
      },
    }),
    [view],
  );

  return <div ref={container} className="wb-editor wb-cypher-editor" data-testid="cypher-editor" />;
}
