import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { formatDateTime, isTimeZone, runtimeTimeZone } from '@/lib/format/time-zone';
import { currentPrincipal } from '@/lib/auth/server';
import { hasRole } from '@/lib/auth/roles';
import { BUILT_IN } from '@/lib/dashboards/built-in';
import { dashboardStore, provisioned } from '@/lib/server/dashboards';

export const metadata: Metadata = { title: 'Dashboards' };
export const dynamic = 'force-dynamic';

const cell = 'px-2 py-1.5';

/** Saved dashboards: search by title, narrow by tag. */
export default async function DashboardsPage({
  searchParams,
}: {
  searchParams: Promise<{ search?: string; tag?: string }>;
}) {
  const { search = '', tag = '' } = await searchParams;
  const list = dashboardStore().list(search, tag);
  const who = await currentPrincipal();
  const canEdit = who ? hasRole(who.role, 'editor') : false;
  const tz = decodeURIComponent((await cookies()).get('tz')?.value ?? '');
  const zone = isTimeZone(tz) ? tz : runtimeTimeZone();
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Dashboards</h1>
        <div className="flex gap-3 text-sm">
          {canEdit && (
            <Link href="/dashboards/new" className="text-indigo-700 underline dark:text-indigo-300">
              New dashboard
            </Link>
          )}
          <Link href="/dashboards/import" className="text-indigo-700 underline dark:text-indigo-300">
            Import from Grafana
          </Link>
        </div>
      </div>
      <form className="flex flex-wrap items-center gap-2 text-sm" role="search">
        <label className="flex items-center gap-2">
          Title
          <input
            name="search"
            defaultValue={search}
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
          />
        </label>
        {tag && <input type="hidden" name="tag" value={tag} />}
        <button
          type="submit"
          className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Search
        </button>
        {(search || tag) && <Link href="/dashboards">Show all</Link>}
      </form>
      {list.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-500 dark:border-slate-800 dark:bg-slate-900">
          {search || tag
            ? 'No saved dashboard matches. Clear the search to see them all.'
            : 'No saved dashboards yet. Editors make one (New dashboard), import one from Grafana, or copy a built-in one below with “Save as”.'}
        </p>
      ) : (
        <table data-testid="dashboard-list" className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
            <tr>
              <th className={cell}>Title</th>
              <th className={cell}>Tags</th>
              <th className={cell}>Version</th>
              <th className={cell}>Saved ({zone})</th>
              <th className={cell}>By</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.uid} data-testid="dashboard-row" className="border-b border-slate-100 dark:border-slate-800">
                <td className={cell}>
                  <Link
                    href={`/dashboards/${d.uid}`}
                    className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {d.title}
                  </Link>
                </td>
                <td className={cell}>
                  {d.tags.map((t) => (
                    <Link
                      key={t}
                      href={`/dashboards?tag=${encodeURIComponent(t)}`}
                      className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800"
                    >
                      {t}
                    </Link>
                  ))}
                </td>
                <td className={cell}>{d.version}</td>
                <td className={`${cell} font-mono`}>{formatDateTime(d.updatedMs, zone)}</td>
                <td className={cell}>{d.updatedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ShippedList search={search} tag={tag} />
    </div>
  );
}

/** The built-in pages and the dashboards from DASHBOARDS_DIR (read-only), and files that did not load. */
function ShippedList({ search, tag }: { search: string; tag: string }) {
  const { dashboards, problems } = provisioned();
  const match = (title: string, tags: string[]) =>
    title.toLowerCase().includes(search.toLowerCase()) && (!tag || tags.includes(tag));
  const rows = [
    ...BUILT_IN.map((b) => ({ key: b.path, href: b.path, def: b.def, from: 'built in', tags: [] as string[] })),
    ...dashboards.map((d) => ({
      key: d.uid,
      href: `/dashboards/${d.uid}`,
      def: d.def,
      from: `${d.file}${d.grafana ? ' (Grafana JSON)' : ''}`,
      tags: d.tags,
    })),
  ].filter((r) => match(r.def.title, r.tags));
  return (
    <section aria-labelledby="shipped" className="space-y-2">
      <h2 id="shipped" className="text-sm font-semibold">
        Built in and provisioned (read-only; “Save as” on each makes a copy to edit)
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">None matches.</p>
      ) : (
        <table data-testid="shipped-list" className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
            <tr>
              <th className={cell}>Title</th>
              <th className={cell}>From</th>
              <th className={cell}>Panels</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid="shipped-row" className="border-b border-slate-100 dark:border-slate-800">
                <td className={cell}>
                  <Link href={r.href} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    {r.def.title}
                  </Link>
                </td>
                <td className={cell}>{r.from}</td>
                <td className={cell}>{r.def.panels.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {problems.length > 0 && (
        <div
          role="alert"
          className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-medium">Not loaded from DASHBOARDS_DIR:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={p.file}>
                <span className="font-mono">{p.file}</span>: {p.problem}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
