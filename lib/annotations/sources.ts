import { escapeString } from '../prometheus/escape';
import type { DashboardDef } from '../dashboards/types';
import type { AnnotationKind } from './detect';

/** A range query whose changes become markers on a dashboard's time axes. */
export type AnnotationSource = { kind: AnnotationKind; expr: string; name?: string };

/** The annotations a dashboard shows: state changes of the alerts labelled with its page, and its own. */
export function annotationSources(d: Pick<DashboardDef, 'id' | 'annotations'>): AnnotationSource[] {
  return [{ kind: 'alert', expr: `ALERTS{page="${escapeString(d.id)}"}` }, ...(d.annotations ?? [])];
}

/** `annotations=off` in the URL hides the markers (they are on by default). */
export const ANNOTATIONS_PARAM = 'annotations';
