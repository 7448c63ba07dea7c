'use client';

import { useState } from 'react';

/** A table sorted by one column at a time: click a header to sort by it, again to flip the order. */
export function useSort<T, K extends string>(
  rows: readonly T[],
  initial: K,
  valueOf: (row: T, key: K) => number | string,
) {
  const [sort, setSort] = useState<{ key: K; desc: boolean }>({ key: initial, desc: true });
  const sorted = [...rows].sort((a, b) => {
    const x = valueOf(a, sort.key);
    const y = valueOf(b, sort.key);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sort.desc ? -c : c;
  });
  const header = (key: K, label: string, numeric: boolean, className = 'px-2 py-1') => (
    <th
      key={key}
      scope="col"
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      className={`${className} ${numeric ? 'text-right' : 'text-left'}`}
    >
      <button type="button" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : true })}>
        {label} {sort.key === key ? (sort.desc ? '▾' : '▴') : ''}
      </button>
    </th>
  );
  return { sorted, header };
}
