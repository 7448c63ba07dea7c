import Link from 'next/link';

/** /traces/<not a trace id>: a 404 that says what a trace id looks like. */
export default function NotATraceId() {
  return (
    <div
      role="alert"
      className="mx-auto mt-10 max-w-xl rounded-lg border border-red-200 bg-white p-4 text-sm dark:border-red-900 dark:bg-slate-900"
    >
      <p className="font-medium text-red-700 dark:text-red-400">Not a trace id</p>
      <p className="mt-1">
        The address does not name a trace. A trace id is 32 hex digits; a W3C traceparent (
        <code>00-&lt;trace id&gt;-&lt;span id&gt;-01</code>) or an <code>X-Trace-ID</code> value opens its trace too.
        Paste one into the box at the top, or{' '}
        <Link className="text-indigo-700 underline dark:text-indigo-300" href="/traces">
          search traces
        </Link>
        .
      </p>
    </div>
  );
}
