/**
 * What both workbench editors (the query, its parameters) share: the CodeMirror basics, Ctrl/Cmd+Enter to
 * run, Tab to accept a completion, and a theme drawn from the page's CSS variables so that the editors
 * follow the app's light and dark schemes. `useCodeMirror` mounts an editor into a React element.
 */
import { acceptCompletion, autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionSource } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { ColorScheme } from '../graph/theme.ts';

/** Colours come from CSS variables (the --wb-* ones in styles.css), so one theme serves both schemes; `dark` tells CodeMirror's own defaults. */
const THEME_SPEC = {
  '&': { height: '100%', fontSize: '13px', backgroundColor: 'var(--bg)', color: 'var(--text)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--accent)', padding: '6px 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', border: 'none', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--wb-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--wb-active-line)', color: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--wb-selection)',
  },
  '.cm-matchingBracket': { backgroundColor: 'var(--wb-selection)', outline: '1px solid var(--accent)' },
  '.cm-placeholder': { color: 'var(--muted)', fontStyle: 'italic' },
  '.cm-tooltip': { backgroundColor: 'var(--bg)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '6px', boxShadow: 'var(--shadow)' },
  '.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--mono)', maxHeight: '16em' },
  '.cm-tooltip-autocomplete > ul > li': { padding: '2px 8px 2px 4px' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)' },
  // Completion icons as letters in the token colours: CodeMirror's defaults are emoji that many fonts lack.
  '.cm-completionIcon': { width: '1.2em', paddingRight: '0.5em', opacity: '0.85', fontFamily: 'var(--mono)', fontSize: '11px', fontWeight: '700', textAlign: 'center' },
  '.cm-completionIcon-keyword:after': { content: "'K'", color: 'var(--wb-keyword)' },
  '.cm-completionIcon-type:after': { content: "'L'", color: 'var(--wb-label)' },
  '.cm-completionIcon-class:after': { content: "'R'", color: 'var(--wb-label)' },
  '.cm-completionIcon-function:after': { content: "'ƒ'", color: 'var(--wb-function)' },
  '.cm-completionIcon-method:after': { content: "'P'", color: 'var(--wb-function)' },
  '.cm-completionIcon-property:after': { content: "'.'", color: 'var(--wb-property)' },
  '.cm-completionIcon-variable:after': { content: "'v'", color: 'var(--wb-variable)' },
  '.cm-completionIcon-parameter:after': { content: "'$'", color: 'var(--wb-param)' },
  '.cm-completionIcon-constant:after': { content: "'C'", color: 'var(--wb-number)' },
  '.cm-completionIcon-text:after': { content: "'…'", color: 'var(--muted)' },
  '.cm-completionIcon-namespace:after': { content: "'▸'", color: 'var(--wb-function)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected] .cm-completionIcon:after': { color: 'inherit' },
  '.cm-completionDetail': { marginLeft: '0.8em', fontStyle: 'normal', opacity: '0.7', fontFamily: 'var(--font)', fontSize: '11px' },
  '.cm-completionInfo': { maxWidth: '420px', padding: '6px 10px', whiteSpace: 'pre-wrap', fontSize: '12px' },
  '.cm-diagnostic': { padding: '4px 8px', fontSize: '12px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--error)' },
  '.cm-panels': { backgroundColor: 'var(--surface)', color: 'var(--text)' },
};

const THEMES: Record<ColorScheme, Extension> = {
  light: EditorView.theme(THEME_SPEC, { dark: false }),
  dark: EditorView.theme(THEME_SPEC, { dark: true }),
};

/** Highlighting for the JSON parameters editor (the Cypher editor colours its own tokens). */
export const JSON_HIGHLIGHT = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--wb-property)' },
  { tag: tags.string, color: 'var(--wb-string)' },
  { tag: tags.number, color: 'var(--wb-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--wb-keyword)' },
  { tag: tags.invalid, color: 'var(--error)' },
]);

export interface BaseOptions {
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  placeholderText: string;
  ariaLabel: string;
  /** The completion sources, if the editor completes. */
  completion?: CompletionSource[];
}

export function baseExtensions(options: BaseOptions): Extension[] {
  const run = () => {
    options.onRun();
    return true;
  };
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    EditorState.allowMultipleSelections.of(true),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    placeholder(options.placeholderText),
    EditorView.contentAttributes.of({ 'aria-label': options.ariaLabel }),
    ...(options.completion ? [autocompletion({ override: options.completion, icons: true, activateOnTypingDelay: 50 })] : []),
    Prec.highest(
      keymap.of([
        { key: 'Mod-Enter', run, preventDefault: true },
        { key: 'Ctrl-Enter', run, preventDefault: true },
        { key: 'Tab', run: acceptCompletion },
      ]),
    ),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap]),
  ];
}

/**
 * Mounts a CodeMirror editor into `container` once, with `extensions` (built once: read changing values
 * through refs), keeps it showing `value` (a change from outside replaces the text; typing reports
 * through `onChange`) and in the colour `scheme`. Returns the view's ref.
 */
export function useCodeMirror(
  container: RefObject<HTMLElement | null>,
  createExtensions: () => Extension[],
  value: string,
  onChange: (value: string) => void,
  scheme: ColorScheme,
): RefObject<EditorView | null> {
  const viewRef = useRef<EditorView | null>(null);
  const themeCompartment = useRef(new Compartment());
  const latest = useRef({ onChange, scheme, value });
  useLayoutEffect(() => {
    latest.current = { onChange, scheme, value };
  });

  useEffect(() => {
    const parent = container.current;
    if (!parent) return;
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          ...createExtensions(),
          themeCompartment.current.of(THEMES[latest.current.scheme]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The editor is built once per mount; everything that changes reaches it through refs and effects.
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || view.state.doc.toString() === value) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value }, selection: { anchor: value.length } });
  }, [value]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: themeCompartment.current.reconfigure(THEMES[scheme]) });
  }, [scheme]);

  return viewRef;
}

export { syntaxHighlighting };
