'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type NavLinksProps = { items: { href: string; label: string }[] };

export function NavLinks({ items }: NavLinksProps) {
  const path = usePathname();
  return (
    <nav aria-label="Pages" className="flex gap-1">
      {items.map((item) => {
        const active = path === item.href || path.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
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
