'use client';

import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';

export type PopoverProps = {
  label: ReactNode;
  title: string;
  testId?: string;
  children: (close: () => void) => ReactNode;
  align?: 'left' | 'right';
  /** The panel's width (a Tailwind class); it never grows past the viewport. */
  width?: string;
};

/** A button that opens a panel; Escape, a choice made in it, or a click outside closes it (the first two return focus). */
/** A panel that would run past the window's edge moves back inside it (no sideways scrolling). */
function keepInView(el: HTMLDivElement | null) {
  if (!el) return;
  const r = el.getBoundingClientRect();
  const over = r.right - (document.documentElement.clientWidth - 8);
  const under = 8 - r.left;
  if (over > 0) el.style.transform = `translateX(${-Math.min(over, Math.max(0, r.left - 8))}px)`;
  else if (under > 0) el.style.transform = `translateX(${under}px)`;
}

/** Focus a field in a panel without scrolling the page to where it was before it moved into view. */
export function focusInPlace(el: HTMLElement | null) {
  el?.focus({ preventScroll: true });
}

export function Popover({ label, title, testId, children, align = 'right', width = 'w-[22rem]' }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  // A choice made inside closes it and hands focus back to the button (in an effect: after the close renders).
  const [choices, setChoices] = useState(0);
  const close = useCallback(() => {
    setOpen(false);
    setChoices((n) => n + 1);
  }, []);
  useEffect(() => {
    if (choices > 0) button.current?.focus();
  }, [choices]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="relative" ref={root}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        title={title}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
        className="whitespace-nowrap rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        {label}
      </button>
      {open && (
        <div
          ref={keepInView}
          id={id}
          role="dialog"
          aria-label={title}
          className={`absolute z-40 mt-1 ${width} max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${align === 'right' ? 'right-0' : 'left-0'}`}
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}
