'use client';

import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';
import { useEffect, useRef } from 'react';
import { consoleFetch } from '@/lib/queries/promql-client';

export type PromqlEditorProps = {
  value: string;
  onChange: (value: string) => void;
  /** Shift-Enter or Ctrl/Cmd-Enter. */
  onRun: () => void;
  label: string;
};

/** Colours that read on the panel in both themes (mid-tones, ≥ 4.5:1 on white and on slate-900 where it matters). */
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: '#7c3aed' },
  { tag: [tags.function(tags.variableName), tags.function(tags.name)], color: '#2563eb' },
  { tag: tags.string, color: '#16a34a' },
  { tag: tags.number, color: '#d97706' },
  { tag: tags.comment, color: '#64748b', fontStyle: 'italic' },
  { tag: tags.operator, color: '#db2777' },
  { tag: tags.labelName, color: '#0891b2' },
]);

const theme = EditorView.theme({
  '&': { fontSize: '13px', backgroundColor: 'transparent', color: 'inherit' },
  '.cm-content': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
    padding: '6px 0',
    caretColor: 'currentColor',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-tooltip': { fontSize: '12px' },
});

/** CodeMirror 6 with PromQL: highlighting, linting, completion from the console's routes. */
export function PromqlEditor({ value, onChange, onRun, label }: PromqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, for the editor made once.
  const cb = useRef({ onChange, onRun });
  useEffect(() => {
    cb.current = { onChange, onRun };
  });
  useEffect(() => {
    const promql = new PromQLExtension().setComplete({
      remote: {
        url: '',
        httpMethod: 'GET',
        fetchFn: consoleFetch,
        lookbackInterval: 12 * 3600_000,
        cache: { maxAge: 300_000 },
      },
    });
    const run = () => {
      cb.current.onRun();
      return true;
    };
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          keymap.of([
            { key: 'Shift-Enter', run },
            { key: 'Mod-Enter', run },
            ...completionKeymap,
            ...defaultKeymap,
            ...historyKeymap,
            ...lintKeymap,
          ]),
          history(),
          closeBrackets(),
          bracketMatching(),
          autocompletion(),
          syntaxHighlighting(highlight),
          placeholder('PromQL, e.g. sum by (workflow_type) (rate(shannon_workflows_started_total[5m]))'),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) cb.current.onChange(u.state.doc.toString());
          }),
          theme,
          promql.asExtension(),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // Made once; `value` changes from outside are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);
  return (
    <div
      ref={host}
      data-testid="promql-editor"
      className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 dark:border-slate-700 dark:bg-slate-950"
    />
  );
}
