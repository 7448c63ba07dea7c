'use client';

import { useState } from 'react';
import { focusInPlace, Popover } from '@/components/shell/popover';
import { HISTORY_KEY, parseHistory, searchHistory, toggleStar, type HistoryEntry } from '@/lib/explore/history';

export type HistoryMenuProps = { onPick: (q: string) => void };

export function readHistory(): HistoryEntry[] {
  return typeof window === 'undefined' ? [] : parseHistory(window.localStorage.getItem(HISTORY_KEY));
}

export function writeHistory(list: HistoryEntry[]) {
  try {
    window.localStorage.setItem(HISTORY_KEY, JSON.stringify(list));
  } catch {
    // A full or refused storage: the history is not kept, the query still runs.
  }
}

/** The queries run in this browser, newest first, starred ones on top of a search; a click puts one in the editor. */
export function HistoryMenu({ onPick }: HistoryMenuProps) {
  return (
    <Popover
      label="History"
      title="Queries run in this browser"
      testId="explore-history"
      align="left"
      width="w-[32rem]"
    >
      {(close) => <HistoryList onPick={(q) => (onPick(q), close())} />}
    </Popover>
  );
}

function HistoryList({ onPick }: HistoryMenuProps) {
  const [list, setList] = useState(readHistory);
  const [text, setText] = useState('');
  const shown = searchHistory(list, text);
  return (
    <div className="text-sm">
      <input
        ref={focusInPlace}
        type="search"
        aria-label="Search the history"
        placeholder={`Search ${list.length} queries…`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="mb-2 w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950"
      />
      {list.length === 0 && <p className="text-xs text-slate-500">No query has been run in this browser yet.</p>}
      {list.length > 0 && shown.length === 0 && <p className="text-xs text-slate-500">No query holds “{text}”.</p>}
      <ul className="max-h-80 overflow-y-auto" data-testid="history-list">
        {shown.map((e) => (
          <li
            key={e.q}
            data-testid="history-item"
            data-starred={e.starred ? 'true' : 'false'}
            className="flex items-start gap-1 py-0.5"
          >
            <button
              type="button"
              aria-pressed={Boolean(e.starred)}
              aria-label={e.starred ? 'Unstar' : 'Star'}
              onClick={() => {
                const next = toggleStar(list, e.q);
                setList(next);
                writeHistory(next);
              }}
              className="shrink-0 rounded px-1 text-amber-600 hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              {e.starred ? '★' : '☆'}
            </button>
            <button
              type="button"
              onClick={() => onPick(e.q)}
              className="min-w-0 flex-1 rounded px-1 text-left font-mono text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <span className="block truncate">{e.q}</span>
              <span className="text-[10px] text-slate-500">
                {new Date(e.at).toISOString().replace('T', ' ').slice(0, 16)} UTC · {e.from} → {e.to}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
