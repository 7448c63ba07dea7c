'use client';

import { useMemo, useState } from 'react';
import { parseDashboard } from '@/lib/dashboards/schema';
import type { DashboardDef, DashboardLink } from '@/lib/dashboards/types';
import { REFRESH_OPTIONS } from '@/lib/url/time';
import { EditorDialog, editorField } from './editor-dialog';
import { Rows } from './option-fields';

type Settings = Pick<DashboardDef, 'description' | 'time' | 'refresh' | 'links'>;
type Props = { dashboard: DashboardDef; onApply: (s: Settings) => void; onCancel: () => void };

const field = editorField;
const blank: DashboardLink = { title: '', url: '' };

/**
 * The dashboard's settings: its description, the range it opens on and its auto-refresh (when
 * the URL names none), and the links under its title. Apply checks them against the model first.
 */
export function SettingsEditor({ dashboard, onApply, onCancel }: Props) {
  const [s, setS] = useState<Settings>({
    description: dashboard.description,
    time: dashboard.time,
    refresh: dashboard.refresh,
    links: dashboard.links,
  });
  const put = (change: Partial<Settings>) => setS((x) => ({ ...x, ...change }));
  const problem = useMemo(() => {
    const r = parseDashboard({ ...dashboard, ...s });
    return r.ok ? null : r.error;
  }, [dashboard, s]);
  const time = s.time ?? { from: '', to: '' };
  const setTime = (t: { from: string; to: string }) =>
    put({ time: t.from.trim() || t.to.trim() ? { from: t.from.trim(), to: t.to.trim() || 'now' } : undefined });
  return (
    <EditorDialog
      title="Dashboard settings"
      label="Dashboard settings"
      testId="settings-editor"
      width="max-w-3xl"
      problem={problem}
      onApply={() => onApply(s)}
      onCancel={onCancel}
    >
      <label className="flex flex-col gap-1 text-sm">
        Description
        <input
          className={field}
          value={s.description}
          maxLength={5000}
          onChange={(e) => put({ description: e.target.value })}
        />
      </label>
      <fieldset className="flex flex-wrap items-end gap-2 text-sm">
        <legend className="mb-1">Opens on (when the link names no range)</legend>
        <label className="flex flex-col gap-1">
          From
          <input
            className={`${field} w-36 font-mono`}
            placeholder="now-1h"
            value={time.from}
            onChange={(e) => setTime({ ...time, from: e.target.value })}
          />
        </label>
        <label className="flex flex-col gap-1">
          To
          <input
            className={`${field} w-36 font-mono`}
            placeholder="now"
            value={time.to}
            onChange={(e) => setTime({ ...time, to: e.target.value })}
          />
        </label>
        <label className="flex flex-col gap-1">
          Auto-refresh
          <select
            className={field}
            value={s.refresh ?? 'off'}
            onChange={(e) => put({ refresh: e.target.value === 'off' ? undefined : e.target.value })}
          >
            {REFRESH_OPTIONS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <Rows
        title="Links"
        items={s.links ?? []}
        blank={blank}
        onChange={(links) => put({ links: links.length ? links : undefined })}
      >
        {(l, set) => (
          <>
            <label className="flex flex-col gap-1 text-xs">
              Text
              <input className={`${field} w-36`} value={l.title} onChange={(e) => set({ title: e.target.value })} />
            </label>
            <label className="flex flex-col gap-1 text-xs">
              {l.tags ? 'Dashboards tagged' : 'URL ($var, ${__url_time_range})'}
              <input
                className={`${field} w-64 font-mono`}
                value={l.tags ? l.tags.join(', ') : (l.url ?? '')}
                onChange={(e) =>
                  l.tags ? set({ tags: e.target.value.split(',').map((t) => t.trim()) }) : set({ url: e.target.value })
                }
              />
            </label>
            <label className="flex flex-col gap-1 text-xs">
              To
              <select
                className={field}
                value={l.tags ? 'tags' : 'url'}
                onChange={(e) =>
                  set(e.target.value === 'tags' ? { tags: [''], url: undefined } : { tags: undefined, url: '' })
                }
              >
                <option value="url">a URL</option>
                <option value="tags">dashboards with a tag</option>
              </select>
            </label>
            {(['keepTime', 'includeVars', 'newTab'] as const).map((k) => (
              <label key={k} className="flex items-center gap-1 text-xs">
                <input type="checkbox" checked={!!l[k]} onChange={(e) => set({ [k]: e.target.checked || undefined })} />
                {{ keepTime: 'with the range', includeVars: 'with the variables', newTab: 'in a new tab' }[k]}
              </label>
            ))}
          </>
        )}
      </Rows>
    </EditorDialog>
  );
}
