import Link from 'next/link';
import { currentPrincipal } from '@/lib/auth/server';
import { hasRole } from '@/lib/auth/roles';

const link =
  'rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

/**
 * What can be done with the dashboard shown: a saved one is edited and has versions; a built-in
 * one is copied ("Save as") into one that can be. Editing is offered to editors only.
 */
export async function DashboardActions(
  p:
    | { saved: { uid: string; version: number; latest: number } }
    | { builtIn: string }
    | { provisioned: { uid: string; file: string } },
) {
  const who = await currentPrincipal();
  const canEdit = who ? hasRole(who.role, 'editor') : false;
  return (
    <div
      className="mx-auto mb-2 flex max-w-[1800px] flex-wrap items-center justify-end gap-2"
      data-testid="dashboard-actions"
    >
      {'saved' in p && p.saved.version !== p.saved.latest && (
        <p role="status" className="mr-auto text-sm text-amber-800 dark:text-amber-200">
          This is version {p.saved.version}; the latest is version {p.saved.latest}.{' '}
          <Link className="underline" href={`/dashboards/${p.saved.uid}`}>
            Show the latest
          </Link>
        </p>
      )}
      {'saved' in p && (
        <Link className={link} href={`/dashboards/${p.saved.uid}/versions`}>
          Versions
        </Link>
      )}
      {'saved' in p && canEdit && (
        <Link className={link} href={`/dashboards/${p.saved.uid}/edit`}>
          Edit
        </Link>
      )}
      {'provisioned' in p && (
        <p className="mr-auto text-xs text-slate-500 dark:text-slate-400">
          Provisioned from {p.provisioned.file}: read-only.
        </p>
      )}
      {('builtIn' in p || 'provisioned' in p) && canEdit && (
        <Link
          className={link}
          href={`/dashboards/new?copy=${encodeURIComponent('builtIn' in p ? p.builtIn : p.provisioned.uid)}`}
          title="This dashboard stays as it is: edit a copy"
        >
          Save as…
        </Link>
      )}
    </div>
  );
}
