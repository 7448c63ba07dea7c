'use client';

import { useSyncExternalStore } from 'react';

const noSubscribe = () => () => {};

/**
 * False in the server's HTML and until the page's script has taken it over, true after. Controls
 * that work only with their script are disabled until then, so an early click is not lost (or
 * sent as a plain form that reloads the page).
 */
export function useInteractive(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
