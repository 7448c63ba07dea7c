'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { ANNOTATIONS_PARAM } from '@/lib/annotations/sources';
import { PICK_PARAM, pickedChoices } from '@/lib/dashboards/choices';
import { OPEN_PARAM, SHUT_PARAM } from '@/lib/dashboards/layout';
import { hasQueries, type PanelDef, type RowDef } from '@/lib/dashboards/types';

/**
 * A panel's own view state in the page URL, so that a shared link shows what the sender saw:
 * `view=<panel>` (view mode), `hide=<panel>:<series name>` (legend, repeated; `hide=<panel>:`
 * alone means "none hidden" where the panel hides some by default), `query=<panel>` ("show query").
 * Legend and query changes replace the history entry; view mode pushes one, so Back leaves it.
 */
export const VIEW_PARAM = 'view';
export const HIDE_PARAM = 'hide';
export const QUERY_PARAM = 'query';
const SEP = '\u0000';

/** History state of an entry that view mode pushed: Escape goes Back to leave it. */
export const PANEL_VIEW_STATE = 'consolePanelView';

function writeUrl(mutate: (qs: URLSearchParams) => void, push: boolean, state: object | null = null): URLSearchParams {
  const qs = new URLSearchParams(window.location.search);
  mutate(qs);
  const q = qs.toString();
  const url = `${window.location.pathname}${q ? `?${q}` : ''}`;
  if (push) window.history.pushState(state, '', url);
  else window.history.replaceState(state, '', url);
  return qs;
}

/** The page's search params, and a writer; outside the App Router (component tests) a local copy. */
function useParams() {
  const routed = useSearchParams() as URLSearchParams | null;
  const [local, setLocal] = useState(() => new URLSearchParams());
  const write = useCallback(
    (mutate: (qs: URLSearchParams) => void, push = false, state: object | null = null) => {
      const next = writeUrl(mutate, push, state);
      if (!routed) setLocal(next);
    },
    [routed],
  );
  return { params: routed ?? local, write };
}

/** Series names a panel's legend has switched off: those its overrides hide by default until the URL says. */
export function useHiddenSeries(panelId: string, defaultNames: readonly string[]) {
  const { params, write } = useParams();
  const defaultsKey = [...defaultNames].sort().join(SEP);
  const prefix = `${panelId}:`;
  const key = params
    .getAll(HIDE_PARAM)
    .filter((v) => v.startsWith(prefix))
    .join(SEP);
  const hidden = useMemo(() => {
    if (!key) return new Set(defaultsKey.split(SEP).filter(Boolean));
    return new Set(
      key
        .split(SEP)
        .map((v) => v.slice(prefix.length))
        .filter(Boolean),
    );
  }, [key, prefix, defaultsKey]);
  const setHidden = useCallback(
    (names: Iterable<string>) => {
      const next = [...new Set(names)].sort();
      write((qs) => {
        const others = qs.getAll(HIDE_PARAM).filter((v) => !v.startsWith(prefix));
        qs.delete(HIDE_PARAM);
        for (const o of others) qs.append(HIDE_PARAM, o);
        if (next.join(SEP) === defaultsKey) return; // as the panel has it: nothing to say
        if (next.length === 0) qs.append(HIDE_PARAM, prefix); // none, where the panel hides some by default
        for (const n of next) qs.append(HIDE_PARAM, `${prefix}${n}`);
      });
    },
    [write, prefix, defaultsKey],
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
  const open = useCallback(
    (id: string) => write((qs) => qs.set(VIEW_PARAM, id), true, { [PANEL_VIEW_STATE]: true }),
    [write],
  );
  /** Back when view mode was opened here (so Back and Escape agree), else a new entry without it. */
  const close = useCallback(() => {
    const s = window.history.state as Record<string, unknown> | null;
    if (s?.[PANEL_VIEW_STATE]) window.history.back();
    else write((qs) => qs.delete(VIEW_PARAM), true);
  }, [write]);
  return { viewing, open, close };
}

/** The queries a panel's choices selector runs (null for a panel without one), and how to change them. */
export function usePicked(def: PanelDef) {
  const { params, write } = useParams();
  const picked = pickedChoices(def, params);
  const key = picked?.join(SEP) ?? null;
  const setPicked = useCallback(
    (next: string[]) =>
      write((qs) => {
        const prefix = `${def.id}:`;
        const rest = qs.getAll(PICK_PARAM).filter((v) => !v.startsWith(prefix));
        qs.delete(PICK_PARAM);
        for (const r of rest) qs.append(PICK_PARAM, r);
        const defaults = hasQueries(def) ? (def.choices?.defaults ?? []) : [];
        if ([...next].sort().join(SEP) === [...defaults].sort().join(SEP)) return;
        for (const c of next) qs.append(PICK_PARAM, `${prefix}${c}`);
      }),
    [write, def],
  );
  const stable = useMemo(() => (key === null ? null : key.split(SEP)), [key]);
  return [stable, setPicked] as const;
}

/** Whether the page draws its annotations (`annotations=off` hides them), and how to switch. */
export function useAnnotationsShown() {
  const { params, write } = useParams();
  const shown = params.get(ANNOTATIONS_PARAM) !== 'off';
  const setShown = useCallback(
    (on: boolean) => write((qs) => (on ? qs.delete(ANNOTATIONS_PARAM) : qs.set(ANNOTATIONS_PARAM, 'off'))),
    [write],
  );
  return [shown, setShown] as const;
}

/** The page's search params (for the grid's open rows) and how to open or fold a row. */
export function useRowToggle() {
  const { params, write } = useParams();
  const toggle = useCallback(
    (row: RowDef, open: boolean) =>
      write((qs) => {
        const param = row.collapsed ? OPEN_PARAM : SHUT_PARAM;
        const rest = qs.getAll(param).filter((v) => v !== row.id);
        qs.delete(param);
        for (const r of rest) qs.append(param, r);
        if (open === !!row.collapsed) qs.append(param, row.id);
      }),
    [write],
  );
  return { params, toggle };
}
