'use client';

import type { ReactNode } from 'react';

export const editorField =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500';

/**
 * The editor's dialogs (a panel, the variables): a modal sheet with Cancel and Apply, Apply
 * disabled while `problem` says what is not valid yet; Escape cancels.
 */
export function EditorDialog(p: {
  title: string;
  label: string;
  testId: string;
  width: string;
  problem: string | null;
  onApply: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={p.label}
      data-testid={p.testId}
      className="fixed inset-0 z-40 overflow-y-auto bg-slate-900/40 p-4"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) p.onCancel();
      }}
    >
      <div className={`mx-auto ${p.width} space-y-3 rounded-lg bg-white p-4 shadow-xl dark:bg-slate-900`}>
        <div className="flex items-center gap-2">
          <h2 className="flex-1 text-lg font-semibold">{p.title}</h2>
          <button
            type="button"
            onClick={p.onCancel}
            className={`${editorField} hover:bg-slate-100 dark:hover:bg-slate-800`}
          >
            Cancel
          </button>
          <button
            type="button"
            disabled={p.problem !== null}
            onClick={p.onApply}
            className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50"
          >
            Apply
          </button>
        </div>
        {p.problem && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            Not valid yet: {p.problem}
          </p>
        )}
        {p.children}
      </div>
    </div>
  );
}
