import type { DashboardDef } from './types';
import { workflowsDashboard } from './workflows';

/** Every built-in dashboard, by id. */
export const DASHBOARDS: Record<string, DashboardDef> = {
  [workflowsDashboard.id]: workflowsDashboard,
};

/** Pages in the navigation, only those that exist. */
export const NAV: { href: string; label: string }[] = [{ href: '/workflows', label: 'Workflows' }];
