'use client';

import type { PanelDef } from '@/lib/dashboards/types';
import type { KindEntry, KindProps, PanelKindSpec } from './types';

/**
 * A registry entry from a kind's data hook and view. The hook runs in a component of its own per
 * kind, so every panel calls the same hooks on every render whatever its kind.
 */
export function defineKind<D extends PanelDef, T>(name: string, spec: PanelKindSpec<D, T>): KindEntry<D> {
  const { useData, View } = spec;
  function Kind({ def, ctx, frame }: KindProps<D>) {
    const data = useData(def, ctx);
    return frame(
      data,
      data.state === 'ready' && data.value !== null ? <View def={def} data={data.value} ctx={ctx} /> : null,
    );
  }
  Kind.displayName = `PanelKind(${name})`;
  return { Kind };
}
