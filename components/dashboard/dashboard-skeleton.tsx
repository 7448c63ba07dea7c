export type DashboardSkeletonProps = { panels: number };

/** What a dashboard looks like before its URL state is read. */
export function DashboardSkeleton({ panels }: DashboardSkeletonProps) {
  return (
    <div className="mx-auto grid max-w-[1800px] grid-cols-1 gap-3 lg:grid-cols-2" aria-label="Loading dashboard">
      {Array.from({ length: panels }, (_, i) => (
        <div key={i} className="skeleton h-[300px] rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" />
      ))}
    </div>
  );
}
