import type { Principal } from '@/lib/auth/roles';

/** Who is signed in, with the way out (a POST, so that no link elsewhere can log anyone out). */
export function UserMenu({ principal, canLogOut }: { principal: Principal; canLogOut: boolean }) {
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="user-menu">
      <span className="whitespace-nowrap text-slate-600 dark:text-slate-300" title={`signed in as ${principal.name}`}>
        <span className="font-medium text-slate-900 dark:text-slate-100">{principal.name}</span>{' '}
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">{principal.role}</span>
      </span>
      {principal.role === 'admin' && (
        <a href="/admin" className="text-indigo-700 underline dark:text-indigo-300">
          Admin
        </a>
      )}
      {canLogOut && (
        <form method="post" action="/logout">
          <button
            type="submit"
            className="whitespace-nowrap rounded border border-slate-300 px-2 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Log out
          </button>
        </form>
      )}
    </div>
  );
}

/** On every page when AUTH_MODE=none was chosen: anyone who reaches the console is its admin. */
export function NoAuthBanner() {
  return (
    <div
      role="status"
      data-testid="no-auth-banner"
      className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950 dark:bg-amber-900/60 dark:text-amber-50"
    >
      No authentication (AUTH_MODE=none): anyone who can reach this console can read every trace and run any query. Set
      AUTH_MODE to local, oidc or proxy to require a login.
    </div>
  );
}
