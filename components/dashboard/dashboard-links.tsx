'use client';

import { useMemo } from 'react';
import type { LinkContext } from '@/lib/dashboards/links';
import { resolveLink } from '@/lib/dashboards/links';
import type { DashboardLink } from '@/lib/dashboards/types';

/** The dashboard's links, under its title: the page's variables and range written in as each asks. */
export function DashboardLinks({ links, ctx }: { links: readonly DashboardLink[]; ctx: LinkContext }) {
  const resolved = useMemo(() => links.map((l) => resolveLink(l, ctx)), [links, ctx]);
  return (
    <nav aria-label="Dashboard links" className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
      {resolved.map((l, i) =>
        l.href ? (
          <a
            key={i}
            data-testid="dashboard-link"
            href={l.href}
            title={l.tooltip}
            className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-300"
            {...(l.newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            {l.title}
            {l.newTab && <span aria-label=" (opens a new tab)"> ↗</span>}
          </a>
        ) : (
          <span key={i} className="text-slate-500" title="not a link: only http(s), mailto or a page of the console">
            {l.title}
          </span>
        ),
      )}
    </nav>
  );
}
