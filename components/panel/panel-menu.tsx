'use client';

import { type RefObject, useEffect, useRef, useState } from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { usePanelView } from '@/components/hooks/use-panel-url';
import type { ResolvedLink } from '@/lib/dashboards/links';

export type PanelMenuProps = {
  panelId: string;
  title: string;
  queries: string[];
  csv?: () => string;
  /** The panel's element, drawn into the PNG. */
  target: RefObject<HTMLElement | null>;
  /** The panel's own links, variables and range written in (lib/dashboards/links.ts). */
  links?: ResolvedLink[];
};

function download(name: string, href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  // Pages served over plain http from another host have no clipboard API.
  const t = document.createElement('textarea');
  t.value = text;
  document.body.append(t);
  t.select();
  const ok = document.execCommand('copy');
  t.remove();
  if (!ok) throw new Error('the browser refused to copy');
}

const item =
  'block w-full rounded px-2 py-1 text-left text-xs hover:bg-slate-100 focus:bg-slate-100 disabled:opacity-50 dark:hover:bg-slate-800 dark:focus:bg-slate-800';

/** View alone, copy the query, download CSV or PNG: Grafana's panel menu. Arrow keys move, Escape closes. */
export function PanelMenu({ panelId, title, queries, csv, target, links = [] }: PanelMenuProps) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const { viewing, open: view, close: leave } = usePanelView();
  // Null outside the app router (component tests): the link then carries the queries alone.
  const params = useSearchParams() as URLSearchParams | null;
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Fixed to the window under its button, so that a small panel (which clips what overflows it)
  // does not cut the menu off; a scroll closes it, as it would leave the button behind.
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  useEffect(() => {
    if (!open) return;
    const b = button.current?.getBoundingClientRect();
    const menu = root.current?.querySelector<HTMLElement>('[role=menu]');
    if (b && menu) {
      const h = menu.offsetHeight;
      const below = b.bottom + 4 + h <= window.innerHeight;
      setPlace({
        top: below ? b.bottom + 4 : Math.max(4, b.top - 4 - h),
        left: Math.max(4, b.right - menu.offsetWidth),
      });
    }
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onScroll = () => setOpen(false);
    document.addEventListener('mousedown', onDown);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('scroll', onScroll);
      setPlace(null);
    };
  }, [open]);
  // Its first item takes the focus once it is placed (hidden until then, it could not).
  useEffect(() => {
    if (open && place) root.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus({ preventScroll: true });
  }, [open, place]);

  useEffect(() => {
    if (!status || status.endsWith('…')) return;
    const t = setTimeout(() => setStatus(null), 3000);
    return () => clearTimeout(t);
  }, [status]);

  const done = (msg: string | null) => {
    setOpen(false);
    setStatus(msg);
    button.current?.focus();
  };
  const onKey = (e: React.KeyboardEvent) => {
    const items = [...(root.current?.querySelectorAll<HTMLElement>('[role=menuitem]:not([disabled])') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      done(null);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };
  // The panel's queries as it ran them (variables filled in), over the page's range and zone.
  const exploreHref = (() => {
    const sp = new URLSearchParams();
    for (const q of queries) sp.append('q', q);
    for (const k of ['from', 'to', 'tz'] as const) {
      const v = params?.get(k);
      if (v) sp.set(k, v);
    }
    return `/explore?${sp}`;
  })();
  const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const png = async () => {
    const el = target.current;
    if (!el) return;
    setStatus('drawing PNG…');
    try {
      const { toPng } = await import('html-to-image');
      const dark = document.documentElement.classList.contains('dark');
      const url = await toPng(el, {
        pixelRatio: 2,
        backgroundColor: dark ? '#0f172a' : '#ffffff',
        filter: (n) => !(n instanceof HTMLElement && n.dataset.noExport === 'true'),
      });
      download(`${panelId}-${stamp()}.png`, url);
      setStatus(null);
    } catch (e) {
      setStatus(`The PNG could not be drawn: ${(e as Error).message}`);
    }
  };

  return (
    <div ref={root} className="relative shrink-0" data-no-export="true" onKeyDown={onKey}>
      <button
        ref={button}
        type="button"
        data-testid="panel-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Menu of panel ${title}`}
        title="Panel menu: view, copy query, download"
        onClick={() => setOpen((o) => !o)}
        className="rounded px-1.5 py-0.5 text-sm leading-none text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        ⋮
      </button>
      {open && (
        <div
          role="menu"
          aria-label={`Panel ${title}`}
          style={place ? { position: 'fixed', top: place.top, left: place.left } : { visibility: 'hidden' }}
          className="absolute right-0 z-30 mt-1 w-48 rounded border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {viewing === panelId ? (
            <button
              type="button"
              role="menuitem"
              data-testid="panel-menu-back"
              className={item}
              onClick={() => (done(null), leave())}
            >
              Back to the dashboard
            </button>
          ) : (
            <button
              type="button"
              role="menuitem"
              data-testid="panel-menu-view"
              className={item}
              onClick={() => (done(null), view(panelId))}
            >
              View alone
            </button>
          )}
          <Link
            role="menuitem"
            data-testid="panel-menu-explore"
            aria-disabled={queries.length === 0}
            href={exploreHref}
            className={item}
            onClick={() => setOpen(false)}
          >
            Explore this query
          </Link>
          <button
            type="button"
            role="menuitem"
            data-testid="panel-menu-copy"
            disabled={queries.length === 0}
            className={item}
            onClick={() =>
              void copyText(queries.join('\n')).then(
                () => done('Query copied'),
                (e: Error) => done(`Copy failed: ${e.message}`),
              )
            }
          >
            Copy the query
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="panel-menu-csv"
            disabled={!csv}
            className={item}
            onClick={() => {
              const blob = new Blob([csv!()], { type: 'text/csv;charset=utf-8' });
              const url = URL.createObjectURL(blob);
              download(`${panelId}-${stamp()}.csv`, url);
              setTimeout(() => URL.revokeObjectURL(url), 10_000);
              done(null);
            }}
          >
            Download CSV
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="panel-menu-png"
            className={item}
            onClick={() => {
              done(null);
              void png();
            }}
          >
            Download PNG
          </button>
          {links.length > 0 && <hr className="my-1 border-slate-200 dark:border-slate-700" />}
          {links.map((l, i) =>
            l.href ? (
              <a
                key={i}
                role="menuitem"
                data-testid="panel-link"
                href={l.href}
                className={`${item} break-words`}
                {...(l.newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
                onClick={() => setOpen(false)}
              >
                {l.title}
                {l.newTab && <span aria-label=" (opens a new tab)"> ↗</span>}
              </a>
            ) : (
              <span
                key={i}
                className={`${item} text-slate-500`}
                title="not a link: only http(s), mailto or a page of the console"
              >
                {l.title}
              </span>
            ),
          )}
        </div>
      )}
      {status && (
        <p
          role="status"
          className="absolute right-0 top-full z-20 mt-1 whitespace-nowrap rounded bg-slate-800 px-2 py-0.5 text-[11px] text-white"
        >
          {status}
        </p>
      )}
    </div>
  );
}
