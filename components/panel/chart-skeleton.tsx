/** The placeholder a chart shows while its data or its code loads. */
export function ChartSkeleton() {
  return (
    <div className="flex h-[220px] flex-col gap-2" aria-label="Loading">
      <div className="skeleton flex-1 rounded bg-slate-100 dark:bg-slate-800" />
      <div className="skeleton h-4 w-2/3 rounded bg-slate-100 dark:bg-slate-800" />
    </div>
  );
}
