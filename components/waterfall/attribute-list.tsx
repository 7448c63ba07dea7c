'use client';

import { useState } from 'react';
import type { AnyValue as Value, Attribute as Attr } from '@/lib/traces/model';

export type AttributeListProps = { attributes: Attr[]; empty?: string };

const LONG = 2000;

/** A value as text (never as HTML): arrays and maps as JSON-like text, long strings folded. */
export function valueText(v: Value): string {
  switch (v.type) {
    case 'string':
    case 'bytes':
      return v.value;
    case 'array':
      return `[${v.value.map((x) => (x.type === 'string' ? JSON.stringify(x.value) : valueText(x))).join(', ')}]`;
    case 'kvlist':
      return `{${v.value.map((a) => `${a.key}: ${valueText(a.value)}`).join(', ')}}`;
    case 'empty':
      return '(empty)';
    default:
      return String(v.value);
  }
}

function LongText({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  if (text.length <= LONG) return <>{text}</>;
  return (
    <>
      {open ? text : `${text.slice(0, LONG)}…`}
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        className="ml-1 text-indigo-700 underline dark:text-indigo-300"
      >
        {open ? 'show less' : `show all ${text.length.toLocaleString('en-US')} characters`}
      </button>
    </>
  );
}

export function AttributeList({ attributes, empty = 'None' }: AttributeListProps) {
  if (attributes.length === 0) return <p className="text-xs text-slate-500">{empty}</p>;
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-3 gap-y-0.5 text-xs">
      {attributes.map((a, i) => (
        <div key={`${a.key}-${i}`} className="contents">
          <dt className="break-all font-mono text-slate-500 dark:text-slate-400">{a.key}</dt>
          <dd data-testid="attr-value" dir="auto" className="min-w-0 whitespace-pre-wrap break-all font-mono">
            <LongText text={valueText(a.value)} />
            <span className="ml-1 text-[10px] text-slate-400">{a.value.type}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
