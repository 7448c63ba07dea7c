import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { TokenManager } from '@/components/admin/token-manager';
import { authService } from '@/lib/auth/server';
import { formatDateTime, isTimeZone, runtimeTimeZone } from '@/lib/format/time-zone';

export const metadata: Metadata = { title: 'Administration' };
export const dynamic = 'force-dynamic';

const cell = 'px-2 py-1.5 align-top';

/** Admins only (the guard: /admin needs the admin role): API tokens and the audit log. */
export default async function AdminPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const { kind } = await searchParams;
  const auth = authService();
  const tz = decodeURIComponent((await cookies()).get('tz')?.value ?? '');
  const zone = isTimeZone(tz) ? tz : runtimeTimeZone();
  const entries = auth.store.auditEntries({ limit: 200, ...(kind ? { kind } : {}) });
  return (
    <div className="mx-auto max-w-6xl space-y-8">
      <h1 className="text-xl font-semibold">Administration</h1>
      <TokenManager initial={auth.store.listTokens()} timeZone={zone} />
      <section aria-labelledby="audit-title">
        <div className="flex items-baseline justify-between">
          <h2 id="audit-title" className="text-lg font-semibold">
            Audit log
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {kind ? (
              <>
                Only “{kind}” · <a href="/admin">show all</a>
              </>
            ) : (
              'The newest 200 entries; click a kind to see only those.'
            )}
          </p>
        </div>
        {entries.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">
            Nothing yet: logins, failed logins, lockouts, token use, saves and imports appear here.
          </p>
        ) : (
          <table data-testid="audit-log" className="mt-3 w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-700 dark:text-slate-300">
              <tr>
                <th className={cell}>Time ({zone})</th>
                <th className={cell}>What</th>
                <th className={cell}>Who</th>
                <th className={cell}>From</th>
                <th className={cell}>Detail</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr
                  key={e.id}
                  data-testid="audit-entry"
                  data-kind={e.kind}
                  className="border-b border-slate-100 dark:border-slate-800"
                >
                  <td className={`${cell} whitespace-nowrap font-mono`}>{formatDateTime(e.tsMs, zone)}</td>
                  <td className={cell}>
                    <a
                      href={`/admin?kind=${encodeURIComponent(e.kind)}`}
                      className="text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      {e.kind}
                    </a>
                  </td>
                  <td className={cell}>{e.user}</td>
                  <td className={`${cell} font-mono`}>{e.address}</td>
                  <td className={`${cell} break-all font-mono text-xs`}>
                    {Object.keys(e.detail).length ? JSON.stringify(e.detail) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
