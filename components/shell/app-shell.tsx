import Link from 'next/link';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { NAV } from '@/lib/dashboards/registry';
import type { Principal } from '@/lib/auth/roles';
import { NavLinks } from './nav-links';
import { ThemeToggle } from './theme-toggle';
import { TraceIdBox } from './trace-id-box';
import { TimeControls } from './time-controls';
import { NoAuthBanner, UserMenu } from './user-menu';

export type AppShellProps = { children: ReactNode; principal: Principal | null; noAuthBanner: boolean };

export function AppShell({ children, principal, noAuthBanner }: AppShellProps) {
  if (!principal) {
    // Not signed in (the login page): nothing of the console but the page itself.
    return (
      <main id="main" className="flex min-h-screen items-start justify-center px-4 py-16">
        {children}
      </main>
    );
  }
  return (
    <div className="flex min-h-screen flex-col">
      {noAuthBanner && <NoAuthBanner />}
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-1 dark:focus:bg-slate-800"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-indigo-500 to-cyan-400" />
            Shannon Console
          </Link>
          <NavLinks items={NAV} />
          <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
            <TraceIdBox />
            <Suspense fallback={<div className="skeleton h-8 w-64 rounded bg-slate-200 dark:bg-slate-800" />}>
              <TimeControls />
            </Suspense>
            <ThemeToggle />
            {(principal.via !== 'none' || principal.role === 'admin') && (
              <UserMenu principal={principal} canLogOut={principal.via === 'session'} />
            )}
          </div>
        </div>
      </header>
      <main id="main" className="flex-1 px-4 py-4">
        {children}
      </main>
    </div>
  );
}
