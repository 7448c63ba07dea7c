'use client';

import { autocompletion, closeBrackets, type CompletionContext, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintKeymap, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';
import { useEffect, useRef } from 'react';
import { errorOffset, historyCompletions } from '@/lib/explore/history';
import { consoleFetch } from '@/lib/queries/promql-client';
import { readHistory } from './history-menu';

export type PromqlEditorProps = {
  value: string;
  onChange: (value: string) => void;
  /** Shift-Enter or Ctrl/Cmd-Enter. */
  onRun: () => void;
  label: string;
  /** Prometheus's error for this query as last run (its "line:col:" position is marked); null: none. */
  problem?: string | null;
};

/** Queries run before that hold what is typed: offered beside PromQL's own completions. */
function fromHistory(ctx: CompletionContext) {
  const typed = ctx.state.doc.toString();
  if (!ctx.explicit && typed.trim().length < 2) return null;
  const options = historyCompletions(readHistory(), typed).map((e) => ({
    label: e.q,
    detail: e.starred ? '★ history' : 'history',
    type: 'text',
    boost: -10,
  }));
  return options.length ? { from: 0, to: typed.length, options, filter: false } : null;
}

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
export function PromqlEditor({ value, onChange, onRun, label, problem = null }: PromqlEditorProps) {
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
          EditorState.languageData.of(() => [{ autocomplete: fromHistory }]),
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
  // Prometheus's own parse error, marked where it points (the linter's marks come back on the next edit).
  const at = problem ? errorOffset(value, problem) : null;
  useEffect(() => {
    const v = view.current;
    if (!v || at === null || !problem || v.state.doc.toString() !== value) return;
    const len = v.state.doc.length;
    const from = Math.max(0, Math.min(at, len - 1));
    v.dispatch(
      setDiagnostics(v.state, [
        { from, to: Math.min(len, from + 1), severity: 'error', message: problem, source: 'Prometheus' },
      ]),
    );
  }, [at, problem, value]);
  return (
    <div
      ref={host}
      data-testid="promql-editor"
      data-error-at={at ?? undefined}
      className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 dark:border-slate-700 dark:bg-slate-950"
    />
  );
}
