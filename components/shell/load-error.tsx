'use client';

export type LoadErrorProps = {
  /** what failed, e.g. "Alerts could not load" */
  what: string;
  message: string;
  onRetry: () => void;
  /** inline: one line inside a section; block: a boxed message with a button */
  variant?: 'inline' | 'block';
  className?: string;
  testId?: string;
};

/** What failed, why, and a retry: the one error state every data view shares. */
export function LoadError({ what, message, onRetry, variant = 'inline', className = '', testId }: LoadErrorProps) {
  if (variant === 'inline') {
    return (
      <p role="alert" data-testid={testId} className={`text-xs text-red-700 dark:text-red-300 ${className}`}>
        {what}: {message}{' '}
        <button type="button" className="underline" onClick={onRetry}>
          Retry
        </button>
      </p>
    );
  }
  return (
    <div
      role="alert"
      data-testid={testId}
      className={`rounded border border-red-200 bg-white p-3 text-sm dark:border-red-900 dark:bg-slate-900 ${className}`}
    >
      <p className="font-medium text-red-700 dark:text-red-400">{what}</p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{message}</p>
      <button
        type="button"
        onClick={onRetry}
        className="mt-2 rounded bg-slate-800 px-3 py-1 text-xs text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white"
      >
        Retry
      </button>
    </div>
  );
}
