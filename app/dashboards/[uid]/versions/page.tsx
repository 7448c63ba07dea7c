import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { RestoreButton } from '@/components/dashboard/restore-button';
import { currentPrincipal } from '@/lib/auth/server';
import { hasRole } from '@/lib/auth/roles';
import { dashboardDiff } from '@/lib/dashboards/diff';
import { formatDateTime, isTimeZone, runtimeTimeZone } from '@/lib/format/time-zone';
import { dashboardStore } from '@/lib/server/dashboards';

export const dynamic = 'force-dynamic';

type Params = Promise<{ uid: string }>;
type Search = Promise<{ a?: string; b?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const d = dashboardStore().get((await params).uid);
  return { title: d ? `Versions of ${d.title}` : 'Dashboard not found' };
}

const cell = 'px-2 py-1.5';
const LINE = {
  same: 'text-slate-600 dark:text-slate-400',
  added: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  removed: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
} as const;

/** Every version of a saved dashboard: who saved it, when and why; a diff of any two; restore one (editors). */
export default async function VersionsPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { uid } = await params;
  const store = dashboardStore();
  const d = store.get(uid);
  if (!d) notFound();
  const versions = store.versions(uid);
  const sp = await searchParams;
  const pick = (v: string | undefined, fallback: number) => {
    const n = Number(v);
    return Number.isInteger(n) && versions.some((x) => x.version === n) ? n : fallback;
  };
  const b = pick(sp.b, d.version);
  const a = pick(sp.a, Math.max(1, b - 1));
  const diff = a !== b ? dashboardDiff(store.get(uid, a)!.def, store.get(uid, b)!.def) : null;
  const who = await currentPrincipal();
  const canEdit = who ? hasRole(who.role, 'editor') : false;
  const tz = decodeURIComponent((await cookies()).get('tz')?.value ?? '');
  const zone = isTimeZone(tz) ? tz : runtimeTimeZone();
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">Versions of {d.title}</h1>
        <Link href={`/dashboards/${uid}`} className="text-sm text-indigo-700 underline dark:text-indigo-300">
          Open the dashboard
        </Link>
      </div>
      <form className="space-y-2" method="get">
        <table data-testid="version-list" className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
            <tr>
              <th className={cell}>From</th>
              <th className={cell}>To</th>
              <th className={cell}>Version</th>
              <th className={cell}>Saved ({zone})</th>
              <th className={cell}>By</th>
              <th className={cell}>Message</th>
              <th className={cell}>
                <span className="sr-only">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} data-testid="version-row" className="border-b border-slate-100 dark:border-slate-800">
                <td className={cell}>
                  <input
                    type="radio"
                    name="a"
                    value={v.version}
                    defaultChecked={v.version === a}
                    aria-label={`Compare from version ${v.version}`}
                  />
                </td>
                <td className={cell}>
                  <input
                    type="radio"
                    name="b"
                    value={v.version}
                    defaultChecked={v.version === b}
                    aria-label={`Compare to version ${v.version}`}
                  />
                </td>
                <td className={cell}>
                  <Link
                    href={`/dashboards/${uid}?version=${v.version}`}
                    className="text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {v.version}
                  </Link>
                  {v.version === d.version && <span className="ml-2 text-xs text-slate-500">latest</span>}
                </td>
                <td className={cell}>{formatDateTime(v.createdMs, zone)}</td>
                <td className={cell}>{v.author}</td>
                <td className={cell}>{v.message || <span className="text-slate-400">—</span>}</td>
                <td className={cell}>
                  {canEdit && v.version !== d.version && (
                    <RestoreButton uid={uid} version={v.version} latest={d.version} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="submit"
          className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Compare
        </button>
      </form>
      {diff ? (
        <section aria-label={`Changes from version ${a} to version ${b}`} className="space-y-1">
          <h2 className="text-sm font-semibold">
            Version {a} → version {b}: {diff.changed} line{diff.changed === 1 ? '' : 's'} changed
          </h2>
          <pre
            data-testid="version-diff"
            className="overflow-x-auto rounded border border-slate-200 bg-white p-2 text-xs dark:border-slate-800 dark:bg-slate-950"
          >
            {diff.lines.map((l, i) => (
              <div key={i} data-kind={l.kind} className={LINE[l.kind]}>
                {l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '- ' : '  '}
                {l.text}
              </div>
            ))}
          </pre>
        </section>
      ) : (
        <p className="text-sm text-slate-500">Pick two different versions to see what changed between them.</p>
      )}
    </div>
  );
}
