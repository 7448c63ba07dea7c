'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from '@/lib/queries/send-json';
import type { DashboardDef } from '@/lib/dashboards/types';

/** Restore an old version: saved again as the newest version, with a message that says so. */
export function RestoreButton({ uid, version, latest }: { uid: string; version: number; latest: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/dashboards/${encodeURIComponent(uid)}?version=${version}`);
      if (!res.ok) throw new Error(`reading version ${version}: HTTP ${res.status}`);
      const old = (await res.json()) as { def: DashboardDef };
      await sendJson('PUT', `/api/dashboards/${encodeURIComponent(uid)}`, {
        dashboard: old.def,
        version: latest,
        message: `Restored version ${version}`,
      });
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        disabled={busy}
        onClick={() => void restore()}
        className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {busy ? 'Restoring…' : `Restore version ${version}`}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          Not restored: {error}
        </span>
      )}
    </span>
  );
}
