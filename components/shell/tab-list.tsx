'use client';

export type TabListProps<T extends string> = {
  label: string;
  /** Each tab's key and its name, in order. */
  tabs: Readonly<Record<T, string>>;
  selected: T;
  onSelect: (tab: T) => void;
  className?: string;
};

/** A row of tabs (role tablist), the selected one marked. */
export function TabList<T extends string>({ label, tabs, selected, onSelect, className = '' }: TabListProps<T>) {
  return (
    <div role="tablist" aria-label={label} className={`flex gap-1 ${className}`}>
      {(Object.keys(tabs) as T[]).map((t) => (
        <button
          key={t}
          role="tab"
          type="button"
          aria-selected={selected === t}
          onClick={() => onSelect(t)}
          className={`rounded px-3 py-1 ${selected === t ? 'bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
        >
          {tabs[t]}
        </button>
      ))}
    </div>
  );
}
