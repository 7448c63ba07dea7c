'use client';

import { useCallback, useEffect, useState } from 'react';

/**
 * Work that can wait until the page is idle, done one piece per idle period so that no single
 * task blocks input for long (a dashboard has sixteen charts to make interactive).
 */
const queue: (() => void)[] = [];
let scheduled = false;

function pump(): void {
  scheduled = false;
  queue.shift()?.();
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(pump, { timeout: 2000 });
  else window.setTimeout(pump, 16);
}

/**
 * False until the page has been idle once for this component (in mount order), or until `now()`
 * is called (the person is about to use it).
 */
export function useIdleFlag(): [boolean, () => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const go = () => setOn(true);
    queue.push(go);
    schedule();
    return () => {
      const i = queue.indexOf(go);
      if (i >= 0) queue.splice(i, 1);
    };
  }, []);
  const now = useCallback(() => setOn(true), []);
  return [on, now];
}
