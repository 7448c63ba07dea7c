import type { AnnotationSource } from '@/lib/annotations/sources';
import type { ComponentType, ReactNode } from 'react';
import type { PanelDef, PanelKind } from '@/lib/dashboards/types';
import type { PanelState } from '../panel-frame';

/** The range a page's panels are drawn over (epoch s), with its step and $__rate_interval. */
export type PlannedRange = { start: number; end: number; step: number; rateInterval: number };

/** What every panel is given by its page. */
export type PanelContext = {
  vars: Record<string, string[]>;
  range: PlannedRange;
  onZoom: (fromMs: number, toMs: number) => void;
  /** View mode: the panel alone at full size (a taller chart, the legend as a full table). */
  full?: boolean;
  /** Compare with the range this long ago (the page's `shift`): time series overlay it. */
  shift?: { sec: number; label: string };
  /** The page's annotation sources, when annotations are shown. */
  annotations?: readonly AnnotationSource[];
};

/** What a kind's data hook hands the frame: its state, what to say, and what its view draws. */
export type PanelData<T> = {
  state: PanelState;
  /** What the view draws; present when the state is ready. */
  value: T | null;
  /** The queries asked, as sent (for "show query"). */
  queries: string[];
  warnings: string[];
  /** Problems in the panel's own definition (a bad override pattern, say). */
  problems?: string[];
  error?: string;
  notice?: string;
  emptyText?: string;
  fetching: boolean;
  retry?: () => void;
  /** What the panel shows, as CSV (for "Download CSV"); absent for kinds without data. */
  csv?: () => string;
};

/** One kind of panel: how it gets its data, and how it draws it. */
export type PanelKindSpec<D extends PanelDef, T> = {
  useData: (def: D, ctx: PanelContext) => PanelData<T>;
  View: ComponentType<{ def: D; data: T; ctx: PanelContext }>;
};

/** Frames what a kind drew (title, menu, states): given by Panel, so every kind is framed alike. */
export type FrameRender = (data: PanelData<unknown>, body: ReactNode) => ReactNode;

export type KindProps<D extends PanelDef> = { def: D; ctx: PanelContext; frame: FrameRender };

/** A kind in the registry: one component that runs the kind's data hook and hands its view to the frame. */
export type KindEntry<D extends PanelDef> = { Kind: ComponentType<KindProps<D>> };

export type PanelKinds = { [K in PanelKind]: KindEntry<Extract<PanelDef, { kind: K }>> };
