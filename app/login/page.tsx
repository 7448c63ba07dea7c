import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeNext } from '@/lib/auth/principal';
import { authMode, currentPrincipal } from '@/lib/auth/server';
import { formatDateTime, isTimeZone, runtimeTimeZone, zoneOffsetLabel } from '@/lib/format/time-zone';

export const metadata: Metadata = { title: 'Log in' };
export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const field =
  'mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-950';

function problemOf(error: string | undefined, until: number | null, zone: string): string | null {
  switch (error) {
    case undefined:
      return null;
    case 'invalid':
      return 'Wrong user name or password.';
    case 'missing':
      return 'Give a user name and a password.';
    case 'locked':
      return until
        ? `Too many failed logins. Try again after ${formatDateTime(until, zone)} (${zoneOffsetLabel(zone, until)}).`
        : 'Too many failed logins. Try again later.';
    case 'users_file':
      return 'The console cannot read its users file; its log says why.';
    case 'oidc':
      return 'The identity provider did not sign you in. Try again; if it keeps failing, the console’s log says why.';
    case 'no_role':
      return 'Your account has no role in this console (OIDC_ROLE_MAP). Ask an administrator for access.';
    default:
      return 'The login did not work. Try again.';
  }
}

export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  const q = await searchParams;
  const next = safeNext(one(q.next));
  const { mode } = authMode();
  const who = await currentPrincipal();
  if (who && who.via !== 'none') redirect(next);
  const tz = decodeURIComponent((await cookies()).get('tz')?.value ?? '');
  const zone = isTimeZone(tz) ? tz : runtimeTimeZone();
  const until = Number(one(q.until));
  const problem = problemOf(one(q.error), Number.isFinite(until) && until > 0 ? until : null, zone);
  return (
    <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <h1 className="flex items-center gap-2 text-lg font-semibold">
        <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-indigo-500 to-cyan-400" />
        Log in to Shannon Console
      </h1>
      {one(q.loggedOut) && !problem && (
        <p role="status" className="mt-3 text-sm text-slate-600 dark:text-slate-300">
          You are logged out.
        </p>
      )}
      {problem && (
        <p
          role="alert"
          data-testid="login-error"
          className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {problem}
        </p>
      )}
      {mode === 'local' && (
        <form method="post" action="/login" className="mt-4 space-y-3">
          <input type="hidden" name="next" value={next} />
          <label className="block text-sm font-medium">
            User name
            <input name="name" autoComplete="username" required autoFocus className={field} />
          </label>
          <label className="block text-sm font-medium">
            Password
            <input name="password" type="password" autoComplete="current-password" required className={field} />
          </label>
          <button
            type="submit"
            className="w-full rounded bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400"
          >
            Log in
          </button>
        </form>
      )}
      {mode === 'oidc' && (
        <a
          href={`/login/oidc?next=${encodeURIComponent(next)}`}
          className="mt-4 block w-full rounded bg-indigo-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-indigo-700"
        >
          Log in with your identity provider
        </a>
      )}
      {mode === 'proxy' && (
        <p className="mt-4 text-sm">
          This console takes its users from the proxy in front of it: open it through that proxy.
        </p>
      )}
      {mode === 'none' && (
        <p className="mt-4 text-sm">
          This console has no login (AUTH_MODE=none). <a href={next}>Open it</a>.
        </p>
      )}
    </div>
  );
}
