'use client';

import { useState } from 'react';
import { Popover } from './popover';

export type CopyLinkProps = { links: (origin: string) => { relative: string; absolute: string } };

/** Two links: one that keeps the range relative (now-1h), one pinned to the instant range shown. */
export function CopyLink({ links }: CopyLinkProps) {
  return (
    <Popover label="Copy link" title="Share this view" testId="copy-link">
      {() => <CopyLinkBody links={links(window.location.origin)} />}
    </Popover>
  );
}

function CopyLinkBody({ links }: { links: { relative: string; absolute: string } }) {
  return (
    <div className="space-y-3">
      <LinkRow label="Relative time (moves with now)" value={links.relative} testId="link-relative" />
      <LinkRow label="Absolute time (the exact range you see)" value={links.absolute} testId="link-absolute" />
    </div>
  );
}

function LinkRow({ label, value, testId }: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div>
      <p className="mb-1 text-xs text-slate-500">{label}</p>
      <div className="flex gap-2">
        <input
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(e) => e.target.select()}
          aria-label={label}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
        />
        <button
          type="button"
          onClick={copy}
          className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {copied === 'ok' ? 'Copied' : copied === 'failed' ? 'Select & ⌘C' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
