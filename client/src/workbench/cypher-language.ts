/**
 * Cypher in CodeMirror 6, on top of @neo4j-cypher/language-support (the parser behind Neo4j's own tools):
 * highlighting from its tokens, schema-aware completion from its completion engine, its linter in a web
 * worker (lint-client.ts), and the position of the last server error marked in the text.
 *
 * The schema the editor works with is read through `getSchema` each time, so the caller can swap it
 * (once the database answered, when the parameters change) without rebuilding the editor.
 */
import './iterator-to-array.ts';
import { autocomplete, highlightSyntax, type CompletionItem, type DbSchema, type SymbolsInfo } from '@neo4j-cypher/language-support';
import { snippet, type Completion, type CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { linter, type Diagnostic } from '@codemirror/lint';
import { RangeSetBuilder, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { queryLinter } from './lint-client.ts';

/** Longest query the editor still colours as you type; beyond it parsing on every key would lag. */
const HIGHLIGHT_MAX_LENGTH = 20_000;
/** Pause in typing before the query is checked, in ms. */
const LINT_DELAY_MS = 300;

/** CSS class per language-support token type; CypherEditor.css colours them for light and dark. */
const TOKEN_CLASSES: Readonly<Record<string, string>> = {
  keyword: 'cm-cypher-keyword',
  keywordLiteral: 'cm-cypher-keyword',
  consoleCommand: 'cm-cypher-keyword',
  label: 'cm-cypher-label',
  function: 'cm-cypher-function',
  predicateFunction: 'cm-cypher-function',
  procedure: 'cm-cypher-function',
  namespace: 'cm-cypher-function',
  variable: 'cm-cypher-variable',
  symbolicName: 'cm-cypher-variable',
  paramDollar: 'cm-cypher-param',
  paramValue: 'cm-cypher-param',
  property: 'cm-cypher-property',
  stringLiteral: 'cm-cypher-string',
  numberLiteral: 'cm-cypher-number',
  booleanLiteral: 'cm-cypher-number',
  comment: 'cm-cypher-comment',
  operator: 'cm-cypher-operator',
};

const tokenMarks = new Map(Object.entries(TOKEN_CLASSES).map(([type, className]) => [type, Decoration.mark({ class: className })]));

function highlightDecorations(view: EditorView): DecorationSet {
  const text = view.state.doc.toString();
  const builder = new RangeSetBuilder<Decoration>();
  if (text.length === 0 || text.length > HIGHLIGHT_MAX_LENGTH) return builder.finish();
  let tokens;
  try {
    tokens = highlightSyntax(text, { consoleCommandsEnabled: false });
  } catch {
    return builder.finish();
  }
  let last = 0;
  for (const token of tokens) {
    const mark = tokenMarks.get(token.tokenType);
    const from = token.position.startOffset;
    const to = Math.min(from + token.length, text.length);
    if (!mark || from < last || to <= from) continue;
    builder.add(from, to, mark);
    last = to;
  }
  return builder.finish();
}

const cypherHighlighting = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = highlightDecorations(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged) this.decorations = highlightDecorations(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** LSP CompletionItemKind → CodeMirror completion type (its icon) and a word for what it is. */
const KINDS: Readonly<Record<number, { type: string; detail: string }>> = {
  2: { type: 'method', detail: 'procedure' },
  3: { type: 'function', detail: 'function' },
  6: { type: 'parameter', detail: 'parameter' },
  10: { type: 'property', detail: 'property key' },
  14: { type: 'keyword', detail: 'keyword' },
  15: { type: 'text', detail: 'pattern' },
  21: { type: 'constant', detail: 'value' },
  22: { type: 'class', detail: 'relationship type' },
  25: { type: 'type', detail: 'label' },
};

/** Characters after which completion opens by itself, without a word being typed (as Neo4j's editors do). */
const TRIGGER_CHARACTERS = new Set(['.', ':', '{', '$', ')']);

export function toCompletion(item: CompletionItem): Completion {
  const kind = item.kind === undefined ? undefined : KINDS[item.kind];
  // The engine marks parameters and variables in scope alike (Variable): the `$` tells them apart.
  const variable = item.kind === 6 && !item.label.startsWith('$');
  const detail = variable ? 'variable' : kind?.detail;
  const insert = item.insertText ?? item.label;
  const documentation = typeof item.documentation === 'string' ? item.documentation : item.documentation?.value;
  const info = [item.signature, documentation].filter((part): part is string => Boolean(part)).join('\n\n');
  return {
    label: item.label,
    type: variable ? 'variable' : (kind?.type ?? 'text'),
    detail: item.detail ?? detail,
    ...(info ? { info } : {}),
    // Snippets (pattern completions) have fields to tab through; everything else is plain text.
    apply: item.insertTextFormat === 2 ? snippet(insert) : insert,
    // Keywords after schema names, which are what the analyst most often wants.
    boost: kind?.type === 'keyword' ? -1 : 0,
  };
}

/** Completion from the language support, for the statement at the caret, with the current schema. */
export function cypherCompletionSource(getSchema: () => DbSchema, getSymbols: () => SymbolsInfo | undefined): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/\$?[\w]*$/);
    const from = word?.from ?? context.pos;
    const before = context.state.sliceDoc(Math.max(0, from - 1), from);
    const inWord = word !== null && word.from !== word.to;
    if (!inWord && !context.explicit && !TRIGGER_CHARACTERS.has(before)) return null;
    let items: CompletionItem[];
    try {
      items = autocomplete(context.state.doc.toString(), getSchema(), {
        caretPosition: context.pos,
        manual: context.explicit,
        consoleCommandsEnabled: false,
        symbolsInfo: getSymbols(),
      });
    } catch {
      return null;
    }
    if (items.length === 0) return null;
    return { from, options: items.map(toCompletion), validFor: /^\$?\w*$/ };
  };
}

/** The linter, run in the worker against the current schema; `onSymbols` receives the variables it typed. */
export function cypherLinter(getSchema: () => DbSchema, onSymbols: (symbols: SymbolsInfo) => void): Extension {
  const worker = queryLinter();
  let lastSchema: DbSchema | null = null;
  return linter(
    async (view): Promise<Diagnostic[]> => {
      const schema = getSchema();
      if (schema !== lastSchema) {
        worker.setSchema(schema);
        lastSchema = schema;
      }
      const text = view.state.doc.toString();
      const { diagnostics, symbolTables } = await worker.lint(text);
      onSymbols({ query: text, symbolTables });
      const length = view.state.doc.length;
      return diagnostics.map((d) => {
        const from = Math.max(0, Math.min(d.from, length));
        return { from, to: Math.max(from, Math.min(d.to, length)), severity: d.severity, message: d.message, source: 'Cypher' };
      });
    },
    { delay: LINT_DELAY_MS, needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((effect) => effect.is(schemaChanged))) },
  );
}

/** Dispatched when the schema changed (the database answered, the parameters changed): the query is checked again. */
export const schemaChanged = StateEffect.define<null>();

/** A problem the server found when the query ran (a syntax error's position): marked until the text changes. */
export interface ServerMark {
  from: number;
  to: number;
  message: string;
}

export const setServerMark = StateEffect.define<ServerMark | null>();

const serverMarkDecoration = (mark: ServerMark) =>
  Decoration.mark({ class: 'cm-server-error', attributes: { title: mark.message, 'data-testid': 'editor-server-error' } });

/** The server's error position as a wavy mark in the text, gone at the next edit. */
export const serverMarkField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    if (transaction.docChanged) return Decoration.none;
    for (const effect of transaction.effects) {
      if (effect.is(setServerMark)) {
        const mark = effect.value;
        if (!mark) return Decoration.none;
        const length = transaction.state.doc.length;
        const from = Math.max(0, Math.min(mark.from, length));
        const to = Math.max(from, Math.min(mark.to, length));
        // A position at the very end (an unfinished query) marks the last character instead.
        const range = to > from ? { from, to } : from > 0 ? { from: from - 1, to: from } : null;
        return range ? Decoration.set([serverMarkDecoration(mark).range(range.from, range.to)]) : Decoration.none;
      }
    }
    return marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The word (or the one character) at `offset`: what a server error's position points at. */
export function tokenRangeAt(text: string, offset: number): { from: number; to: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  const match = /^[\w$`]+/.exec(text.slice(at));
  return { from: at, to: at + (match ? match[0].length : Math.min(1, text.length - at)) };
}

export { cypherHighlighting };
