'use client';

import { useState } from 'react';
import { ApiError } from '@/lib/queries/fetch-json';
import { sendJson } from '@/lib/queries/send-json';
import type { DashboardDef } from '@/lib/dashboards/types';

export type Saved = { uid: string; version: number };

type Props = {
  def: DashboardDef;
  uid: string | null;
  version: number | null;
  tags: string[];
  onSaved: (s: Saved) => void;
  onCancel: () => void;
};

/**
 * Save with a message: a new dashboard is created, a saved one gets a new version from the one
 * this edit started at. Someone else's save in between is a 409 that says so; nothing is lost
 * (the edit stays in the editor, to copy or to reload and make again).
 */
export function SaveDialog({ def, uid, version, tags, onSaved, onCancel }: Props) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { dashboard: def, tags, message };
      const r = uid
        ? await sendJson<Saved>('PUT', `/api/dashboards/${encodeURIComponent(uid)}`, { ...body, version })
        : await sendJson<Saved>('POST', '/api/dashboards', body);
      onSaved(r);
    } catch (e) {
      const conflict = e instanceof ApiError && e.status === 409;
      setError({ text: (e as Error).message, conflict });
      setBusy(false);
    }
  };
  return (
    <div role="dialog" aria-modal="true" aria-label="Save dashboard" className="fixed inset-0 z-50 bg-slate-900/40 p-4">
      <form
        className="mx-auto mt-24 max-w-lg space-y-3 rounded-lg bg-white p-4 shadow-xl dark:bg-slate-900"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h2 className="text-lg font-semibold">
          {uid ? `Save version ${(version ?? 0) + 1}` : 'Save the new dashboard'}
        </h2>
        <label className="flex flex-col gap-1 text-sm">
          What changed (optional)
          <input
            autoFocus
            value={message}
            maxLength={500}
            onChange={(e) => setMessage(e.target.value)}
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
          />
        </label>
        {error && (
          <div
            role="alert"
            className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          >
            <p>Not saved: {error.text}</p>
            {error.conflict && (
              <p className="mt-1">
                Your changes are still here. Open the dashboard in a new tab to see the other version, then make your
                change there again.
              </p>
            )}
          </div>
        )}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={onCancel}
            className="rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-700"
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={busy}
            className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50"
          >
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </div>
  );
}
