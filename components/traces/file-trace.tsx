'use client';

import { useState } from 'react';
import { localTraceSource } from '@/lib/queries/local-trace';
import type { TraceSource } from '@/lib/queries/traces';
import { MAX_FILE_BYTES, tracesFromOtlpJson } from '@/lib/traces/file';
import type { Trace } from '@/lib/traces/model';
import { TraceView } from '@/components/waterfall/trace-view';

type Loaded = { name: string; traces: Trace[]; index: number; source: TraceSource };

/** Open an OTLP/JSON file from disk and view it here, in the browser: nothing is sent or stored. */
export function FileTrace() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = (traces: Trace[], name: string, index: number) =>
    setLoaded({
      name,
      traces,
      index,
      source: localTraceSource(traces[index]!, `file:${name}:${traces[index]!.traceId}`),
    });
  const open = async (file: File) => {
    setError(null);
    if (file.size > MAX_FILE_BYTES) {
      setError(
        `${file.name} is ${(file.size / 2 ** 20).toFixed(0)} MiB: files up to ${MAX_FILE_BYTES / 2 ** 20} MiB can be opened.`,
      );
      return;
    }
    setBusy(true);
    try {
      const traces = tracesFromOtlpJson(await file.text());
      if (traces.length === 0) setError(`${file.name} holds no spans with valid trace and span ids.`);
      else pick(traces, file.name, 0);
    } catch (e) {
      setError(`${file.name} is not an OTLP/JSON trace export: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-dashed border-slate-300 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900">
        <label className="cursor-pointer rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500 focus-within:ring-2 focus-within:ring-indigo-400">
          Open an OTLP/JSON file…
          <input
            type="file"
            accept=".json,application/json"
            data-testid="trace-file"
            className="sr-only"
            onChange={(e) => {
              const f = e.target.files?.[0];
              // Cleared, so that choosing the same file again (after fixing it) reads it again.
              e.target.value = '';
              if (f) void open(f);
            }}
          />
        </label>
        <span className="text-xs text-slate-500">The file is read in your browser; nothing is uploaded or stored.</span>
        {busy && <span aria-live="polite">Reading…</span>}
        {loaded && loaded.traces.length > 1 && (
          <label className="flex items-center gap-1 text-xs">
            Trace
            <select
              value={loaded.index}
              onChange={(e) => pick(loaded.traces, loaded.name, Number(e.target.value))}
              className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-950"
            >
              {loaded.traces.map((t, i) => (
                <option key={t.traceId} value={i}>
                  {t.traceId} ({t.spans.length} spans)
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {error && (
        <p
          role="alert"
          className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      )}
      {loaded ? (
        <TraceView key={loaded.source.key} source={loaded.source} />
      ) : (
        !error && (
          <p className="text-sm text-slate-500">
            Choose a file written by “Download OTLP JSON”, an OpenTelemetry Collector file exporter, or any OTLP/JSON
            export request.
          </p>
        )
      )}
    </div>
  );
}
