'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';

/**
 * A panel's own view state in the page URL, so that a shared link shows what the sender saw:
 * `view=<panel>` (view mode), `hide=<panel>:<series name>` (legend, repeated; `hide=<panel>:`
 * alone means "none hidden" where the panel hides some by default), `query=<panel>` ("show query").
 * Legend and query changes replace the history entry; view mode pushes one, so Back leaves it.
 */
export const VIEW_PARAM = 'view';
export const HIDE_PARAM = 'hide';
export const QUERY_PARAM = 'query';

function writeUrl(mutate: (qs: URLSearchParams) => void, push: boolean): URLSearchParams {
  const qs = new URLSearchParams(window.location.search);
  mutate(qs);
  const q = qs.toString();
  const url = `${window.location.pathname}${q ? `?${q}` : ''}`;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  return qs;
}

/** The page's search params, and a writer; outside the App Router (component tests) a local copy. */
function useParams() {
  const routed = useSearchParams() as URLSearchParams | null;
  const [local, setLocal] = useState(() => new URLSearchParams());
  const write = useCallback(
    (mutate: (qs: URLSearchParams) => void, push = false) => {
      const next = writeUrl(mutate, push);
      if (!routed) setLocal(next);
    },
    [routed],
  );
  return { params: routed ?? local, write };
}

export function useHiddenSeries(panelId: string, defaults: readonly string[]) {
  const { params, write } = useParams();
  const prefix = `${panelId}:`;
  const raw = params.getAll(HIDE_PARAM).filter((v) => v.startsWith(prefix));
  const key = raw.join('\u0000');
  const hidden = useMemo(
    () => new Set(key ? key.split('\u0000').map((v) => v.slice(prefix.length)).filter(Boolean) : defaults),
    [key, prefix, defaults],
  );
  const setHidden = useCallback(
    (names: Iterable<string>) => {
      const next = [...new Set(names)].sort();
      const same = next.length === defaults.length && [...defaults].sort().every((d, i) => d === next[i]);
      write((qs) => {
        const others = qs.getAll(HIDE_PARAM).filter((v) => !v.startsWith(prefix));
        qs.delete(HIDE_PARAM);
        for (const o of others) qs.append(HIDE_PARAM, o);
        if (same) return;
        if (next.length === 0) qs.append(HIDE_PARAM, prefix);
        for (const n of next) qs.append(HIDE_PARAM, `${prefix}${n}`);
      });
    },
    [write, prefix, defaults],
  );
  return [hidden, setHidden] as const;
}

export function useQueryShown(panelId: string) {
  const { params, write } = useParams();
  const shown = params.getAll(QUERY_PARAM).includes(panelId);
  const setShown = useCallback(
    (on: boolean) =>
      write((qs) => {
        const rest = qs.getAll(QUERY_PARAM).filter((v) => v !== panelId);
        qs.delete(QUERY_PARAM);
        for (const r of rest) qs.append(QUERY_PARAM, r);
        if (on) qs.append(QUERY_PARAM, panelId);
      }),
    [write, panelId],
  );
  return [shown, setShown] as const;
}

/** The panel the page shows alone (view mode), and how to open and leave it. */
export function usePanelView() {
  const { params, write } = useParams();
  const viewing = params.get(VIEW_PARAM);
  const open = useCallback((id: string) => write((qs) => qs.set(VIEW_PARAM, id), true), [write]);
  const close = useCallback(() => write((qs) => qs.delete(VIEW_PARAM), true), [write]);
  return { viewing, open, close };
}
