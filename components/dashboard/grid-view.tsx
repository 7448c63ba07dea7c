'use client';

import { type CSSProperties, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useRowToggle } from '@/components/hooks/use-panel-url';
import { PanelFrame } from '@/components/panel/panel-frame';
import { drawPx, FOLD_ROWS, ROW_PX, sections } from '@/lib/dashboards/layout';
import type { DashboardDef, PanelDef } from '@/lib/dashboards/types';

type Props = {
  dashboard: Pick<DashboardDef, 'panels' | 'rows'>;
  /** One panel, drawn (its error boundary and answers included). */
  slot: (def: PanelDef) => ReactNode;
};

/**
 * A dashboard on its 24-column grid, cut at its rows. A folded row draws nothing below it and
 * asks nothing; panels below the first screen are drawn (and ask) when they come into view.
 * Under the `lg` breakpoint the panels stack in one column, in grid order.
 */
export function GridView({ dashboard, slot }: Props) {
  const { params, toggle } = useRowToggle();
  const cut = useMemo(() => sections(dashboard, params), [dashboard, params]);
  return (
    <div className="space-y-2" data-testid="dashboard-grid">
      {cut.map((s) => (
        <section key={s.row?.id ?? '-'} aria-label={s.row?.title ?? undefined} data-row={s.row?.id}>
          {s.row && (
            <h2 className="border-b border-slate-200 dark:border-slate-800">
              <button
                type="button"
                aria-expanded={s.open}
                data-testid="row-toggle"
                onClick={() => toggle(s.row!, !s.open)}
                className="flex w-full items-center gap-2 py-1 text-left text-sm font-semibold hover:text-sky-700 dark:hover:text-sky-300"
              >
                <span aria-hidden className="inline-block w-3">
                  {s.open ? '▾' : '▸'}
                </span>
                {s.row.title || 'Row'}
                <span className="text-xs font-normal text-slate-500 dark:text-slate-400">
                  {s.panels.length} panel{s.panels.length === 1 ? '' : 's'}
                </span>
              </button>
            </h2>
          )}
          {s.open && s.panels.length > 0 && (
            <div
              className="grid grid-cols-1 gap-2 pt-2 lg:[grid-auto-rows:var(--row)] lg:[grid-template-columns:repeat(24,minmax(0,1fr))]"
              style={{ '--row': `${ROW_PX}px` } as CSSProperties}
            >
              {s.panels.map(({ def, grid }) => (
                <div
                  key={def.id}
                  className="min-w-0 lg:overflow-hidden lg:[grid-column:var(--gc)] lg:[grid-row:var(--gr)] [&>section]:h-full [&>section]:overflow-y-auto"
                  style={
                    {
                      '--gc': `${grid.x + 1} / span ${grid.w}`,
                      '--gr': `${grid.y + 1} / span ${grid.h}`,
                    } as CSSProperties
                  }
                >
                  <Cell def={def} h={grid.h} eager={s.top + grid.y < FOLD_ROWS} slot={slot} />
                </div>
              ))}
            </div>
          )}
        </section>
      ))}
    </div>
  );
}

function Cell({ def, h, eager, slot }: { def: PanelDef; h: number; eager: boolean; slot: Props['slot'] }) {
  const sized = useMemo(() => ({ ...def, height: drawPx(h, def) }), [def, h]);
  const [ref, shown] = useSeen(eager);
  if (shown) return <>{slot(sized)}</>;
  return (
    <div ref={ref} className="h-full">
      <PanelFrame id={def.id} title={def.title} description={def.description} state="loading" queries={[]} />
    </div>
  );
}

/** Shown from the start when eager, else once the placeholder comes within a screen of the view. */
function useSeen(eager: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(eager);
  useEffect(() => {
    if (shown || !ref.current) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setShown(true), {
      rootMargin: '200px 0px',
    });
    io.observe(ref.current);
    return () => io.disconnect();
  }, [shown]);
  return [ref, shown] as const;
}
