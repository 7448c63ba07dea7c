'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { carryView } from '@/lib/url/carry';

export type NavLinksProps = { items: { href: string; label: string }[] };

/** The page links; each carries the range, refresh and time zone of the page it is on. */
export function NavLinks({ items }: NavLinksProps) {
  // Reading the query needs a boundary on pages rendered ahead of time (the 404 page): there
  // the links go without it.
  return (
    <Suspense fallback={<Links items={items} query={null} />}>
      <NavLinksWithQuery items={items} />
    </Suspense>
  );
}

function NavLinksWithQuery({ items }: NavLinksProps) {
  return <Links items={items} query={useSearchParams()} />;
}

function Links({ items, query }: NavLinksProps & { query: URLSearchParams | null }) {
  const path = usePathname();
  return (
    <nav aria-label="Pages" className="flex gap-1">
      {items.map((item) => {
        const active = path === item.href || path.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={query ? carryView(item.href, query) : item.href}
            aria-current={active ? 'page' : undefined}
            className={`rounded px-3 py-1.5 text-sm ${active ? 'bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300' : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
