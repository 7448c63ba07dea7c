import type { Metadata } from 'next';
import { ImportForm } from '@/components/dashboard/import-form';

export const metadata: Metadata = { title: 'Import a Grafana dashboard' };

/** Paste or pick a Grafana dashboard's JSON; see what came across and open it. */
export default function ImportPage() {
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-xl font-semibold">Import a Grafana dashboard</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        The JSON of a dashboard as Grafana exports it (Share → Export), the body of Grafana’s HTTP API, or a v1
        resource. Panels the console cannot draw stay in their place and say why; the report lists everything that
        changed. Importing needs the editor role.
      </p>
      <ImportForm />
    </div>
  );
}
