'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useInteractive } from '@/components/hooks/use-interactive';
import type { ImportReport } from '@/lib/dashboards/grafana';
import { sendJson } from '@/lib/queries/send-json';

type Done = { url: string; report: ImportReport };

const btn = 'rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50';

function Notes({ title, notes }: { title: string; notes: { where: string; what: string }[] }) {
  if (notes.length === 0) return null;
  return (
    <div>
      <h3 className="font-medium">
        {title} ({notes.length})
      </h3>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {notes.map((n, i) => (
          <li key={i}>
            <span className="font-medium">{n.where}</span>: {n.what}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A file picker and a paste box; the import's report with a link to the new dashboard. */
export function ImportForm() {
  const interactive = useInteractive();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await sendJson<Done>('POST', '/api/dashboards/import', text));
    } catch (e) {
      setError(`The import failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-4">
      <form
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset disabled={!interactive || busy} className="space-y-3">
          <label className="block text-sm font-medium">
            A JSON file
            <input
              type="file"
              accept="application/json,.json"
              className="mt-1 block text-sm"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void f.text().then(setText);
              }}
            />
          </label>
          <label className="block text-sm font-medium">
            Or paste it
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={10}
              spellCheck={false}
              className="mt-1 block w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
            />
          </label>
          <button type="submit" className={btn} disabled={!text.trim()}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </fieldset>
      </form>
      {error && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {error}
        </p>
      )}
      {done && (
        <section
          data-testid="import-report"
          className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm dark:border-emerald-800 dark:bg-emerald-950"
        >
          <p>
            Imported {done.report.imported.length} panel(s) and variable(s).{' '}
            <Link href={done.url} className="font-medium text-indigo-700 underline dark:text-indigo-300">
              Open the dashboard
            </Link>
          </p>
          <Notes title="Not imported" notes={done.report.notImported} />
          <Notes title="Changed on the way" notes={done.report.changed} />
        </section>
      )}
    </div>
  );
}
