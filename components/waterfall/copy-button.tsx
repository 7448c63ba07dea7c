'use client';

import { useState } from 'react';

export type CopyButtonProps = { text: string; label: string };

export function CopyButton({ text, label }: CopyButtonProps) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setDone('copied'),
          () => setDone('failed'),
        );
        setTimeout(() => setDone(null), 1500);
      }}
      className="rounded px-1.5 text-[11px] text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
    >
      {done === 'copied' ? 'copied' : done === 'failed' ? 'copy failed' : 'copy'}
    </button>
  );
}
